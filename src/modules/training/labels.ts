/** The words Hearth shows for the training module's recorded values. */

export const categories = {
  core: 'Core and pre-approval',
  tsd: 'Training, Support and Development standards',
  safeguarding: 'Safeguarding',
  cse_missing: 'Child sexual exploitation and missing children',
  allegations: 'Allegations',
  lgbt: 'LGBT+ young people',
  placement_stability: 'Placement stability',
  transitions: 'Transitions and Staying Put',
  first_aid: 'First aid',
  disability: 'Caring for disabled children',
  other: 'Other',
} as const;
export type Category = keyof typeof categories;
export const categoryKeys = Object.keys(categories) as [Category, ...Category[]];

/** Who must attend a course: each makes a requirement with its own due date (training/due.ts). */
export const mandatoryFor = {
  none: 'Not mandatory',
  new_carers: 'Every carer, within 12 months of approval (core training)',
  child_11_plus: 'Carers with a child aged 11 or over placed',
  child_disability: 'Carers of a disabled child',
} as const;
export type MandatoryFor = keyof typeof mandatoryFor;
export const mandatoryForKeys = Object.keys(mandatoryFor) as [MandatoryFor, ...MandatoryFor[]];

export const formats = { in_person: 'In person', online: 'Online' } as const;
export type Format = keyof typeof formats;
export const formatKeys = Object.keys(formats) as [Format, ...Format[]];

export const occasions = {
  assessment: 'Assessment (Form F)',
  annual_review: 'Annual review',
  other: 'Another time',
} as const;
export type Occasion = keyof typeof occasions;
export const occasionKeys = Object.keys(occasions) as [Occasion, ...Occasion[]];

export const audiences = {
  carers: 'Carers',
  children: 'Children and young people',
  both: 'Carers, children and young people',
} as const;
export type Audience = keyof typeof audiences;
export const audienceKeys = Object.keys(audiences) as [Audience, ...Audience[]];

export const organisers = {
  young_peoples_council: 'Young People’s Council',
  fostering_team: 'Fostering team',
  carers_association: 'Foster carers’ association',
  virtual_school: 'Virtual school',
} as const;
export type Organiser = keyof typeof organisers;
export const organiserKeys = Object.keys(organisers) as [Organiser, ...Organiser[]];

/** Who else takes places on the service's training (business plan action 2.1). */
export const otherOrganisationKinds = {
  'supported-lodgings': 'A supported lodgings provider, such as Catch22',
  agency: 'An independent fostering agency',
  other: 'Another organisation',
} as const;
export type OtherOrganisationKind = keyof typeof otherOrganisationKinds;
export const otherOrganisationKindKeys = Object.keys(otherOrganisationKinds) as [
  OtherOrganisationKind,
  ...OtherOrganisationKind[],
];

export const attendanceNames = { attended: 'Attended', absent: 'Did not attend' } as const;

/** Hours as the service writes them: "3.5 hours", "1 hour". */
export function hoursText(hours: string | number): string {
  const n = Number(hours);
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${n === 1 ? 'hour' : 'hours'}`;
}
