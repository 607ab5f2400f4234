/**
 * Recording a household's safer-care plan, one version at a time, and correcting a version recorded
 * with a mistake. Every change checks who may make it, keeps the review deadline in step and writes
 * its audit-trail entry in one transaction; every view of the plan is written to the trail too.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addMonths, addWorkingDays, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { futureDateErrors } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type FieldError,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import type { PlanInput } from './forms.ts';
import { CHANGE_WORKING_DAYS, PLAN_RECORD, REVIEW_MONTHS } from './labels.ts';
import { changesSince, planById, plansOf, type HouseholdChange, type PlanRow } from './queries.ts';
import { householdWithPlans, mayRecordPlan } from './scope.ts';
import { saferCarePlans } from './tables.ts';

/** The day a plan agreed on this day is next due to be agreed again. */
export const reviewByOf = (agreedOn: IsoDate) => addMonths(agreedOn, REVIEW_MONTHS);

/**
 * When the plan in force is due to be agreed again: by its 12 months (`reviewBy`), or sooner, within
 * 10 working days of the household first changing after it was agreed (`changedOn`; see
 * `firstChangeSql`). Says which, for the pages and My work.
 */
export function dueAgainOf(reviewBy: IsoDate, changedOn: IsoDate | null | undefined) {
  const afterChange = changedOn ? addWorkingDays(changedOn, CHANGE_WORKING_DAYS) : null;
  return afterChange && afterChange < reviewBy
    ? { on: afterChange, changedOn: changedOn! }
    : { on: reviewBy, changedOn: null };
}

/**
 * A household's versions of its plan for its page, with what changed in the household since the plan
 * in force was agreed (null when the user may not read them); the view is audited.
 */
export async function viewHouseholdPlans(
  db: DbOrTx,
  who: Who,
  householdId: string,
): Promise<{ household: HouseholdRecord; plans: PlanRow[]; changes: HouseholdChange[]; mayRecord: boolean } | null> {
  const household = await householdWithPlans(db, who.user, householdId);
  if (!household) return null;
  const plans = await plansOf(db, household.id);
  const changes = plans[0] ? await changesSince(db, household.id, plans[0].agreedOn) : [];
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: household.id,
    detail: { part: 'safer-care' },
  });
  return { household, plans, changes, mayRecord: mayRecordPlan(who.user, household) };
}

/** The dates given, checked against today and each other. */
function dateErrors(input: PlanInput, today: IsoDate): FieldError[] {
  const copyLater = futureDateErrors('copyGivenOn', 'Date the carers were given their copy', input.copyGivenOn, today);
  const copyEarly =
    input.copyGivenOn && input.copyGivenOn < input.agreedOn
      ? [
          {
            field: 'copyGivenOn',
            message: `Date the carers were given their copy must be on or after the plan was agreed, ${formatDate(input.agreedOn)}`,
          },
        ]
      : [];
  return [
    ...futureDateErrors('agreedOn', 'Date the plan was agreed', input.agreedOn, today),
    ...(copyLater.length ? copyLater : copyEarly),
  ];
}

const columnsOf = (input: PlanInput) => ({
  agreedOn: input.agreedOn,
  reviewBy: reviewByOf(input.agreedOn),
  reason: input.reason,
  covers: [...input.covers],
  summary: input.summary,
  copyGivenOn: input.copyGivenOn,
});

/** Records a version of the household's plan agreed with the carers; its review is due 12 months on. */
export async function recordPlan(db: Db, who: Who, householdId: string, input: PlanInput): Promise<Result> {
  const errors = dateErrors(input, todayInLondon());
  if (errors.length) return invalid(...errors);
  return inTransaction(db, async (tx) => {
    const household = await householdWithPlans(tx, who.user, householdId);
    if (!household) return notFound;
    if (!mayRecordPlan(who.user, household)) return forbidden;
    const [made] = await tx
      .insert(saferCarePlans)
      .values({ householdId: household.id, ...columnsOf(input), recordedBy: who.user.id })
      .returning({ id: saferCarePlans.id });
    await refreshDueItems(tx, PLAN_RECORD, [made!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: PLAN_RECORD,
      recordId: made!.id,
      detail: { householdId: household.id, agreedOn: input.agreedOn, reason: input.reason },
    });
    return { ok: true as const, id: made!.id };
  });
}

/** A version and its household, if the user may read them; null otherwise. */
export async function findVisiblePlan(
  db: DbOrTx,
  who: Who,
  id: string,
): Promise<{ plan: PlanRow; household: HouseholdRecord; mayRecord: boolean } | null> {
  const plan = await planById(db, id);
  const household = plan ? await householdWithPlans(db, who.user, plan.householdId) : null;
  if (!plan || !household) return null;
  return { plan, household, mayRecord: mayRecordPlan(who.user, household) };
}

/** A version for its correction form (null when the user may not read it); the view is audited. */
export async function viewPlan(db: DbOrTx, who: Who, id: string) {
  const found = await findVisiblePlan(db, who, id);
  if (found) await recordAudit(db, who.actor, { action: 'view', recordType: PLAN_RECORD, recordId: id });
  return found;
}

/**
 * Corrects a version recorded with a mistake, or adds the day the carers had their copy; the review
 * date follows the day agreed. The row is locked so two corrections saved at once cannot both pass
 * on what each read.
 */
export async function changePlan(db: Db, who: Who, id: string, input: PlanInput): Promise<Result> {
  const errors = dateErrors(input, todayInLondon());
  if (errors.length) return invalid(...errors);
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select 1 from ${saferCarePlans} where ${saferCarePlans.id} = ${id} for update`);
    const found = await findVisiblePlan(tx, who, id);
    if (!found) return notFound;
    if (!found.mayRecord) return forbidden;
    await tx.update(saferCarePlans).set(columnsOf(input)).where(eq(saferCarePlans.id, id));
    await refreshDueItems(tx, PLAN_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: PLAN_RECORD,
      recordId: id,
      detail: {
        householdId: found.household.id,
        agreedOn: input.agreedOn,
        reason: input.reason,
        ...(input.agreedOn !== found.plan.agreedOn ? { agreedOnWas: found.plan.agreedOn } : {}),
      },
    });
    return { ok: true as const, id };
  });
}
