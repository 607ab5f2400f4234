/**
 * Staff supervision and mandatory staff training (issue 13; business plan Targets 9 and 10.1, NMS
 * 24): each member of staff's folder (agreement, sessions signed by both, PDP, training and
 * induction), their manager's team list, and "My supervision".
 */
import { sql } from 'drizzle-orm';
import type { HearthModule } from '../../platform/modules/index.ts';
import { staffDueRules } from './due.ts';
import { staffMeasures } from './measures.ts';
import { staffRecordTypes } from './records.ts';
import { staffRoutes } from './routes.ts';
import { visibleStaffIds } from './scope.ts';

export const staff: HearthModule = {
  name: 'staff',
  routes: staffRoutes,
  navigation: [
    {
      text: 'My supervision',
      href: '/my-supervision',
      group: 'Your work',
      describes: 'your own supervision, training and development plan',
      // Only those with a supervision folder of their own: the head and the director have none.
      permission: 'staff.own',
      order: 40,
    },
    {
      text: 'Staff supervision',
      href: '/staff',
      group: 'Your work',
      describes: 'the supervision and training of the staff you manage',
      permission: 'staff.oversee',
      order: 41,
    },
    {
      text: 'Supervision folder audits',
      href: '/staff/folder-audits',
      group: 'Your work',
      describes: 'the quarter’s audits of staff supervision folders, two in each area',
      permission: 'staff.folder-audits',
      order: 42,
    },
  ],
  recordTypes: staffRecordTypes,
  // At most a team's staff, but the head's and the director's are everyone: a short list only below them.
  // A deadline on a member of staff's own work is theirs to see: the head's own too (the six-monthly
  // reviews they write), though the head has no supervision folder.
  dueScopes: {
    staff: (viewer) =>
      viewer.role === 'head_of_fostering' || viewer.role === 'assistant_director'
        ? sql`select ${viewer.id}::uuid union all ${visibleStaffIds(viewer)}`
        : { few: visibleStaffIds(viewer) },
  },
  dueRules: staffDueRules,
  measures: staffMeasures,
};
