/**
 * A household's statuses, household types, skill levels and what each is called on screen.
 * The allowed transitions are the one place that says how a household moves from enquiry to
 * approval and beyond: the change-status page offers only these and the service refuses the rest.
 */
export const householdStatuses = [
  'enquiry',
  'applicant',
  'in_assessment',
  'approved',
  'on_hold',
  'inactive',
  'deregistered',
  'withdrawn',
  'refused',
] as const;
export type HouseholdStatus = (typeof householdStatuses)[number];

export const statusNames: Record<HouseholdStatus, string> = {
  enquiry: 'Enquiry',
  applicant: 'Applicant',
  in_assessment: 'In assessment',
  approved: 'Approved',
  on_hold: 'On hold',
  inactive: 'Inactive',
  deregistered: 'Deregistered',
  withdrawn: 'Withdrawn',
  refused: 'Refused',
};

/** GOV.UK tag colours, so a status reads the same on every page. */
export const statusTagClasses: Record<HouseholdStatus, string> = {
  enquiry: 'govuk-tag--light-blue',
  applicant: 'govuk-tag--blue',
  in_assessment: 'govuk-tag--purple',
  approved: 'govuk-tag--green',
  on_hold: 'govuk-tag--yellow',
  inactive: 'govuk-tag--grey',
  deregistered: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
  refused: 'govuk-tag--red',
};

/**
 * Where a household may go from each status on the change-status page. Deregistered, withdrawn
 * and refused are final: someone who comes back starts again as a new enquiry (a new record).
 * Approval is not offered from assessment: only the agency decision maker's decision on the
 * fostering panel's recommendation approves (panel module, households/decided.ts). Back to
 * approved from on hold or inactive is a return from a pause while that approval stands.
 */
export const allowedTransitions: Record<HouseholdStatus, readonly HouseholdStatus[]> = {
  enquiry: ['applicant', 'withdrawn'],
  applicant: ['in_assessment', 'withdrawn', 'refused'],
  in_assessment: ['withdrawn', 'refused'],
  approved: ['on_hold', 'inactive', 'deregistered'],
  on_hold: ['approved', 'deregistered'],
  inactive: ['approved', 'deregistered'],
  deregistered: [],
  withdrawn: [],
  refused: [],
};

/**
 * The statuses in which a household's approval as foster carers stands: approved, and the pauses
 * from which it returns to approved without a new decision. Regulation 28's review of approval
 * goes on through a pause.
 */
export const approvalStandsIn: readonly HouseholdStatus[] = ['approved', 'on_hold', 'inactive'];

/** Whether a household in this status holds an approval that stands (see approvalStandsIn). */
export function approvalStandsWhile(status: string): boolean {
  return (approvalStandsIn as readonly string[]).includes(status);
}

/** Moves into these statuses must say why. */
export const statusesNeedingReason: readonly HouseholdStatus[] = ['deregistered', 'on_hold', 'refused', 'withdrawn'];

/** What the change-status page calls each move (from the household's point of view). */
export const transitionNames: Record<HouseholdStatus, string> = {
  enquiry: 'Enquiry',
  applicant: 'Applicant: application received',
  in_assessment: 'In assessment: assessment started',
  approved: 'Approved: available again (the approval decision stands)',
  on_hold: 'On hold',
  inactive: 'Inactive',
  deregistered: 'Deregistered',
  withdrawn: 'Withdrawn',
  refused: 'Refused',
};

export function isHouseholdStatus(value: unknown): value is HouseholdStatus {
  return typeof value === 'string' && (householdStatuses as readonly string[]).includes(value);
}

export function canMove(from: string, to: string): boolean {
  return isHouseholdStatus(from) && isHouseholdStatus(to) && allowedTransitions[from].includes(to);
}

export function statusName(status: string): string {
  return isHouseholdStatus(status) ? statusNames[status] : status;
}

export const householdTypes = ['mainstream', 'family_and_friends', 'short_breaks', 'specialist_disability'] as const;
export type HouseholdType = (typeof householdTypes)[number];

export const householdTypeNames: Record<HouseholdType, string> = {
  mainstream: 'Mainstream',
  family_and_friends: 'Family and friends (connected person)',
  short_breaks: 'Short breaks',
  specialist_disability: 'Specialist disability',
};

export function householdTypeName(type: string): string {
  return (householdTypeNames as Record<string, string>)[type] ?? type;
}

export const skillLevels = [1, 2, 3] as const;
export type SkillLevel = (typeof skillLevels)[number];

export const skillLevelNames: Record<SkillLevel, string> = {
  1: 'Level 1',
  2: 'Level 2 (Skilled)',
  3: 'Level 3 (Advanced)',
};

export function skillLevelName(level: number): string {
  return (skillLevelNames as Record<number, string>)[level] ?? `Level ${level}`;
}

export const genderPreferences = ['any', 'female', 'male'] as const;
export const genderPreferenceNames: Record<(typeof genderPreferences)[number], string> = {
  any: 'Any',
  female: 'Girls only',
  male: 'Boys only',
};

export const memberRelationships = [
  'birth_child',
  'adult_child',
  'partner',
  'grandparent',
  'lodger',
  'other_adult',
] as const;
export const memberRelationshipNames: Record<(typeof memberRelationships)[number], string> = {
  birth_child: 'Birth child',
  adult_child: 'Adult child',
  partner: 'Partner',
  grandparent: 'Grandparent',
  lodger: 'Lodger',
  other_adult: 'Other adult',
};

/** What a change the carers tell the service about from their portal is (householdChangeNotices). */
export const changeNoticeKinds = ['moved_in', 'leaving', 'other'] as const;
export type ChangeNoticeKind = (typeof changeNoticeKinds)[number];
/** The choices as the carers read them on their form. */
export const changeNoticeChoices: Record<ChangeNoticeKind, string> = {
  moved_in: 'Someone has come, or is coming, to live with us',
  leaving: 'Someone has left, or is leaving, our household',
  other: 'Another change in our household or circumstances',
};
/** The same, as their supervising social worker reads it. */
export const changeNoticeNames: Record<ChangeNoticeKind, string> = {
  moved_in: 'Someone coming to live in the household',
  leaving: 'Someone leaving the household',
  other: 'Another change in the household or circumstances',
};

/**
 * Their supervising social worker deals with a change the carers told the service about within
 * this many working days (the service's local rule).
 */
export const CHANGE_NOTICE_WORKING_DAYS = 5;

/**
 * Every kind of check on a household (personChecks), one list whether made at assessment (the
 * recruitment module's stage 1 checks) or later, and what each is called on screen.
 */
export const checkKindNames = {
  dbs: 'Enhanced DBS check',
  la_checks: 'Local authority checks',
  medical: 'Medical',
  reference: 'Reference',
  personal_reference: 'Personal reference',
  employer_reference: 'Employer or previous fostering service reference',
  health_and_safety: 'Health and safety check of the home',
  pets: 'Pets assessment',
} as const;
/** The checks recorded on the household page: a carer's or member's renewals and references. */
export const checkKinds = ['dbs', 'medical', 'reference'] as const;
export type CheckKind = (typeof checkKinds)[number];

/** Checks expiring within this many days are flagged on the household page. */
export const CHECK_EXPIRY_WARNING_DAYS = 60;

/** A check's outcome in words: as recorded ("Clear"), or whether it was satisfactory. */
export function checkOutcomeText(c: { satisfactory: boolean; outcome: string | null }): string {
  if (c.satisfactory) return c.outcome ?? 'Satisfactory';
  return c.outcome ? `Not satisfactory: ${c.outcome}` : 'Not satisfactory';
}
