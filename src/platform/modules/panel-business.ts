import type { SQL } from 'drizzle-orm';
import type { Actor } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';
import type { Result, Who } from '../views/results.ts';

/**
 * The business a module brings to the fostering panel: the households it has due for a kind of
 * agenda item (recruitment's completed assessments for an approval, reviews' first reviews), what
 * it records when the panel recommends on one of its records (a review or an allegation presented
 * on the meeting's day), and what it does when the agency decision maker decides (the household's
 * approval, terms or deregistration). The panel module builds its agendas and takes its decisions
 * from these declarations, so it names no other module's functions. Kinds and record types are
 * the panel's own words ('approval', 'annual-review'), kept as strings here.
 */
export interface PanelBusiness {
  /** The kind of agenda item, one of the panel module's list ('approval', 'first_review' ...). */
  kind: string;
  /**
   * The type of the record behind each item of this kind ('annual-review', 'concern'), when the
   * item is about a record of the module rather than the household alone.
   */
  recordType?: string;
  /**
   * The households (with the record behind each, if any) due to go before the panel as this kind
   * of item, oldest first: what a meeting's agenda offers. Not scoped to a viewer: the panel lists
   * them under its own access rule and shows no more than these fields.
   */
  dueForPanel?: (db: DbOrTx, options: PanelDueOptions) => Promise<PanelCandidate[]>;
  /**
   * When the panel's recommendation is recorded on an item whose record behind it is of
   * `recordType`: marks that record presented to the panel on `presentedOn` (the meeting's day),
   * in the panel's transaction and under its access rule. Its answer is not used.
   */
  presentedToPanel?: (tx: DbOrTx, actor: Actor, recordId: string, presentedOn: IsoDate) => Promise<unknown>;
  /**
   * When the meeting at which the record was presented is put right to another day: moves the day
   * the record says it was presented from `from` to `to`, in the meeting's transaction. Answers why
   * it cannot, in the service's words ("… was held on 3 March 2026, after …"), before writing
   * anything; undefined when it moved (or the record no longer says it was presented on `from`).
   */
  presentedOnMoved?: (tx: DbOrTx, actor: Actor, recordId: string, move: PresentedMove) => Promise<string | undefined>;
  /**
   * When the agency decision maker decides on an item of this kind, in the decision's transaction
   * and before the decision is written: applies what the decision changes in the module's records.
   * A refusal refuses the whole decision (nothing of it is written).
   */
  agencyDecided?: (tx: DbOrTx, who: Who, decision: AgencyDecision) => Promise<Result<object>>;
  /**
   * When the agency decision maker withdraws a decision on an item of this kind as recorded in
   * error, in the withdrawal's transaction and before the decision is removed: takes back what
   * `agencyDecided` changed (the status change it made, the terms or skills level it set, back to
   * `before`). A refusal (a later change stands on it) refuses the whole withdrawal, with a message
   * in the service's words for the reason's field. With `check`, answers only whether it could,
   * writing and locking nothing (for the decision page's link and the withdrawal form).
   */
  agencyDecisionWithdrawn?: (
    tx: DbOrTx,
    who: Who,
    decision: WithdrawnDecision,
    mode?: 'apply' | 'check',
  ) => Promise<Result<object>>;
}

/** What the household held just before a decision applied: put back when the decision is withdrawn. */
export interface HouseholdBefore {
  approvedPlaces: number;
  ageMin: number;
  ageMax: number;
  skillLevel: number;
}

/** An agency decision withdrawn as recorded in error, as a module's `agencyDecisionWithdrawn` sees it. */
export interface WithdrawnDecision extends AgencyDecision {
  /** What the household held before the decision applied; null when it was recorded before Hearth kept it. */
  before: HouseholdBefore | null;
}

/** A meeting's day put right: the day its records were presented, and the day it is now. */
export interface PresentedMove {
  from: IsoDate;
  to: IsoDate;
}

/** What the panel asks of a module's list of households due for panel. */
export interface PanelDueOptions {
  /** At most this many. */
  limit: number;
  /** A query of household ids to leave out: those already put to the panel for this kind of item, when a household goes only once. */
  without?: SQL;
}

/** A household a module offers for a panel meeting's agenda, in words the agenda shows. */
export interface PanelCandidate {
  householdId: string;
  householdName: string;
  householdReference: string;
  /** Why it is due, shown under its name ("Assessment completed on 1 July 2026"). */
  hint: string;
  /** The record behind the item, of the business's `recordType`; null when the item is about the household alone. */
  recordId: string | null;
}

/** The agency decision maker's decision on an item, as a module's `agencyDecided` sees it. */
export interface AgencyDecision {
  /** The decision's id (the audit trail names it as the reason for a change). */
  id: string;
  householdId: string;
  /** 'approve', 'change_of_terms', 'deregister', 'skills_level', 'not_approve' or 'noted'. */
  outcome: string;
  /** The date of the decision. */
  onDate: IsoDate;
  reasons: string;
  /** The terms of approval the panel recommended; null when it recommended none, and on a deregistration. */
  terms: { approvedPlaces: number; ageMin: number; ageMax: number } | null;
  /** The skills level (2 or 3) the panel was asked to recommend, for a skills level item; else null. */
  skillLevel: number | null;
}

const business: PanelBusiness[] = [];

/** Called by `registerModules` for each module's declarations; registering one twice is harmless. */
export function registerPanelBusiness(item: PanelBusiness): void {
  if (business.includes(item)) return;
  business.push(item);
}

/** The business registered for a kind of agenda item, in the order the modules are listed. */
export function panelBusinessFor(kind: string): readonly PanelBusiness[] {
  return business.filter((b) => b.kind === kind);
}

/**
 * What marks a record presented to the panel, found by the record's type (one module owns a type
 * of record, so the first found is the one, whichever kind of item it came on).
 */
export function presentedToPanelFor(recordType: string): PanelBusiness['presentedToPanel'] {
  return business.find((b) => b.recordType === recordType && b.presentedToPanel)?.presentedToPanel;
}

/** What moves the day a record of this type says it was presented, when its meeting is re-dated. */
export function presentedOnMovedFor(recordType: string): PanelBusiness['presentedOnMoved'] {
  return business.find((b) => b.recordType === recordType && b.presentedOnMoved)?.presentedOnMoved;
}
