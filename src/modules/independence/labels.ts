/**
 * The words of the independence checklist: its skill areas (a fixed list, stored by key), how a
 * checklist is completed, and the service's own dates for it (the business plan's local rule:
 * started from 15½, completed by 17½), with what the rules and measures cite.
 */
import { addMonths, addWorkingDays, birthdayOn, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';

/** The skill areas, in the order the checklist goes through them: the key is what is stored. */
export const skillAreas = [
  {
    key: 'money',
    name: 'Money and budgeting',
    hint: 'Can plan a week’s spending, pay a bill and save a little.',
  },
  { key: 'food', name: 'Cooking and food', hint: 'Can shop for, cook and keep food safely for a few simple meals.' },
  {
    key: 'health',
    name: 'Health, GP and dentist',
    hint: 'Registered in their own name, and knows how to book an appointment and get a prescription.',
  },
  {
    key: 'education',
    name: 'Education, training or work',
    hint: 'Has a plan for what comes after school: college, an apprenticeship, training or a job.',
  },
  {
    key: 'home',
    name: 'Finding and keeping a home',
    hint: 'Knows the choices of where to live, how a tenancy works and what bills come with it.',
  },
  {
    key: 'documents',
    name: 'Identity documents',
    hint: 'Has their passport, birth certificate, National Insurance number and a bank account.',
  },
  {
    key: 'relationships',
    name: 'Relationships and keeping safe',
    hint: 'Healthy relationships, consent, staying safe online and who to turn to.',
  },
  {
    key: 'rights',
    name: 'Rights and leaving care support',
    hint: 'Knows their personal adviser, the leaving care support they are entitled to, and Staying Put.',
  },
] as const;

export type SkillAreaKey = (typeof skillAreas)[number]['key'];
export const skillAreaKeys = skillAreas.map((a) => a.key) as [SkillAreaKey, ...SkillAreaKey[]];
export const SKILL_AREA_COUNT = skillAreas.length;

export function isSkillArea(value: unknown): value is SkillAreaKey {
  return typeof value === 'string' && (skillAreaKeys as readonly string[]).includes(value);
}

export function skillArea(key: SkillAreaKey) {
  return skillAreas.find((a) => a.key === key)!;
}

/** How a checklist came to be completed. */
export const completionWays = {
  'all-areas': 'Every area done',
  recorded: 'Recorded as completed',
} as const;
export type CompletionWay = keyof typeof completionWays;

/** The checklist is started at the young person's review from 15½ (local rule: business plan action 11.2). */
export const START_AGE_MONTHS = 15 * 12 + 6;
/** And completed by 17½ (local rule: business plan action 11.2). */
export const COMPLETE_AGE_MONTHS = 17 * 12 + 6;
/** The section on the child's page, and the checklist itself, are for young people from 15. */
export const FROM_AGE = 15;
/** A young person leaves care at 18: their deadlines stop then. */
export const LEAVES_CARE_AT = 18;
/** A Staying Put arrangement counts as staying on when it starts within this many days of the 18th birthday. */
export const STAYING_PUT_WITHIN_DAYS = 28;

/**
 * A young person who comes into care after 15½ starts the checklist at their first review, which is
 * within 20 working days of coming into care (Care Planning, Placement and Case Review (England)
 * Regulations 2010, regulation 33(1)).
 */
export const FIRST_REVIEW_WORKING_DAYS = 20;

/** The day the young person is 15½. */
export const fifteenAndAHalfOn = (dateOfBirth: IsoDate) => addMonths(dateOfBirth, START_AGE_MONTHS);

/** Whether the young person came into care after they were 15½. */
export const cameIntoCareAfter15AndAHalf = (dateOfBirth: IsoDate, lookedAfterSince: IsoDate) =>
  compareIsoDates(lookedAfterSince, fifteenAndAHalfOn(dateOfBirth)) > 0;

/**
 * The day the checklist is due to start: when the young person is 15½, or, for one who came into
 * care after that, at their first review (20 working days after coming into care).
 */
export const startDueOn = (dateOfBirth: IsoDate, lookedAfterSince: IsoDate) =>
  cameIntoCareAfter15AndAHalf(dateOfBirth, lookedAfterSince)
    ? addWorkingDays(lookedAfterSince, FIRST_REVIEW_WORKING_DAYS)
    : fifteenAndAHalfOn(dateOfBirth);
/** The day the young person is 17½: the checklist is due to be completed. */
export const completeDueOn = (dateOfBirth: IsoDate) => addMonths(dateOfBirth, COMPLETE_AGE_MONTHS);
/** The 18th birthday: the young person leaves care. */
export const eighteenOn = (dateOfBirth: IsoDate) => birthdayOn(dateOfBirth, LEAVES_CARE_AT);
/** The 15th birthday: the earliest day a checklist may start. */
export const fifteenOn = (dateOfBirth: IsoDate) => birthdayOn(dateOfBirth, FROM_AGE);

/** What the rules and measures cite. */
export const NMS_12 =
  'Fostering Services: National Minimum Standards (2011), standard 12.1 (promoting independence and moves to adulthood and leaving care)';
export const NMS_12_4 =
  'Fostering Services: National Minimum Standards (2011), standard 12.4 (remaining with foster carers into adulthood)';
export const LOCAL_RULE =
  'business plan Target 11, action 11.2: started at the review from 15½, completed by 17½ (a local rule, not law)';
export const FIRST_REVIEW_RULE =
  'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33(1): the first review within 20 working days of coming into care';
export const TARGET_11_1 =
  'Target 11, action 11.1: arrangements for moving on to independence, including Staying Put (NMS 12.3, 12.4)';
export const TARGET_11_2 =
  'Target 11, action 11.2: an independence checklist, part of the young person’s review from 15½ and complete by 17½ (local rule)';
