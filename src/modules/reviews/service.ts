/**
 * Annual reviews of approval (Fostering Services (England) Regulations 2011, regulation 28): started
 * by a reviewing officer, independently of the supervising social worker; what they gather; the
 * outcome and the carers' copy of the report. Every change checks scope, keeps the deadlines in
 * step and writes its audit entry in the same transaction.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addDays, addYears, ageOn, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { checkPersonIn, findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { householdMembers, personChecks } from '../households/tables.ts';
import { approvalStandsWhile } from '../households/labels.ts';
import { placements } from '../placements/tables.ts';
import type { CheckInput, CompleteInput, RecordedInput, RecordedKind, StartInput } from './forms.ts';
import { ageGroupFor, checkIntervalYears } from './labels.ts';
import { queueReportForCarers } from './messages.ts';
import { findVisibleReview, nextReviewDue, openReviewOf, type ReviewRecord } from './queries.ts';
import { COMMENT_DAYS } from './settings.ts';
import { annualReviews, reviewChildren, reviewContributions, reviewLinks, reviewRenewedChecks } from './tables.ts';

/** Who runs reviews: the fostering review team (reviewing officers) and the head of fostering. */
export function canRunReviews(user: Pick<SignedInUser, 'role'>): boolean {
  return user.role === 'reviewing_officer' || user.role === 'head_of_fostering';
}

/**
 * Who may record a contribution of this kind: whoever runs reviews records any; the supervising
 * social worker's report may also come from the household's own SSW or their team manager.
 */
export function canRecord(user: SignedInUser, household: HouseholdRecord, kind: RecordedKind | 'check'): boolean {
  if (canRunReviews(user)) return true;
  if (kind !== 'ssw_report') return false;
  if (user.role === 'team_manager') return user.teamId === household.teamId;
  return user.role === 'supervising_social_worker' && household.allocatedSswId === user.id;
}

/** The review, when it is still gathering and the user may record `kind` on it. */
export async function reviewToChange(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
  kind: RecordedKind | 'check' | 'run',
): Promise<{ ok: true; record: ReviewRecord } | Refusal> {
  const record = await findVisibleReview(db, user, id);
  if (!record) return notFound;
  if (record.review.status !== 'gathering') return forbidden;
  const allowed = kind === 'run' ? canRunReviews(user) : canRecord(user, record.household, kind);
  return allowed ? { ok: true, record } : forbidden;
}

/** The household for starting a review: 404 out of scope, 403 when the user does not run reviews. */
export async function householdToReview(db: DbOrTx, user: SignedInUser, householdId: string) {
  const household = await findHouseholdReadInFull(db, user, householdId);
  if (!household) return notFound;
  return canRunReviews(user) ? ({ ok: true, household } as const) : forbidden;
}

/** Snapshots the children placed with the household today, with the form for each one's age. */
async function placedChildren(tx: DbOrTx, reviewId: string, householdId: string, today: string) {
  const rows = await tx
    .selectDistinct({ childId: children.id, dateOfBirth: children.dateOfBirth })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(
        eq(placements.householdId, householdId),
        sql`${placements.startDate} <= ${today}::date`,
        sql`(${placements.endDate} is null or ${placements.endDate} >= ${today}::date)`,
      ),
    );
  if (rows.length === 0) return;
  await tx.insert(reviewChildren).values(
    rows.map((r) => ({
      reviewId,
      childId: r.childId,
      ageGroup: ageGroupFor(r.dateOfBirth <= today ? ageOn(r.dateOfBirth, today) : 0),
    })),
  );
}

