/**
 * Who may see and record Carer Ambassadors, the one place that says so. An ambassador is part of
 * their household's record: read (`ambassadors.view`) by those who read the household in full
 * (households/scope.ts) and by the assistant director and the recruitment coordinator; their work
 * recorded (`ambassadors.record`) by those who may change the household (its supervising social
 * worker, the team's manager and above, the recruitment coordinator). Making a carer an ambassador,
 * and recording that they stopped, is for a manager or the recruitment coordinator
 * (`ambassadors.appoint`). Never a child's social worker. The carers read their own on the portal.
 */
import type { SQL } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdVisibleTo } from '../households/scope.ts';

/** The SQL condition on `households` for the households whose ambassadors this user may read (with the permission). */
export const ambassadorHouseholdVisibleTo = (user: SignedInUser): SQL => householdVisibleTo(user);

export const mayReadAmbassadors = (user: SignedInUser) => can(user.role, 'ambassadors.view');
export const mayRecordAmbassadorWork = (user: SignedInUser) => can(user.role, 'ambassadors.record');
export const mayAppointAmbassadors = (user: SignedInUser) => can(user.role, 'ambassadors.appoint');
