/**
 * Carers transferring from an independent fostering agency (action 6.3) through the pages: the
 * transfer recorded on the road in, refused input kept, the protocol meeting added once held, who
 * may record it, the audit trail; and its two measures for November 2026, hand-worked.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/app.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { countMeasure, type Measure } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { agencyTransfers, agencyTransfersByProtocol } from './measures-transfer.ts';
import { recruitmentTransfers } from './tables.ts';
import { makeRoad } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Agency Transfer Fixture Team');
const today = todayInLondon();

const boxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

describe('a transfer from a fostering agency on the road in', () => {
  it('is recorded, refused with what was typed kept, and the protocol meeting added once held', async () => {
    const appliedOn = addDays(today, -30);
    const h = await makeRoad(f.db(), {
      enquiredOn: addDays(today, -60),
      appliedOn,
      startedOn: addDays(today, -20),
      household: { status: 'in_assessment', statusSince: addDays(today, -20) },
    });
    const path = `/households/${h.id}/recruitment/transfer`;
    const agent = await signedIn(f.app(), 'recruitment');
    const page = await agent.get(`/households/${h.id}/recruitment`);
    expect(page.body).toContain('Record a transfer from a fostering agency');
    expect((await agent.get(path)).statusCode).toBe(200);

    const refused = await agent.post(path, {
      agencyName: 'Harbourlight Fostering',
      ...boxes('agencyApprovedOn', '2021-04-12'),
      ...boxes('toldOfPaymentsOn', addDays(today, 2)),
      ...boxes('protocolMeetingOn', '2021-01-05'),
      childrenPlaced: 'One child, who stays.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The date they were told must be today or in the past');
    expect(refused.body).toContain(
      'The date of the meeting must be on or after 12 April 2021, the day the agency approved them',
    );
    expect(refused.body).toContain('value="Harbourlight Fostering"');
    expect(refused.body).toContain('One child, who stays.');

    const saved = await agent.post(path, {
      agencyName: 'Harbourlight Fostering',
      ...boxes('agencyApprovedOn', '2021-04-12'),
      ...boxes('toldOfPaymentsOn', appliedOn),
      childrenPlaced: 'One child, who stays.',
    });
    expect(saved.statusCode).toBe(303);
    const record = await agent.get(`/households/${h.id}/recruitment`);
    for (const words of [
      'Transfer from a fostering agency',
      'Harbourlight Fostering',
      '12 April 2021',
      'Not yet held',
    ]) {
      expect(record.body).toContain(words);
    }

    // The form opens with what was recorded; the meeting is added once held.
    const again = await agent.get(path);
    expect(again.body).toContain('value="Harbourlight Fostering"');
    const met = await agent.post(path, {
      agencyName: 'Harbourlight Fostering',
      ...boxes('agencyApprovedOn', '2021-04-12'),
      ...boxes('toldOfPaymentsOn', appliedOn),
      ...boxes('protocolMeetingOn', addDays(today, -5)),
    });
    expect(met.statusCode).toBe(303);
    const after = await agent.get(`/households/${h.id}/recruitment`);
    expect(after.body).toContain(formatDate(addDays(today, -5)));
    expect(after.body).not.toContain('Not yet held');
    const rows = await f.db().select().from(recruitmentTransfers);
    expect(rows.filter((r) => r.householdId === h.id)).toHaveLength(1);

    // After approval the step stays open, so a meeting written up late can still be added.
    await f.db().execute(sql`update households set status = 'approved', approved_on = ${today} where id = ${h.id}`);
    expect((await agent.get(path)).statusCode).toBe(200);

    // A supervising social worker does not record the road in; the trail says what was done.
    expect((await (await signedIn(f.app(), 'ssw')).get(path)).statusCode).toBe(403);
    const trail = await (await signedIn(f.app(), 'head')).get(`/records/household/${h.id}/audit`);
    expect(trail.body).toContain('Changed the transfer from a fostering agency on the household record');
  });

  it('is removed when it was recorded by mistake, only once confirmed', async () => {
    const h = await makeRoad(f.db(), {
      enquiredOn: addDays(today, -40),
      appliedOn: addDays(today, -30),
      household: { status: 'applicant', statusSince: addDays(today, -30) },
    });
    const agent = await signedIn(f.app(), 'recruitment');
    const remove = `/households/${h.id}/recruitment/transfer-remove`;
    // Nothing to remove until a transfer is recorded.
    expect((await agent.get(`/households/${h.id}/recruitment`)).body).not.toContain(
      'Remove the transfer from a fostering agency',
    );
    expect((await agent.post(remove, { confirm: 'yes' })).statusCode).toBe(400);
    await agent.post(`/households/${h.id}/recruitment/transfer`, {
      agencyName: 'Wrongly Named Fostering',
      ...boxes('agencyApprovedOn', '2022-02-01'),
      ...boxes('toldOfPaymentsOn', addDays(today, -30)),
    });
    const record = await agent.get(`/households/${h.id}/recruitment`);
    expect(record.body).toContain('Remove the transfer from a fostering agency');
    const form = await agent.get(remove);
    expect(form.body).toContain('transferring from Wrongly Named Fostering');

    const unconfirmed = await agent.post(remove, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the transfer was recorded by mistake');
    const held = await f.db().select().from(recruitmentTransfers);
    expect(held.some((r) => r.householdId === h.id)).toBe(true);

    // Another team's supervising social worker may not remove it.
    expect((await (await signedIn(f.app(), 'ssw')).post(remove, { confirm: 'yes' })).statusCode).toBe(403);

    const removed = await agent.post(remove, { confirm: 'yes' });
    expect(removed.statusCode).toBe(303);
    const after = await agent.get(removed.headers.location as string);
    expect(after.body).toContain('The transfer from a fostering agency has been removed');
    expect(after.body).not.toContain('Wrongly Named Fostering');
    const left = await f.db().select().from(recruitmentTransfers);
    expect(left.some((r) => r.householdId === h.id)).toBe(false);
    const trail = await (await signedIn(f.app(), 'head')).get(`/records/household/${h.id}/audit`);
    expect(trail.body).toContain('Removed the transfer from a fostering agency on the household record');
  });
});

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

async function transferred(approvedOn: string, appliedOn: string, toldOn: string, meetingOn: string | null) {
  const h = await makeRoad(f.db(), {
    appliedOn,
    household: { teamId: team(), status: 'approved', statusSince: approvedOn, approvedOn },
  });
  await f.db().insert(recruitmentTransfers).values({
    householdId: h.id,
    agencyName: 'Oakleaf Family Placements',
    agencyApprovedOn: '2019-06-03',
    toldOfPaymentsOn: toldOn,
    protocolMeetingOn: meetingOn,
  });
  return h.id;
}

describe('transfers from fostering agencies on the scorecard', () => {
  it('counts the households approved on transfer in the 12 months to 30 November, met when told at application and met before approval', async () => {
    // Approved 30 November 2025: a year and a day before, outside the 12 months.
    const yearAgo = await transferred('2025-11-30', '2025-04-01', '2025-04-01', '2025-10-01');
    const told = await transferred('2025-12-01', '2025-05-01', '2025-05-01', '2025-11-20');
    const toldLate = await transferred('2026-06-15', '2026-01-10', '2026-01-11', '2026-05-01');
    const metAfter = await transferred('2026-11-30', '2026-04-01', '2026-03-20', '2026-12-01');
    const noMeeting = await transferred('2026-09-01', '2026-02-01', '2026-02-01', null);
    const december = await transferred('2026-12-01', '2026-05-01', '2026-05-01', '2026-11-01');
    // Approved in the 12 months but never an agency's carer: not counted.
    const ours = (
      await makeRoad(f.db(), {
        appliedOn: '2026-01-05',
        household: { teamId: team(), status: 'approved', statusSince: '2026-08-01', approvedOn: '2026-08-01' },
      })
    ).id;

    const ids = [yearAgo, told, toldLate, metAfter, noMeeting, december, ours];
    expect(await f.rowsFor(agencyTransfers, ids)).toEqual([
      [told, true],
      [toldLate, true],
      [metAfter, true],
      [noMeeting, true],
    ]);
    expect(await teamFigure(agencyTransfers)).toEqual([4, null]);
    expect(await f.rowsFor(agencyTransfersByProtocol, ids)).toEqual([
      [told, true],
      [toldLate, false],
      [metAfter, false],
      [noMeeting, false],
    ]);
    expect(await teamFigure(agencyTransfersByProtocol)).toEqual([1, 4]);
  });
});
