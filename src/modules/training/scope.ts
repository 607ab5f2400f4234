/**
 * Who sees and keeps carers' training records. A carer's training record is read by whoever reads
 * their household in full (households/scope.ts; the training coordinator reads every carer's);
 * their PDP and TSD standards are kept by the household's own workers and the reviewing officers.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { readsWholeHousehold } from '../../platform/access/scope.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { carers, households } from '../households/tables.ts';
import { teams } from '../../platform/auth/tables.ts';

/** The condition on `carers` for the carers whose training record the viewer may read. */
export function carersVisibleTo(viewer: SignedInUser): SQL {
  if (!readsWholeHousehold(viewer)) return sql`false`;
  return sql`${carers.householdId} in (select ${households.id} from ${households} where ${householdVisibleTo(viewer)})`;
}

export interface CarerInScope {
  id: string;
  firstName: string;
  lastName: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  householdType: string;
  householdStatus: string;
  approvedOn: string | null;
  teamId: string;
  areaId: string;
  allocatedSswId: string | null;
  restricted: boolean;
  /** The day the carer left the household: a former carer, who is booked on nothing more. */
  leftOn: string | null;
}

/** The carer, if the viewer may read their training record (null: a 404). */
export async function findVisibleCarer(
  db: DbOrTx,
  viewer: SignedInUser,
  carerId: string,
): Promise<CarerInScope | null> {
  const [row] = await db
    .select({
      id: carers.id,
      firstName: carers.firstName,
      lastName: carers.lastName,
      householdId: households.id,
      householdName: households.name,
      householdReference: households.reference,
      householdType: households.householdType,
      householdStatus: households.status,
      approvedOn: households.approvedOn,
      teamId: households.teamId,
      areaId: teams.areaId,
      allocatedSswId: households.allocatedSswId,
      restricted: households.restricted,
      leftOn: carers.leftOn,
    })
    .from(carers)
    .innerJoin(households, eq(households.id, carers.householdId))
    .innerJoin(teams, eq(teams.id, households.teamId))
    .where(and(eq(carers.id, carerId), carersVisibleTo(viewer)))
    .limit(1);
  return row ?? null;
}

/**
 * Who may record a carer's PDP and TSD standards: the head of fostering; a service manager for
 * their area, a team manager for their team; the household's allocated supervising or assessing
 * social worker; a reviewing officer (the PDP is reviewed at the annual review).
 */
export function canKeepDevelopment(
  user: SignedInUser,
  carer: Pick<CarerInScope, 'teamId' | 'areaId' | 'allocatedSswId'>,
): boolean {
  switch (user.role) {
    case 'head_of_fostering':
    case 'reviewing_officer':
      return true;
    case 'service_manager':
      return user.areaId === carer.areaId;
    case 'team_manager':
      return user.teamId === carer.teamId;
    case 'supervising_social_worker':
    case 'assessing_social_worker':
      return carer.allocatedSswId === user.id;
    default:
      return false;
  }
}
