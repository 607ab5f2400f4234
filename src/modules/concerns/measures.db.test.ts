/**
 * Each of the concerns module's 8 measures on a small fixture, the right answer worked out by hand
 * in a comment. Each measure has a month of 2020 of its own (before the demo's two years) and a
 * team of its own, so the team's figure counts only the fixture; the records behind it are checked
 * too, in the list's order.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { countMeasure, measureRecords, periodOf, type Measure } from '../../platform/measures/index.ts';
import {
  carerSupportOffered,
  concludedWithinThreeMonths,
  outcomeGivenToChild,
  presentedToPanel,
  referredWithinOneDay,
} from './measures.ts';
import { complaintsInTime, notifiedInTime, repeatThemes } from './measures-complaints.ts';
import { concernChildren } from './tables.ts';
import { makeEvent, makeMatter, makeStage, setThemes } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;

let teamCount = 0;
/** A team of East Kent of the test's own, so its figure counts the fixture alone. */
async function makeTeam() {
  teamCount += 1;
  const [area] = await db().select({ id: areas.id }).from(areas).where(eq(areas.name, 'East Kent'));
  const [team] = await db()
    .insert(teams)
    .values({ name: `Concerns Measures Fixture Team ${teamCount}`, areaId: area!.id })
    .returning();
  return team!.id;
}

/** The team's figure for the month, and its records as [record id, met] in the list's order. */
async function figureAndRows(measure: Measure, month: string, teamId: string) {
  const period = periodOf(month, '2026-12-01');
  const { figures } = await countMeasure(db(), measure, period);
  const figure = figures.find((f) => f.scopeKind === 'team' && f.scopeId === teamId);
  const rows = (await measureRecords(db(), measure, period)).filter((r) => r.teamId === teamId);
  return {
    numerator: figure?.numerator ?? 0,
    denominator: figure?.denominator ?? 0,
    value: figure?.value ?? null,
    rows: rows.map((r) => [r.recordId, r.met]),
    details: rows.map((r) => r.detail),
    labels: rows.map((r) => r.label),
  };
}

describe('allegations referred to the LADO within 1 working day', () => {
  it('counts the allegations whose next-working-day deadline fell in May 2020, bank holidays skipped', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const allegation = (knownOn: string, referredToLadoOn: string | null = null, kind = 'allegation') =>
      makeMatter(db(), { householdId, knownOn, referredToLadoOn, kind });
    // Known Thursday 7 May; Friday 8 May 2020 was a bank holiday (VE Day), so due Monday 11 May: referred then, met.
    const overBankHoliday = await allegation('2020-05-07', '2020-05-11');
    // Known Friday 1 May, due Monday 4 May, referred Tuesday 5 May: late.
    const late = await allegation('2020-05-01', '2020-05-05');
    // Known Thursday 30 April, due Friday 1 May: counted in May; never referred.
    const never = await allegation('2020-04-30');
    // Not counted: known Friday 29 May (due Monday 1 June), and a complaint known in May.
    await allegation('2020-05-29', '2020-05-29');
    await allegation('2020-05-07', null, 'complaint');
    // 1 of 3 referred in time: 33.3%.
    const figure = await figureAndRows(referredWithinOneDay, '2020-05', teamId);
    expect(figure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(figure.rows).toEqual([
      [never.id, false],
      [late.id, false],
      [overBankHoliday.id, true],
    ]);
    expect(figure.details).toEqual([
      'Due by 2020-05-01; not referred',
      'Due by 2020-05-04; referred 2020-05-05',
      'Due by 2020-05-11; referred 2020-05-11',
    ]);
  });
});

describe('allegations concluded within 3 months', () => {
  it('counts the allegations whose 3 months ended in June 2020, met with an outcome by that day', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const allegation = (knownOn: string, outcomeOn: string | null) =>
      makeMatter(db(), {
        householdId,
        knownOn,
        referredToLadoOn: knownOn,
        outcome: outcomeOn ? 'unsubstantiated' : null,
        outcomeOn,
      });
    // Known 2 March: 3 months end 2 June, outcome that day: met.
    const onTheDay = await allegation('2020-03-02', '2020-06-02');
    // Known 10 March: 3 months end 10 June, outcome 11 June: missed.
    const dayLate = await allegation('2020-03-10', '2020-06-11');
    // Known 31 March: 3 months end 30 June (no 31 June), no outcome: missed.
    const open = await allegation('2020-03-31', null);
    // Not counted: known 1 April (3 months end 1 July) and 29 February (end 29 May).
    await allegation('2020-04-01', '2020-04-20');
    await allegation('2020-02-29', null);
    // 1 of 3 concluded within 3 months: 33.3%.
    const figure = await figureAndRows(concludedWithinThreeMonths, '2020-06', teamId);
    expect(figure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(figure.rows).toEqual([
      [onTheDay.id, true],
      [dayLate.id, false],
      [open.id, false],
    ]);
    expect(figure.details[2]).toBe('3 months on 2020-06-30; no outcome');
  });
});