/** Starts a review of a household's approval: yearly, or extra with its reason. */
export async function startReview(db: Db, who: Who, householdId: string, input: StartInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await householdToReview(tx, who.user, householdId);
    if (!found.ok) return found;
    const { household } = found;
    if (!approvalStandsWhile(household.status)) {
      return invalid({
        field: 'kind',
        message: 'Only a household whose approval stands (approved, on hold or inactive) can be reviewed',
      });
    }
    if (await openReviewOf(tx, householdId)) {
      return invalid({ field: 'kind', message: 'A review of this household is already under way: complete it first' });
    }
    const today = todayInLondon();
    const next = await nextReviewDue(tx, { ...household, status: 'approved' });
    const [row] = await tx
      .insert(annualReviews)
      .values({
        householdId,
        kind: input.kind,
        reason: input.reason,
        reasonDetail: input.reasonDetail,
        firstReview: next?.first ?? true,
        dueOn: input.kind === 'annual' ? (next?.dueOn ?? null) : null,
        startedOn: today,
        reviewingOfficerId: who.user.id,
        createdBy: who.user.id,
      })
      .returning({ id: annualReviews.id });
    await placedChildren(tx, row!.id, householdId, today);
    await refreshDueItems(tx, 'annual-review', [row!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'annual-review',
      recordId: row!.id,
      detail: { householdId, kind: input.kind, reason: input.reason },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** A date received or checked: not in the future, and not before the household was approved. */
function checkDate(field: string, date: string, household: HouseholdRecord, today: string) {
  if (date > today) return invalid({ field, message: 'The date must be today or in the past' });
  const approved = household.approvedOn ?? household.statusSince;
  if (date < approved) {
    return invalid({
      field,
      message: `The date must be on or after ${formatDate(approved)}, when the household was approved`,
    });
  }
  return null;
}

/** Records (or replaces, while the review gathers) a report or views received by a worker. */
export async function recordContribution(
  db: Db,
  who: Who,
  reviewId: string,
  kind: RecordedKind,
  input: RecordedInput,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await reviewToChange(tx, who.user, reviewId, kind);
    if (!found.ok) return found;
    const bad = checkDate('receivedOn', input.receivedOn, found.record.household, todayInLondon());
    if (bad) return bad;
    const memberId = kind === 'member_views' ? input.memberId : null;
    if (memberId) {
      const [member] = await tx
        .select({ id: householdMembers.id })
        .from(householdMembers)
        .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, found.record.household.id)));
      if (!member) return invalid({ field: 'memberId', message: 'Select whose views they are' });
    }
    const values = {
      receivedOn: input.receivedOn,
      source: 'recorded',
      givenBy: input.givenBy,
      answers: input.answers,
      recordedBy: who.user.id,
    };
    const [row] = await tx
      .insert(reviewContributions)
      .values({ reviewId, kind, memberId, ...values })
      .onConflictDoUpdate({
        target: [
          reviewContributions.reviewId,
          reviewContributions.kind,
          reviewContributions.childId,
          reviewContributions.memberId,
        ],
        set: values,
      })
      .returning({ id: reviewContributions.id });
    await refreshDueItems(tx, 'annual-review', [reviewId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'annual-review',
      recordId: reviewId,
      detail: { contribution: kind },
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * Records a check renewed at the review, as a check in the household's own record (whose it is,
 * the date, next due after the kind's interval), linked to the review: the household page and the
 * renewal deadlines move with it, in the same transaction.
 */
export async function recordCheck(db: Db, who: Who, reviewId: string, input: CheckInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await reviewToChange(tx, who.user, reviewId, 'check');
    if (!found.ok) return found;
    const { household } = found.record;
    const bad = checkDate('checkedOn', input.checkedOn, household, todayInLondon());
    if (bad) return bad;
    // The health and safety check is of the home; the others are one carer's or member's.
    const person =
      input.kind === 'health_and_safety'
        ? { carerId: null, memberId: null }
        : await checkPersonIn(tx, household.id, input.person ?? '');
    if (!person) return invalid({ field: 'person', message: 'Select whose check this is' });
    const [check] = await tx
      .insert(personChecks)
      .values({
        householdId: household.id,
        ...person,
        kind: input.kind,
        completedOn: input.checkedOn,
        expiresOn: addYears(input.checkedOn, checkIntervalYears[input.kind]),
        satisfactory: input.satisfactory === 'yes',
        outcome: input.outcome,
        note: input.note,
        recordedBy: who.user.id,
      })
      .returning({ id: personChecks.id });
    const checkId = check!.id;
    await tx.insert(reviewRenewedChecks).values({ reviewId, checkId });
    await refreshDueItems(tx, 'household', [household.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'annual-review',
      recordId: reviewId,
      detail: { check: input.kind, checkId },
    });
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: household.id,
      detail: {
        part: 'checks',
        added: checkId,
        kind: input.kind,
        satisfactory: input.satisfactory === 'yes',
        atReview: reviewId,
      },
    });
    return { ok: true as const, id: reviewId };
  });
}

