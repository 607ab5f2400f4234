import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, users } from '../../platform/auth/tables.ts';
import { childScope } from '../../platform/access/scope.ts';
import { households } from '../households/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { agencyPlacements, delegatedAuthorities, placements, referrals } from '../placements/tables.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import type { ChildListQuery } from './forms.ts';
import { childQuery, childVisibleTo } from './scope.ts';
import { children, healthAssessments } from './tables.ts';
import { likePattern } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';

export const CHILDREN_PAGE_SIZE = 25;

function listConditions(user: SignedInUser, query: ChildListQuery, today: IsoDate): SQL {
  const conditions: SQL[] = [childVisibleTo(user)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        ilike(children.firstName, pattern),
        ilike(children.lastName, pattern),
        ilike(children.preferredName, pattern),
        ilike(children.reference, pattern),
        ilike(sql`${children.firstName} || ' ' || ${children.lastName}`, pattern),
      )!,
    );
  }
  if (query.area) conditions.push(eq(children.areaId, query.area));
  if (query.worker) conditions.push(eq(children.allocatedSocialWorkerId, query.worker));
  if (query.legalStatus) conditions.push(eq(children.legalStatus, query.legalStatus));
  if (query.need) conditions.push(eq(children[query.need], true));
  // In care: not left, or leaving on a later day; left care: on or before today.
  if (query.care === 'in') conditions.push(sql`(${children.leftCareOn} is null or ${children.leftCareOn} > ${today})`);
  if (query.care === 'left') conditions.push(sql`${children.leftCareOn} <= ${today}`);
  return and(...conditions)!;
}

/** One page of the children the user may see, filtered and sorted on the server. */
export async function listChildren(db: DbOrTx, user: SignedInUser, query: ChildListQuery) {
  const where = listConditions(user, query, todayInLondon());
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(children)
    .where(where);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / CHILDREN_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const direction = query.dir === 'desc' ? desc : asc;
  // Sorting by age ascending means the youngest first: the latest date of birth.
  const reverse = query.dir === 'desc' ? asc : desc;
  const primary = {
    name: [direction(children.lastName), direction(children.firstName)],
    age: [reverse(children.dateOfBirth)],
    lookedAfter: [direction(children.lookedAfterSince)],
  }[query.sort];
  const order = [...primary, asc(children.lastName), asc(children.firstName), asc(children.id)];
  // The page's ids first, from the name index alone when sorted by name (a page deep in 80,000
  // children reads no row it does not show), then those children with their area and worker.
  const pageIds = db
    .select({ id: children.id })
    .from(children)
    .where(where)
    .orderBy(...order)
    .limit(CHILDREN_PAGE_SIZE)
    .offset((page - 1) * CHILDREN_PAGE_SIZE);
  const rows = await childQuery(db)
    .where(inArray(children.id, pageIds))
    .orderBy(...order);
  const placed = await currentPlacementsOf(
    db,
    rows.map((r) => r.id),
  );
  return { children: rows.map((r) => ({ ...r, currentHousehold: placed.get(r.id) ?? null })), total, page };
}

/**
 * Where each of these children lives now, by child id: the household of their placement with the
 * service's own carers, or the agency's name for a child placed with an independent fostering agency.
 */
async function currentPlacementsOf(db: DbOrTx, childIds: string[]): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const today = todayInLondon();
  const ids = sql.join(
    childIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db
    .select({ childId: placements.childId, householdName: households.name })
    .from(placements)
    .innerJoin(households, eq(households.id, placements.householdId))
    .where(
      and(isNull(placements.endDate), sql`${placements.startDate} <= ${today}`, sql`${placements.childId} in (${ids})`),
    )
    .unionAll(
      db
        .select({
          childId: agencyPlacements.childId,
          householdName: sql<string>`${agencyPlacements.agencyName} || ' (agency)'`,
        })
        .from(agencyPlacements)
        .where(
          and(
            isNull(agencyPlacements.endDate),
            sql`${agencyPlacements.startDate} <= ${today}`,
            sql`${agencyPlacements.childId} in (${ids})`,
          ),
        ),
    );
  const placed = new Map<string, string>();
  for (const r of rows) if (!placed.has(r.childId)) placed.set(r.childId, r.householdName);
  return placed;
}

/** A child's placements, newest first, with the household (linked only when the user may see it). */
export async function placementsOfChild(db: DbOrTx, user: SignedInUser, childId: string) {
  return db
    .select({
      id: placements.id,
      householdId: placements.householdId,
      householdName: households.name,
      householdReference: households.reference,
      householdVisible: sql<boolean>`(${householdVisibleTo(user)})`,
      placementType: placements.placementType,
      startDate: placements.startDate,
      endDate: placements.endDate,
      ending: placements.ending,
      endReason: placements.endReason,
      daSignedOn: delegatedAuthorities.signedOn,
      daCopyGivenOn: delegatedAuthorities.copyGivenToCarerOn,
      daId: delegatedAuthorities.id,
    })
    .from(placements)
    .innerJoin(households, eq(households.id, placements.householdId))
    .leftJoin(delegatedAuthorities, eq(delegatedAuthorities.placementId, placements.id))
    .where(eq(placements.childId, childId))
    .orderBy(desc(placements.startDate), desc(placements.createdAt));
}

/** A child's referrals, newest first. */
export async function referralsOfChild(db: DbOrTx, childId: string) {
  return db
    .select({
      id: referrals.id,
      placementType: referrals.placementType,
      urgency: referrals.urgency,
      neededFrom: referrals.neededFrom,
      status: referrals.status,
      timesReturned: referrals.timesReturned,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .where(eq(referrals.childId, childId))
    .orderBy(desc(referrals.createdAt));
}

/** One of the child's health assessments, or null. */
export async function healthAssessmentOfChild(db: DbOrTx, childId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: healthAssessments.id, kind: healthAssessments.kind, completedOn: healthAssessments.completedOn })
    .from(healthAssessments)
    .where(and(eq(healthAssessments.id, id), eq(healthAssessments.childId, childId)));
  return row ?? null;
}

export async function healthAssessmentsOfChild(db: DbOrTx, childId: string) {
  return db
    .select({
      id: healthAssessments.id,
      kind: healthAssessments.kind,
      completedOn: healthAssessments.completedOn,
      notes: healthAssessments.notes,
      recordedByName: users.displayName,
    })
    .from(healthAssessments)
    .leftJoin(users, eq(users.id, healthAssessments.recordedBy))
    .where(eq(healthAssessments.childId, childId))
    .orderBy(desc(healthAssessments.completedOn), desc(healthAssessments.createdAt));
}

/**
 * Active children's social workers: every one, to allocate a child to; for the list filter
 * (`viewer`), those who hold a child the viewer may read (a team manager's list offers the
 * social workers of the children placed with the team's households, not the whole service's).
 */
export async function socialWorkerOptions(db: DbOrTx, viewer?: SignedInUser) {
  const holdsAChildSeen =
    viewer && childScope(viewer).kind !== 'all'
      ? sql`exists (select 1 from ${children} where ${children.allocatedSocialWorkerId} = ${users.id}
          and ${childVisibleTo(viewer)})`
      : undefined;
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'childrens_social_worker'), eq(users.active, true), holdsAChildSeen))
    .orderBy(asc(users.displayName));
}

export async function isActiveSocialWorker(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'childrens_social_worker'), eq(users.active, true)))
    .limit(1);
  return Boolean(row);
}

export async function areaExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, id)).limit(1);
  return Boolean(row);
}
