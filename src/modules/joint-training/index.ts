/**
 * Joint training days for fostering staff and panel members (business plan action 10.2: "to develop
 * a learning culture through joint training", a yearly joint training day or conference, its
 * learning measured through evaluation): each day, who attended (recorded a team or the panel's
 * list at a time), each attendee's evaluation (confidence on the theme before and after, how useful,
 * what they will do differently) and the day's summary; the next day due 12 months after the last
 * one and evaluations due 2 weeks after the day (local rules); two measures for the scorecard.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { jointTrainingDueRules } from './due.ts';
import { jointTrainingMeasures } from './measures.ts';
import { JOINT_TRAINING } from './paths.ts';
import { dayRecordTypes } from './records.ts';
import { jointTrainingRoutes } from './routes.ts';

export const jointTraining: HearthModule = {
  name: 'joint-training',
  routes: jointTrainingRoutes,
  navigation: [
    {
      text: 'Joint training days',
      href: JOINT_TRAINING,
      group: 'Your work',
      describes:
        'the yearly joint training day for fostering staff and panel members, who attended and their evaluations',
      permission: 'joint-training.view',
      order: 43,
    },
  ],
  recordTypes: dayRecordTypes,
  dueRules: jointTrainingDueRules,
  measures: jointTrainingMeasures,
};
