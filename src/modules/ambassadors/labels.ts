/**
 * The words and settings of Carer Ambassadors (business plan action 3.2). The target is the plan's,
 * not law: change it here and the pages and the scorecard follow.
 */
export const RECRUITMENT_STANDARD =
  'Fostering Services: National Minimum Standards (2011), standard 13.1 (sufficient foster carers)';
export const ACTION_3_2 =
  'Target 3, action 3.2: the recruitment strategy (200 new fostering households, 900 registered foster carers and 30 Carer Ambassadors by April 2018)';

/** Carer Ambassadors across the service (the plan's "30 KCC Carer Ambassadors recruited"). */
export const AMBASSADORS_TARGET = 30;

export const activityKinds = [
  'recruitment-event',
  'enquirer',
  'new-carer',
  'support-group',
  'training',
  'consultation',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindNames: Record<ActivityKind, string> = {
  'recruitment-event': 'A recruitment event or information evening',
  enquirer: 'Talking with someone thinking of fostering',
  'new-carer': 'Support for an applicant or a new carer',
  'support-group': 'A carers’ support group',
  training: 'Helping to run training',
  consultation: 'Speaking for carers (a consultation, or a review of policy or payments)',
  other: 'Something else',
};
