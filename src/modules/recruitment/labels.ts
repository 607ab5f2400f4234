/** The recruitment module's lists of values and what each is called on screen. */

export const sources = [
  'website',
  'social_media',
  'search_advert',
  'recruitment_event',
  'word_of_mouth',
  'existing_carer',
  'carer_ambassador',
  'other',
] as const;
export type Source = (typeof sources)[number];
export const sourceNames: Record<Source, string> = {
  website: 'Website',
  social_media: 'Social media',
  search_advert: 'Search advert',
  recruitment_event: 'Recruitment event',
  word_of_mouth: 'Word of mouth',
  existing_carer: 'An existing carer',
  carer_ambassador: 'A Carer Ambassador',
  other: 'Other',
};

export const interests = [
  'mainstream',
  'short_breaks',
  'specialist_disability',
  'siblings',
  'teenagers',
  'family_and_friends',
] as const;
export type Interest = (typeof interests)[number];
export const interestNames: Record<Interest, string> = {
  mainstream: 'Mainstream fostering',
  short_breaks: 'Short breaks',
  specialist_disability: 'Specialist disability',
  siblings: 'Brothers and sisters',
  teenagers: 'Teenagers',
  family_and_friends: 'Family and friends',
};

/** The household type an enquiry starts as, from the first interest ticked. */
export function householdTypeFor(chosen: readonly Interest[]) {
  for (const interest of chosen) {
    if (interest === 'short_breaks' || interest === 'specialist_disability' || interest === 'family_and_friends') {
      return interest;
    }
  }
  return 'mainstream' as const;
}

/** Stage 1 checks (Fostering Services (England) Regulations 2011, Schedule 3). */
export const checkKinds = [
  'dbs',
  'la_checks',
  'medical',
  'personal_reference',
  'employer_reference',
  'health_and_safety',
  'pets',
] as const;
export type CheckKind = (typeof checkKinds)[number];
/** One list of names for every check on a household, whenever it was made. */
export { checkKindNames } from '../households/labels.ts';
/** Checks made of each adult (carers and adult household members), the rest of the household as a whole. */
export const adultCheckKinds: readonly CheckKind[] = ['dbs', 'la_checks'];
export const carerCheckKinds: readonly CheckKind[] = ['dbs', 'la_checks', 'medical'];
export const householdCheckKinds: readonly CheckKind[] = ['health_and_safety', 'pets'];
/** At least this many personal references (Schedule 3 and the Form F guidance). */
export const PERSONAL_REFERENCES_NEEDED = 2;

/** Ofsted's reasons an application was withdrawn (the fostering data collection's AW codes). */
export const ofstedCodes = ['AW0', 'AW1', 'AW2', 'AW3', 'AW4', 'AW5'] as const;
export type OfstedCode = (typeof ofstedCodes)[number];
export const ofstedCodeNames: Record<OfstedCode, string> = {
  AW0: 'AW0: reason not known or not given',
  AW1: 'AW1: change in personal circumstances',
  AW2: 'AW2: decided fostering is not for them',
  AW3: 'AW3: went to another fostering service',
  AW4: 'AW4: advised by the service not to continue',
  AW5: 'AW5: fear of allegations',
};

export const leavingReasons = ['resignation', 'retirement', 'review_decision', 'allegation_decision'] as const;
export type LeavingReason = (typeof leavingReasons)[number];
export const leavingReasonNames: Record<LeavingReason, string> = {
  resignation: 'Resignation',
  retirement: 'Retirement',
  review_decision: 'Decision after a review',
  allegation_decision: 'Decision after an allegation',
};
/** The carer's own decision to leave: recorded here, and deregisters the household. The rest are the panel's decision. */
export const ownDecisions: readonly LeavingReason[] = ['resignation', 'retirement'];

export const exitInterviews = ['not_offered', 'offered', 'done', 'declined'] as const;
export type ExitInterview = (typeof exitInterviews)[number];
export const exitInterviewNames: Record<ExitInterview, string> = {
  not_offered: 'Not offered yet',
  offered: 'Offered, not yet held',
  done: 'Held',
  declined: 'Declined',
};

export const exitThemes = [
  'support_from_social_worker',
  'allowances_and_fees',
  'training',
  'allegation_or_complaint',
  'matching_and_placements',
  'family_circumstances',
  'health',
  'moving_to_another_agency',
] as const;
export type ExitTheme = (typeof exitThemes)[number];
export const exitThemeNames: Record<ExitTheme, string> = {
  support_from_social_worker: 'Support from their social worker',
  allowances_and_fees: 'Allowances and fees',
  training: 'Training',
  allegation_or_complaint: 'An allegation or complaint',
  matching_and_placements: 'Matching and placements',
  family_circumstances: 'Family circumstances',
  health: 'Health',
  moving_to_another_agency: 'Moving to another fostering agency',
};

export const wouldReturnChoices = ['yes', 'no', 'not_sure'] as const;
export const wouldReturnNames: Record<(typeof wouldReturnChoices)[number], string> = {
  yes: 'Yes',
  no: 'No',
  not_sure: 'Not sure',
};

/** The stages of the pipeline, in order, as the households' statuses. */
export const pipelineStages = ['enquiry', 'applicant', 'in_assessment', 'approved', 'withdrawn', 'refused'] as const;
