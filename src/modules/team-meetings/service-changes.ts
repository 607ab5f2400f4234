/**
 * Putting right what was recorded about learning from serious case reviews: a team meeting changed or
 * removed (recorded by mistake, with its actions) by those who record the team's meetings, as is an
 * action (its words, who has it, when it is due; or removed, agreed by mistake), and a
 * review changed or removed by the head, a review only while no meeting has discussed it (the
 * meetings' records point to it). Each checked (scope.ts), written, audited and its deadlines
 * refreshed in one transaction.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { ActionInput, ExtendedMeetingInput, ReviewInput, TeamMeetingInput } from './forms.ts';
import {
  chairChoices,
  findAction,
  findExtendedMeeting,
  findMeeting,
  findReview,
  reviewDiscussed,
  type MeetingRow,
} from './queries.ts';
import { mayManageReviews, recordsForTeam } from './scope.ts';
import {
  ACTION_RECORD,
  actionErrors,
  EXTENDED_MEETING_RECORD,
  LEARNING_MONTH_RECORD,
  REVIEW_RECORD,
  TEAM_MEETING_RECORD,
  TEAM_QUARTER_RECORD,
} from './service.ts';
import { monthId, quarterId } from './slots.ts';
import { extendedMeetings, seriousCaseReviews, teamMeetingActions, teamMeetings } from './tables.ts';

/** A review a meeting has discussed stays on the list: why, in words. */
export const REVIEW_STAYS =
  'This review has been discussed at a team meeting or an extended team manager meeting, so it stays on the list: the meetings’ records point to it. If a detail of it is wrong, change the review instead.';

/** The names of the fields whose values differ, for the audit trail (never the values: they are in the record). */
function changedFields(before: object, after: object): string[] {
  const was = before as Record<string, unknown>;
  return Object.entries(after)
    .filter(([key, value]) => (was[key] ?? null) !== (value ?? null))
    .map(([key]) => key);
}

/** The meeting, locked for the change, if the user may read it and record the team's meetings. */
async function meetingToChange(tx: DbOrTx, who: Who, id: string): Promise<MeetingRow | 'not-found' | 'forbidden'> {
  const meeting = await findMeeting(tx, who.user, id);
  if (!meeting) return 'not-found';
  if (!recordsForTeam(who.user, { id: meeting.teamId, areaId: meeting.areaId })) return 'forbidden';
  await tx.execute(sql`select id from team_meetings where id = ${meeting.id} for update`);
  return meeting;
}

/** The meeting's team's quarter (a deadline's record) and its actions, as they stand. */
async function meetingKeys(tx: DbOrTx, meetingId: string) {
  const [quarter] = await queryRows<{ id: string }>(
    tx,
    sql`select ${quarterId(sql`m.team_id`, sql`date_trunc('quarter', m.held_on)`)}::text as id
      from team_meetings m where m.id = ${meetingId}`,
  );
  const actions = await queryRows<{ id: string; dueOn: IsoDate }>(
    tx,
    sql`select id, due_on::text as "dueOn" from team_meeting_actions where meeting_id = ${meetingId} order by due_on, id`,
  );
  return { quarterId: quarter?.id ?? null, actions };
}

/**
 * Changes a team meeting's details. Its team's quarters (the one it was in and the one it is in now)
 * and its actions' deadlines (named by the meeting's date) are worked out again.
 */
export async function changeTeamMeeting(
  db: Db,
  who: Who,
  meetingId: string,
  input: TeamMeetingInput,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const meeting = await meetingToChange(tx, who, meetingId);
    if (meeting === 'not-found') return notFound;
    if (meeting === 'forbidden') return forbidden;
    const team = { id: meeting.teamId, areaId: meeting.areaId };
    const before = await meetingKeys(tx, meeting.id);
    const errors = [];
    if (!(await chairChoices(tx, team, meeting.chairedBy)).some((c) => c.id === input.chairedBy)) {
      errors.push({ field: 'chairedBy', message: 'Select who chaired the meeting from the list' });
    }
    if (!(await findReview(tx, input.reviewId))) {
      errors.push({ field: 'reviewId', message: 'Select the serious case review the team discussed from the list' });
    }
    const firstDue = before.actions[0]?.dueOn;
    if (firstDue && input.heldOn > firstDue) {
      errors.push({
        field: 'heldOn',
        message: `Date of the meeting must be on or before ${formatDate(firstDue)}, when its first action is due`,
      });
    }
    if (errors.length) return invalid(...errors);
    await tx
      .update(teamMeetings)
      .set({ ...input })
      .where(eq(teamMeetings.id, meeting.id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: TEAM_MEETING_RECORD,
      recordId: meeting.id,
      detail: { heldOn: input.heldOn, review: input.reviewId, changed: changedFields(meeting, input) },
    });
    await refreshDueItems(tx, TEAM_QUARTER_RECORD, [before.quarterId], today);
    await refreshDueItems(tx, TEAM_MEETING_RECORD, [meeting.id], today);
    await refreshDueItems(
      tx,
      ACTION_RECORD,
      before.actions.map((a) => a.id),
      today,
    );
    return { ok: true as const, id: meeting.id };
  });
}

