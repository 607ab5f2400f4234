/**
 * Putting an agency decision right when it was typed wrongly: its date, the decision maker and the
 * reasons, on the decision form filled in, by those who record decisions (`panel.decide`), with why.
 * The rules, as recording checks them and as what was recorded after the decision needs them:
 * - The date: on or after the day the recommendation and signed minutes reached the decision maker,
 *   today or before, and on or before the day the applicant was told and the letter was sent.
 * - Where the decision moved the household's status (an approval, a deregistration), that move is
 *   dated with it, through the households module's lifecycle (`redateMove`), which keeps the status
 *   history in order (never before the status before it, nor after the one after it). A first
 *   approval's date of approval moves with it.
 * - An approval: not after a child was placed with the household, an annual review held or the
 *   post-approval interview held since it.
 * - A decision that changed the household (approval, terms, skills level, deregistration): in order
 *   with the household's other such decisions.
 * - The decision maker: someone who may make agency decisions (or the one recorded).
 * - What was decided (whether the decision maker agreed) changes only where it changes nothing of
 *   the household (an item the decision only notes); otherwise a new decision is needed.
 * What follows, in the same transaction: the letters' due dates (2 and 5 working days from the
 * decision) and their deadlines, the household's deadlines and status periods (through the hook),
 * and the scorecard's current month. A letter already sent is not taken back: the page says so. The
 * audit trail keeps what the decision said, who changed it and why.
 */
import { and, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { recordAudits } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/index.ts';
import { householdLifecycle } from '../../platform/modules/household-lifecycle.ts';
import { can } from '../../platform/access/policy.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import {
  Refused,
  forbidden,
  inTransaction,
  notFound,
  type FieldError,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { householdStatusEvents } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { recruitmentPostApprovalInterviews } from '../recruitment/tables.ts';
import { annualReviews } from '../reviews/tables.ts';
import { letterDueFor, toldDueFor } from './dates.ts';
import { decisionOutcome } from './decisions.ts';
import type { DecisionChangeInput } from './forms.ts';
import { decisionOutcomeNames } from './labels.ts';
import { agencyDecisions, panelItems, panelMeetings } from './tables.ts';

const DATE = 'The date of the decision';

/** The decisions that change the household: kept in order with each other. */
export const changing = ['approve', 'change_of_terms', 'deregister', 'skills_level'];

/** Those who may be named as having made the decision: active decision makers, and the one recorded. */
export async function decisionMakers(db: DbOrTx, recorded: string | null) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(sql`(${users.role} = 'decision_maker' and ${users.active}) or ${users.id} = ${recorded}`)
    .orderBy(users.displayName);
}

/** The status change the decision made (the households module keeps the decision on its event), if any. */
async function statusMoveOf(db: DbOrTx, householdId: string, decisionId: string) {
  const [row] = await db
    .select({ toStatus: householdStatusEvents.toStatus, onDate: householdStatusEvents.onDate })
    .from(householdStatusEvents)
    .where(
      and(
        eq(householdStatusEvents.householdId, householdId),
        eq(householdStatusEvents.origin, 'agency-decision'),
        eq(householdStatusEvents.originId, decisionId),
      ),
    )
    .orderBy(desc(householdStatusEvents.createdAt))
    .limit(1);
  return row ?? null;
}

type Decision = typeof agencyDecisions.$inferSelect;

/**
 * A record that stands on a household's approval, made on or after `from` (and before `until`): a
 * child placed with the household, its annual review held, or the carers' post-approval interview;
 * the first found, with what happened in words ("Ama Boateng was placed with the household").
 */
