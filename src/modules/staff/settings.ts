/**
 * The staff module's settings: the service's own policy (local, not law), named here and shown in
 * words on its pages. Pages, deadlines and measures all read these.
 */
import { addMonths, addWeeks, type IsoDate } from '../../platform/dates/index.ts';

/** Staff supervision every 4 to 6 weeks: the agreement sets the frequency, 6 weeks unless it says otherwise. */
export const DEFAULT_SUPERVISION_WEEKS = 6;
export const SUPERVISION_WEEKS_CHOICES = [4, 5, 6] as const;

/** New staff complete the fostering induction programme within this many weeks of joining (local). */
export const INDUCTION_WEEKS = 12;

export const STAFF_SUPERVISION_CITES =
  'Fostering Services: National Minimum Standards (2011), standard 24 (staff support and supervision); the 4 to 6 weekly frequency is local policy';
export const TRAINING_CITES =
  'Business plan Target 9.1 (mandatory training for every staff member); renewal periods are local policy';
export const INDUCTION_CITES =
  'Business plan Target 10.1 (all new fostering staff follow the fostering induction programme); the 12 weeks are local policy';

/** The mandatory staff training of Target 9.1, each renewed after this many months (local policy). */
export const mandatoryCourses = [
  { key: 'data_protection', name: 'Data protection', renewMonths: 24 },
  { key: 'information_governance', name: 'Information governance', renewMonths: 12 },
  { key: 'prevent', name: 'PREVENT', renewMonths: 36 },
  { key: 'care_planning', name: 'Care planning regulations', renewMonths: 36 },
  { key: 'bribery', name: 'Managing bribery risk', renewMonths: 24 },
] as const;

/** The fostering induction programme's items (Target 10.1), done once. */
export const inductionItems = [
  { key: 'induction_statement_of_purpose', name: 'Read the statement of purpose and the fostering handbook' },
  { key: 'induction_regulations', name: 'Fostering regulations and the National Minimum Standards' },
  { key: 'induction_safeguarding', name: 'Safeguarding and the allegations procedure' },
  { key: 'induction_recording', name: 'Case recording in Hearth' },
  { key: 'induction_shadowing', name: 'Shadowed a supervision visit to a fostering household' },
  { key: 'induction_panel', name: 'Observed a fostering panel' },
] as const;

export type CourseKey = (typeof mandatoryCourses)[number]['key'];
export type InductionKey = (typeof inductionItems)[number]['key'];
export type TrainingKey = CourseKey | InductionKey;

export const trainingKeys: readonly TrainingKey[] = [
  ...mandatoryCourses.map((c) => c.key),
  ...inductionItems.map((i) => i.key),
];

export const trainingNames: Record<string, string> = Object.fromEntries([
  ...mandatoryCourses.map((c) => [c.key, c.name]),
  ...inductionItems.map((i) => [i.key, i.name]),
]);

export const supervisionDueOn = (lastOn: IsoDate, weeks: number) => addWeeks(lastOn, weeks);
export const inductionDueOn = (joinedOn: IsoDate) => addWeeks(joinedOn, INDUCTION_WEEKS);
export const renewalDueOn = (completedOn: IsoDate, course: CourseKey) =>
  addMonths(completedOn, mandatoryCourses.find((c) => c.key === course)!.renewMonths);

/** The renewal periods as SQL `(values ...)` rows: course key and months. */
export const renewalValues = mandatoryCourses.map((c) => `('${c.key}', ${c.renewMonths})`).join(', ');

/** Target 9.1: the head of fostering audits this many supervision folders in each area every quarter. */
export const FOLDER_AUDITS_PER_AREA = 2;
/** A folder's PDP counts as current when reviewed within this many months (local). */
export const PDP_CURRENT_MONTHS = 12;
/** A session record counts as unsigned when the member has not signed it this many days after it was held (local). */
export const SIGN_WITHIN_DAYS = 14;
/** The actions an audit sets the member's manager are due this many weeks after it: by the next supervision (local). */
export const FOLDER_AUDIT_ACTIONS_WEEKS = 4;
export const FOLDER_AUDIT_ACTIONS_CITES =
  'Business plan Target 9.1 (supervision folders audited, and what the audit finds put right); the four weeks, by the member’s next supervision, are the service’s own rule';
export const FOLDER_AUDIT_CITES =
  'Business plan Target 9.1 (a signed written record of each staff member’s supervision; two folders audited in each area every quarter); what a complete folder holds is the plan’s list';
