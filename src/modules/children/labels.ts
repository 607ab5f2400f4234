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

export function label<T extends Record<string, string>>(labels: T, value: string | null | undefined): string {
  if (!value) return '';
  return (labels as Record<string, string>)[value] ?? value;
}

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