export async function recordOnApproval(
  tx: DbOrTx,
  householdId: string,
  from: IsoDate,
  until: IsoDate = '9999-12-31',
): Promise<{ on: IsoDate; what: string } | null> {
  const [placed] = await tx
    .select({ on: placements.startDate, first: children.firstName, last: children.lastName })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(eq(placements.householdId, householdId), gte(placements.startDate, from), lt(placements.startDate, until)),
    )
    .orderBy(placements.startDate)
    .limit(1);
  if (placed) return { on: placed.on, what: `${placed.first} ${placed.last} was placed with the household` };
  const [review] = await tx
    .select({ on: annualReviews.reviewedOn })
    .from(annualReviews)
    .where(
      and(
        eq(annualReviews.householdId, householdId),
        gte(annualReviews.reviewedOn, from),
        lt(annualReviews.reviewedOn, until),
      ),
    )
    .orderBy(annualReviews.reviewedOn)
    .limit(1);
  if (review?.on) return { on: review.on, what: 'the household’s review was held' };
  const [interview] = await tx
    .select({ on: recruitmentPostApprovalInterviews.interviewedOn })
    .from(recruitmentPostApprovalInterviews)
    .where(
      and(
        eq(recruitmentPostApprovalInterviews.householdId, householdId),
        gte(recruitmentPostApprovalInterviews.interviewedOn, from),
        lt(recruitmentPostApprovalInterviews.interviewedOn, until),
      ),
    );
  return interview ? { on: interview.on, what: 'the carers’ post-approval interview was held' } : null;
}

/** The household's other decisions that changed it (approval, terms, skills level, deregistration). */
export async function otherChangingDecisions(tx: DbOrTx, d: Pick<Decision, 'id' | 'householdId'>) {
  return tx
    .select({ on: agencyDecisions.decidedOn, outcome: agencyDecisions.outcome, createdAt: agencyDecisions.createdAt })
    .from(agencyDecisions)
    .where(
      and(
        eq(agencyDecisions.householdId, d.householdId),
        ne(agencyDecisions.id, d.id),
        inArray(agencyDecisions.outcome, changing),
      ),
    );
}

/** Why the decision cannot be dated `on` given what was recorded after it; null when it can. */
async function laterRecordsRefusal(tx: DbOrTx, d: Decision, from: IsoDate, on: IsoDate): Promise<string | null> {
  for (const [date, what] of [
    [d.toldOn, 'when the applicant was told'],
    [d.letterSentOn, 'when the letter was sent'],
  ] as const) {
    if (date && on > date) return `${DATE} must be on or before ${formatDate(date)}, ${what}`;
  }
  if (changing.includes(d.outcome)) {
    const others = await otherChangingDecisions(tx, d);
    const words = (o: { outcome: string }) =>
      `the agency decision (${named(decisionOutcomeNames, o.outcome).toLowerCase()})`;
    const after = others.filter((o) => o.on >= d.decidedOn).sort((a, b) => a.on.localeCompare(b.on))[0];
    if (after && on > after.on) return `${DATE} must be on or before ${formatDate(after.on)}, ${words(after)}`;
    const before = others.filter((o) => o.on < d.decidedOn).sort((a, b) => b.on.localeCompare(a.on))[0];
    if (before && on < before.on) return `${DATE} must be on or after ${formatDate(before.on)}, ${words(before)}`;
  }
  if (d.outcome === 'approve' && on > from) {
    const since = await recordOnApproval(tx, d.householdId, from, on);
    if (since) return `${DATE} must be on or before ${formatDate(since.on)}, when ${since.what}`;
  }
  return null;
}

/**
 * Moves the status change the decision made to `on`, through the households module (a first
 * approval's date of approval with it), and refuses (rolling the transaction back) when it would put
 * the status history out of order.
 */
async function moveStatus(tx: Tx, who: Who, d: Decision, move: { toStatus: string; onDate: IsoDate }, on: IsoDate) {
  const refusal = await householdLifecycle().redateMove(
    tx as unknown as Db,
    d.householdId,
    { toStatus: move.toStatus, wasOn: move.onDate, nowOn: on },
    who,
  );
  if (refusal) throw new Refused([{ field: 'decidedOn', message: `${DATE} ${refusal}` }]);
}

