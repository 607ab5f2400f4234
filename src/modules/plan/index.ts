/** The business plan: targets, actions, owners, quarterly updates, linked to measures. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { planRecordTypes } from './records.ts';
import { planRoutes } from './routes.ts';

export const plan: HearthModule = {
  name: 'plan',
  routes: planRoutes,
  navigation: [
    {
      text: 'Business plan',
      href: '/plan',
      group: 'Performance and planning',
      primary: true,
      describes: 'the business plan’s targets, actions and updates',
      permission: 'plan.view',
      order: 35,
    },
  ],
  recordTypes: planRecordTypes,
};