describe('concluded allegations presented to the fostering panel', () => {
  it('counts the outcomes of the 12 months to 31 July 2020, met when presented by then', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const allegation = (outcomeOn: string, presentedToPanelOn: string | null) =>
      makeMatter(db(), {
        householdId,
        knownOn: '2019-06-03',
        referredToLadoOn: '2019-06-04',
        outcome: 'unfounded',
        outcomeOn,
        presentedToPanelOn,
      });
    // Outcome 15 January 2020, presented 20 February: met.
    const presented = await allegation('2020-01-15', '2020-02-20');
    // Outcome 10 July 2020, presented 5 August (after the month): missed.
    const afterTheMonth = await allegation('2020-07-10', '2020-08-05');
    // Outcome 1 August 2019 (the first day of the 12 months), never presented: missed.
    const never = await allegation('2019-08-01', null);
    // Not counted: an outcome on 31 July 2019 (a year before, excluded), and an allegation with none.
    await allegation('2019-07-31', '2019-08-10');
    await makeMatter(db(), { householdId, knownOn: '2020-07-01' });
    // 1 of 3 presented: 33.3%.
    const figure = await figureAndRows(presentedToPanel, '2020-07', teamId);
    expect(figure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect([...figure.rows].sort()).toEqual(
      [
        [presented.id, true],
        [afterTheMonth.id, false],
        [never.id, false],
      ].sort(),
    );
  });
});

describe('carers facing an allegation offered independent support', () => {
  it('counts the allegations known in the 12 months to 31 August 2020, met when support was offered by then', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    // Referred to the LADO the day it became known, unless said otherwise.
    const allegation = (knownOn: string, supportOfferedOn: string | null, referredToLadoOn: string | null = knownOn) =>
      makeMatter(db(), {
        householdId,
        knownOn,
        referredToLadoOn,
        supportOfferedOn,
        supportBy: supportOfferedOn ? 'Fostering Network' : null,
      });
    // Known 3 August 2020, offered 4 August: met.
    const offered = await allegation('2020-08-03', '2020-08-04');
    // Known 20 August 2020, offered 2 September (after the month): missed.
    const afterTheMonth = await allegation('2020-08-20', '2020-09-02');
    // Known 1 September 2019 (the first day of the 12 months), never offered: missed.
    const never = await allegation('2019-09-01', null);
    // Not counted: known 31 August 2019 (a year before) and 1 September 2020 (after).
    await allegation('2019-08-31', null);
    await allegation('2020-09-01', '2020-09-01');
    // Not counted: referred on Friday 28 August 2020, support due on Tuesday 1 September (Monday 31
    // August the summer bank holiday), not yet overdue on the 31st; and one not yet referred.
    await allegation('2020-08-28', null);
    await allegation('2020-08-10', null, null);
    // 1 of 3 offered support: 33.3%.
    const figure = await figureAndRows(carerSupportOffered, '2020-08', teamId);
    expect(figure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(figure.rows).toEqual([
      [never.id, false],
      [offered.id, true],
      [afterTheMonth.id, false],
    ]);
  });
});

