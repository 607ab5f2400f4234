/** Reads of annual reviews, scoped through the household each belongs to. */
import { aliasedTable, and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addYears, type IsoDate } from '../../platform/dates/index.ts';
import { children } from '../children/tables.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { carers, householdMembers, personChecks } from '../households/tables.ts';
import { saferCarePlans } from '../safer-care/tables.ts';
import { approvalStandsWhile } from '../households/labels.ts';
import type { Answers } from './forms.ts';
import type { AgeGroup } from './labels.ts';
import {
  annualReviews,
  reviewChildren,
  reviewContributions,
  reviewLinks,
  reviewMessages,
  reviewRenewedChecks,
} from './tables.ts';

export const REVIEWS_PAGE_SIZE = 20;

export type ReviewRow = typeof annualReviews.$inferSelect;
export type LinkRow = typeof reviewLinks.$inferSelect;
export type MessageRow = typeof reviewMessages.$inferSelect;

export interface ReviewRecord {
  review: ReviewRow;
  household: HouseholdRecord;
  officerName: string;
}

/** The review, if the viewer reads its household in full (null otherwise: a 404). */
export async function findVisibleReview(db: DbOrTx, viewer: SignedInUser, id: string): Promise<ReviewRecord | null> {
  const [row] = await db
    .select({ review: annualReviews, officerName: users.displayName })
    .from(annualReviews)
    .innerJoin(users, eq(users.id, annualReviews.reviewingOfficerId))
    .where(eq(annualReviews.id, id));
  if (!row) return null;
  const household = await findHouseholdReadInFull(db, viewer, row.review.householdId);
  return household ? { review: row.review, household, officerName: row.officerName } : null;
}

/** A household's reviews, newest first, one page at a time. */
export async function listHouseholdReviews(db: DbOrTx, householdId: string, page: number) {
  const [total] = await db.select({ n: count() }).from(annualReviews).where(eq(annualReviews.householdId, householdId));
  const rows = await db
    .select({ review: annualReviews, officerName: users.displayName })
    .from(annualReviews)
    .innerJoin(users, eq(users.id, annualReviews.reviewingOfficerId))
    .where(eq(annualReviews.householdId, householdId))
    .orderBy(desc(annualReviews.startedOn), desc(annualReviews.createdAt))
    .limit(REVIEWS_PAGE_SIZE)
    .offset((page - 1) * REVIEWS_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

/** The household's open review (gathering), if any. */
export async function openReviewOf(db: DbOrTx, householdId: string): Promise<ReviewRow | null> {
  const [row] = await db
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.householdId, householdId), eq(annualReviews.status, 'gathering')));
  return row ?? null;
}

/** The date of the household's last completed review since it was approved, if any. */
export async function lastReviewedOn(
  db: DbOrTx,
  household: Pick<HouseholdRecord, 'id' | 'approvedOn' | 'statusSince'>,
) {
  const since = household.approvedOn ?? household.statusSince;
  const [row] = await db
    .select({ last: sql<string | null>`max(${annualReviews.reviewedOn})::text` })
    .from(annualReviews)
    .where(
      and(
        eq(annualReviews.householdId, household.id),
        eq(annualReviews.status, 'completed'),
        sql`${annualReviews.reviewedOn} >= ${since}::date`,
      ),
    );
  return row?.last ?? null;
}

/**
 * When the next review is due (regulation 28): a year after approval, then no more than a year
 * after the last review, also while the household is on hold or inactive (its approval stands).
 * Null for a household whose approval does not stand.
 */
export async function nextReviewDue(
  db: DbOrTx,
  household: Pick<HouseholdRecord, 'id' | 'status' | 'approvedOn' | 'statusSince'>,
): Promise<{ dueOn: IsoDate; first: boolean } | null> {
  if (!approvalStandsWhile(household.status)) return null;
  const last = await lastReviewedOn(db, household);
  return { dueOn: addYears(last ?? household.approvedOn ?? household.statusSince, 1), first: last === null };
}

/** The carers' first names, in the order they were added: all a child's form may show of the household. */
export async function carerFirstNames(db: DbOrTx, householdId: string): Promise<string[]> {
  const rows = await db
    .select({ firstName: carers.firstName })
    .from(carers)
    .where(and(eq(carers.householdId, householdId), isNull(carers.leftOn)))
    .orderBy(asc(carers.createdAt), asc(carers.id));
  return rows.map((r) => r.firstName);
}

const socialWorker = aliasedTable(users, 'social_worker');

export interface ReviewChild {
  childId: string;
  name: string;
  reference: string;
  ageGroup: AgeGroup;
  socialWorkerName: string | null;
  socialWorkerEmail: string | null;
}

