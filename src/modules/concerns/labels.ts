/**
 * The kinds of matter, their stages and every list a form offers, with what each is called on
 * screen. The one place that says which values are allowed: forms, services and SQL read these.
 */

export const kinds = ['allegation', 'standard_of_care', 'complaint', 'compliment'] as const;
export type Kind = (typeof kinds)[number];
export const kindNames: Record<Kind, string> = {
  allegation: 'Allegation',
  standard_of_care: 'Standard of care concern',
  complaint: 'Complaint',
  compliment: 'Compliment',
};
export const kindHints: Record<Kind, string> = {
  allegation: 'Harm or risk of harm to a child by a carer or a member of the household. Referred to the LADO.',
  standard_of_care: 'A worry about the care a household gives that is not an allegation of harm.',
  complaint: 'By a child, a parent, a carer or a professional.',
  compliment: 'Praise for a carer, a household or the service.',
};

export const againstKinds = ['carer', 'household_member', 'service'] as const;
export type AgainstKind = (typeof againstKinds)[number];
export const againstNames: Record<AgainstKind, string> = {
  carer: 'A foster carer',
  household_member: 'A member of the household',
  service: 'The fostering service',
};

export const raisers = ['child', 'parent', 'carer', 'professional', 'staff', 'anonymous', 'audit'] as const;
export type Raiser = (typeof raisers)[number];
export const raiserNames: Record<Raiser, string> = {
  child: 'A child',
  parent: 'A parent',
  carer: 'A foster carer',
  professional: 'A professional (school, health, police ...)',
  staff: 'A member of staff',
  anonymous: 'Anonymous',
  audit: 'A case-file audit',
};
/** Who may be chosen on the form (an audit raises its own). */
export const formRaisers = raisers.filter((r) => r !== 'audit');

export const categories = ['physical', 'emotional', 'sexual', 'neglect', 'standards_of_care', 'other'] as const;
export type Category = (typeof categories)[number];
export const categoryNames: Record<Category, string> = {
  physical: 'Physical',
  emotional: 'Emotional',
  sexual: 'Sexual',
  neglect: 'Neglect',
  standards_of_care: 'Standards of care',
  other: 'Other',
};

export const outcomes = ['substantiated', 'unsubstantiated', 'unfounded', 'false', 'malicious'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeNames: Record<Outcome, string> = {
  substantiated: 'Substantiated',
  unsubstantiated: 'Unsubstantiated',
  unfounded: 'Unfounded',
  false: 'False',
  malicious: 'Malicious',
};

export const immediateActions = ['strategy_meeting', 'evaluation_meeting', 'no_further_action', 'other'] as const;
export type ImmediateAction = (typeof immediateActions)[number];
export const immediateActionNames: Record<ImmediateAction, string> = {
  strategy_meeting: 'A strategy meeting (police or a child protection enquiry may follow)',
  evaluation_meeting: 'An evaluation meeting',
  no_further_action: 'No further action by the LADO: the service deals with it',
  other: 'Other action (say what below)',
};

export const meetingKinds = ['strategy', 'evaluation', 'review'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingNames: Record<MeetingKind, string> = {
  strategy: 'Strategy meeting',
  evaluation: 'Evaluation meeting',
  review: 'Review meeting',
};

export const takenUpValues = ['yes', 'no', 'not_yet'] as const;
export type TakenUp = (typeof takenUpValues)[number];
export const takenUpNames: Record<TakenUp, string> = {
  yes: 'Taken up',
  no: 'Not taken up',
  not_yet: 'Not decided yet',
};

export const placementEffects = ['suspended', 'ended'] as const;
export type PlacementEffect = (typeof placementEffects)[number];
export const placementEffectNames: Record<PlacementEffect, string> = {
  suspended: 'Suspended',
  ended: 'Ended',
};

export const findings = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type Finding = (typeof findings)[number];
export const findingNames: Record<Finding, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};

/** The themes a complaint is filed under, so repeats of a theme can be counted (Target 1.3). */
export const themes = [
  'communication',
  'delay',
  'placement_stability',
  'contact',
  'finance',
  'staff_conduct',
  'carer_conduct',
  'education',
  'health',
  'safety',
  'recording',
  'other',
] as const;
export type Theme = (typeof themes)[number];
export const themeNames: Record<Theme, string> = {
  communication: 'Communication and being listened to',
  delay: 'Delay',
  placement_stability: 'Placement moves and stability',
  contact: 'Family time and contact',
  finance: 'Fees, allowances and money',
  staff_conduct: 'Conduct of staff',
  carer_conduct: 'Conduct of carers',
  education: 'Education',
  health: 'Health',
  safety: 'Feeling safe',
  recording: 'Records and information',
  other: 'Other',
};

/** Schedule 7 events. */
export const eventKinds = ['death', 'serious_injury', 'serious_illness', 'allegation', 'police', 'missing'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindNames: Record<EventKind, string> = {
  death: 'Death of a child',
  serious_injury: 'Serious injury to a child',
  serious_illness: 'Serious illness of a child',
  allegation: 'Allegation against a foster carer or household member',
  police: 'Involvement of the police',
  missing: 'A child missing from the household',
};
/** Recorded by hand; an allegation's event is made with the allegation. */
export const formEventKinds = eventKinds.filter((k) => k !== 'allegation');

export const recipients = [
  'ofsted',
  'placing_authority',
  'area_authority',
  'parents',
  'police',
  'health',
  'other',
] as const;
export type Recipient = (typeof recipients)[number];
export const recipientNames: Record<Recipient, string> = {
  ofsted: 'Ofsted',
  placing_authority: 'The child’s placing authority (their social worker)',
  area_authority: 'The local authority where the household lives',
  parents: 'The child’s parents',
  police: 'The police',
  health: 'Health (the integrated care board)',
  other: 'Someone else',
};

export const noticeMethods = ['online_form', 'phone', 'email', 'letter', 'in_person'] as const;
export type NoticeMethod = (typeof noticeMethods)[number];
export const noticeMethodNames: Record<NoticeMethod, string> = {
  online_form: 'Ofsted’s online notification form',
  phone: 'By phone',
  email: 'By email',
  letter: 'By letter',
  in_person: 'In person',
};

/** Radio or checkbox items for a list, with the chosen value(s) checked. */
export function itemsOf<K extends string>(
  values: readonly K[],
  names: Record<K, string>,
  chosen: unknown,
  hints?: Partial<Record<K, string>>,
) {
  const picked = new Set([chosen ?? []].flat().map(String));
  return values.map((value) => ({
    value,
    text: names[value],
    checked: picked.has(value),
    ...(hints?.[value] ? { hint: { text: hints[value] } } : {}),
  }));
}
