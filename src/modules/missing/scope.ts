/**
 * Who may see and record a child's missing from care episodes, the one place that says so. An
 * episode is part of the child's record: read and recorded by those who may read the child
 * (children/scope.ts), with the permission:
 * - recorded (`missing.record`) by the child's social worker, the supervising social workers (the
 *   carer rings them first), team managers, the area's service manager and the head;
 * - read (`missing.view`) by those and the assistant director;
 * - never by a foster carer, a reviewing officer or anyone else.
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childVisibleTo } from '../children/scope.ts';

/** The SQL condition on `children` for the children whose episodes this user may read (with the permission). */
export const episodeChildVisibleTo = (user: SignedInUser): SQL => childVisibleTo(user);

export const mayReadEpisodes = (user: SignedInUser) => can(user.role, 'missing.view');
export const mayRecordEpisodes = (user: SignedInUser) => can(user.role, 'missing.record');
