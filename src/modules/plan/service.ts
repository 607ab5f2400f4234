import { dueRule } from '../../platform/due/index.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addYears, type IsoDate } from '../../platform/dates/index.ts';
import { planActionMeasures, planActionRules, planActions, planTargets, planUpdates, plans } from './tables.ts';
import { findPlan, type Plan, type PlanAction } from './queries.ts';
import type { ActionInput, TargetInput, UpdateInput } from './forms.ts';

export interface PlanInput {
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  vision: string;
  status: 'draft' | 'active';
}

/**
 * Whether the user may add a progress update to an action: its owner (staff who may own actions;
 * never the read-only assistant director), or whoever may change the plan.
 */
export function mayUpdateAction(
  user: Pick<SignedInUser, 'id' | 'role'>,
  action: Pick<PlanAction, 'ownerUserId'>,
): boolean {
  const owns = action.ownerUserId !== null && action.ownerUserId === user.id && can(user.role, 'plan.own');
  return can(user.role, 'plan.change') || owns;
}

export async function createPlan(db: Db, actor: Actor, input: PlanInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values(input).returning({ id: plans.id });
    await recordAudit(tx, actor, { action: 'create', recordType: 'plan', recordId: plan!.id });
    return plan!.id;
  });
}

export async function addTarget(db: Db, actor: Actor, planId: string, input: TargetInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .insert(planTargets)
      .values({ planId, ...input })
      .returning({ id: planTargets.id });
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'plan',
      recordId: planId,
      detail: { added: 'target' },
    });
    return target!.id;
  });
}

export async function changeTarget(db: Db, actor: Actor, targetId: string, planId: string, input: TargetInput) {
  await db.transaction(async (tx) => {
    await tx.update(planTargets).set(input).where(eq(planTargets.id, targetId));
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'plan',
      recordId: planId,
      detail: { changed: 'target', fields: Object.keys(input) },
    });
  });
}

/** An action as the form gives it; the deadlines linked are optional to callers (none when not given). */
type ActionChange = Omit<ActionInput, 'ruleIds'> & { ruleIds?: string[] };

/** An action's links to scorecard measures and deadline rules, replaced by these. */
async function setLinks(
  tx: DbOrTx,
  actionId: string,
  links: { measureIds: readonly string[]; ruleIds: readonly string[] },
) {
  await tx.delete(planActionMeasures).where(eq(planActionMeasures.actionId, actionId));
  await tx.delete(planActionRules).where(eq(planActionRules.actionId, actionId));
  const measures = [...new Set(links.measureIds)];
  const rules = [...new Set(links.ruleIds)];
  if (measures.length)
    await tx.insert(planActionMeasures).values(measures.map((measureId) => ({ actionId, measureId })));
  if (rules.length) await tx.insert(planActionRules).values(rules.map((ruleId) => ({ actionId, ruleId })));
}

export async function addAction(db: Db, actor: Actor, targetId: string, input: ActionChange): Promise<string> {
  const { measureIds, ruleIds = [], ...fields } = input;
  return db.transaction(async (tx) => {
    const [action] = await tx
      .insert(planActions)
      .values({ targetId, ...fields })
      .returning({ id: planActions.id });
    await setLinks(tx, action!.id, { measureIds, ruleIds });
    await recordAudit(tx, actor, { action: 'create', recordType: 'plan-action', recordId: action!.id });
    return action!.id;
  });
}

export async function changeAction(db: Db, actor: Actor, actionId: string, input: ActionChange): Promise<void> {
  const { measureIds, ruleIds = [], ...fields } = input;
  await db.transaction(async (tx) => {
    await tx.update(planActions).set(fields).where(eq(planActions.id, actionId));
    await setLinks(tx, actionId, { measureIds, ruleIds });
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'plan-action',
      recordId: actionId,
      detail: { fields: Object.keys(input) },
    });
  });
}

export type AddUpdateResult = { ok: true } | { ok: false; reason: 'refused' };

/** Adds a dated progress update: only the action's owner or the head of fostering may. */
export async function addUpdate(
  db: Db,
  user: Pick<SignedInUser, 'id' | 'role'>,
  actor: Actor,
  action: Pick<PlanAction, 'id' | 'ownerUserId'>,
  input: UpdateInput,
): Promise<AddUpdateResult> {
  if (!mayUpdateAction(user, action)) return { ok: false, reason: 'refused' };
  await db.transaction(async (tx) => {
    const { completed, ...update } = input;
    const [row] = await tx
      .insert(planUpdates)
      .values({ actionId: action.id, byUserId: user.id, ...update })
      .returning({ id: planUpdates.id });
    if (completed) await tx.update(planActions).set({ status: 'completed' }).where(eq(planActions.id, action.id));
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'plan-action',
      recordId: action.id,
      detail: { added: 'update', updateId: row!.id, ...(completed ? { status: 'completed' } : {}) },
    });
  });
  return { ok: true };
}

