/** Children looked after: each child's record and health assessments. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { childDueScope, childrenDueRules } from './due.ts';
import { childMeasures } from './measures.ts';
import { childRecordTypes } from './records.ts';
import { childrenRoutes } from './routes.ts';

export const children: HearthModule = {
  name: 'children',
  routes: childrenRoutes,
  navigation: [
    {
      text: 'Children',
      href: '/children',
      group: 'Children',
      primary: true,
      describes: 'the children in care and their records',
      permission: 'children.view',
      order: 20,
    },
  ],
  recordTypes: childRecordTypes,
  dueScopes: { child: childDueScope },
  dueRules: childrenDueRules,
  measures: childMeasures,
};
