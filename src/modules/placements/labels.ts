/** The words Hearth shows for referrals, placements and delegated authority. */

export const placementTypes = {
  emergency: 'Emergency',
  short_term: 'Short-term',
  long_term: 'Long-term',
  short_break: 'Short break',
  staying_put: 'Staying Put',
} as const;
export type PlacementType = keyof typeof placementTypes;
export const placementTypeKeys = Object.keys(placementTypes) as [PlacementType, ...PlacementType[]];

export const urgencies = {
  emergency: 'Emergency (today)',
  urgent: 'Urgent (within a week)',
  planned: 'Planned',
} as const;
export type Urgency = keyof typeof urgencies;
export const urgencyKeys = Object.keys(urgencies) as [Urgency, ...Urgency[]];

export const referralStatuses = {
  submitted: 'Waiting for review',
  returned: 'Returned to the social worker',
  accepted: 'Accepted: matching',
  matched: 'Matched',
  placed: 'Placed',
  withdrawn: 'Withdrawn',
} as const;
export type ReferralStatus = keyof typeof referralStatuses;

export const referralStatusTags: Record<string, string> = {
  submitted: 'govuk-tag--blue',
  returned: 'govuk-tag--orange',
  accepted: 'govuk-tag--turquoise',
  matched: 'govuk-tag--purple',
  placed: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
};

export const referralEventKinds: Record<string, string> = {
  submitted: 'Referral submitted',
  returned: 'Returned to the social worker',
  resubmitted: 'Changed and re-submitted',
  accepted: 'Accepted',
  matched: 'Matched with a household',
  placed: 'Child placed',
  withdrawn: 'Withdrawn',
  reopened: 'Reopened: the placement was removed, recorded in error',
  'placement-removed': 'The placement was removed, recorded in error',
};

/** A placement that has not started yet: planned until its start date, counted nowhere until then. */
export function isPlanned(placement: { startDate: string; endDate: string | null }, today: string): boolean {
  return placement.endDate === null && placement.startDate > today;
}

export const endings = { planned: 'Planned', unplanned: 'Unplanned' } as const;
export type Ending = keyof typeof endings;
export const endingKeys = Object.keys(endings) as [Ending, ...Ending[]];

/**
 * The documents the carer is given for a placement, recorded with the placement plan. The fourth,
 * the delegated authority, is not among them: its signed copy is recorded on the delegated
 * authority form (`copy_given_to_carer_on`), the one place that says whether the carer has it.
 */
export const documentKinds = {
  referral: 'Referral',
  risk_assessment: 'Risk assessment',
  placement_arrangements: 'Placement arrangements',
} as const;
export type DocumentKind = keyof typeof documentKinds;
export const documentKindKeys = Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]];

/** Who holds a decision under delegated authority. */
export const authorityHolders = {
  foster_carer: 'Foster carer',
  social_worker: 'Child’s social worker',
  parent: 'Parent',
  shared: 'Shared',
} as const;
export type AuthorityHolder = keyof typeof authorityHolders;
export const authorityHolderKeys = Object.keys(authorityHolders) as [AuthorityHolder, ...AuthorityHolder[]];

/** The kinds of decision a delegated authority form covers, in the order the form asks. */
export const decisionAreas = {
  medical: 'Medical and health',
  education: 'Education',
  social: 'Social (sleepovers, trips, activities)',
  religious: 'Religious',
  cultural: 'Cultural and identity',
} as const;
export type DecisionArea = keyof typeof decisionAreas;
export const decisionAreaKeys = Object.keys(decisionAreas) as DecisionArea[];

/**
 * A Staying Put arrangement is a young adult (18 or over) living on with their former foster
 * carers: no longer a child in care, so there is no placement plan and no delegated authority
 * (the young person makes their own decisions; the arrangement has a Staying Put agreement).
 */
export function isStayingPut(placement: { placementType: string }): boolean {
  return placement.placementType === 'staying_put';
}

export type DelegatedAuthorityStatus = 'not-needed' | 'not-started' | 'drafted' | 'signed' | 'copy-given';

export const delegatedAuthorityStatuses: Record<DelegatedAuthorityStatus, { text: string; tag: string }> = {
  'not-needed': { text: 'Not needed: Staying Put', tag: 'govuk-tag--grey' },
  'not-started': { text: 'Not started', tag: 'govuk-tag--red' },
  drafted: { text: 'Drafted', tag: 'govuk-tag--yellow' },
  signed: { text: 'Signed', tag: 'govuk-tag--blue' },
  'copy-given': { text: 'Signed and copy given', tag: 'govuk-tag--green' },
};

/** Where a placement's delegated authority form has got to (none is needed for Staying Put). */
export function delegatedAuthorityStatus(
  placement: { placementType: string },
  form: { id: string | null; signedOn: string | null; copyGivenToCarerOn: string | null } | null,
): DelegatedAuthorityStatus {
  if (isStayingPut(placement)) return 'not-needed';
  if (!form?.id) return 'not-started';
  if (form.signedOn && form.copyGivenToCarerOn) return 'copy-given';
  if (form.signedOn) return 'signed';
  return 'drafted';
}

/** What the delegated authority deadline and measure cite. */
export const DELEGATED_AUTHORITY_RULE =
  'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 9 and Schedule 2 (the authority delegated to the foster carer is part of the placement plan); Fostering Services: National Minimum Standards (2011), standards 7 and 11 (leisure activities; preparation for placement)';

/** The placement plan's rule: the deadline and the measure of the papers given to the carer cite it alike. */
export const PLACEMENT_PLAN_RULE =
  'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 9(2) and Schedule 2';
