/**
 * "Six-monthly reviews completed on time", worked out by hand. The reviews of 1 October 2025 to 31
 * March 2026 fell due on 30 April 2026: the three areas' summaries of children's feedback and the
 * three service-wide reviews, six in all. East Kent's was completed on 20 April and West Kent's on
 * the day, 30 April (both on time); North Kent's on 2 May (late); allegations and complaints on 29
 * April (on time); retention of carers not at all; agencies' payments only saved. So April 2026:
 * 3 of 6, 50%; East Kent 1 of 1, West Kent 1 of 1, North Kent 0 of 1; no team figures. May 2026
 * had nothing due, nor October 2026 up to the 15th (due on the 31st).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { viewer } from '../home/test-support.ts';
import { countMeasure, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { reviewsOnTime } from './measures.ts';
import { areaIdOf, clearServiceReviews, makeServiceReview } from './test-support.ts';

const t = testAppForFile();

describe('six-monthly reviews completed on time', () => {
  const start = '2025-10-01';
  let areas: Record<string, string>;

  beforeAll(async () => {
    const db = t.database.db;
    await clearServiceReviews(db, '2026-06-01');
    const by = (await viewer(db, 'head')).id;
    areas = {
      east: await areaIdOf(db, 'East Kent'),
      west: await areaIdOf(db, 'West Kent'),
      north: await areaIdOf(db, 'North Kent'),
    };
    const feedback = { kind: 'childrens-feedback' as const, periodStart: start, by };
    await makeServiceReview(db, { ...feedback, areaId: areas.east, completedOn: '2026-04-20' });
    await makeServiceReview(db, { ...feedback, areaId: areas.west, completedOn: '2026-04-30' });
    await makeServiceReview(db, { ...feedback, areaId: areas.north, completedOn: '2026-05-02' });
    await makeServiceReview(db, { kind: 'allegations-complaints', periodStart: start, completedOn: '2026-04-29', by });
    await makeServiceReview(db, { kind: 'agency-payments', periodStart: start, by });
    // A review of the half-year before, completed late: not April's business.
    await makeServiceReview(db, { kind: 'carer-retention', periodStart: '2025-04-01', completedOn: '2025-11-20', by });
  });

  it('counts April 2026: 3 of 6 on time, each area’s own, the service-wide ones for the service only', async () => {
    const april = periodOf('2026-04', '2026-06-01');
    const { figures } = await countMeasure(t.database.db, reviewsOnTime, april);
    const of = (kind: string, id = '') => figures.find((f) => f.scopeKind === kind && f.scopeId === id);
    expect(of('service')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(of('area', areas.east)).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(of('area', areas.west)).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(of('area', areas.north)).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(figures.filter((f) => f.scopeKind === 'team')).toEqual([]);

    const rows = await measureRecords(t.database.db, reviewsOnTime, april);
    const half = '1 October 2025 to 31 March 2026';
    expect(rows.map((r) => [r.label, r.met, r.detail])).toEqual([
      [`Retention of foster carers, ${half}`, false, 'Due by 2026-04-30; not completed'],
      [`Review of allegations and complaints, ${half}`, true, 'Due by 2026-04-30; completed 2026-04-29'],
      [`Summary of children’s feedback: East Kent, ${half}`, true, 'Due by 2026-04-30; completed 2026-04-20'],
      [`Summary of children’s feedback: North Kent, ${half}`, false, 'Due by 2026-04-30; completed 2026-05-02'],
      [`Summary of children’s feedback: West Kent, ${half}`, true, 'Due by 2026-04-30; completed 2026-04-30'],
      [`What local agencies pay foster carers, ${half}`, false, 'Due by 2026-04-30; not completed'],
    ]);
    expect(rows.find((r) => r.label.startsWith('Review of'))?.href).toBe(
      '/service-reviews/allegations-complaints/2025-10',
    );
  });

  it('has nothing to count in a month when no review fell due', async () => {
    expect(reviewsOnTime.count(periodOf('2026-05', '2026-06-01'))).toBeNull();
    expect(reviewsOnTime.count(periodOf('2026-10', '2026-10-15'))).toBeNull();
    expect(reviewsOnTime.count(periodOf('2026-10', '2026-10-31'))).not.toBeNull();
  });
});
