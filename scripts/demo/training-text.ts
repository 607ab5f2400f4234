/** The demo's training calendar, participation events and PDP wording: made up, in the service's words. */
import type { Category, MandatoryFor } from '../../src/modules/training/labels.ts';

export interface DemoCourse {
  title: string;
  category: Category;
  hours: number;
  mandatoryFor: MandatoryFor;
  /** Sessions a year for a county-sized service (scaled to the demo's number of carers). */
  perYear: number;
  description: string;
}

export const demoCourses: DemoCourse[] = [
  {
    title: 'Skills to Foster',
    category: 'core',
    hours: 18,
    mandatoryFor: 'new_carers',
    perYear: 12,
    description: 'The pre-approval course: three days on what fostering asks of a family.',
  },
  {
    title: 'Safer caring and safeguarding',
    category: 'safeguarding',
    hours: 6,
    mandatoryFor: 'new_carers',
    perYear: 12,
    description: 'Safer caring plans, recognising abuse and what to do about it.',
  },
  {
    title: 'Paediatric first aid',
    category: 'first_aid',
    hours: 6,
    mandatoryFor: 'new_carers',
    perYear: 36,
    description: 'A certificated one-day course, renewed every three years.',
  },
  {
    title: 'TSD standards: portfolio sign-off',
    category: 'tsd',
    hours: 3,
    mandatoryFor: 'none',
    perYear: 12,
    description: 'Bring your Training, Support and Development workbook; the session signs off the standards.',
  },
  {
    title: 'Child sexual exploitation and missing children',
    category: 'cse_missing',
    hours: 6,
    mandatoryFor: 'child_11_plus',
    perYear: 18,
    description: 'Spotting grooming and exploitation, and the missing from care protocol.',
  },
  {
    title: 'Caring for a disabled child',
    category: 'disability',
    hours: 6,
    mandatoryFor: 'child_disability',
    perYear: 6,
    description: 'Moving and handling, communication, short breaks.',
  },
  {
    title: 'Allegations: understanding the process',
    category: 'allegations',
    hours: 3,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'What happens after an allegation, the LADO, and independent support.',
  },
  {
    title: 'Introduction to LGBT+ young people',
    category: 'lgbt',
    hours: 3,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'Supporting young people with their sexuality and gender identity.',
  },
  {
    title: 'Placement stability',
    category: 'placement_stability',
    hours: 6,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'With research from the Rees Centre: what keeps placements together.',
  },
  {
    title: 'Transitions and Staying Put',
    category: 'transitions',
    hours: 3,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'Preparing young people for independence; Staying Put arrangements.',
  },
  {
    title: 'Preparing for your annual review',
    category: 'other',
    hours: 2,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'What the review looks at and how to get the children’s views.',
  },
  {
    title: 'Positive behaviour and de-escalation',
    category: 'other',
    hours: 6,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'Understanding behaviour, child development and positive control.',
  },
  {
    title: 'Basic computer skills',
    category: 'other',
    hours: 3,
    mandatoryFor: 'none',
    perYear: 14,
    description: 'Email, the carers’ portal and online training.',
  },
];

/** Where sessions are held; the last is online (the page reads "Online: Microsoft Teams"). */
export const venues = [
  'Oakwood House, Maidstone',
  'Kroner House, Ashford',
  'Thanet Gateway, Margate',
  'Swale House, Sittingbourne',
  'Gravesend Civic Centre',
  'Microsoft Teams',
];

export const trainers = [
  'Amira Hussain',
  'Dan Kowalski',
  'Grace Whitfield',
  'Owen Price',
  'Bea Lindqvist',
  'St John Ambulance',
];

export const demoEvents: {
  title: string;
  audience: 'carers' | 'children' | 'both';
  organiser: 'young_peoples_council' | 'fostering_team' | 'carers_association' | 'virtual_school';
}[] = [
  { title: 'Summer fun day', audience: 'both', organiser: 'carers_association' },
  { title: 'Young People’s Council open meeting', audience: 'children', organiser: 'young_peoples_council' },
  { title: 'Keeping safe: girls’ well-being day', audience: 'children', organiser: 'virtual_school' },
  { title: 'Carers’ coffee morning and support group', audience: 'carers', organiser: 'fostering_team' },
  { title: 'Celebrating achievement awards', audience: 'both', organiser: 'virtual_school' },
  { title: 'Birth children’s activity day', audience: 'children', organiser: 'carers_association' },
  { title: 'Foster carers’ conference', audience: 'carers', organiser: 'fostering_team' },
  { title: 'Family picnic and games', audience: 'both', organiser: 'fostering_team' },
  { title: 'Outdoor activity weekend', audience: 'both', organiser: 'young_peoples_council' },
];

export const eventPlaces = [
  'Bewl Water outdoor centre',
  'Kearsney Abbey',
  'County Hall, Maidstone',
  'Canterbury Cathedral Lodge',
  'Betteshanger Park',
];

export const pdpGoals = [
  'Build confidence supporting teenagers through education transitions.',
  'Develop therapeutic parenting skills for a child who has experienced trauma.',
  'Work towards skills level 2 within the year.',
  'Become a mentor for newly approved carers.',
  'Improve recording and use of the carers’ portal.',
  'Support the child’s contact with their birth family with more confidence.',
];

export const pdpTraining = [
  'Child sexual exploitation and missing children; positive behaviour and de-escalation.',
  'Placement stability; preparing for the annual review.',
  'Introduction to LGBT+ young people; allegations refresher.',
  'Transitions and Staying Put, as the young person turns 16.',
  'Paediatric first aid refresher; basic computer skills.',
];

export const pdpSupport = [
  'Monthly supervision; a mentor from the carers’ association.',
  'Support group every quarter; the supervising social worker to book courses.',
  'Respite arranged twice a year; therapeutic consultation from the CAMHS link worker.',
  'Buddy carer for the first year; fortnightly phone calls.',
];
