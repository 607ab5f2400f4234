/**
 * The figures on a review, for a small set of records made by hand, counted by hand.
 *
 * Children's feedback in Marsh Vale (an area of this test's own), 1 April to 30 September 2026:
 * three children's views for an annual review (two by link on the 8 to 12 form, one recorded by a
 * worker on the under 8 form; a fourth, on 2 October, is outside); a complaint, a compliment and an
 * allegation raised by children (a parent's complaint and a child's of 31 March do not count); and
 * two children named in matters concluded in the half-year, one told the outcome.
 *
 * The service-wide reviews, 1 April to 30 September 2016 (long before any demo record):
 * - allegations known on Friday 6 May (referred Monday 9: in time), Friday 27 May (referred Tuesday
 *   31, the Monday a bank holiday: in time, still open on 30 September) and Wednesday 10 August
 *   (referred Friday 12: late); one known 1 February concluded 15 April (malicious). 3 months ended
 *   in the half-year for those of 1 February, 6 May and 27 May: two concluded within them;
 * - complaints of 1 June (communication, delay), 1 July (communication: a repeat) and 1 August
 *   (finance: a repeat of 1 October 2015's);
 * - households that left on 1 May (resignation, interview held: fees, support; would not return),
 *   1 June (retirement, declined) and 30 September (resignation, held: fees; would return); one on
 *   1 October is outside;
 * - rates from 1 January 2016 and 1 April 2016 (the one in force on 30 September).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeMatter, setThemes } from '../concerns/test-support.ts';
import { reviewChildren, reviewContributions } from '../reviews/tables.ts';
import { makeReview } from '../reviews/test-support.ts';
import { recruitmentLeavings } from '../recruitment/tables.ts';
import { paymentRates } from '../payments/tables.ts';
import type { Figures } from './figure-parts.ts';
import { countFigures } from './figures.ts';
import { makeArea } from './test-support.ts';

const t = testAppForFile();

/** The figures as { table: [[row, values ...]] }. */
const tables = (f: Figures) =>
  Object.fromEntries(f.sections.map((s) => [s.title, s.rows.map((r) => [r.label, ...r.values])]));