/** Changes the decision under the rules above; its letters' deadlines and the household's status move with it. */
export async function changeDecision(
  db: Db,
  who: Who,
  itemId: string,
  input: DecisionChangeInput,
  today = todayInLondon(),
): Promise<Result> {
  if (!can(who.user.role, 'panel.decide')) return forbidden;
  return inTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ item: panelItems, meeting: panelMeetings, decision: agencyDecisions })
      .from(agencyDecisions)
      .innerJoin(panelItems, eq(panelItems.id, agencyDecisions.itemId))
      .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
      .where(eq(agencyDecisions.itemId, itemId))
      .for('update', { of: agencyDecisions });
    if (!found) return notFound;
    const { item, meeting, decision: d } = found;
    const agrees = input.agrees === 'yes';
    const errors: FieldError[] = [];
    if (agrees !== d.agrees && decisionOutcome(item.kind, item.recommendation ?? '', agrees) !== d.outcome) {
      errors.push({
        field: 'agrees',
        message:
          'Whether you agreed with the panel cannot be changed here, as it changes what the decision did to the household: record a new decision on the household’s next panel item',
      });
    }
    const makers = await decisionMakers(tx, d.decidedBy);
    if (!makers.some((m) => m.id === input.decidedBy)) {
      errors.push({ field: 'decidedBy', message: 'Select the decision maker from the list' });
    }
    const receivedOn = d.receivedOn ?? meeting.minutesSignedOn;
    const on = input.decidedOn;
    if (receivedOn && on < receivedOn) {
      errors.push({
        field: 'decidedOn',
        message: `${DATE} must be on or after ${formatDate(receivedOn)}, when the recommendation and minutes were received`,
      });
    } else if (on > today) {
      errors.push({ field: 'decidedOn', message: `${DATE} must be today or in the past` });
    }
    const move = on !== d.decidedOn ? await statusMoveOf(tx, d.householdId, d.id) : null;
    if (!errors.some((e) => e.field === 'decidedOn') && on !== d.decidedOn) {
      const refusal = await laterRecordsRefusal(tx, d, move?.onDate ?? d.decidedOn, on);
      if (refusal) errors.push({ field: 'decidedOn', message: refusal });
    }
    if (errors.length) throw new Refused(errors);
    const fields = (['decidedOn', 'reasons', 'agrees', 'decidedBy'] as const).filter(
      (f) => ({ decidedOn: on, reasons: input.reasons, agrees, decidedBy: input.decidedBy })[f] !== d[f],
    );
    if (!fields.length) {
      throw new Refused([{ field: 'decidedOn', message: 'Nothing has changed: change what was recorded wrongly' }]);
    }
    if (move && move.onDate !== on) await moveStatus(tx, who, d, move, on);
    await tx
      .update(agencyDecisions)
      .set({
        decidedOn: on,
        reasons: input.reasons,
        agrees,
        decidedBy: input.decidedBy,
        toldDueOn: toldDueFor(on),
        letterDueOn: letterDueFor(on),
      })
      .where(eq(agencyDecisions.id, d.id));
    await refreshDueItems(tx, 'agency-decision', [d.id], today);
    await markProvisionalFiguresOutOfDate(tx);
    const was = { decidedOn: d.decidedOn, reasons: d.reasons, agrees: d.agrees, decidedBy: d.decidedBy };
    await recordAudits(tx, who.actor, [
      {
        action: 'update',
        recordType: 'agency-decision',
        recordId: d.id,
        detail: { part: 'decision-details', fields, was, reason: input.reason, letterSentOn: d.letterSentOn },
      },
      {
        action: 'update',
        recordType: 'household',
        recordId: d.householdId,
        detail: { part: 'agency-decision', fields, was, reason: input.reason, recordId: d.id },
      },
    ]);
    return { ok: true, id: d.id };
  });
}
