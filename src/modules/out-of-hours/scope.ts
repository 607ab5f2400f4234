/**
 * Who may see and record out-of-hours calls, the one place that says so. A call is part of the
 * household's record: read (`out-of-hours.view`) by those who may read the household in full
 * (households/scope.ts: the team, the area's service manager, the head and the assistant director),
 * and recorded (`out-of-hours.record`) by the supervising social workers and managers who take
 * the out-of-hours rota, for the households they may read (the whole team's, not only their own
 * caseload: the worker on the rota answers for every carer). Never by a foster carer or a child's
 * social worker (who sees a household only as the home of their child). Allegations are not
 * recorded as calls: they are the concerns module's, read more narrowly.
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdVisibleTo } from '../households/scope.ts';

/** The SQL condition on `households` for the households whose calls this user may read (with the permission). */
export const callHouseholdVisibleTo = (user: SignedInUser): SQL => householdVisibleTo(user);

export const mayReadCalls = (user: SignedInUser) => can(user.role, 'out-of-hours.view');
export const mayRecordCalls = (user: SignedInUser) => can(user.role, 'out-of-hours.record');