describe('the figures Hearth counts for a review', () => {
  let marshVale: string;
  let household: string;

  beforeAll(async () => {
    const db = t.database.db;
    const made = await makeArea(db, 'Marsh Vale');
    marshVale = made.areaId;
    household = (await makeHousehold(db, { teamId: made.teamId })).id;
    const child = (first: string) => makeChild(db, { areaId: marshVale, firstName: first, lastName: 'Figures' });
    const [c1, c2, c3] = [await child('Ada'), await child('Ben'), await child('Cal')];
    const review = await makeReview(db, {
      householdId: household,
      startedOn: '2026-05-10',
      reviewedOn: '2026-06-10',
      children: [
        { childId: c1.id, gave: ['child_views'] },
        { childId: c2.id, gave: ['child_views'] },
      ],
    });
    await db.insert(reviewChildren).values({ reviewId: review.id, childId: c3.id, ageGroup: 'under_8' });
    await db.insert(reviewContributions).values({
      reviewId: review.id,
      kind: 'child_views',
      childId: c3.id,
      receivedOn: '2026-06-01',
      source: 'recorded',
      givenBy: 'Their supervising social worker, on a visit',
      answers: { words: { best: 'Drawing' } },
    });
    await makeReview(db, {
      householdId: household,
      startedOn: '2026-10-02',
      children: [{ childId: c1.id, gave: ['child_views'] }],
    });
    const matter = (values: Parameters<typeof makeMatter>[1]) => makeMatter(db, { householdId: household, ...values });
    await matter({
      kind: 'complaint',
      raisedBy: 'child',
      knownOn: '2026-07-01',
      childIds: [c2.id],
      closedOn: '2026-08-20',
    });
    await matter({ kind: 'compliment', raisedBy: 'child', knownOn: '2026-08-01', category: null });
    await matter({ kind: 'complaint', raisedBy: 'parent', knownOn: '2026-07-01' });
    await matter({ kind: 'complaint', raisedBy: 'child', knownOn: '2026-03-31' });
    const allegation = await matter({
      raisedBy: 'child',
      knownOn: '2026-06-15',
      childIds: [c1.id],
      outcome: 'unfounded',
      outcomeOn: '2026-09-01',
    });
    await db.execute(
      sql`update concern_children set outcome_told_on = '2026-09-05' where concern_id = ${allegation.id}`,
    );

    // 2016, service-wide.
    await matter({
      knownOn: '2016-05-06',
      referredToLadoOn: '2016-05-09',
      outcome: 'substantiated',
      outcomeOn: '2016-07-01',
    });
    await matter({ knownOn: '2016-05-27', referredToLadoOn: '2016-05-31' });
    await matter({
      knownOn: '2016-08-10',
      referredToLadoOn: '2016-08-12',
      outcome: 'unfounded',
      outcomeOn: '2016-09-20',
    });
    await matter({
      knownOn: '2016-02-01',
      referredToLadoOn: '2016-02-01',
      outcome: 'malicious',
      outcomeOn: '2016-04-15',
    });
    const complaint = async (knownOn: string, themes: string[]) =>
      setThemes(db, (await matter({ kind: 'complaint', raisedBy: 'carer', knownOn })).id, themes);
    await complaint('2015-10-01', ['finance']);
    await complaint('2016-06-01', ['communication', 'delay']);
    await complaint('2016-07-01', ['communication']);
    await complaint('2016-08-01', ['finance']);
    const leaving = async (values: Partial<typeof recruitmentLeavings.$inferInsert> & { leftOn: string }) =>
      db.insert(recruitmentLeavings).values({
        householdId: (await makeHousehold(db, { teamId: made.teamId, status: 'deregistered' })).id,
        reason: 'resignation',
        exitInterview: 'not_offered',
        themes: [],
        ...values,
      });
    await leaving({
      leftOn: '2016-05-01',
      exitInterview: 'done',
      themes: ['allowances_and_fees', 'support_from_social_worker'],
      wouldReturn: 'no',
    });
    await leaving({ leftOn: '2016-06-01', reason: 'retirement', exitInterview: 'declined' });
    await leaving({ leftOn: '2016-09-30', exitInterview: 'done', themes: ['allowances_and_fees'], wouldReturn: 'yes' });
    await leaving({ leftOn: '2016-10-01', exitInterview: 'done', themes: ['training'] });
    const rates = (effectiveFrom: string, pounds: number) =>
      db.insert(paymentRates).values({
        effectiveFrom,
        allowance0To4: pounds * 100,
        allowance5To10: (pounds + 10) * 100,
        allowance11To15: (pounds + 20) * 100,
        allowance16To17: (pounds + 30) * 100 + 50,
        feeLevel1: 5000,
        feeLevel2: 10000,
        feeLevel3: 20000,
        dayCareHourly: 1100,
        livingWageHourly: 1040,
      });
    await rates('2016-01-01', 140);
    await rates('2016-04-01', 150);
  });

  it('counts an area’s children’s feedback', async () => {
    expect(tables(await countFigures(t.database.db, 'childrens-feedback', '2026-04-01', marshVale))).toEqual({
      'Children’s views for carers’ annual reviews': [
        ['Children’s views received', 3],
        ['Under 8 form', 1],
        ['8 to 12 form', 2],
        ['13 and over form', 0],
        ['Given by the child through their link', 2],
        ['Recorded by a worker', 1],
      ],
      'Raised by children': [
        ['Complaints', 1],
        ['Compliments', 1],
        ['Allegations and concerns about standards of care', 1],
      ],
      'Outcomes given to children': [
        ['Children named', 2],
        ['Told the outcome', 1],
        ['Not yet told the outcome', 1],
      ],
    });
  });

  it('counts the service’s allegations and complaints', async () => {
    expect(tables(await countFigures(t.database.db, 'allegations-complaints', '2016-04-01', null))).toEqual({
      Allegations: [
        ['Became known', 3],
        ['Referred to the LADO within 1 working day', 2],
        ['Referred later, or not referred', 1],
        ['Still open on 30 September 2016', 1],
      ],
      'Allegations concluded within 3 months': [
        ['3 months ended', 3],
        ['Concluded within 3 months', 2],
      ],
      'Outcomes of allegations': [
        ['Substantiated', 1],
        ['Unsubstantiated', 0],
        ['Unfounded', 1],
        ['False', 0],
        ['Malicious', 1],
      ],
      'Complaints by theme': [
        ['All complaints', 3, 2],
        ['Communication and being listened to', 2, 1],
        ['Delay', 1, 0],
        ['Fees, allowances and money', 1, 1],
      ],
    });
  });

  it('counts the households that left and their exit interviews', async () => {
    expect(tables(await countFigures(t.database.db, 'carer-retention', '2016-04-01', null))).toEqual({
      'Households that left the service': [
        ['Left the service', 3],
        ['Resignation', 2],
        ['Retirement', 1],
        ['Decision after a review', 0],
        ['Decision after an allegation', 0],
      ],
      'Exit interviews': [
        ['Held', 2],
        ['Declined', 1],
        ['Offered, not yet held', 0],
        ['Not offered yet', 0],
      ],
      'Themes from the exit interviews': [
        ['Allowances and fees', 2],
        ['Support from their social worker', 1],
      ],
      'Would they foster for us again?': [
        ['Yes', 1],
        ['No', 1],
        ['Not sure', 0],
      ],
    });
  });

  it('shows the rates in force at the end of the half-year', async () => {
    const figures = await countFigures(t.database.db, 'agency-payments', '2016-04-01', null);
    expect(figures.sections[0]!.note).toBe(
      'The service’s published rates in force on 30 September 2016, from 1 April 2016.',
    );
    expect(tables(figures)).toEqual({
      'Weekly allowance for a child': [
        ['Aged 0 to 4', 15000],
        ['Aged 5 to 10', 16000],
        ['Aged 11 to 15', 17000],
        ['Aged 16 to 17', 18050],
      ],
      'Weekly fee for the carer': [
        ['Level 1', 5000],
        ['Level 2 (Skilled)', 10000],
        ['Level 3 (Advanced)', 20000],
      ],
      'Day care': [
        ['Day care', 1100],
        ['Living Wage', 1040],
      ],
      'In the half-year': [
        ['New sets of rates', 1],
        ['Disability enhancements current', 0],
      ],
    });
    const before = await countFigures(t.database.db, 'agency-payments', '2014-04-01', null);
    expect(before.sections[0]!.note).toBe('No published rates were in force on 30 September 2014.');
    expect(before.sections[0]!.rows).toEqual([]);
  });
});
