/** The monthly scorecard: every registered measure by month, area and team, with its records. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { scorecardRoutes } from './routes.ts';

export const scorecard: HearthModule = {
  name: 'scorecard',
  routes: scorecardRoutes,
  navigation: [
    {
      text: 'Scorecard',
      href: '/scorecard',
      group: 'Performance and planning',
      primary: true,
      describes: 'the service’s measures by month, team and area',
      permission: 'scorecard.view',
      order: 30,
    },
  ],
};