/** The review meeting's date, completed or corrected: not in the future, not before the review started. */
export function reviewDateError(startedOn: string, reviewedOn: string, today: string) {
  if (reviewedOn > today) {
    return invalid({ field: 'reviewedOn', message: 'The date of the review meeting must be today or in the past' });
  }
  if (reviewedOn < startedOn) {
    return invalid({
      field: 'reviewedOn',
      message: `The date of the review meeting must be on or after ${formatDate(startedOn)}, when the review started`,
    });
  }
  return null;
}

/**
 * Completes the review: its date and outcome, the reviewing officer's assessment, whether the PDP
 * was updated. The first review (and a change of terms or a referral) goes to panel. Links not
 * yet answered stop working; the carers are sent their copy of the report and have 28 days to comment.
 */
export async function completeReview(
  db: Db,
  who: Who,
  reviewId: string,
  input: CompleteInput,
  mail: { mode: 'smtp' | 'outbox' },
): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await reviewToChange(tx, who.user, reviewId, 'run');
    if (!found.ok) return found;
    const { review } = found.record;
    const today = todayInLondon();
    const wrongDate = reviewDateError(review.startedOn, input.reviewedOn, today);
    if (wrongDate) return wrongDate;
    const toPanel = review.firstReview || input.outcome !== 'continue';
    await tx
      .update(annualReviews)
      .set({
        status: 'completed',
        reviewedOn: input.reviewedOn,
        outcome: input.outcome,
        outcomeDetail: input.outcome === 'continue' ? null : input.outcomeDetail,
        summary: input.summary,
        childrenSummary: input.childrenSummary,
        pdpUpdated: input.pdpUpdated,
        toPanel,
        reportSentOn: today,
        commentsDueOn: addDays(today, COMMENT_DAYS),
        completedBy: who.user.id,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(annualReviews.id, reviewId));
    const withdrawn = await tx
      .update(reviewLinks)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(reviewLinks.reviewId, reviewId), isNull(reviewLinks.usedAt), isNull(reviewLinks.withdrawnAt)))
      .returning({ id: reviewLinks.id });
    const message = await queueReportForCarers(tx, { reviewId, mode: mail.mode, createdBy: who.user.id });
    await refreshDueItems(tx, 'annual-review', [reviewId]);
    await refreshDueItems(
      tx,
      'review-link',
      withdrawn.map((l) => l.id),
    );
    await recordAudit(tx, who.actor, {
      action: 'complete',
      recordType: 'annual-review',
      recordId: reviewId,
      detail: { outcome: input.outcome, toPanel, report: message ? message.status : 'no email address' },
    });
    return { ok: true as const, id: reviewId };
  });
}

/** Reads a review for its page (or its report) and writes the 'view' to the audit trail. */
export async function viewReview(db: Db, who: Who, id: string, page = 'review'): Promise<ReviewRecord | null> {
  const record = await findVisibleReview(db, who.user, id);
  if (!record) return null;
  await recordAudit(db, who.actor, { action: 'view', recordType: 'annual-review', recordId: id, detail: { page } });
  return record;
}

/** Reads a household's reviews page and writes the 'view' to the audit trail. */
export async function viewHouseholdReviews(db: Db, who: Who, householdId: string) {
  const household = await findHouseholdReadInFull(db, who.user, householdId);
  if (!household) return null;
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: householdId,
    detail: { page: 'reviews' },
  });
  return household;
}