/**
 * Removes a team meeting recorded by mistake, and its actions with it. Audited on the meeting and on
 * its team's quarter (which stays, so the removal can still be found); the quarter's deadline and the
 * actions' are worked out again.
 */
export async function removeTeamMeeting(
  db: Db,
  who: Who,
  meetingId: string,
  today: IsoDate = todayInLondon(),
): Promise<Result<{ id: string; teamId: string }>> {
  return inTransaction(db, async (tx) => {
    const meeting = await meetingToChange(tx, who, meetingId);
    if (meeting === 'not-found') return notFound;
    if (meeting === 'forbidden') return forbidden;
    const before = await meetingKeys(tx, meeting.id);
    const actionIds = before.actions.map((a) => a.id);
    if (actionIds.length) await tx.delete(teamMeetingActions).where(inArray(teamMeetingActions.id, actionIds));
    await tx.delete(teamMeetings).where(eq(teamMeetings.id, meeting.id));
    const detail = { team: meeting.teamId, heldOn: meeting.heldOn, review: meeting.reviewId, actions: actionIds };
    await recordAudits(tx, who.actor, [
      { action: 'delete', recordType: TEAM_MEETING_RECORD, recordId: meeting.id, detail },
      ...(before.quarterId
        ? [
            {
              action: 'delete',
              recordType: TEAM_QUARTER_RECORD,
              recordId: before.quarterId,
              detail: { part: 'team-meeting', meeting: meeting.id, ...detail },
            },
          ]
        : []),
    ]);
    await refreshDueItems(tx, TEAM_QUARTER_RECORD, [before.quarterId], today);
    await refreshDueItems(tx, ACTION_RECORD, actionIds, today);
    return { ok: true as const, id: meeting.id, teamId: meeting.teamId };
  });
}

type ActionRecord = NonNullable<Awaited<ReturnType<typeof findAction>>>;

/**
 * Runs a change of an action in one transaction, with the action and its meeting both locked, if the
 * user records the team's meetings; ends with the action's deadline worked out again.
 */
async function withAction(
  db: Db,
  who: Who,
  actionId: string,
  today: IsoDate,
  change: (tx: DbOrTx, action: ActionRecord, meeting: MeetingRow) => Promise<Result>,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const action = await findAction(tx, actionId);
    const meeting = action ? await meetingToChange(tx, who, action.meetingId) : 'not-found';
    if (meeting === 'forbidden') return forbidden;
    if (!action || meeting === 'not-found') return notFound;
    await tx.execute(sql`select id from team_meeting_actions where id = ${action.id} for update`);
    const result = await change(tx, action, meeting);
    if (result.ok) await refreshDueItems(tx, ACTION_RECORD, [action.id], today);
    return result;
  });
}

/**
 * Changes an action's words, who has it or when it is due, by those who record the team's meetings
 * (an action done stays done). Audited on its meeting with the fields changed and what they said.
 */
export const changeAction = (db: Db, who: Who, actionId: string, input: ActionInput, today = todayInLondon()) =>
  withAction(db, who, actionId, today, async (tx, action, meeting) => {
    const errors = await actionErrors(tx, meeting, input, action.ownerId);
    if (errors.length) return invalid(...errors);
    const changed = changedFields(action, input);
    if (changed.length === 0) return { ok: true as const, id: meeting.id };
    await tx.update(teamMeetingActions).set(input).where(eq(teamMeetingActions.id, action.id));
    const was = Object.fromEntries(changed.map((field) => [field, (action as Record<string, unknown>)[field]]));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: TEAM_MEETING_RECORD,
      recordId: meeting.id,
      detail: { part: 'meeting-action', action: action.id, changed, was },
    });
    return { ok: true as const, id: meeting.id };
  });

/**
 * Removes an action agreed by mistake (or recorded twice), by those who record the team's meetings.
 * Audited on its meeting with what it said; its deadline goes with it.
 */
