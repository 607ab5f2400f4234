/**
 * The words of annual reviews: kinds, reasons, outcomes, the sources of what a review gathers,
 * and the questions of each age-appropriate children's form and of the social worker's form.
 */

export const reviewKinds = { annual: 'Annual review', extra: 'Extra review' } as const;
export type ReviewKind = keyof typeof reviewKinds;

/** Why an extra review was started (regulation 28(2): whenever the service considers it necessary). */
export const extraReasons = {
  allegation: 'After an allegation',
  complaint: 'After a complaint',
  major_change: 'After a major change in the household',
} as const;
export type ExtraReason = keyof typeof extraReasons;

export const outcomes = {
  continue: 'Continue with the same terms of approval',
  change_terms: 'Change the terms of approval',
  refer_to_panel: 'Refer to the fostering panel',
} as const;
export type Outcome = keyof typeof outcomes;

export const contributionKinds = {
  carer_report: 'The carers’ report',
  ssw_report: 'The supervising social worker’s report',
  child_views: 'Child’s views',
  social_worker_feedback: 'Child’s social worker’s feedback',
  member_views: 'Household member’s views',
} as const;
export type ContributionKind = keyof typeof contributionKinds;

export const checkKinds = {
  dbs: 'DBS checks',
  medical: 'Medical',
  health_and_safety: 'Health and safety check of the home',
} as const;
export type CheckKind = keyof typeof checkKinds;

/** How often each check is renewed (DBS and medical: local setting; health and safety: yearly). */
export const checkIntervalYears: Record<CheckKind, number> = { dbs: 3, medical: 3, health_and_safety: 1 };

export const ageGroups = {
  under_8: 'Under 8',
  '8_to_12': '8 to 12',
  '13_plus': '13 and over',
} as const;
export type AgeGroup = keyof typeof ageGroups;

/** The form for a child of this age on this day. */
export function ageGroupFor(age: number): AgeGroup {
  if (age < 8) return 'under_8';
  if (age <= 12) return '8_to_12';
  return '13_plus';
}

export interface Scale {
  /** Each answer, from 1 up, in words. */
  answers: readonly string[];
}

const feelings: Scale = { answers: ['Very sad', 'Sad', 'OK', 'Happy', 'Very happy'] };
const yesNo: Scale = { answers: ['No', 'Sometimes', 'Yes'] };
const often: Scale = { answers: ['Never', 'Sometimes', 'Mostly', 'Always'] };
const agree: Scale = { answers: ['Strongly disagree', 'Disagree', 'Not sure', 'Agree', 'Strongly agree'] };

export interface ScaleQuestion {
  key: string;
  /** Where {carers} is the carers' first names. */
  text: string;
  scale: Scale;
}

export interface WordsQuestion {
  key: string;
  text: string;
}

export interface ChildForm {
  scales: ScaleQuestion[];
  words: WordsQuestion[];
}

/** The children's forms, in plain words, by age. */
export const childForms: Record<AgeGroup, ChildForm> = {
  under_8: {
    scales: [
      { key: 'feel', text: 'How do you feel living with {carers}?', scale: feelings },
      { key: 'safe', text: 'Do you feel safe here?', scale: yesNo },
      { key: 'listened', text: 'Do {carers} listen to you?', scale: yesNo },
    ],
    words: [
      { key: 'best', text: 'What is the best thing about living here?' },
      { key: 'change', text: 'Is there anything you would like to be different?' },
    ],
  },
  '8_to_12': {
    scales: [
      { key: 'safe', text: 'I feel safe where I live', scale: often },
      { key: 'listened', text: '{carers} listen to me', scale: often },
      { key: 'school', text: '{carers} help me with school', scale: often },
      { key: 'family', text: 'I can see or talk to my family and friends when it was agreed', scale: often },
      { key: 'fun', text: 'We do fun things together', scale: often },
    ],
    words: [
      { key: 'best', text: 'What is the best thing about living here?' },
      { key: 'change', text: 'What is one thing you would change?' },
      { key: 'else', text: 'Is there anything else you want the reviewing officer to know?' },
    ],
  },
  '13_plus': {
    scales: [
      { key: 'safe', text: 'I feel safe where I live', scale: agree },
      { key: 'listened', text: '{carers} listen to me and take my views seriously', scale: agree },
      { key: 'school', text: '{carers} help me with school, college or work', scale: agree },
      { key: 'family', text: 'I can see or talk to my family and friends when it was agreed', scale: agree },
      { key: 'independence', text: '{carers} are helping me get ready to live on my own', scale: agree },
      { key: 'respected', text: '{carers} respect who I am, my culture and what I believe', scale: agree },
    ],
    words: [
      { key: 'going_well', text: 'What is going well?' },
      { key: 'better', text: 'What could be better?' },
      { key: 'else', text: 'Is there anything else you want the reviewing officer to know?' },
    ],
  },
};

/** The child's social worker's feedback form. */
export const socialWorkerScale: Scale = { answers: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] };
export const socialWorkerQuestions: WordsQuestion[] = [
  { key: 'needs', text: 'How well do the carers meet the child’s needs?' },
  { key: 'plan', text: 'How do the carers support the child’s care plan (family time, education, health)?' },
  { key: 'working', text: 'How do the carers work with you and others involved with the child?' },
  { key: 'concerns', text: 'Do you have any worries about the care the child receives? (optional)' },
];

/** The carers' report and the supervising social worker's report, recorded by a worker. */
export const carerReportQuestions: WordsQuestion[] = [
  { key: 'year', text: 'The carers’ year, in their words' },
  { key: 'support', text: 'Support and training they found useful, and what they need next' },
  { key: 'changes', text: 'Changes in the household (optional)' },
];
export const sswReportQuestions: WordsQuestion[] = [
  { key: 'support', text: 'Support given to the carers' },
  { key: 'training', text: 'Training' },
  { key: 'supervision', text: 'Supervision' },
  { key: 'safer_care', text: 'Safer care' },
];
export const memberViewsQuestions: WordsQuestion[] = [{ key: 'views', text: 'Their views' }];

/** A question's words with the carers' first names in place. */
export function questionText(text: string, carers: string): string {
  const filled = text.replaceAll('{carers}', carers);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

/** "Jordan and Sam" from the carers' first names. */
export function firstNames(names: readonly string[]): string {
  if (names.length === 0) return 'your foster carers';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
