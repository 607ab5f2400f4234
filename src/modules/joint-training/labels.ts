/** The words of joint training days, shared by the forms, the pages, the deadline and the measures. */
import type { Role } from '../../platform/access/roles.ts';

export const ACTION_10_2 =
  'Target 10, action 10.2: a learning culture through joint training: a yearly joint training day for all fostering staff and panel members, its learning measured through evaluation';
export const JOINT_TRAINING_STANDARD =
  'NMS 16 (the statement of purpose: the plan’s Target 10), NMS 23 (learning and development of staff) and NMS 14 (the fostering panel)';
/** The service's own rule (action 10.2), not law. */
export const YEARLY_RULE =
  'Business plan action 10.2 (a local rule of the service, not law): a joint training day for all fostering staff and panel members every year';
export const EVALUATION_RULE =
  'Business plan action 10.2 (a local rule of the service, not law): learning from the joint training day measured through evaluation';

/** The next day is due this many months after the last one held (action 10.2: yearly). */
export const MONTHS_BETWEEN_DAYS = 12;
/** An attendee with an account gives their evaluation within this many days of the day (local). */
export const EVALUATION_WITHIN_DAYS = 14;
/** An evaluation not given leaves My work this many days after the day (it may still be entered later). */
export const EVALUATION_ASKED_FOR_DAYS = 60;

/**
 * The fostering staff a joint training day is for (action 10.2): supervising and assessing social
 * workers, team managers, service managers, panel advisers and the head of fostering. Panel members
 * come from the panel's central list, with or without an account.
 */
export const attendeeRoles: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'assessing_social_worker',
  'panel_adviser',
];
export const attendeeRoleList = attendeeRoles.map((r) => `'${r}'`).join(', ');

export const scores = ['1', '2', '3', '4', '5'] as const;
export type Score = (typeof scores)[number];

/** Confidence on the day's theme, in words. */
export const confidenceNames: Record<Score, string> = {
  '1': 'Not at all confident',
  '2': 'A little confident',
  '3': 'Fairly confident',
  '4': 'Confident',
  '5': 'Very confident',
};

export const usefulnessNames: Record<Score, string> = {
  '1': 'Not useful',
  '2': 'A little useful',
  '3': 'Fairly useful',
  '4': 'Useful',
  '5': 'Very useful',
};

/** A score's words, for a number read from the database. */
export const scoreName = (names: Record<Score, string>, n: number) => names[String(n) as Score] ?? String(n);

/** The attendance groups that are not a team. */
export const NO_TEAM_GROUP = 'no-team';
export const PANEL_GROUP = 'panel';
export const NO_TEAM_NAME = 'The head of fostering, service managers and others with no team';
export const PANEL_NAME = 'The panel’s central list';
