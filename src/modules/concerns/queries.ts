/**
 * Reading one matter and what hangs off it, each through its access rule (concerns/scope.ts).
 * Lists (the register, the LADO's home, a household's matters) are in lists.ts.
 */
import { aliasedTable, and, asc, eq, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { children } from '../children/tables.ts';
import { carers, householdMembers, households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { concernVisibleTo, readsChildAccount, type MatterPlace } from './scope.ts';
import {
  allegationMeetings,
  complaintStages,
  concernChildren,
  concernPlacements,
  concerns,
  concernThemes,
  significantEvents,
} from './tables.ts';

export type ConcernRow = typeof concerns.$inferSelect;
export type MeetingRow = typeof allegationMeetings.$inferSelect;
export type ComplaintStageRow = typeof complaintStages.$inferSelect;

export interface ConcernRecord extends MatterPlace {
  concern: ConcernRow;
  household: { id: string; name: string; reference: string; restricted: boolean } | null;
  teamName: string;
  areaName: string;
  sswName: string | null;
  /** The carer or household member it is about, by name. */
  againstName: string | null;
  recordedByName: string;
}

const ssw = aliasedTable(users, 'ssw');

/** The team of a matter: its household's, or its own when it has none. */
export const matterTeamId = sql`coalesce(${households.teamId}, ${concerns.teamId})`;

/** The matter, if the viewer may see it; null otherwise (a 404). */
export async function findVisibleConcern(db: DbOrTx, viewer: SignedInUser, id: string): Promise<ConcernRecord | null> {
  const [row] = await db
    .select({
      concern: concerns,
      householdName: households.name,
      householdReference: households.reference,
      restricted: households.restricted,
      allocatedSswId: households.allocatedSswId,
      sswName: ssw.displayName,
      teamId: teams.id,
      teamName: teams.name,
      areaId: areas.id,
      areaName: areas.name,
      carerName: sql<string | null>`${carers.firstName} || ' ' || ${carers.lastName}`,
      memberName: sql<string | null>`${householdMembers.firstName} || ' ' || ${householdMembers.lastName}`,
      recordedByName: sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${concerns.recordedBy})`,
    })
    .from(concerns)
    .leftJoin(households, eq(households.id, concerns.householdId))
    .innerJoin(teams, sql`${teams.id} = ${matterTeamId}`)
    .innerJoin(areas, eq(areas.id, teams.areaId))
    .leftJoin(ssw, eq(ssw.id, households.allocatedSswId))
    .leftJoin(carers, eq(carers.id, concerns.carerId))
    .leftJoin(householdMembers, eq(householdMembers.id, concerns.memberId))
    .where(and(eq(concerns.id, id), concernVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  return {
    concern: row.concern,
    kind: row.concern.kind,
    householdId: row.concern.householdId,
    household: row.concern.householdId
      ? {
          id: row.concern.householdId,
          name: row.householdName ?? '',
          reference: row.householdReference ?? '',
          restricted: row.restricted === true,
        }
      : null,
    teamId: row.teamId,
    teamName: row.teamName,
    areaId: row.areaId,
    areaName: row.areaName,
    allocatedSswId: row.allocatedSswId,
    sswName: row.sswName,
    againstName: row.carerName ?? row.memberName,
    recordedByName: row.recordedByName,
  };
}

export interface MatterChild {
  childId: string;
  name: string;
  reference: string;
  allocatedSocialWorkerId: string | null;
  /** The child's account when the viewer may read it; null when there is none or they may not. */
  account: string | null;
  /** Whether this viewer reads the child's account. */
  readsAccount: boolean;
  outcomeToldOn: string | null;
  outcomeToldBy: string | null;
  outcomeToldHow: string | null;
}

/** The children a matter names; each account only for those who may read it. */
export async function matterChildren(db: DbOrTx, viewer: SignedInUser, concernId: string): Promise<MatterChild[]> {
  const rows = await db
    .select({
      childId: children.id,
      name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      reference: children.reference,
      allocatedSocialWorkerId: children.allocatedSocialWorkerId,
      account: concernChildren.account,
      outcomeToldOn: concernChildren.outcomeToldOn,
      outcomeToldBy: concernChildren.outcomeToldBy,
      outcomeToldHow: concernChildren.outcomeToldHow,
    })
    .from(concernChildren)
    .innerJoin(children, eq(children.id, concernChildren.childId))
    .where(eq(concernChildren.concernId, concernId))
    .orderBy(asc(children.reference));
  return rows.map((row) => {
    const readsAccount = readsChildAccount(viewer, row);
    return { ...row, readsAccount, account: readsAccount ? row.account : null };
  });
}

export async function matterMeetings(db: DbOrTx, concernId: string) {
  return db
    .select({ meeting: allegationMeetings, byName: users.displayName })
    .from(allegationMeetings)
    .innerJoin(users, eq(users.id, allegationMeetings.recordedBy))
    .where(eq(allegationMeetings.concernId, concernId))
    .orderBy(asc(allegationMeetings.heldOn), asc(allegationMeetings.createdAt));
}

export async function matterStages(db: DbOrTx, concernId: string): Promise<ComplaintStageRow[]> {
  return db
    .select()
    .from(complaintStages)
    .where(eq(complaintStages.concernId, concernId))
    .orderBy(asc(complaintStages.stage));
}

export async function matterThemes(db: DbOrTx, concernId: string): Promise<string[]> {
  const rows = await db
    .select({ theme: concernThemes.theme })
    .from(concernThemes)
    .where(eq(concernThemes.concernId, concernId))
    .orderBy(asc(concernThemes.theme));
  return rows.map((r) => r.theme);
}

/** The placements suspended or ended because of the matter, with the child placed. */
export async function matterPlacements(db: DbOrTx, concernId: string) {
  return db
    .select({
      placementId: placements.id,
      effect: concernPlacements.effect,
      onDate: concernPlacements.onDate,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      startDate: placements.startDate,
    })
    .from(concernPlacements)
    .innerJoin(placements, eq(placements.id, concernPlacements.placementId))
    .innerJoin(children, eq(children.id, placements.childId))
    .where(eq(concernPlacements.concernId, concernId))
    .orderBy(asc(concernPlacements.onDate));
}

/** The allegation's notification of a significant event (made with it), if any. */
export async function matterEvent(db: DbOrTx, concernId: string) {
  const [row] = await db
    .select({
      id: significantEvents.id,
      knownAt: significantEvents.knownAt,
      // The event's id named in full: Drizzle writes a selected column unqualified.
      ofstedToldAt: sql<Date | null>`(select min(n.told_at) from event_notices n
        where n.event_id = significant_events.id and n.recipient = 'ofsted')`,
    })
    .from(significantEvents)
    .where(eq(significantEvents.concernId, concernId));
  return row ?? null;
}

/** Children placed with the household at any time since `from` (the choices for "children concerned"). */
export async function childrenPlacedSince(db: DbOrTx, householdId: string, from: string) {
  return db
    .selectDistinct({
      id: children.id,
      name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      reference: children.reference,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(
        eq(placements.householdId, householdId),
        sql`(${placements.endDate} is null or ${placements.endDate} >= ${from})`,
      ),
    )
    .orderBy(asc(children.reference));
}

/** The household's placements current or ended since `from` (the choices for a placement suspended or ended). */
export async function placementsSince(db: DbOrTx, householdId: string, from: string) {
  return db
    .select({
      id: placements.id,
      childName: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      startDate: placements.startDate,
      endDate: placements.endDate,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(
        eq(placements.householdId, householdId),
        sql`(${placements.endDate} is null or ${placements.endDate} >= ${from})`,
      ),
    )
    .orderBy(asc(placements.startDate));
}

/** The household's carers and members (the choices for "against whom"). */
export async function householdPeopleChoices(db: DbOrTx, householdId: string) {
  const carerRows = await db
    .select({
      id: carers.id,
      // A former carer stays a choice: a concern may be about the time they lived there.
      name: sql<string>`${carers.firstName} || ' ' || ${carers.lastName}
        || case when ${carers.leftOn} is not null then ' (former carer)' else '' end`,
    })
    .from(carers)
    .where(eq(carers.householdId, householdId))
    .orderBy(asc(carers.createdAt), asc(carers.id));
  const memberRows = await db
    .select({
      id: householdMembers.id,
      name: sql<string>`${householdMembers.firstName} || ' ' || ${householdMembers.lastName}`,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.createdAt), asc(householdMembers.id));
  return { carers: carerRows, members: memberRows };
}
