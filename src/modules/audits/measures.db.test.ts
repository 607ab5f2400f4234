/** Each audit measure on a small fixture, the right answer worked out by hand (March 2026, seen from June). */
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import { auditsDone, auditsGoodOrBetter, inadequatePutRight } from './measures.ts';
import { makeAudit, makeMonth, makeTeam, type AuditOverrides } from './test-support.ts';

const t = testAppForFile();
const march = periodOf('2026-03', '2026-06-01');

/** The measure's rows for these records only, as [record id, met], in the order given. */
async function rowsFor(measure: Measure, ids: string[]) {
  const rows = await measureRecords(t.database.db, measure, march);
  return ids.flatMap((id) => rows.filter((r) => r.recordId === id).map((r) => [id, r.met]));
}

async function fixture() {
  const db = t.database.db;
  const teamId = await makeTeam(db);
  const audit = async (monthId: string, values: Partial<AuditOverrides>) =>
    makeAudit(db, { monthId, householdId: (await makeHousehold(db, { teamId })).id, teamId, ...values });
  return { db, teamId, audit };
}

describe('audits done per team against 10 a month', () => {
  it('counts the team sample’s files of March, done when audited by 31 March; swapped files and the central sample left out', async () => {
    const { db, teamId, audit } = await fixture();
    const month = await makeMonth(db, '2026-03', teamId);
    const done = await audit(month, { status: 'completed', auditedOn: '2026-03-31', grade: 'good' });
    const april = await audit(month, { status: 'completed', auditedOn: '2026-04-01', grade: 'good' });
    const notDone = await audit(month, {});
    const swapped = await audit(month, { status: 'swapped', swapReason: 'Carers abroad' });
    const central = await audit(await makeMonth(db, '2026-03', null), {
      status: 'completed',
      auditedOn: '2026-03-05',
      grade: 'good',
    });
    // 1 of the 3 files counted was done in March: 33%.
    expect(
      await rowsFor(
        auditsDone,
        [done, april, notDone, swapped, central].map((a) => a.id),
      ),
    ).toEqual([
      [done.id, true],
      [april.id, false],
      [notDone.id, false],
    ]);
  });
});

describe('audits graded good or better', () => {
  it('counts the audits completed in March, met when outstanding or good', async () => {
    const { db, teamId, audit } = await fixture();
    const month = await makeMonth(db, '2026-02', teamId);
    const at = (grade: string, auditedOn = '2026-03-10') => audit(month, { status: 'completed', auditedOn, grade });
    const outstanding = await at('outstanding');
    const good = await at('good');
    const improve = await at('requires_improvement');
    const inadequate = await at('inadequate');
    const february = await at('good', '2026-02-27');
    // 2 of the 4 audits completed in March were good or better: 50%.
    expect(
      await rowsFor(
        auditsGoodOrBetter,
        [outstanding, good, improve, inadequate, february].map((a) => a.id),
      ),
    ).toEqual([
      [outstanding.id, true],
      [good.id, true],
      [improve.id, false],
      [inadequate.id, false],
    ]);
  });
});

describe('inadequate audits put right within 5 working days', () => {
  it('counts the inadequate audits due to be put right in March, met when put right on or before the day', async () => {
    const { db, teamId, audit } = await fixture();
    const month = await makeMonth(db, '2026-03', teamId);
    const inadequate = (auditedOn: string, putRightDueOn: string, putRightOn: string | null) =>
      audit(month, { status: 'completed', grade: 'inadequate', auditedOn, putRightDueOn, putRightOn });
    // Audited Tuesday 3 March: due Tuesday 10 March.
    const onTheDay = await inadequate('2026-03-03', '2026-03-10', '2026-03-10');
    const dayLate = await inadequate('2026-03-05', '2026-03-12', '2026-03-13');
    const notYet = await inadequate('2026-03-13', '2026-03-20', null);
    const april = await inadequate('2026-03-26', '2026-04-02', '2026-03-30');
    // 1 of the 3 due in March was put right in time: 33%.
    expect(
      await rowsFor(
        inadequatePutRight,
        [onTheDay, dayLate, notYet, april].map((a) => a.id),
      ),
    ).toEqual([
      [onTheDay.id, true],
      [dayLate.id, false],
      [notYet.id, false],
    ]);
  });
});
