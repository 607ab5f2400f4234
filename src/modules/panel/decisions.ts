/**
 * The panel's recommendation on each item (only at a quorate meeting), the chair's signature of the
 * minutes, the agency decision maker's decision (only on a recommendation whose minutes are
 * signed) and the letters. What a recommendation or a decision changes in other modules' records
 * (a review presented, a household approved) is their panel business
 * (`src/platform/modules/panel-business.ts`), run in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { panelBusinessFor, presentedToPanelFor } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { decisionDueFor, letterDueFor, toldDueFor } from './dates.ts';
import type { DecisionInput, LettersInput, RecommendationInput } from './forms.ts';
import { itemsWithTerms, type ItemKind } from './labels.ts';
import { quorumOf } from './quorum.ts';
import { memberOfUser, sitsOn } from './scope.ts';
import { attendingRoles } from './service.ts';
import { households } from '../households/tables.ts';
import { agencyDecisions, panelItems, panelMeetings } from './tables.ts';

/** The item and its meeting, the meeting's row locked: its date, changed at the same moment, is read after the change. */
async function itemAndMeeting(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({ item: panelItems, meeting: panelMeetings })
    .from(panelItems)
    .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
    .where(eq(panelItems.id, itemId))
    .for('update', { of: panelMeetings });
  return row ?? null;
}

/** Records the panel's recommendation on an item: the meeting must have met, with its quorum. */
export async function recordRecommendation(
  db: Db,
  who: Who,
  itemId: string,
  input: RecommendationInput,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await itemAndMeeting(tx, itemId);
    if (!found) return notFound;
    const { item, meeting } = found;
    if (meeting.minutesSignedOn) {
      return invalid({ field: 'recommendation', message: 'The minutes are signed: the recommendation cannot change' });
    }
    if (meeting.meetsOn > todayInLondon()) {
      return invalid({
        field: 'recommendation',
        message: `The panel meets on ${formatDate(meeting.meetsOn)}: record its recommendation on or after that day`,
      });
    }
    const quorum = quorumOf(await attendingRoles(tx, meeting.id));
    if (!quorum.quorate) {
      return invalid({
        field: 'recommendation',
        message: `The meeting is not quorate (missing ${quorum.missing.join(', ')}): it cannot make a recommendation. Record who attended first`,
      });
    }
    const newTerms = input.recommendation === 'with_terms';
    if (newTerms && !itemsWithTerms.includes(item.kind as ItemKind)) {
      return invalid({ field: 'recommendation', message: 'Only an approval or a change of terms can have terms' });
    }
    if (newTerms && (input.places === null || input.ageMin === null || input.ageMax === null)) {
      return invalid({ field: 'places', message: 'Enter the terms recommended: the number of children and the ages' });
    }
    if (newTerms && input.ageMin! > input.ageMax!) {
      return invalid({ field: 'ageMax', message: 'The oldest age must be the same as or more than the youngest' });
    }
    if (input.votesFor + input.votesAgainst + input.votesAbstaining > quorum.counted) {
      return invalid({
        field: 'votesFor',
        message: `The votes add up to more than the ${quorum.counted} members who sat (advisers do not vote)`,
      });
    }
    await tx
      .update(panelItems)
      .set({
        recommendation: input.recommendation,
        reasons: input.reasons,
        votesFor: input.votesFor,
        votesAgainst: input.votesAgainst,
        votesAbstaining: input.votesAbstaining,
        recommendedBy: who.user.id,
        ...(newTerms ? { places: input.places, ageMin: input.ageMin, ageMax: input.ageMax } : {}),
      })
      .where(eq(panelItems.id, itemId));
    // The record behind the item (a review, an allegation) is marked presented on the meeting's day.
    if (item.sourceType && item.sourceId) {
      await presentedToPanelFor(item.sourceType)?.(tx, who.actor, item.sourceId, meeting.meetsOn);
    }
    // The recommendation stops the household's 8-month clock to panel.
    await refreshDueItems(tx, 'household', [item.householdId]);
    await recordAudits(tx, who.actor, [
      {
        action: 'update',
        recordType: 'panel-meeting',
        recordId: meeting.id,
        detail: { part: 'recommendation', itemId, householdId: item.householdId },
      },
      { action: 'update', recordType: 'panel-item', recordId: itemId, detail: { part: 'recommendation' } },
    ]);
    return { ok: true, id: meeting.id };
  });
}

/** The chair (or the vice-chair chairing) signs the minutes once every item has its recommendation. */
export async function signMinutes(db: Db, who: Who, meetingId: string, minutes: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId)).for('update');
    if (!meeting) return notFound;
    const member = await memberOfUser(tx, who.user);
    if (!member || !(await sitsOn(tx, member.id, meetingId))) return notFound;
    const roles = await attendingRoles(tx, meetingId);
    const chairing = roles.includes('chair') ? 'chair' : 'vice_chair';
    if (member.role !== chairing) return forbidden;
    if (meeting.minutesSignedOn) return invalid({ field: 'minutes', message: 'The minutes are already signed' });
    const open = await tx
      .select({ id: panelItems.id })
      .from(panelItems)
      .where(and(eq(panelItems.meetingId, meetingId), isNull(panelItems.recommendation)));
    if (open.length) {
      return invalid({
        field: 'minutes',
        message: 'Every item needs the panel’s recommendation before the minutes are signed',
      });
    }
    const today = todayInLondon();
    if (meeting.meetsOn > today) return invalid({ field: 'minutes', message: 'The meeting has not taken place yet' });
    await tx
      .update(panelMeetings)
      .set({ minutes, minutesSignedOn: today, minutesSignedBy: member.id })
      .where(eq(panelMeetings.id, meetingId));
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-meeting',
      recordId: meetingId,
      detail: { part: 'minutes-signed' },
    });
    return { ok: true, id: meetingId };
  });
}

