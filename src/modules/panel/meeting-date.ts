/**
 * Putting a panel meeting's date right: typed wrongly, or the meeting moved to another day. By those
 * who run the panel and add its meetings (`panel.manage`: the panel adviser and the head of
 * fostering), on the add form filled in. The rules, as a panel adviser would expect them:
 * - Any real date while nothing of the meeting's business is recorded, as the add form takes (a
 *   meeting may be added after it sat, or moved to a day still to come). Who sits on it does not
 *   count: members are chosen before the meeting, so that they read its papers.
 * - Once it has sat (a recommendation recorded on an item, or its minutes signed): today or in the
 *   past (a recommendation is recorded only on or after the meeting's day), and on or before the day
 *   its minutes were signed and the day of any agency decision on it.
 * - Everyone sitting on it on the central list on the new day, as the attendance form asks.
 * - The annual review or allegation behind an item a recommendation marked presented to the panel
 *   on the meeting's day says the new day too, moved by the module that keeps it (its panel
 *   business), which refuses a day before the review was held or the allegation's outcome.
 * What follows the date, in the same transaction: the day papers are due to members (5 working days
 * before), the panel's deadlines on the meeting's items (papers due, the agency decision due: their
 * words name the meeting's day), and the scorecard's current month (its panel measures count the
 * meetings held in a month), counted again. An agency decision's due dates count from the minutes
 * and the decision, not the meeting's day: they stay. The audit trail keeps the date it said.
 */
import { and, eq, isNotNull, min, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import { can } from '../../platform/access/policy.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/index.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { presentedOnMovedFor, type PresentedMove } from '../../platform/modules/panel-business.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  Refused,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { papersDueFor } from './dates.ts';
import { memberRoleNames } from './labels.ts';
import { agencyDecisions, panelAttendance, panelItems, panelMeetings, panelMembers } from './tables.ts';

type Meeting = typeof panelMeetings.$inferSelect;

/** Why the meeting cannot be on `meetsOn`, in the service's words; undefined when it can. */
async function dateRefusal(tx: DbOrTx, meeting: Meeting, meetsOn: IsoDate, today: IsoDate) {
  const [recommended] = await tx
    .select({ id: panelItems.id })
    .from(panelItems)
    .where(and(eq(panelItems.meetingId, meeting.id), isNotNull(panelItems.recommendation)))
    .limit(1);
  if (recommended || meeting.minutesSignedOn) {
    const [decided] = await tx
      .select({ on: min(agencyDecisions.decidedOn) })
      .from(agencyDecisions)
      .innerJoin(panelItems, eq(panelItems.id, agencyDecisions.itemId))
      .where(eq(panelItems.meetingId, meeting.id));
    const limits = [
      { on: meeting.minutesSignedOn, when: 'when its minutes were signed' },
      { on: decided?.on ?? null, when: 'when the agency decision was made on its recommendation' },
    ].filter((l): l is { on: IsoDate; when: string } => l.on !== null);
    const first = limits.sort((a, b) => compareIsoDates(a.on, b.on))[0];
    if (first && compareIsoDates(meetsOn, first.on) > 0) {
      return `Date of the meeting must be on or before ${formatDate(first.on)}, ${first.when}`;
    }
    if (compareIsoDates(meetsOn, today) > 0) {
      return 'Date of the meeting must be today or in the past: the panel’s recommendation is recorded, so it has met';
    }
  }
  const off = await tx
    .select({ name: panelMembers.name, role: panelMembers.role })
    .from(panelAttendance)
    .innerJoin(panelMembers, eq(panelMembers.id, panelAttendance.memberId))
    .where(
      and(
        eq(panelAttendance.meetingId, meeting.id),
        or(sql`${panelMembers.joinedOn} > ${meetsOn}`, sql`${panelMembers.leavesOn} <= ${meetsOn}`),
      ),
    )
    .orderBy(panelMembers.name);
  if (off.length) {
    const names = off.map((m) => `${m.name} (${named(memberRoleNames, m.role).toLowerCase()})`).join(', ');
    return (
      `Date of the meeting must be a day when everyone sitting on it is on the central list: ${names} ` +
      `${off.length === 1 ? 'is' : 'are'} not on it on ${formatDate(meetsOn)}`
    );
  }
  return undefined;
}

/**
 * The annual reviews and allegations the meeting's recommendations marked presented on its day say
 * the new day instead (each by its module's panel business); one that cannot refuses the change.
 */
async function movePresented(tx: DbOrTx, who: Who, meetingId: string, move: PresentedMove) {
  const presented = await tx
    .select({ sourceType: panelItems.sourceType, sourceId: panelItems.sourceId })
    .from(panelItems)
    .where(
      and(eq(panelItems.meetingId, meetingId), isNotNull(panelItems.recommendation), isNotNull(panelItems.sourceId)),
    );
  for (const { sourceType, sourceId } of presented) {
    const refusal = sourceType ? await presentedOnMovedFor(sourceType)?.(tx, who.actor, sourceId!, move) : undefined;
    if (refusal) throw new Refused([{ field: 'meetsOn', message: refusal }]);
  }
}

/** Writes the view of the meeting's date form to the audit trail. */
export const dateFormViewed = (db: Db, who: Who, meetingId: string) =>
  recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'panel-meeting',
    recordId: meetingId,
    detail: { part: 'meeting-date' },
  });

/**
 * Changes the meeting's date under the rules above: the papers due date, the deadlines and the
 * current month's figures follow in the same transaction, and the audit entry keeps the date it said.
 */
export async function changeMeetingDate(
  db: Db,
  who: Who,
  meetingId: string,
  meetsOn: IsoDate,
  today = todayInLondon(),
): Promise<Result> {
  if (!can(who.user.role, 'panel.manage')) return forbidden;
  return inTransaction(db, async (tx) => {
    // Locked: a recommendation or a decision recorded at the same moment reads the date after this change.
    const [meeting] = await tx.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId)).for('update');
    if (!meeting) return notFound;
    if (meeting.meetsOn === meetsOn) return { ok: true, id: meetingId };
    const refusal = await dateRefusal(tx, meeting, meetsOn, today);
    if (refusal) return invalid({ field: 'meetsOn', message: refusal });
    await tx
      .update(panelMeetings)
      .set({ meetsOn, papersDueOn: papersDueFor(meetsOn) })
      .where(eq(panelMeetings.id, meetingId));
    await movePresented(tx, who, meetingId, { from: meeting.meetsOn, to: meetsOn });
    await refreshDueItems(tx, 'panel-meeting', [meetingId], today);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-meeting',
      recordId: meetingId,
      detail: { part: 'meeting-date', meetsOn, was: meeting.meetsOn },
    });
    return { ok: true, id: meetingId };
  });
}
