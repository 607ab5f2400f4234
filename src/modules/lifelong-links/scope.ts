/**
 * Who may see and record a child's Lifelong Links work, the one place that says so. The work may
 * name relatives not yet approached, so it is read more narrowly than the child's record:
 * - recorded (`lifelong-links.record`) by the child's social worker, team managers, the area's
 *   service manager and the head, each for the children they may read (children/scope.ts);
 * - read (`lifelong-links.view`: the work's pages and the list) by those, and by the assistant
 *   director (every child);
 * - the section on the child's page (`lifelong-links.section`) is also read by the supervising
 *   social workers of the household where the child lives (they support the carer), without the
 *   work's page;
 * - never by a foster carer, a reviewing officer or anyone else.
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childVisibleTo } from '../children/scope.ts';

/** The SQL condition on `children` for the children whose work this user may read (with the permission). */
export function workChildVisibleTo(user: SignedInUser): SQL {
  return childVisibleTo(user);
}

/** Whether the user's role opens the work's pages and the list (scoped by the child). */
export const mayReadWork = (user: SignedInUser) => can(user.role, 'lifelong-links.view');

/** Whether the user's role records the work (scoped by the child). */
export const mayRecordWork = (user: SignedInUser) => can(user.role, 'lifelong-links.record');
