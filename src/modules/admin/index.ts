/** Administration: user accounts, roles, teams and areas. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { userRecordTypes } from './records.ts';
import { adminRoutes } from './routes.ts';

export const admin: HearthModule = {
  name: 'admin',
  routes: adminRoutes,
  navigation: [
    {
      text: 'Administration',
      href: '/admin',
      group: 'Administration',
      describes: 'user accounts, roles and teams',
      permission: 'users.manage',
      order: 90,
    },
  ],
  recordTypes: userRecordTypes,
};
