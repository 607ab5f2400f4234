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
  dbs: 'DBS check',
  medical: 'Medical',
  health_and_safety: 'Health and safety check of the home',
} as const;
export type CheckKind = keyof typeof checkKinds;

/** A check renewed at a review, in words: "DBS check of Morgan Quill", "Health and safety check of the home". */
export const checkTitle = (kind: string, person: string | null) =>
  `${checkKinds[kind as CheckKind] ?? kind}${person ? ` of ${person}` : ''}`;

/** What a check renewed at a review found, in words, after its date: "", or "not satisfactory: …" and any note. */
export const checkFindings = (c: { satisfactory: boolean; outcome: string | null; note: string | null }) =>
  [c.satisfactory ? null : `not satisfactory${c.outcome ? `: ${c.outcome}` : ''}`, c.note].filter(Boolean).join('; ');

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

/** Questions answered on one scale, from their keys and words (in the order given). */
function onScale(scale: Scale, questions: Record<string, string>): ScaleQuestion[] {
  return Object.entries(questions).map(([key, text]) => ({ key, text, scale }));
}

/** Questions answered in the person's own words, from their keys and words (in the order given). */
function inWords(questions: Record<string, string>): WordsQuestion[] {
  return Object.entries(questions).map(([key, text]) => ({ key, text }));
}

/** Asked the same on the forms for children of 8 and over. */
const feelSafe = 'I feel safe where I live';
const seeFamily = 'I can see or talk to my family and friends when it was agreed';
const anythingElse = 'Is there anything else you want the reviewing officer to know?';
const bestThing = 'What is the best thing about living here?';

/** The children's forms, in plain words, by age. */
export const childForms: Record<AgeGroup, ChildForm> = {
  under_8: {
    scales: [
      ...onScale(feelings, { feel: 'How do you feel living with {carers}?' }),
      ...onScale(yesNo, { safe: 'Do you feel safe here?', listened: 'Do {carers} listen to you?' }),
    ],
    words: inWords({ best: bestThing, change: 'Is there anything you would like to be different?' }),
  },
  '8_to_12': {
    scales: onScale(often, {
      safe: feelSafe,
      listened: '{carers} listen to me',
      school: '{carers} help me with school',
      family: seeFamily,
      fun: 'We do fun things together',
    }),
    words: inWords({ best: bestThing, change: 'What is one thing you would change?', else: anythingElse }),
  },
  '13_plus': {
    scales: onScale(agree, {
      safe: feelSafe,
      listened: '{carers} listen to me and take my views seriously',
      school: '{carers} help me with school, college or work',
      family: seeFamily,
      independence: '{carers} are helping me get ready to live on my own',
      respected: '{carers} respect who I am, my culture and what I believe',
    }),
    words: inWords({ going_well: 'What is going well?', better: 'What could be better?', else: anythingElse }),
  },
};

/** The child's social worker's feedback form. */
export const socialWorkerScale: Scale = { answers: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] };
export const socialWorkerQuestions = inWords({
  needs: 'How well do the carers meet the child’s needs?',
  plan: 'How do the carers support the child’s care plan (family time, education, health)?',
  working: 'How do the carers work with you and others involved with the child?',
  concerns: 'Do you have any worries about the care the child receives? (optional)',
});

/** The carers' report and the supervising social worker's report, recorded by a worker. */
export const carerReportQuestions = inWords({
  year: 'The carers’ year, in their words',
  support: 'Support and training they found useful, and what they need next',
  changes: 'Changes in the household (optional)',
});
export const sswReportQuestions = inWords({
  support: 'Support given to the carers',
  training: 'Training',
  supervision: 'Supervision',
  safer_care: 'Safer care',
});
export const memberViewsQuestions = inWords({ views: 'Their views' });

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
