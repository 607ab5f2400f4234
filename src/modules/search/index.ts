/** Search across households, carers and children, within the viewer's scope. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { searchRoutes } from './routes.ts';

export const search: HearthModule = {
  name: 'search',
  routes: searchRoutes,
  navigation: [
    {
      text: 'Search',
      href: '/search',
      group: 'Your work',
      primary: true,
      describes: 'find a carer, household member or child',
      permission: 'search.use',
      order: 80,
    },
  ],
};
