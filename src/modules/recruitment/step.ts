/**
 * A step on a household's road in or out (an application received, a check, the assessment
 * complete, a withdrawal ...) as data: who may take it, when it is offered, its form, and the
 * change it makes. One page and one post serve every step (routes-household.ts); the household's
 * recruitment page links the steps offered to the viewer.
 */
import type { z } from 'zod';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { futureDateErrors } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FieldError, Who } from '../../platform/views/results.ts';
import type { Field } from '../../platform/views/fields.ts';
import { householdLifecycle } from '../../platform/modules/household-lifecycle.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import type { HouseholdStatus } from '../households/labels.ts';
import type { RecruitmentRecord } from './queries.ts';
import { worksOn } from './scope.ts';

export interface StepContext {
  db: DbOrTx;
  user: SignedInUser;
  household: HouseholdRecord;
  record: RecruitmentRecord;
  today: IsoDate;
}

export interface Step<S extends z.ZodType = z.ZodType> {
  /** The last part of its address: /households/:id/recruitment/<path>. */
  path: string;
  /** The link on the household's recruitment page, and the form's heading. */
  title: string;
  /** The message shown on the recruitment page afterwards. */
  done: string;
  roles: readonly Role[];
  /** Whether the household has got to this step. */
  offered(ctx: StepContext): boolean;
  schema: S;
  dates: readonly string[];
  fields(ctx: StepContext): Promise<Field[]> | Field[];
  initial(ctx: StepContext): Record<string, unknown>;
  lines?(ctx: StepContext): string[];
  /** What the audit trail says was done to the step's part of the household: by default, changed. */
  auditAction?: 'update' | 'delete';
  /** What the audit entry keeps beside the part (a correction: what the record said before, from `ctx`). */
  auditDetail?(ctx: StepContext, input: z.infer<S>): Record<string, unknown>;
  /** A correction of what a step recorded: reached by a Change link beside it, not from the list of what can be recorded. */
  correction?: boolean;
  /** Validates against the record and writes, in the caller's transaction: the errors, or none. */
  apply(tx: Tx, who: Who, ctx: StepContext, input: z.infer<S>): Promise<FieldError[]>;
}

/** Whether this user may take this step on this household (offered or not). */
export function mayTake(
  step: Pick<Step, 'roles'>,
  user: SignedInUser,
  ctx: Omit<StepContext, 'db' | 'user' | 'today'>,
): boolean {
  return (
    step.roles.includes(user.role) &&
    worksOn(user, {
      teamId: ctx.household.teamId,
      areaId: ctx.household.areaId,
      assessorId: ctx.record.assessment?.assessorId ?? null,
    })
  );
}

/** A date that may not be after today, nor (with `after`) before another. */
export function dateRules(
  field: string,
  what: string,
  value: IsoDate,
  after?: { on: IsoDate | null | undefined; what: string },
): FieldError[] {
  const future = futureDateErrors(field, what, value);
  if (future.length) return future;
  if (after?.on && value < after.on) {
    return [{ field, message: `${what} must be on or after ${formatDate(after.on)}, ${after.what}` }];
  }
  return [];
}

/**
 * Moves the household to a new status through the lifecycle the households module declares (its
 * rules and timeline), inside this transaction: the errors, with its date error put on this form's
 * date field.
 */
export async function moveHousehold(
  tx: Tx,
  who: Who,
  householdId: string,
  move: { toStatus: HouseholdStatus; onDate: IsoDate; reason?: string | null; dateField: string },
): Promise<FieldError[]> {
  const result = await householdLifecycle().changeStatus(tx as unknown as Db, who, householdId, {
    toStatus: move.toStatus,
    onDate: move.onDate,
    reason: move.reason ?? null,
  });
  if (result.ok) return [];
  if (result.reason !== 'invalid') {
    return [{ field: move.dateField, message: 'You cannot change this household’s status: ask your team manager' }];
  }
  return result.errors.map((e) => ({ ...e, field: move.dateField }));
}

/**
 * Moves the date of the status change a step recorded (the move to applicant with the application)
 * when the step's own date is put right, through the households module, in this transaction: the
 * error, put on this form's date field, when the household's status history would be out of order.
 */
export async function redateMove(
  tx: Tx,
  who: Who,
  householdId: string,
  move: { toStatus: HouseholdStatus; wasOn: IsoDate; nowOn: IsoDate; dateField: string; label: string },
): Promise<FieldError[]> {
  const refusal = await householdLifecycle().redateMove(tx as unknown as Db, householdId, move, who);
  return refusal ? [{ field: move.dateField, message: `${move.label} ${refusal}` }] : [];
}