/** "Fostering Business Plan 2026-27" → "Fostering Business Plan 2027-28"; otherwise the new period is added. */
export function nextTitle(title: string, nextStart: IsoDate, nextEnd: IsoDate): string {
  const match = /(\d{4})\s*[-–/]\s*(\d{2}|\d{4})(?!.*\d{4})/.exec(title);
  if (match) {
    const from = Number(match[1]) + 1;
    const to =
      match[2]!.length === 2 ? String((Number(match[2]) + 1) % 100).padStart(2, '0') : String(Number(match[2]) + 1);
    return title.slice(0, match.index) + `${from}-${to}` + title.slice(match.index + match[0].length);
  }
  return `${title} ${nextStart.slice(0, 4)}-${nextEnd.slice(2, 4)}`;
}

export type RollOverResult = { ok: true; planId: string } | { ok: false; reason: 'archived' };

/**
 * Rolls a plan into next year's: the period moves on a year, every target comes across and
 * every OPEN action with it (linked measures and deadlines too, and a link back to the action it continues);
 * completed actions stay behind. The old plan keeps all its updates and is archived.
 */
export async function rollOver(db: Db, actor: Actor, planId: string): Promise<RollOverResult> {
  const old = await findPlan(db, planId);
  if (!old || old.status === 'archived') return { ok: false, reason: 'archived' };
  return db.transaction(async (tx) => {
    const periodStart = addYears(old.periodStart, 1);
    const periodEnd = addYears(old.periodEnd, 1);
    const [plan] = await tx
      .insert(plans)
      .values({
        title: nextTitle(old.title, periodStart, periodEnd),
        periodStart,
        periodEnd,
        vision: old.vision,
        status: old.status === 'active' ? 'active' : 'draft',
        rolledOverFromPlanId: old.id,
      })
      .returning({ id: plans.id });
    const targets = await tx.select().from(planTargets).where(eq(planTargets.planId, old.id));
    const open =
      targets.length === 0
        ? []
        : await tx
            .select()
            .from(planActions)
            .where(
              and(
                inArray(
                  planActions.targetId,
                  targets.map((t) => t.id),
                ),
                eq(planActions.status, 'open'),
              ),
            );
    const links =
      open.length === 0
        ? []
        : await tx
            .select()
            .from(planActionMeasures)
            .where(
              inArray(
                planActionMeasures.actionId,
                open.map((a) => a.id),
              ),
            );
    const ruleLinks =
      open.length === 0
        ? []
        : await tx
            .select()
            .from(planActionRules)
            .where(
              inArray(
                planActionRules.actionId,
                open.map((a) => a.id),
              ),
            );
    let carried = 0;
    for (const target of targets) {
      const [copy] = await tx
        .insert(planTargets)
        .values({ planId: plan!.id, number: target.number, title: target.title, standards: target.standards })
        .returning({ id: planTargets.id });
      for (const action of open.filter((a) => a.targetId === target.id)) {
        const { id, targetId: _targetId, ...fields } = action;
        const [newAction] = await tx
          .insert(planActions)
          .values({
            ...fields,
            targetId: copy!.id,
            carriedForwardFromActionId: id,
          })
          .returning({ id: planActions.id });
        await setLinks(tx, newAction!.id, {
          measureIds: links.filter((l) => l.actionId === id).map((l) => l.measureId),
          // Not a rule Hearth no longer keeps (renamed or retired).
          ruleIds: ruleLinks.filter((l) => l.actionId === id && dueRule(l.ruleId)).map((l) => l.ruleId),
        });
        carried += 1;
      }
    }
    await tx.update(plans).set({ status: 'archived' }).where(eq(plans.id, old.id));
    await recordAudit(tx, actor, {
      action: 'create',
      recordType: 'plan',
      recordId: plan!.id,
      detail: { rolledOverFrom: old.id, targets: targets.length, actionsCarried: carried },
    });
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'plan',
      recordId: old.id,
      detail: { status: 'archived' },
    });
    return { ok: true as const, planId: plan!.id };
  });
}

export type { Plan };
