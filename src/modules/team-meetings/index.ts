/**
 * Learning from serious case reviews (business plan action 10.1: "To use Serious Case Reviews to
 * inform our practice and learn across the service"): the head's list of published reviews, the
 * team meetings that discussed them with their actions, and the monthly extended team manager
 * meetings with reflective practice on the agenda; the clock (a meeting each month, a discussion
 * in each team each quarter, the actions) and two measures.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { teamMeetingsDueRules } from './due.ts';
import { teamMeetingsMeasures } from './measures.ts';
import { learningPath } from './paths.ts';
import { teamMeetingsRecordTypes } from './records.ts';
import { teamMeetingsRoutes } from './routes.ts';

export const teamMeetings: HearthModule = {
  name: 'team-meetings',
  routes: teamMeetingsRoutes,
  navigation: [
    {
      text: 'Learning from reviews',
      href: learningPath(),
      group: 'Safeguarding and quality',
      describes: 'serious case reviews, the team meetings that learned from them, and the extended managers’ meetings',
      permission: 'team-meetings.view',
      order: 62,
    },
  ],
  recordTypes: teamMeetingsRecordTypes,
  dueRules: teamMeetingsDueRules,
  measures: teamMeetingsMeasures,
};
