import { aliasedTable, and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { OPEN_REFERRAL_STATUSES } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { inForceOnSql } from '../connected-persons/labels.ts';
import { householdReferenceTyped, householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { currentPlacementCount, vacanciesSql } from '../households/scope.ts';
import type { ReferralQueueQuery } from './forms.ts';
import { placementVisibleTo, referralVisibleTo } from './scope.ts';
import { delegatedAuthorities, matches, placementDocuments, placements, referralEvents, referrals } from './tables.ts';

export const REFERRALS_PAGE_SIZE = 25;

const socialWorkers = aliasedTable(users, 'social_worker');
const requesters = aliasedTable(users, 'requester');

const childColumns = {
  childId: children.id,
  childReference: children.reference,
  childFirstName: children.firstName,
  childLastName: children.lastName,
  childPreferredName: children.preferredName,
  dateOfBirth: children.dateOfBirth,
  gender: children.gender,
  legalStatus: children.legalStatus,
  disability: children.disability,
  uasc: children.uasc,
  cseRisk: children.cseRisk,
  missingRisk: children.missingRisk,
  schoolPostcode: children.schoolPostcode,
  childAreaId: children.areaId,
  childSocialWorkerId: children.allocatedSocialWorkerId,
  socialWorkerName: socialWorkers.displayName,
};

function referralQuery(db: DbOrTx) {
  return db
    .select({
      id: referrals.id,
      placementType: referrals.placementType,
      urgency: referrals.urgency,
      neededFrom: referrals.neededFrom,
      needs: referrals.needs,
      siblingGroupSize: referrals.siblingGroupSize,
      status: referrals.status,
      timesReturned: referrals.timesReturned,
      requestedBy: referrals.requestedBy,
      requestedByName: requesters.displayName,
      createdAt: referrals.createdAt,
      updatedAt: referrals.updatedAt,
      ...childColumns,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, children.allocatedSocialWorkerId))
    .leftJoin(requesters, eq(requesters.id, referrals.requestedBy));
}
export type ReferralRecord = Awaited<ReturnType<typeof referralQuery>>[number];

/** One referral with its child, if the user may see it. */
export async function findReferral(db: DbOrTx, user: SignedInUser, id: string): Promise<ReferralRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await referralQuery(db)
    .where(and(eq(referrals.id, id), referralVisibleTo(user)))
    .limit(1);
  return row ?? null;
}

/** The referral's history, oldest first, for the timeline. */
export async function referralHistory(db: DbOrTx, referralId: string) {
  return db
    .select({
      kind: referralEvents.kind,
      reason: referralEvents.reason,
      at: referralEvents.at,
      byName: users.displayName,
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.byUserId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

/** The latest match recorded for a referral, with its household. */
export async function latestMatch(db: DbOrTx, referralId: string) {
  const [row] = await db
    .select({
      id: matches.id,
      householdId: matches.householdId,
      householdName: households.name,
      householdReference: households.reference,
      reasons: matches.reasons,
      supportPackage: matches.supportPackage,
      createdAt: matches.createdAt,
      byName: users.displayName,
    })
    .from(matches)
    .innerJoin(households, eq(households.id, matches.householdId))
    .leftJoin(users, eq(users.id, matches.byUserId))
    .where(eq(matches.referralId, referralId))
    .orderBy(desc(matches.createdAt))
    .limit(1);
  return row ?? null;
}

const urgencyOrder = sql`case ${referrals.urgency} when 'emergency' then 0 when 'urgent' then 1 else 2 end`;

/** The referral queue: most urgent and soonest needed first, within the reviewer's scope. */
export async function referralQueue(
  db: DbOrTx,
  user: SignedInUser,
  query: ReferralQueueQuery & { status: NonNullable<ReferralQueueQuery['status']> },
) {
  const status =
    query.status === 'all'
      ? undefined
      : query.status === 'open'
        ? inArray(referrals.status, [...OPEN_REFERRAL_STATUSES])
        : eq(referrals.status, query.status);
  const where = and(referralVisibleTo(user), status);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(where);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / REFERRALS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await referralQuery(db)
    .where(where)
    .orderBy(urgencyOrder, asc(referrals.neededFrom), asc(referrals.createdAt), asc(referrals.id))
    .limit(REFERRALS_PAGE_SIZE)
    .offset((page - 1) * REFERRALS_PAGE_SIZE);
  return { referrals: rows, total, page };
}

/** An open referral (not yet placed or withdrawn) for the child, if any. */
export async function openReferralOf(db: DbOrTx, childId: string) {
  const [row] = await db
    .select({ id: referrals.id, status: referrals.status })
    .from(referrals)
    .where(
      and(eq(referrals.childId, childId), sql`${referrals.status} in ('submitted', 'returned', 'accepted', 'matched')`),
    )
    .limit(1);
  return row ?? null;
}

/** What matching needs to know of a household: its terms, and no more (the pool can be large). */
const matchTerms = {
  id: households.id,
  name: households.name,
  postcode: households.postcode,
  approvedPlaces: households.approvedPlaces,
  ageMin: households.ageMin,
  ageMax: households.ageMax,
  genderPreference: households.genderPreference,
  siblingGroups: households.siblingGroups,
  disability: households.disability,
  uasc: households.uasc,
  emergency: households.emergency,
  shortBreaks: households.shortBreaks,
  stayingPut: households.stayingPut,
};

const householdTerms = {
  ...matchTerms,
  reference: households.reference,
  town: households.town,
  teamId: households.teamId,
  teamName: teams.name,
  status: households.status,
};

/**
 * The households matching searches: approved, with at least one vacancy today, and visible to
 * the user. Fit against the child's needs is worked out in matching.ts; the details shown for
 * each are read afterwards, for the households on the page only (householdDetails).
 */
export async function householdsWithVacancies(db: DbOrTx, user: SignedInUser, today: IsoDate) {
  // Counted per household from the placements' household index, and the full ones left out here:
  // at national scale a team has about 5,000 approved households, 43,000 children placed.
  const pool = db
    .select({ ...matchTerms, placed: sql<number>`${currentPlacementCount(today)}`.as('placed') })
    .from(households)
    .where(and(eq(households.status, 'approved'), gt(households.approvedPlaces, 0), householdVisibleTo(user)))
    // Not folded into the outer query (which would count each household's placements twice).
    .offset(0)
    .as('pool');
  const rows = await db
    .select()
    .from(pool)
    .where(sql`${pool.placed} < ${pool.approvedPlaces}`);
  return rows.map((r) => ({ ...r, placed: Number(r.placed) }));
}

/** Reference, town and team of these households, by id. */
export async function householdDetails(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { reference: string; town: string; teamName: string }>();
  const rows = await db
    .select({ id: households.id, reference: households.reference, town: households.town, teamName: teams.name })
    .from(households)
    .innerJoin(teams, eq(teams.id, households.teamId))
    .where(inArray(households.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** One household the user may see, with its approval terms and children placed today. */
export async function findHouseholdForPlacement(db: DbOrTx, user: SignedInUser, id: string, today: IsoDate) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      ...householdTerms,
      placed: currentPlacementCount(today),
      areaId: teams.areaId,
      allocatedSswId: households.allocatedSswId,
    })
    .from(households)
    .innerJoin(teams, eq(teams.id, households.teamId))
    .where(and(eq(households.id, id), householdVisibleTo(user)))
    .limit(1);
  return row ? { ...row, placed: Number(row.placed) } : null;
}

/** One placement with its child, household and delegated authority, if the user may see it. */
export async function findPlacement(db: DbOrTx, user: SignedInUser, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: placements.id,
      householdId: placements.householdId,
      referralId: placements.referralId,
      placementType: placements.placementType,
      startDate: placements.startDate,
      endDate: placements.endDate,
      ending: placements.ending,
      endReason: placements.endReason,
      placementPlanOn: placements.placementPlanOn,
      childSawProfile: placements.childSawProfile,
      createdAt: placements.createdAt,
      ...childColumns,
      householdName: households.name,
      householdReference: households.reference,
      householdTeamId: households.teamId,
      householdAreaId: teams.areaId,
      householdSswId: households.allocatedSswId,
      householdVisible: sql<boolean>`(${householdVisibleTo(user)})`,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .innerJoin(households, eq(households.id, placements.householdId))
    .innerJoin(teams, eq(teams.id, households.teamId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, children.allocatedSocialWorkerId))
    .where(and(eq(placements.id, id), placementVisibleTo(user)))
    .limit(1);
  return row ?? null;
}
export type PlacementRecord = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

export async function documentsOf(db: DbOrTx, placementId: string) {
  return db
    .select({ kind: placementDocuments.kind, givenOn: placementDocuments.givenOn })
    .from(placementDocuments)
    .where(eq(placementDocuments.placementId, placementId));
}

export async function delegatedAuthorityOf(db: DbOrTx, placementId: string) {
  const [row] = await db
    .select()
    .from(delegatedAuthorities)
    .where(eq(delegatedAuthorities.placementId, placementId))
    .limit(1);
  return row ?? null;
}

/** The documents given and the delegated authority of one or more placements (two queries), by placement. */
export async function paperworkOf(db: DbOrTx, placementIds: string[]) {
  const [documents, forms] = await Promise.all([
    db
      .select({
        placementId: placementDocuments.placementId,
        kind: placementDocuments.kind,
        givenOn: placementDocuments.givenOn,
      })
      .from(placementDocuments)
      .where(inArray(placementDocuments.placementId, placementIds)),
    db.select().from(delegatedAuthorities).where(inArray(delegatedAuthorities.placementId, placementIds)),
  ]);
  const byPlacement = new Map<string, { kind: string; givenOn: string }[]>();
  for (const d of documents) byPlacement.set(d.placementId, [...(byPlacement.get(d.placementId) ?? []), d]);
  return { documents: byPlacement, authorities: new Map(forms.map((f) => [f.placementId, f])) };
}

/** The child's open placement (no end date), if any. */
export async function openPlacementOf(db: DbOrTx, childId: string) {
  const [row] = await db
    .select({ id: placements.id, householdId: placements.householdId, startDate: placements.startDate })
    .from(placements)
    .where(and(eq(placements.childId, childId), isNull(placements.endDate)))
    .limit(1);
  return row ?? null;
}

/**
 * How many placements with the household are still running on or after `from` (open, or ending
 * after it): the children a new open-ended placement from that date would live alongside.
 */
export async function placementsRunningFrom(db: DbOrTx, householdId: string, from: IsoDate): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(placements)
    .where(and(eq(placements.householdId, householdId), or(isNull(placements.endDate), gt(placements.endDate, from))));
  return Number(row?.n ?? 0);
}

/** How many households the choice of where a child goes lists: any other is given by its reference. */
export const HOUSEHOLD_CHOICES = 500;

/**
 * Households the user may see with a vacancy today, for choosing where a child goes; with the
 * child, also a connected person with temporary approval for them running today (`temporary`).
 * By name, one more than HOUSEHOLD_CHOICES, so the form can say when there are others.
 */
export async function householdChoices(db: DbOrTx, user: SignedInUser, today: IsoDate, childId?: string) {
  // households.id written out: drizzle names a column in a select list without its table.
  const temporary = childId
    ? sql<boolean>`exists (select 1 from temporary_approvals ta where ta.household_id = households.id
        and ta.child_id = ${childId} and ${inForceOnSql(sql`${today}::date`)})`
    : sql<boolean>`false`;
  return db
    .select({
      id: households.id,
      name: households.name,
      reference: households.reference,
      town: households.town,
      vacancies: vacanciesSql(today),
      temporary,
    })
    .from(households)
    .where(
      and(
        or(
          and(eq(households.status, 'approved'), gt(vacanciesSql(today), 0)),
          and(ne(households.status, 'approved'), temporary),
        ),
        householdVisibleTo(user),
      ),
    )
    .orderBy(asc(households.name), asc(households.reference))
    .limit(HOUSEHOLD_CHOICES + 1);
}

/** The household the user may see with the reference typed (householdReferenceTyped), or null. */
export async function visibleHouseholdIdByReference(
  db: DbOrTx,
  user: SignedInUser,
  reference: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(householdReferenceTyped(reference), householdVisibleTo(user)))
    .limit(1);
  return row?.id ?? null;
}