describe('children given the outcome of an allegation', () => {
  it('counts each child named in an allegation concluded, or a complaint first answered, in the 12 months to 30 September 2020', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const [ash, bo, cy, dee] = await Promise.all(
      ['Ash', 'Bo', 'Cy', 'Dee'].map((firstName) => makeChild(db(), { firstName })),
    );
    const allegation = (outcomeOn: string, childIds: string[]) =>
      makeMatter(db(), {
        householdId,
        knownOn: '2020-02-03',
        referredToLadoOn: '2020-02-03',
        outcome: 'unsubstantiated',
        outcomeOn,
        childIds,
      });
    // Outcome 10 September 2020 naming Ash (told 15 September: met) and Bo (not told: missed).
    const both = await allegation('2020-09-10', [ash!.id, bo!.id]);
    await db().update(concernChildren).set({ outcomeToldOn: '2020-09-15' }).where(eq(concernChildren.childId, ash!.id));
    // Outcome 5 March 2020 naming Cy, told 6 October (after the month): missed.
    const toldLate = await allegation('2020-03-05', [cy!.id]);
    await db().update(concernChildren).set({ outcomeToldOn: '2020-10-06' }).where(eq(concernChildren.childId, cy!.id));
    // Not counted: an outcome on 1 October naming Dee, and an outcome in September naming no child.
    await allegation('2020-10-01', [dee!.id]);
    await allegation('2020-09-10', []);
    // A complaint naming Eve, its stage 1 answered 21 September and Eve told on 24 September: met.
    // Another naming Fay, first answered 30 September 2019 (a year to the day before): not counted.
    const [eve, fay] = await Promise.all(['Eve', 'Fay'].map((firstName) => makeChild(db(), { firstName })));
    const complaint = async (receivedOn: string, respondedOn: string, childId: string) => {
      const made = await makeMatter(db(), {
        kind: 'complaint',
        againstKind: 'carer',
        raisedBy: 'child',
        category: 'other',
        knownOn: receivedOn,
        householdId,
        childIds: [childId],
      });
      await makeStage(db(), made.id, { receivedOn, respondedOn });
      return made;
    };
    const answered = await complaint('2020-09-07', '2020-09-21', eve!.id);
    await db().update(concernChildren).set({ outcomeToldOn: '2020-09-24' }).where(eq(concernChildren.childId, eve!.id));
    await complaint('2019-09-16', '2019-09-30', fay!.id);
    // 2 of 4 children told: 50%.
    const figure = await figureAndRows(outcomeGivenToChild, '2020-09', teamId);
    expect(figure).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect([...figure.rows].sort()).toEqual(
      [
        [both.id, true],
        [both.id, false],
        [toldLate.id, false],
        [answered.id, true],
      ].sort(),
    );
    const byChild = Object.fromEntries(figure.labels.map((label, i) => [label.split(' ')[0], figure.rows[i]![1]]));
    expect(byChild).toEqual({ Ash: true, Bo: false, Cy: false, Eve: true });
  });
});

describe('complaints answered within the stage’s timescale', () => {
  it('counts the stages whose response was due in October 2020, in working days', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const complaint = (knownOn: string, withHousehold = true) =>
      makeMatter(db(), {
        kind: 'complaint',
        againstKind: withHousehold ? 'carer' : 'service',
        raisedBy: 'parent',
        category: 'other',
        knownOn,
        ...(withHousehold ? { householdId } : { teamId }),
      });
    // About the service (no household, the team's own): stage 1 received Thursday 1 October, due
    // 10 working days later on Thursday 15 October, answered that day: met.
    const service = await complaint('2020-10-01', false);
    await makeStage(db(), service.id, { receivedOn: '2020-10-01', respondedOn: '2020-10-15' });
    // Stage 1 received Friday 2 October, due Friday 16 October, answered Monday 19 October: missed.
    const late = await complaint('2020-10-02');
    await makeStage(db(), late.id, { receivedOn: '2020-10-02', respondedOn: '2020-10-19' });
    // Stage 1 received Monday 10 August, due 24 August (not counted); stage 2 received Monday 14
    // September, due 25 working days later on Monday 19 October, not answered: missed.
    const second = await complaint('2020-08-10');
    await makeStage(db(), second.id, { receivedOn: '2020-08-10', respondedOn: '2020-08-20' });
    await makeStage(db(), second.id, { stage: 2, receivedOn: '2020-09-14' });
    // Not counted: stage 1 received Monday 5 October and extended to 20 working days, due Monday 2 November.
    const extended = await complaint('2020-10-05');
    await makeStage(db(), extended.id, { receivedOn: '2020-10-05', extended: true });
    // 1 of 3 stages answered in time: 33.3%.
    const figure = await figureAndRows(complaintsInTime, '2020-10', teamId);
    expect(figure).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(figure.rows).toEqual([
      [service.id, true],
      [late.id, false],
      [second.id, false],
    ]);
    expect(figure.details).toEqual([
      'Due by 2020-10-15; answered 2020-10-15',
      'Due by 2020-10-16; answered 2020-10-19',
      'Due by 2020-10-19; not answered',
    ]);
    expect(figure.labels[0]).toBe('Complaint: the fostering service, stage 1');
  });
});

