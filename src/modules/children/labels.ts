/** The words Hearth shows for a child's recorded values. */

export const legalStatuses = {
  s31_care_order: 'Care order (section 31)',
  interim_care_order: 'Interim care order',
  s20_accommodated: 'Accommodated (section 20)',
  placement_order: 'Placement order',
  remand: 'Remanded to local authority accommodation',
  other: 'Other',
} as const;
export type LegalStatus = keyof typeof legalStatuses;
export const legalStatusKeys = Object.keys(legalStatuses) as [LegalStatus, ...LegalStatus[]];

export const genders = { female: 'Female', male: 'Male', other: 'Other' } as const;
export type Gender = keyof typeof genders;
export const genderKeys = Object.keys(genders) as [Gender, ...Gender[]];

/** The 2021 census ethnic groups (England and Wales), with "Not known". */
export const ethnicities = [
  'Asian or Asian British: Bangladeshi',
  'Asian or Asian British: Chinese',
  'Asian or Asian British: Indian',
  'Asian or Asian British: Pakistani',
  'Asian or Asian British: any other Asian background',
  'Black, Black British, Caribbean or African: African',
  'Black, Black British, Caribbean or African: Caribbean',
  'Black, Black British, Caribbean or African: any other Black background',
  'Mixed or multiple: White and Asian',
  'Mixed or multiple: White and Black African',
  'Mixed or multiple: White and Black Caribbean',
  'Mixed or multiple: any other mixed background',
  'White: English, Welsh, Scottish, Northern Irish or British',
  'White: Irish',
  'White: Gypsy or Irish Traveller',
  'White: Roma',
  'White: any other White background',
  'Other ethnic group: Arab',
  'Other ethnic group: any other ethnic group',
  'Not known',
] as const;

/** The needs a child may have, as recorded on the child and used in matching. */
export const needs = {
  disability: 'Disability',
  uasc: 'Unaccompanied asylum-seeking child (UASC)',
  cseRisk: 'Risk of child sexual exploitation (CSE)',
  missingRisk: 'Risk of going missing from care',
} as const;
export type Need = keyof typeof needs;
export const needKeys = Object.keys(needs) as [Need, ...Need[]];

export const healthAssessmentKinds = {
  initial: 'Initial health assessment',
  review: 'Review health assessment',
} as const;
export type HealthAssessmentKind = keyof typeof healthAssessmentKinds;

/**
 * Why a child stopped being looked after: the groups of the SSDA903 return's "reason episode
 * ceased" a fostering service records, in plain words (the return's codes are not shown).
 */
export const leavingReasons = {
  home: 'Returned home to live with parents or relatives',
  adopted: 'Adopted',
  sgo: 'Special guardianship order',
  cao: 'Child arrangements order',
  independent: 'Moved to independent living (18 or over)',
  staying_put: 'Staying Put with former foster carers (18 or over)',
  transferred: 'Transferred to another local authority',
  died: 'Died',
  other: 'Other',
} as const;
export type LeavingReason = keyof typeof leavingReasons;
export const leavingReasonKeys = Object.keys(leavingReasons) as [LeavingReason, ...LeavingReason[]];

/** What the radios add under a reason. */
export const leavingReasonHints: Partial<Record<LeavingReason, string>> = {
  home: 'To a parent, a relative or someone else, with or without parental responsibility.',
  sgo: 'To former foster carers, relatives or other carers.',
  cao: 'Formerly a residence order.',
  independent: 'Including supported accommodation.',
  staying_put: 'Living on with the foster carers they lived with at 18.',
  transferred: 'Another council in the UK took over their care.',
  died: 'The date left care is the date of death.',
  other: 'For example, moved abroad, or sentenced to custody. Say what happened in the details.',
};

/** The reason as it reads after "Left care on 3 May 2026: ". */
export const leavingReasonPhrases: Record<Exclude<LeavingReason, 'died'>, string> = {
  home: 'returned home to live with parents or relatives',
  adopted: 'adopted',
  sgo: 'special guardianship order',
  cao: 'child arrangements order',
  independent: 'moved to independent living',
  staying_put: 'Staying Put with former foster carers',
  transferred: 'transferred to another local authority',
  other: 'other',
};

/** Reasons that only apply to a young person of 18 or over on the day, and those only to a child under 18. */
export const ADULT_LEAVING_REASONS: readonly LeavingReason[] = ['independent', 'staying_put'];
export const CHILD_LEAVING_REASONS: readonly LeavingReason[] = ['sgo', 'cao'];

/** The notifications of a child's death (Fostering Services (England) Regulations 2011, regulation 36 and Schedule 7). */
export const DEATH_NOTIFICATION_RULE =
  'The death of a child placed with foster parents is notified without delay to each of these (Fostering Services ' +
  '(England) Regulations 2011, regulation 36 and Schedule 7), within 24 hours (National Minimum Standard 29)';

export const deathNotifications = [
  {
    field: 'chiefInspector',
    column: 'deathNotifiedChiefInspectorOn',
    name: 'Ofsted (His Majesty’s Chief Inspector)',
    told: 'Date Ofsted was told',
  },
  {
    field: 'responsibleAuthority',
    column: 'deathNotifiedResponsibleAuthorityOn',
    name: 'The responsible authority (the council that looks after the child)',
    told: 'Date the responsible authority was told',
  },
  {
    field: 'secretaryOfState',
    column: 'deathNotifiedSecretaryOfStateOn',
    name: 'The Secretary of State (Department for Education)',
    told: 'Date the Secretary of State was told',
  },
  {
    field: 'areaAuthority',
    column: 'deathNotifiedAreaAuthorityOn',
    name: 'The area authority (the council where the child was placed, if not this council)',
    told: 'Date the area authority was told',
  },
  {
    field: 'healthBoard',
    column: 'deathNotifiedHealthBoardOn',
    name: 'The integrated care board for the area where the child was placed',
    told: 'Date the integrated care board was told',
  },
] as const;
export type DeathNotificationField = (typeof deathNotifications)[number]['field'];

/** Select items with an optional empty first choice, the selected one marked. */
export function selectItems(
  options: Record<string, string> | readonly string[] | { value: string; text: string }[],
  selected: unknown,
  emptyText?: string,
) {
  const list: { value: string; text: string }[] = Array.isArray(options)
    ? options.map((o) => (typeof o === 'string' ? { value: o, text: o } : o))
    : Object.entries(options).map(([value, text]) => ({ value, text }));
  const value = typeof selected === 'string' ? selected : '';
  const all = emptyText === undefined ? list : [{ value: '', text: emptyText }, ...list];
  return all.map((o) => ({ ...o, selected: o.value === value }));
}

/** Radio or checkbox items from labels, the checked ones marked. */
export function choiceItems(options: Record<string, string>, checked: unknown) {
  const values = new Set([checked].flat().filter((v): v is string => typeof v === 'string'));
  return Object.entries(options).map(([value, text]) => ({ value, text, checked: values.has(value) }));
}

const HEALTH_GUIDANCE =
  'Promoting the health and well-being of looked-after children: statutory guidance for local authorities, clinical commissioning groups and NHS England (DfE and DH, March 2015)';
/** What the health assessments' deadlines and the initial assessment's measure cite. */
export const HEALTH_ASSESSMENT_RULE = `Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7; ${HEALTH_GUIDANCE}; Fostering Services: National Minimum Standards (2011), standard 6 (promoting good health and wellbeing)`;
