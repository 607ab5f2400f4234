/** The quarterly report to the executive (NMS 25.7): the service in numbers, the measures and the plan's progress. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { reportRecordTypes } from './records.ts';
import { reportRoutes } from './routes.ts';

export const reports: HearthModule = {
  name: 'reports',
  routes: reportRoutes,
  navigation: [
    {
      text: 'Quarterly reports',
      href: '/reports',
      group: 'Performance and planning',
      describes: 'the quarterly report to the executive',
      permission: 'reports.view',
      order: 37,
    },
  ],
  recordTypes: reportRecordTypes,
};
