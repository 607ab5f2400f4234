import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/tables.ts';
import { permissions } from '../../platform/access/policy.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { planActionMeasures, planActionRules, planActions, planTargets, planUpdates, plans } from './tables.ts';
import { byActionNumber } from './labels.ts';

export type Plan = typeof plans.$inferSelect;
export type PlanTarget = typeof planTargets.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type PlanUpdate = typeof planUpdates.$inferSelect;

export interface UpdateView extends PlanUpdate {
  byName: string | null;
}
export interface ActionView extends PlanAction {
  ownerName: string | null;
  latest: UpdateView | null;
  /** Every update, newest first (planView keeps only those dated in the plan's year). */
  updates: UpdateView[];
  measureIds: string[];
  /** The deadline rules linked, by id. */
  ruleIds: string[];
}
export interface TargetView extends PlanTarget {
  actions: ActionView[];
}
export interface PlanView {
  plan: Plan;
  targets: TargetView[];
}

export async function listPlans(db: DbOrTx): Promise<Plan[]> {
  return db.select().from(plans).orderBy(desc(plans.periodStart), asc(plans.title));
}

/**
 * The plan in force: the one whose period covers today (active, or archived because next year's was
 * rolled over from it before its year ended), else the latest active plan.
 */
export async function currentPlan(db: DbOrTx, today: IsoDate): Promise<Plan | null> {
  const [covering] = await db
    .select()
    .from(plans)
    .where(and(ne(plans.status, 'draft'), lte(plans.periodStart, today), gte(plans.periodEnd, today)))
    .orderBy(asc(sql`${plans.status} <> 'active'`), desc(plans.periodStart))
    .limit(1);
  if (covering) return covering;
  const [latest] = await db
    .select()
    .from(plans)
    .where(eq(plans.status, 'active'))
    .orderBy(desc(plans.periodStart))
    .limit(1);
  return latest ?? null;
}

export async function findPlan(db: DbOrTx, id: string): Promise<Plan | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  return plan ?? null;
}

export async function findTarget(db: DbOrTx, id: string): Promise<(PlanTarget & { plan: Plan }) | null> {
  const [row] = await db
    .select({ target: planTargets, plan: plans })
    .from(planTargets)
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .where(eq(planTargets.id, id));
  return row ? { ...row.target, plan: row.plan } : null;
}

async function updatesFor(db: DbOrTx, actionIds: string[]): Promise<UpdateView[]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .select({ update: planUpdates, byName: users.displayName })
    .from(planUpdates)
    .leftJoin(users, eq(users.id, planUpdates.byUserId))
    .where(inArray(planUpdates.actionId, actionIds))
    .orderBy(desc(planUpdates.onDate), desc(planUpdates.createdAt));
  return rows.map((r) => ({ ...r.update, byName: r.byName }));
}

async function measuresFor(db: DbOrTx, actionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (actionIds.length === 0) return map;
  const rows = await db
    .select()
    .from(planActionMeasures)
    .where(inArray(planActionMeasures.actionId, actionIds))
    .orderBy(asc(planActionMeasures.measureId));
  for (const r of rows) map.set(r.actionId, [...(map.get(r.actionId) ?? []), r.measureId]);
  return map;
}

async function rulesFor(db: DbOrTx, actionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (actionIds.length === 0) return map;
  const rows = await db
    .select()
    .from(planActionRules)
    .where(inArray(planActionRules.actionId, actionIds))
    .orderBy(asc(planActionRules.ruleId));
  for (const r of rows) map.set(r.actionId, [...(map.get(r.actionId) ?? []), r.ruleId]);
  return map;
}

async function actionViews(db: DbOrTx, targetIds: string[]): Promise<ActionView[]> {
  if (targetIds.length === 0) return [];
  const rows = await db
    .select({ action: planActions, ownerName: users.displayName })
    .from(planActions)
    .leftJoin(users, eq(users.id, planActions.ownerUserId))
    .where(inArray(planActions.targetId, targetIds));
  const ids = rows.map((r) => r.action.id);
  const updates = await updatesFor(db, ids);
  const measures = await measuresFor(db, ids);
  const rules = await rulesFor(db, ids);
  return rows
    .map((r) => ({
      ...r.action,
      ownerName: r.ownerName,
      latest: updates.find((u) => u.actionId === r.action.id) ?? null,
      updates: updates.filter((u) => u.actionId === r.action.id),
      measureIds: measures.get(r.action.id) ?? [],
      ruleIds: rules.get(r.action.id) ?? [],
    }))
    .sort(byActionNumber);
}

/** Whether an update is dated within the plan's year. */
const inPlanYear = (plan: Plan) => (u: UpdateView) => u.onDate >= plan.periodStart && u.onDate <= plan.periodEnd;

/** A plan with its targets in number order, each with its actions, their latest update and this plan year's updates. */
export async function planView(db: DbOrTx, id: string): Promise<PlanView | null> {
  const plan = await findPlan(db, id);
  if (!plan) return null;
  const targets = await db
    .select()
    .from(planTargets)
    .where(eq(planTargets.planId, id))
    .orderBy(asc(planTargets.number));
  const actions = await actionViews(
    db,
    targets.map((t) => t.id),
  );
  const dated = inPlanYear(plan);
  return {
    plan,
    targets: targets.map((t) => ({
      ...t,
      actions: actions.filter((a) => a.targetId === t.id).map((a) => ({ ...a, updates: a.updates.filter(dated) })),
    })),
  };
}

export interface ActionDetail {
  action: ActionView;
  target: PlanTarget;
  plan: Plan;
  updates: UpdateView[];
}

export async function actionDetail(db: DbOrTx, id: string): Promise<ActionDetail | null> {
  const [row] = await db
    .select({ action: planActions, target: planTargets, plan: plans })
    .from(planActions)
    .innerJoin(planTargets, eq(planTargets.id, planActions.targetId))
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .where(eq(planActions.id, id));
  if (!row) return null;
  const [view] = (await actionViews(db, [row.target.id])).filter((a) => a.id === id);
  if (!view) return null;
  return { action: view, target: row.target, plan: row.plan, updates: await updatesFor(db, [id]) };
}

/** Staff who may own an action: everyone who works to the plan (not the read-only assistant director). */
export async function possibleOwners(db: DbOrTx): Promise<{ id: string; displayName: string; role: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...permissions['plan.own']])))
    .orderBy(asc(users.displayName));
}
