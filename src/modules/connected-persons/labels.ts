/**
 * Temporary approval of connected persons in words and numbers: the periods regulations 24 and 25
 * set, what each cites, why an approval is extended or ended, and the state of an approval on a day
 * (in SQL for lists, deadlines and measures, and in words for a person).
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, compareIsoDates, differenceInDays, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';

/** Temporary approval lasts up to 16 weeks (regulation 24(1)); one extension adds up to 8 (regulation 25(2)). */
export const APPROVAL_WEEKS = 16;
export const EXTENSION_WEEKS = 8;

export const REG_24 =
  'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 24: temporary approval of a relative, friend or other person connected with the child, for up to 16 weeks, with their full assessment arranged at once';
export const REG_25 =
  'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 25: an extension once, by up to 8 weeks, while the full assessment is not finished, or until the outcome of an independent review; the placement ends if the approval runs out';
export const SEED_ACTION =
  'Business plan 2016, Target 10: the panel process for connected persons assessments to be streamlined';

/** Which household types and statuses may be given temporary approval: connected persons not yet approved. */
export const CONNECTED_TYPE = 'family_and_friends';
export const APPROVABLE_STATUSES = ['enquiry', 'applicant', 'in_assessment'] as const;

/** The last day of an approval given on a day: the day before 16 weeks on (16 weeks in all). */
export const expiresOnFor = (approvedOn: IsoDate) => addDays(approvedOn, APPROVAL_WEEKS * 7 - 1);
/** The latest day an extension may run to (regulation 25(2)): 8 weeks after the approval ran out. */
export const latestExtensionFor = (expiresOn: IsoDate) => addDays(expiresOn, EXTENSION_WEEKS * 7);

export const extensionReasons = ['assessment', 'review'] as const;
export type ExtensionReason = (typeof extensionReasons)[number];
export const extensionReasonNames: Record<ExtensionReason, string> = {
  assessment: 'The full assessment will not be finished in time',
  review: 'Not approved, and the connected person has asked for an independent review of the decision',
};

export const endReasons = ['not-approved', 'child-moved', 'withdrew', 'other'] as const;
export type EndReason = (typeof endReasons)[number];
export const endReasonNames: Record<EndReason, string> = {
  'not-approved': 'Not approved after the full assessment: the child has moved',
  'child-moved': 'The child no longer lives with them (moved, went home or left care)',
  withdrew: 'The connected person withdrew',
  other: 'Another reason',
};
export const isEndReason = (v: unknown): v is EndReason => endReasons.includes(v as EndReason);

/**
 * The SQL of an approval `ta` with its household `h`: the day it runs out (the extension's, or its
 * own 16 weeks; null while extended for an independent review), and the day the household was
 * approved as foster carers after it (null until then).
 */
export const runsOutSql = (ta = sql.raw('ta')) =>
  sql`(case when ${ta}.extension_reason = 'review' then null else coalesce(${ta}.extended_until, ${ta}.expires_on) end)`;
export const fullyApprovedSql = (ta = sql.raw('ta'), h = sql.raw('h')) =>
  sql`(case when ${h}.approved_on >= ${ta}.approved_on then ${h}.approved_on end)`;
/**
 * In force on the day (an SQL date), for an approval `ta`: given by then, not ended, and not run out
 * (an approval extended until an independent review's outcome runs on). The placements module places
 * a child with a household not approved on this test.
 */
export const inForceOnSql = (day: SQL, ta = sql.raw('ta')): SQL =>
  sql`(${ta}.ended_on is null and ${ta}.approved_on <= ${day} and coalesce(${runsOutSql(ta)} >= ${day}, true))`;

/** Still to be decided: neither ended nor given way to full approval. */
export const undecidedSql = (ta = sql.raw('ta'), h = sql.raw('h')): SQL =>
  sql`(${ta}.ended_on is null and ${fullyApprovedSql(ta, h)} is null)`;

/** What the pages know of an approval to say where it stands. */
export interface ApprovalState {
  approvedOn: IsoDate;
  expiresOn: IsoDate;
  extendedUntil: IsoDate | null;
  extensionReason: string | null;
  endedOn: IsoDate | null;
  endReason: string | null;
  /** The household's approval as foster carers, when on or after this approval. */
  fullyApprovedOn: IsoDate | null;
}

export type StateKey = 'running' | 'extended' | 'review' | 'ran-out' | 'approved' | 'ended';

/** Where an approval stands on a day, as a key, a tag and a sentence. */
export function approvalState(a: ApprovalState, today: IsoDate): { key: StateKey; tag: string; text: string } {
  if (a.fullyApprovedOn) {
    return { key: 'approved', tag: 'Approved', text: `Approved as foster carers on ${formatDate(a.fullyApprovedOn)}` };
  }
  if (a.endedOn) {
    const why = isEndReason(a.endReason) ? `: ${endReasonNames[a.endReason].toLowerCase()}` : '';
    return { key: 'ended', tag: 'Ended', text: `Ended on ${formatDate(a.endedOn)}${why}` };
  }
  if (a.extensionReason === 'review') {
    return { key: 'review', tag: 'Extended', text: 'Extended until the outcome of the independent review' };
  }
  const lastDay = a.extendedUntil ?? a.expiresOn;
  if (compareIsoDates(today, lastDay) > 0) {
    return {
      key: 'ran-out',
      tag: 'Ran out',
      text: `Ran out on ${formatDate(lastDay)} without a decision: the placement must end once other arrangements are made`,
    };
  }
  const left = differenceInDays(lastDay, today);
  const days = left === 0 ? 'today' : `in ${left} ${left === 1 ? 'day' : 'days'}`;
  return a.extendedUntil
    ? { key: 'extended', tag: 'Extended', text: `Extended to ${formatDate(lastDay)} (${days})` }
    : { key: 'running', tag: 'Temporary', text: `Runs to ${formatDate(lastDay)} (${days})` };
}

export const stateTagClasses: Record<StateKey, string> = {
  running: 'govuk-tag--blue',
  extended: 'govuk-tag--yellow',
  review: 'govuk-tag--yellow',
  'ran-out': 'govuk-tag--red',
  approved: 'govuk-tag--green',
  ended: 'govuk-tag--grey',
};
