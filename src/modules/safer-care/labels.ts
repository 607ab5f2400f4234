/**
 * The words for a household's safer-care plan: what it covers, why a new version was agreed, and
 * the rule its review follows.
 *
 * A household's safer-care plan (a "safer caring policy") is the household's own agreement of how
 * everyone living there keeps children and themselves safe: who goes into whose bedroom, privacy in
 * the bathroom, touch and affection, phones and photographs, visitors and babysitters. It is written
 * with the carers during their assessment, agreed again whenever the household changes, and reviewed
 * at least once a year (Fostering Services: National Minimum Standards (2011), standard 4; the
 * yearly review is the service's local rule, at the carers' annual review).
 */

/** The audit trail's and the deadline engine's name for one version of a plan. */
export const PLAN_RECORD = 'safer-care-plan';

/** What a plan covers: the areas of family life it sets out. */
export const planAreas = [
  'bedrooms',
  'bathroom',
  'touch',
  'online',
  'visitors',
  'transport',
  'household_members',
] as const;
export type PlanArea = (typeof planAreas)[number];

export const planAreaNames: Record<PlanArea, string> = {
  bedrooms: 'Bedrooms and sleeping arrangements',
  bathroom: 'The bathroom, dressing and privacy',
  touch: 'Touch, affection and physical care',
  online: 'Phones, the internet and photographs',
  visitors: 'Visitors, babysitters and people staying over',
  transport: 'Car journeys and time alone with a child',
  household_members: 'Birth children and other adults in the household',
};

/** Why a version was agreed. */
export const planReasons = ['first', 'yearly', 'child_placed', 'household_changed', 'after_concern'] as const;
export type PlanReason = (typeof planReasons)[number];

export const planReasonNames: Record<PlanReason, string> = {
  first: 'The household’s first plan, written during the assessment',
  yearly: 'The yearly review of the plan',
  child_placed: 'A child was placed with the household',
  household_changed: 'Someone joined or left the household',
  after_concern: 'After a concern, a complaint or an allegation',
};

/** Why a version was agreed, in a few words for a table. */
export const planReasonShort: Record<PlanReason, string> = {
  first: 'First plan',
  yearly: 'Yearly review',
  child_placed: 'A child placed',
  household_changed: 'Household changed',
  after_concern: 'After a concern',
};

export const planReasonName = (reason: string) => (planReasonShort as Record<string, string>)[reason] ?? 'Agreed again';

/** A plan is reviewed, and agreed again, within this many months of the last one (local rule). */
export const REVIEW_MONTHS = 12;

/**
 * A plan is agreed again within this many working days of the household changing after it was
 * agreed: a child placed there for the first time, someone coming to live there or someone leaving
 * (local rule).
 */
export const CHANGE_WORKING_DAYS = 10;

/** What the deadline cites. */
export const SAFER_CARE_RULE = `Fostering Services: National Minimum Standards (2011), standard 4 (safeguarding children); the service’s local rule: each approved household’s safer-care plan is agreed again at least every ${REVIEW_MONTHS} months, at the carers’ annual review, and within ${CHANGE_WORKING_DAYS} working days of the household changing (a child placed there for the first time, someone coming to live there or someone leaving)`;
