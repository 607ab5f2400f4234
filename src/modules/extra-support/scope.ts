/**
 * Who may see and record extra support for carers, the one place that says so. Extra support is
 * part of the household's record: read (`extra-support.view`) by those who read the household in
 * full (households/scope.ts: the team, the area's service manager, the head and the assistant
 * director; the reviewing officer reads it on the annual review of a household under review); recorded
 * (`extra-support.record`) by those who may change the household (its supervising social worker,
 * the team's manager and above). Making a household a hub family, and ending it, is a manager's
 * decision (`extra-support.hubs`). Never a child's social worker (who sees a household only as
 * their child's home). The carers read their own hub family on the portal.
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdVisibleTo } from '../households/scope.ts';

/** The SQL condition on `households` for the households whose support this user may read (with the permission). */
export const supportHouseholdVisibleTo = (user: SignedInUser): SQL => householdVisibleTo(user);

export const mayReadSupport = (user: SignedInUser) => can(user.role, 'extra-support.view');
export const mayRecordSupport = (user: SignedInUser) => can(user.role, 'extra-support.record');
export const mayManageHubs = (user: SignedInUser) => can(user.role, 'extra-support.hubs');
