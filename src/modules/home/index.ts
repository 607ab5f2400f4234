/** My work: what is due for the signed-in person, and the home page each role lands on. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { homeRoutes } from './routes.ts';

export const home: HearthModule = {
  name: 'home',
  routes: homeRoutes,
  navigation: [
    { text: 'My work', href: '/my-work', group: 'Your work', primary: true, permission: 'work.view', order: 0 },
  ],
};
