/**
 * The auditor's confirmation of an inadequate audit put right: due within 5 working days (the
 * service's audit policy) of the date the SSW recorded it put right, worked out by hand across the
 * Christmas and New Year bank holidays; the auditor's, gone once confirmed. Dates are fixed (today
 * is passed in), never the clock's.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { dueFor, dueRules, refreshDueItems } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { caseAudits } from './tables.ts';
import { makeAudit, makeMonth } from './test-support.ts';

const t = testAppForFile();
const rule = 'audits.confirm';

/** An inadequate audit of a new household in East Kent Fostering Team 1 (the demo manager's), audited by the manager. */
async function inadequateAudit(putRightOn: string | null, month = '2020-12') {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1', allocatedSswUsername: 'ssw' });
  return makeAudit(db, {
    monthId: await makeMonth(db, month, household.teamId),
    householdId: household.id,
    teamId: household.teamId,
    status: 'completed',
    grade: 'inadequate',
    auditorId: await userIdByUsername(db, 'manager'),
    auditedOn: '2026-12-17',
    putRightDueOn: '2026-12-24',
    putRightOn,
  });
}

describe('the auditor confirms an inadequate audit put right within 5 working days', () => {
  it('counts 5 working days from the day it was put right, skipping Christmas, Boxing Day and New Year', async () => {
    // Put right on Thursday 24 December 2026. Working days after it: Fri 25 Christmas Day, Sat 26,
    // Sun 27, Mon 28 Boxing Day (substitute day), Tue 29 (1), Wed 30 (2), Thu 31 (3),
    // Fri 1 January New Year's Day, Sat 2, Sun 3, Mon 4 (4), Tue 5 January 2027 (5).
    const audit = await inadequateAudit('2026-12-24');
    const manager = await viewer(t.database.db, 'manager');
    const entries = (
      await dueFor(t.database.db, manager, { today: '2027-01-04', horizonDays: 28, ruleIds: [rule] })
    ).filter((e) => e.recordId === audit.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      dueOn: '2027-01-05',
      daysLeft: 1,
      overdue: false,
      ownerUserId: await userIdByUsername(t.database.db, 'manager'),
      href: `/audits/${audit.id}`,
    });
    expect(entries[0]!.detail).toContain('Put right on 24 December 2026');
    const [late] = (
      await dueFor(t.database.db, manager, { today: '2027-01-06', horizonDays: 28, ruleIds: [rule] })
    ).filter((e) => e.recordId === audit.id);
    expect(late).toMatchObject({ dueOn: '2027-01-05', daysLeft: -1, overdue: true });
  });

  it('cites the service’s audit policy as local, not law', () => {
    const found = dueRules().find((r) => r.id === rule);
    expect(found?.cites).toContain('case-file audit policy (local, not law)');
    expect(found?.period).toBe('within 5 working days');
  });

  it('is not due before the SSW puts it right, nor once the auditor has confirmed it', async () => {
    const db = t.database.db;
    const head = await viewer(db, 'head');
    const notYet = await inadequateAudit(null, '2020-11');
    const confirmed = await inadequateAudit('2026-12-21', '2020-10');
    await db.update(caseAudits).set({ confirmedOn: '2026-12-22' }).where(eq(caseAudits.id, confirmed.id));
    await refreshDueItems(db, 'case-audit', [confirmed.id]);
    const entries = await dueFor(db, head, { today: '2026-12-21', horizonDays: 400, ruleIds: [rule] });
    expect(entries.map((e) => e.recordId)).not.toContain(notYet.id);
    expect(entries.map((e) => e.recordId)).not.toContain(confirmed.id);
  });
});
