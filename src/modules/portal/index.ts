/** The carers' portal: a carer's own household, notes and details. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { portalRoutes } from './routes.ts';

export const portal: HearthModule = {
  name: 'portal',
  routes: portalRoutes,
  navigation: [
    { text: 'Your household', href: '/portal', group: 'Your work', primary: true, permission: 'portal.use', order: 0 },
  ],
};