export interface Contribution {
  id: string;
  kind: string;
  childId: string | null;
  memberId: string | null;
  receivedOn: string;
  source: string;
  givenBy: string;
  answers: Answers;
}

/** Everything a review gathered: the children, each contribution, the links, the checks and the messages. */
export async function reviewDetails(db: DbOrTx, reviewId: string) {
  const childRows = await db
    .select({
      childId: reviewChildren.childId,
      name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      reference: children.reference,
      ageGroup: reviewChildren.ageGroup,
      socialWorkerName: socialWorker.displayName,
      socialWorkerEmail: socialWorker.email,
    })
    .from(reviewChildren)
    .innerJoin(children, eq(children.id, reviewChildren.childId))
    .leftJoin(socialWorker, eq(socialWorker.id, children.allocatedSocialWorkerId))
    .where(eq(reviewChildren.reviewId, reviewId))
    .orderBy(asc(children.reference));
  const contributions = await db
    .select()
    .from(reviewContributions)
    .where(eq(reviewContributions.reviewId, reviewId))
    .orderBy(asc(reviewContributions.receivedOn), asc(reviewContributions.createdAt));
  const links = await db
    .select({ link: reviewLinks, requestedByName: users.displayName })
    .from(reviewLinks)
    .innerJoin(users, eq(users.id, reviewLinks.requestedBy))
    .where(eq(reviewLinks.reviewId, reviewId))
    .orderBy(asc(reviewLinks.requestedAt));
  // The checks renewed at the review, each with whose it is (none: the household as a whole).
  const checks = await db
    .select({
      kind: personChecks.kind,
      checkedOn: personChecks.completedOn,
      satisfactory: personChecks.satisfactory,
      outcome: personChecks.outcome,
      note: personChecks.note,
      person: sql<string | null>`coalesce(${carers.firstName} || ' ' || ${carers.lastName},
        ${householdMembers.firstName} || ' ' || ${householdMembers.lastName})`,
    })
    .from(reviewRenewedChecks)
    .innerJoin(personChecks, eq(personChecks.id, reviewRenewedChecks.checkId))
    .leftJoin(carers, eq(carers.id, personChecks.carerId))
    .leftJoin(householdMembers, eq(householdMembers.id, personChecks.memberId))
    .where(eq(reviewRenewedChecks.reviewId, reviewId))
    .orderBy(asc(personChecks.kind), asc(personChecks.completedOn), asc(personChecks.createdAt));
  const messages = await db
    .select()
    .from(reviewMessages)
    .where(eq(reviewMessages.reviewId, reviewId))
    .orderBy(asc(reviewMessages.createdAt));
  return {
    children: childRows as ReviewChild[],
    contributions: contributions satisfies Contribution[],
    links,
    checks,
    messages,
  };
}
export type ReviewDetails = Awaited<ReturnType<typeof reviewDetails>>;

/**
 * The household's members (birth children and other adults), for recording their views and naming
 * them in the report; `former` when they have left the household.
 */
export async function membersOf(db: DbOrTx, householdId: string) {
  return db
    .select({
      id: householdMembers.id,
      name: sql<string>`${householdMembers.firstName} || ' ' || ${householdMembers.lastName}`,
      relationship: householdMembers.relationship,
      former: sql<boolean>`${householdMembers.leftOn} is not null`,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.createdAt), asc(householdMembers.id));
}

/** The household's latest DBS and medical checks (from its record), as context for the review's checks. */
export async function latestPersonChecks(db: DbOrTx, householdId: string) {
  return db
    .select({ kind: personChecks.kind, last: sql<string>`max(${personChecks.completedOn})::text` })
    .from(personChecks)
    .where(and(eq(personChecks.householdId, householdId), isNotNull(personChecks.completedOn)))
    .groupBy(personChecks.kind);
}

/** The household's safer-care plan in force on a day (its latest version agreed by then), for the report; null when none. */
export async function saferCarePlanOn(db: DbOrTx, householdId: string, on: IsoDate) {
  const [plan] = await db
    .select({
      agreedOn: sql<string>`${saferCarePlans.agreedOn}::text`,
      reviewBy: sql<string>`${saferCarePlans.reviewBy}::text`,
      reason: saferCarePlans.reason,
    })
    .from(saferCarePlans)
    .where(and(eq(saferCarePlans.householdId, householdId), sql`${saferCarePlans.agreedOn} <= ${on}`))
    .orderBy(desc(saferCarePlans.agreedOn), desc(saferCarePlans.recordedAt))
    .limit(1);
  return plan ?? null;
}
