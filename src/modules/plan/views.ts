import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/access/policy.ts';
import { compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { dueRules } from '../../platform/due/index.ts';
import { allMeasures } from '../../platform/measures/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { ragNames, ragTagClasses, rags, type PlanRag } from './labels.ts';
import { linkedMeasures, type LinkedMeasure } from './measures-live.ts';
import { deadlinesInWords, serviceDeadlines, type LinkedDeadlines } from './deadlines-live.ts';
import { planPath } from './paths.ts';
import {
  possibleOwners,
  planView,
  type ActionView,
  type PlanAction,
  type PlanTarget,
  type TargetView,
} from './queries.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { mayUpdateAction } from './service.ts';

export const statusNames: Record<string, string> = { draft: 'Draft', active: 'Active', archived: 'Archived' };

/**
 * A plan's status in words on the day: a plan archived because next year's was rolled over from it
 * before its year ended is still in force until then (plan/queries.ts currentPlan), and says so.
 */
export function statusNameOn(plan: { status: string; periodStart: string; periodEnd: string }, today: IsoDate): string {
  if (plan.status === 'archived' && plan.periodStart <= today && today <= plan.periodEnd) {
    return `In force until ${formatDate(plan.periodEnd)}`;
  }
  return statusNames[plan.status] ?? plan.status;
}

export function ragTag(rag: string): { text: string; classes: string } {
  return { text: ragNames[rag as PlanRag] ?? rag, classes: ragTagClasses[rag as PlanRag] ?? 'govuk-tag--grey' };
}

export interface ActionRow extends ActionView {
  measures: LinkedMeasure[];
  latestTag: { text: string; classes: string } | null;
  /** This plan year's updates, newest first, each with its RAG tag (the print view and the Word file). */
  history: (ActionView['updates'][number] & { tag: { text: string; classes: string } })[];
  mayUpdate: boolean;
}

/** The plan page (and print view): every target, its actions, their latest update and live measures. */
export async function planPageData(db: Db, user: SignedInUser, id: string, today: IsoDate = todayInLondon()) {
  const view = await planView(db, id);
  if (!view) return null;
  const ids = view.targets.flatMap((t) => t.actions.flatMap((a) => a.measureIds));
  const measures = await linkedMeasures(db, ids, today);
  const targets = view.targets.map((t: TargetView) => ({
    ...t,
    actions: t.actions.map((a): ActionRow => ({
      ...a,
      measures: a.measureIds.map((m) => measures.get(m)!),
      latestTag: a.latest ? ragTag(a.latest.rag) : null,
      history: a.updates.map((u) => ({ ...u, tag: ragTag(u.rag) })),
      mayUpdate: mayUpdateAction(user, a),
    })),
  }));
  return {
    plan: view.plan,
    statusName: statusNameOn(view.plan, today),
    targets,
    canChange: can(user.role, 'plan.change'),
  };
}

/**
 * The print view: the plan page's data, and each action's linked deadlines in the Word document's
 * words (title, period, what it cites, a rule no longer kept said), counted for the whole service
 * with one grouped count for the whole page, not one per action.
 */
export async function planPrintData(db: Db, user: SignedInUser, id: string, today: IsoDate = todayInLondon()) {
  const data = await planPageData(db, user, id, today);
  if (!data) return null;
  const deadlinesOf = await serviceDeadlines(
    db,
    data.targets.flatMap((t) => t.actions.flatMap((a) => a.ruleIds)),
    today,
  );
  return {
    ...data,
    targets: data.targets.map((t) => ({
      ...t,
      actions: t.actions.map((a): ActionRow & { linkedDeadlines: LinkedDeadlines } => ({
        ...a,
        linkedDeadlines: deadlinesOf(a.ruleIds),
      })),
    })),
  };
}

/**
 * Open actions with no update dated in the current financial quarter, each with the deadlines it
 * links (in words, uncounted: the review shows no figures), and counts by target.
 */
export async function quarterlyReviewData(db: Db, id: string, today: IsoDate = todayInLondon()) {
  const view = await planView(db, id);
  if (!view) return null;
  const quarter = quarterOf(today);
  const notUpdated = (a: ActionView) =>
    a.status === 'open' && (!a.latest || compareIsoDates(a.latest.onDate, quarter.start) < 0);
  const targets = view.targets.map((t) => {
    const open = t.actions.filter((a) => a.status === 'open');
    const due = open.filter(notUpdated).map((a) => ({ ...a, linked: deadlinesInWords(a.ruleIds) }));
    return { ...t, openCount: open.length, dueCount: due.length, due };
  });
  return {
    plan: view.plan,
    quarter,
    targets,
    totalOpen: targets.reduce((n, t) => n + t.openCount, 0),
    totalDue: targets.reduce((n, t) => n + t.dueCount, 0),
  };
}

/** Fields for the action form: owners, every registered measure plus any linked one not (yet) registered. */
export async function actionFormData(
  db: Db,
  values: Record<string, unknown>,
  selectedMeasures: readonly string[],
  ownerUserId: string | null,
  selectedRules: readonly string[] = [],
) {
  const owners = await possibleOwners(db);
  const known = allMeasures().map((m) => ({ value: m.id, text: m.title, hint: { text: m.id } }));
  const extra = selectedMeasures
    .filter((id) => !known.some((k) => k.value === id))
    .map((id) => ({ value: id, text: id, hint: { text: 'Not on the scorecard yet' } }));
  return {
    values,
    ownerItems: [
      { value: '', text: 'No named owner' },
      ...owners.map((o) => ({ value: o.id, text: o.displayName, selected: o.id === ownerUserId })),
    ],
    measureItems: [...known, ...extra].map((m) => ({ ...m, checked: selectedMeasures.includes(m.value) })),
    ruleItems: dueRules().map((r) => ({
      value: r.id,
      text: r.title,
      hint: { text: `${r.period[0]!.toUpperCase()}${r.period.slice(1)}` },
      checked: selectedRules.includes(r.id),
    })),
  };
}

export function actionValues(action: PlanAction): Record<string, unknown> {
  return { ...action, ...dateBoxes('byWhen', action.byWhen) };
}

export function targetValues(target: PlanTarget): Record<string, unknown> {
  return { number: String(target.number), title: target.title, standards: target.standards };
}

export function ragItems(selected?: unknown) {
  return rags.map((r) => ({ value: r, text: ragNames[r], checked: r === selected }));
}

const done: Record<string, string> = {
  plan: 'Plan created',
  target: 'Target saved',
  action: 'Action saved',
  update: 'Update added',
  'rolled-over': 'Plan rolled over: open actions carried forward, the old plan archived',
};

/** The success banner after a post/redirect/get (`?done=...`). */
export const flashFor = (query: unknown): string | undefined => done[String((query as { done?: string } | null)?.done)];

export function planCrumbs(plan?: { id: string; title: string }) {
  const crumbs = [
    { text: 'Home', href: '/' },
    { text: 'Business plan', href: '/plan' },
  ];
  return plan ? [...crumbs, { text: plan.title, href: planPath(plan.id) }] : crumbs;
}
