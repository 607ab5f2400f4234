/**
 * Who may read and record a child's visits by their social worker, the one place that says so:
 * - read: everyone who may read the child (childVisibleTo: the head and the assistant director every
 *   child, a service manager their area's, a team manager, a supervising social worker and a reviewing
 *   officer the children placed with the households they read, a children's social worker their
 *   allocated children) with `child-visits.view`. Not foster carers: the portal shows no visit, and
 *   no carer reads a social worker's notes of what the child said;
 * - record: those who may change a child's record today (`children.change`: the child's allocated
 *   children's social worker, a team manager and a service manager for the children they read, the
 *   head of fostering), with `child-visits.record`, for a child they read.
 * The child is always found through findChild (childVisibleTo), never through a related record.
 */
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';

export const mayReadVisits = (user: SignedInUser) => can(user.role, 'child-visits.view');
export const mayRecordVisits = (user: SignedInUser) => can(user.role, 'child-visits.record');
