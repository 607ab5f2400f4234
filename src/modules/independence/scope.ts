/**
 * Who may see and record a young person's independence checklist, the one place that says so.
 * It is part of the child's record, so it follows the child's access (children/scope.ts):
 * - read by those who may read children (`children.view`), each for the children they may read: the
 *   allocated children's social worker, the supervising social workers and team managers of the
 *   household the young person is placed with, service managers their area's, the head and the
 *   assistant director every child's, reviewing officers those placed with households they review;
 * - recorded by those who may change a child's record (`children.change`: the allocated children's
 *   social worker, team managers, service managers and the head), for a child they may read;
 * - a foster carer reads, on the portal, the checklists of the young people placed with their own
 *   household now (portal.ts).
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childVisibleTo } from '../children/scope.ts';

/** The SQL condition on `children` for the young people whose checklist this user may read. */
export function checklistChildVisibleTo(user: SignedInUser): SQL {
  return childVisibleTo(user);
}

/** Whether the user's role reads checklists on staff pages (scoped by the child). */
export const mayReadChecklists = (user: SignedInUser) => can(user.role, 'children.view');

/** Whether the user's role records checklists (scoped by the child). */
export const mayRecordChecklists = (user: SignedInUser) => can(user.role, 'children.change');
