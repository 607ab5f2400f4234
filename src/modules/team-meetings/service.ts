/**
 * Learning from serious case reviews, written: the head's list of reviews, a team meeting recorded
 * by the team's manager (or its area's service manager, or the head), its actions and their
 * closing, the monthly extended team manager meeting. Each checked (scope.ts), written, audited and
 * its deadlines refreshed in one transaction; every view audited. Changes and removals are in
 * service-changes.ts.
 */
import { eq } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type FieldError,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import type { ActionInput, ExtendedMeetingInput, ReviewInput, TeamMeetingInput } from './forms.ts';
import { chairChoices, findAction, findMeeting, findReview, findTeam, ownerChoices } from './queries.ts';
import { closesAction, mayManageReviews, recordsForTeam } from './scope.ts';
import { extendedMeetings, seriousCaseReviews, teamMeetingActions, teamMeetings } from './tables.ts';

/** The records of the audit trail. */
export const REVIEW_RECORD = 'serious-case-review';
export const TEAM_MEETING_RECORD = 'team-meeting';
export const EXTENDED_MEETING_RECORD = 'extended-meeting';
/** The records of the deadlines: an action, a team's quarter, a month's extended meeting. */
export const ACTION_RECORD = 'team-meeting-action';
export const TEAM_QUARTER_RECORD = 'team-quarter';
export const LEARNING_MONTH_RECORD = 'learning-month';

/** Audits a view of the records shown on a page, in one insert. */
export async function auditViewed(db: DbOrTx, who: Who, recordType: string, ids: string[], page: string) {
  await recordAudits(
    db,
    who.actor,
    ids.map((id) => ({ action: 'view', recordType, recordId: id, detail: { page } })),
  );
}

/** Adds a published review to the head's list. */
export async function recordReview(db: Db, who: Who, input: ReviewInput): Promise<Result> {
  if (!mayManageReviews(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [made] = await tx
      .insert(seriousCaseReviews)
      .values({ ...input, recordedBy: who.user.id })
      .returning({ id: seriousCaseReviews.id });
    await recordAudit(tx, who.actor, { action: 'create', recordType: REVIEW_RECORD, recordId: made!.id });
    return { ok: true as const, id: made!.id };
  });
}

/** Records a meeting of a team that discussed a review (scope.ts: who records it); its quarter leaves the team's work. */
export async function recordTeamMeeting(db: Db, who: Who, teamId: string, input: TeamMeetingInput): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const team = await findTeam(tx, teamId);
    if (!team) return notFound;
    if (!recordsForTeam(who.user, team)) return forbidden;
    const errors = [];
    if (!(await chairChoices(tx, team)).some((c) => c.id === input.chairedBy)) {
      errors.push({ field: 'chairedBy', message: 'Select who chaired the meeting from the list' });
    }
    if (!(await findReview(tx, input.reviewId))) {
      errors.push({ field: 'reviewId', message: 'Select the serious case review the team discussed from the list' });
    }
    if (errors.length) return invalid(...errors);
    const [made] = await tx
      .insert(teamMeetings)
      .values({ teamId: team.id, ...input, recordedBy: who.user.id })
      .returning({ id: teamMeetings.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: TEAM_MEETING_RECORD,
      recordId: made!.id,
      detail: { heldOn: input.heldOn, review: input.reviewId },
    });
    await refreshDueItems(tx, TEAM_MEETING_RECORD, [made!.id]);
    return { ok: true as const, id: made!.id };
  });
}

/**
 * What is wrong with an action, added or changed: given to one of the team (or, when changed, to
 * whoever has it), due on or after the day of the meeting.
 */
export async function actionErrors(
  tx: DbOrTx,
  meeting: { teamId: string; heldOn: IsoDate },
  input: ActionInput,
  ownerId?: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!(await ownerChoices(tx, meeting.teamId, ownerId)).some((o) => o.id === input.ownerId)) {
    errors.push({ field: 'ownerId', message: 'Select who will do it from the team' });
  }
  if (input.dueOn < meeting.heldOn) {
    errors.push({ field: 'dueOn', message: 'Date it is due must be on or after the day of the meeting' });
  }
  return errors;
}

/** Adds an action for the team to a meeting: given to one of the team, due on or after the meeting. */
export async function addAction(db: Db, who: Who, meetingId: string, input: ActionInput): Promise<Result> {
  return inTransaction(db, async (tx) => {
    const meeting = await findMeeting(tx, who.user, meetingId);
    if (!meeting) return notFound;
    if (!recordsForTeam(who.user, { id: meeting.teamId, areaId: meeting.areaId })) return forbidden;
    const errors = await actionErrors(tx, meeting, input);
    if (errors.length) return invalid(...errors);
    const [made] = await tx
      .insert(teamMeetingActions)
      .values({ meetingId: meeting.id, ...input })
      .returning({ id: teamMeetingActions.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: TEAM_MEETING_RECORD,
      recordId: meeting.id,
      detail: { part: 'meeting-action', action: made!.id },
    });
    await refreshDueItems(tx, ACTION_RECORD, [made!.id]);
    return { ok: true as const, id: meeting.id };
  });
}

/**
 * Marks an action done today, or not done again when it was marked by mistake: its owner, or one
 * who records the team's meetings. Marking it as it already is changes nothing.
 */
async function setActionDone(db: Db, who: Who, actionId: string, done: boolean, today: IsoDate) {
  return inTransaction(db, async (tx): Promise<Result> => {
    const action = await findAction(tx, actionId);
    const meeting = action && (await findMeeting(tx, who.user, action.meetingId));
    if (!action || !meeting) return notFound;
    if (!closesAction(who.user, action)) return forbidden;
    if (Boolean(action.doneOn) === done) return { ok: true as const, id: meeting.id };
    await tx
      .update(teamMeetingActions)
      .set(done ? { doneOn: today, doneBy: who.user.id } : { doneOn: null, doneBy: null })
      .where(eq(teamMeetingActions.id, action.id));
    await recordAudit(tx, who.actor, {
      action: done ? 'complete' : 'update',
      recordType: TEAM_MEETING_RECORD,
      recordId: meeting.id,
      detail: { part: 'meeting-action', action: action.id, ...(done ? {} : { done: false }) },
    });
    await refreshDueItems(tx, ACTION_RECORD, [action.id], today);
    return { ok: true as const, id: meeting.id };
  });
}

export const markActionDone = (db: Db, who: Who, actionId: string, today: IsoDate = todayInLondon()) =>
  setActionDone(db, who, actionId, true, today);

/** Puts back on the clock an action marked done by mistake. */
export const markActionNotDone = (db: Db, who: Who, actionId: string, today: IsoDate = todayInLondon()) =>
  setActionDone(db, who, actionId, false, today);

/** Records the month's extended team manager meeting (the head). */
export async function recordExtendedMeeting(db: Db, who: Who, input: ExtendedMeetingInput): Promise<Result> {
  if (!mayManageReviews(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    if (input.reviewId && !(await findReview(tx, input.reviewId))) {
      return invalid({ field: 'reviewId', message: 'Select a serious case review from the list' });
    }
    const [made] = await tx
      .insert(extendedMeetings)
      .values({ ...input, recordedBy: who.user.id })
      .returning({ id: extendedMeetings.id });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: EXTENDED_MEETING_RECORD,
      recordId: made!.id,
      detail: { heldOn: input.heldOn, reflectivePractice: input.reflectivePractice },
    });
    await refreshDueItems(tx, EXTENDED_MEETING_RECORD, [made!.id]);
    return { ok: true as const, id: made!.id };
  });
}