export const removeAction = (db: Db, who: Who, actionId: string, today = todayInLondon()) =>
  withAction(db, who, actionId, today, async (tx, action, meeting) => {
    await tx.delete(teamMeetingActions).where(eq(teamMeetingActions.id, action.id));
    const { action: words, ownerId, dueOn, doneOn } = action;
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: TEAM_MEETING_RECORD,
      recordId: meeting.id,
      detail: { part: 'meeting-action', action: action.id, was: { action: words, ownerId, dueOn, doneOn } },
    });
    return { ok: true as const, id: meeting.id };
  });

/** Changes a review's details (the head). */
export async function changeReview(db: Db, who: Who, reviewId: string, input: ReviewInput): Promise<Result> {
  if (!mayManageReviews(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const review = await findReview(tx, reviewId);
    if (!review) return notFound;
    await tx.update(seriousCaseReviews).set(input).where(eq(seriousCaseReviews.id, review.id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: REVIEW_RECORD,
      recordId: review.id,
      detail: { changed: changedFields(review, input) },
    });
    return { ok: true as const, id: review.id };
  });
}

/** Why a review was not removed: a meeting has discussed it (REVIEW_STAYS). */
export type ReviewRemoval = Result | { ok: false; reason: 'discussed' };

/** Removes a review added by mistake (the head), only while no meeting has discussed it. */
export async function removeReview(db: Db, who: Who, reviewId: string): Promise<ReviewRemoval> {
  if (!mayManageReviews(who.user)) return forbidden;
  return db.transaction(async (tx): Promise<ReviewRemoval> => {
    const review = await findReview(tx, reviewId);
    if (!review) return notFound;
    // Locked first: a meeting being recorded on it now is seen by the check below, or waits for the removal.
    await tx.execute(sql`select id from serious_case_reviews where id = ${review.id} for update`);
    if (await reviewDiscussed(tx, review.id)) return { ok: false, reason: 'discussed' };
    await tx.delete(seriousCaseReviews).where(eq(seriousCaseReviews.id, review.id));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: REVIEW_RECORD,
      recordId: review.id,
      detail: { title: review.title, publishedOn: review.publishedOn },
    });
    return { ok: true as const, id: review.id };
  });
}

/** The month (a deadline's record) an extended meeting is in, as it stands, with the meeting locked. */
async function extendedMonth(tx: DbOrTx, id: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select ${monthId(sql`date_trunc('month', e.held_on)`)}::text as id
      from extended_team_manager_meetings e where e.id = ${id} for update`,
  );
  return row?.id ?? null;
}

/** For the head only: the meeting, locked, and the month it is in, to change or remove in one transaction. */
async function withExtendedMeeting(
  db: Db,
  who: Who,
  meetingId: string,
  change: (
    tx: DbOrTx,
    meeting: NonNullable<Awaited<ReturnType<typeof findExtendedMeeting>>>,
    month: string | null,
  ) => Promise<Result>,
): Promise<Result> {
  if (!mayManageReviews(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const meeting = await findExtendedMeeting(tx, meetingId);
    if (!meeting) return notFound;
    return change(tx, meeting, await extendedMonth(tx, meeting.id));
  });
}

/**
 * Changes an extended team manager meeting's details (the head). The month it was in and the month it
 * is in now are worked out again.
 */
export async function changeExtendedMeeting(
  db: Db,
  who: Who,
  meetingId: string,
  input: ExtendedMeetingInput,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return withExtendedMeeting(db, who, meetingId, async (tx, meeting, month) => {
    if (input.reviewId && !(await findReview(tx, input.reviewId))) {
      return invalid({ field: 'reviewId', message: 'Select a serious case review from the list' });
    }
    await tx.update(extendedMeetings).set(input).where(eq(extendedMeetings.id, meeting.id));
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: EXTENDED_MEETING_RECORD,
      recordId: meeting.id,
      detail: { heldOn: input.heldOn, changed: changedFields(meeting, input) },
    });
    await refreshDueItems(tx, LEARNING_MONTH_RECORD, [month], today);
    await refreshDueItems(tx, EXTENDED_MEETING_RECORD, [meeting.id], today);
    return { ok: true as const, id: meeting.id };
  });
}

/** Removes an extended team manager meeting recorded by mistake (the head); its month is worked out again. */
export async function removeExtendedMeeting(
  db: Db,
  who: Who,
  meetingId: string,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return withExtendedMeeting(db, who, meetingId, async (tx, meeting, month) => {
    await tx.delete(extendedMeetings).where(eq(extendedMeetings.id, meeting.id));
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: EXTENDED_MEETING_RECORD,
      recordId: meeting.id,
      detail: { heldOn: meeting.heldOn, reflectivePractice: meeting.reflectivePractice, review: meeting.reviewId },
    });
    await refreshDueItems(tx, LEARNING_MONTH_RECORD, [month], today);
    return { ok: true as const, id: meeting.id };
  });
}