describe('complaints repeating a theme', () => {
  it('counts the complaints received in November 2020, met when a theme was raised in the 12 months before', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const complaint = async (knownOn: string, themes: string[], kind = 'complaint') => {
      const row = await makeMatter(db(), { kind, householdId, knownOn, againstKind: 'carer', raisedBy: 'parent' });
      await setThemes(db(), row.id, themes);
      return row;
    };
    // Earlier complaints, not counted in November 2020 themselves.
    await complaint('2019-11-15', ['delay']);
    await complaint('2019-11-10', ['finance']);
    // 10 November 2020, delay: raised on 15 November 2019, within the 12 months before: a repeat.
    const repeat = await complaint('2020-11-10', ['delay', 'education']);
    // 12 November 2020, finance: last raised 10 November 2019, more than 12 months before: new.
    const tooLongAgo = await complaint('2020-11-12', ['finance']);
    // 20 November 2020, two complaints about contact the same day: neither repeats the other.
    const sameDayA = await complaint('2020-11-20', ['contact']);
    const sameDayB = await complaint('2020-11-20', ['contact']);
    // 25 November 2020, contact again: a repeat of the two before.
    const again = await complaint('2020-11-25', ['contact']);
    // Not counted: a compliment in November raising delay.
    await complaint('2020-11-26', ['delay'], 'compliment');
    // 2 of the 5 complaints received in November repeat a theme: 40% (lower is better).
    const figure = await figureAndRows(repeatThemes, '2020-11', teamId);
    expect(figure).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    const met = new Map(figure.rows.map(([id, isMet]) => [id, isMet]));
    expect(met).toEqual(
      new Map([
        [repeat.id, true],
        [tooLongAgo.id, false],
        [sameDayA.id, false],
        [sameDayB.id, false],
        [again.id, true],
      ]),
    );
    expect(figure.details[0]).toBe('Received 2020-11-10; themes: delay, education');
  });
});

describe('significant events notified to Ofsted within 24 hours', () => {
  it('counts the events whose 24 hours ran out in December 2020 (London time), met when Ofsted was told in them', async () => {
    const teamId = await makeTeam();
    const householdId = (await makeHousehold(db(), { teamId })).id;
    const event = (knownAt: string, ofstedAt?: string) =>
      makeEvent(db(), { householdId, knownAt, ...(ofstedAt ? { ofstedAt } : {}) });
    // Known 30 November 09:00, its 24 hours run out 1 December 09:00; told 08:59 that day: met.
    const justInTime = await event('2020-11-30 09:00', '2020-12-01 08:59');
    // Known 10 December 14:30, told the next day at 14:31: a minute late, missed.
    const minuteLate = await event('2020-12-10 14:30', '2020-12-11 14:31');
    // Known 15 December 10:00, told an hour later: met.
    const hourLater = await event('2020-12-15 10:00', '2020-12-15 11:00');
    // Known 30 December 23:30, its 24 hours run out on the 31st, never told: missed.
    const never = await event('2020-12-30 23:30');
    // Not counted: 24 hours ending 30 November 23:59, and ending 1 January 2021 00:00.
    await event('2020-11-29 23:59', '2020-11-30 08:00');
    await event('2020-12-31 00:00');
    // 2 of 4 events notified in time: 50%.
    const figure = await figureAndRows(notifiedInTime, '2020-12', teamId);
    expect(figure).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(figure.rows).toEqual([
      [justInTime.id, true],
      [minuteLate.id, false],
      [hourLater.id, true],
      [never.id, false],
    ]);
    expect(figure.details[0]).toBe('Became known 2020-11-30 at 09:00; Ofsted to be told by 09:00 on 2020-12-01');
    // My work keeps the untold event by the day its 24 hours run out, and says the time, as the scorecard does.
    await refreshDueItems(db(), 'significant-event', [never.id]);
    expect(
      await db()
        .select({ dueOn: dueItems.dueOn, detail: dueItems.detail })
        .from(dueItems)
        .where(eq(dueItems.recordId, never.id)),
    ).toEqual([
      { dueOn: '2020-12-31', detail: 'Became known 2020-12-30 at 23:30; Ofsted to be told by 23:30 on 2020-12-31' },
    ]);
  });
});