/** What the decision does to the household, from the item, the recommendation and whether the decision maker agrees. */
export function decisionOutcome(kind: string, recommendation: string, agrees: boolean) {
  const positive = (recommendation !== 'not_approve') === agrees;
  if (kind === 'approval') return positive ? 'approve' : 'not_approve';
  if (kind === 'change_of_terms') return positive ? 'change_of_terms' : 'not_approve';
  if (kind === 'deregistration') return positive ? 'deregister' : 'not_approve';
  if (kind === 'skills_level') return positive ? 'skills_level' : 'not_approve';
  return 'noted';
}

/** The terms of approval a decision sets on the household: the item's recommended terms, none on a deregistration. */
export function decidedTerms(
  item: Pick<typeof panelItems.$inferSelect, 'places' | 'ageMin' | 'ageMax'>,
  outcome: string,
) {
  return outcome === 'deregister' || item.places === null
    ? null
    : { approvedPlaces: item.places, ageMin: item.ageMin ?? 0, ageMax: item.ageMax ?? 17 };
}

/** The decision maker decides on a recommendation received with the signed minutes. */
export async function decide(db: Db, who: Who, itemId: string, input: DecisionInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await itemAndMeeting(tx, itemId);
    if (!found) return notFound;
    const { item, meeting } = found;
    if (!item.recommendation || !meeting.minutesSignedOn) {
      return invalid({
        field: 'agrees',
        message: 'The panel’s recommendation and its signed minutes have not reached you yet: a decision follows them',
      });
    }
    const [existing] = await tx
      .select({ id: agencyDecisions.id })
      .from(agencyDecisions)
      .where(eq(agencyDecisions.itemId, itemId));
    if (existing) return invalid({ field: 'agrees', message: 'This recommendation has already been decided' });
    if (input.decidedOn < meeting.minutesSignedOn) {
      return invalid({
        field: 'decidedOn',
        message: `The date of the decision must be on or after ${formatDate(meeting.minutesSignedOn)}, when the recommendation and minutes were received`,
      });
    }
    if (input.decidedOn > todayInLondon()) {
      return invalid({ field: 'decidedOn', message: 'The date of the decision must be today or in the past' });
    }
    const outcome = decisionOutcome(item.kind, item.recommendation, input.agrees === 'yes');
    const id = randomUUID();
    // The household first (the households module's panel business, in the modules' order): a
    // decision it cannot take (it is no longer in assessment) is refused whole.
    const terms = decidedTerms(item, outcome);
    const decision = {
      id,
      householdId: item.householdId,
      outcome,
      onDate: input.decidedOn,
      reasons: input.reasons,
      terms,
      skillLevel: item.skillLevel,
    };
    // What the household held before, put back if the decision is withdrawn as recorded in error.
    const [before] = await tx
      .select({
        approvedPlaces: households.approvedPlaces,
        ageMin: households.ageMin,
        ageMax: households.ageMax,
        skillLevel: households.skillLevel,
      })
      .from(households)
      .where(eq(households.id, item.householdId));
    for (const { agencyDecided } of panelBusinessFor(item.kind)) {
      const applied = agencyDecided ? await agencyDecided(tx, who, decision) : null;
      if (applied && !applied.ok) return applied;
    }
    await tx.insert(agencyDecisions).values({
      id,
      itemId,
      householdId: item.householdId,
      outcome,
      agrees: input.agrees === 'yes',
      reasons: input.reasons,
      receivedOn: meeting.minutesSignedOn,
      dueOn: decisionDueFor(meeting.minutesSignedOn),
      decidedOn: input.decidedOn,
      decidedBy: who.user.id,
      toldDueOn: toldDueFor(input.decidedOn),
      letterDueOn: letterDueFor(input.decidedOn),
      householdBefore: before ?? null,
    });
    await refreshDueItems(tx, 'agency-decision', [id]);
    await refreshDueItems(tx, 'panel-meeting', [meeting.id]);
    await recordAudit(tx, who.actor, { action: 'create', recordType: 'agency-decision', recordId: id });
    return { ok: true, id };
  });
}

/** Records when the applicant was told and when the letter went. */
export async function recordLetters(db: Db, who: Who, decisionId: string, input: LettersInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [decision] = await tx.select().from(agencyDecisions).where(eq(agencyDecisions.id, decisionId));
    if (!decision) return notFound;
    const today = todayInLondon();
    for (const field of ['toldOn', 'letterSentOn'] as const) {
      const date = input[field];
      if (date && (date < decision.decidedOn || date > today)) {
        return invalid({
          field,
          message: `The date must be between ${formatDate(decision.decidedOn)} (the decision) and today`,
        });
      }
    }
    await tx
      .update(agencyDecisions)
      .set({ toldOn: input.toldOn, letterSentOn: input.letterSentOn })
      .where(eq(agencyDecisions.id, decisionId));
    await refreshDueItems(tx, 'agency-decision', [decisionId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'agency-decision',
      recordId: decisionId,
      detail: { part: 'letters' },
    });
    return { ok: true, id: decisionId };
  });
}
