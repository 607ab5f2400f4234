import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { actionDateFields, actionForm, isUuid, updateDateFields, updateForm } from './forms.ts';
import { actionDetail, findTarget, type ActionDetail } from './queries.ts';
import { linkedDeadlines } from './deadlines-live.ts';
import { linkedMeasures } from './measures-live.ts';
import { planActionPath } from './paths.ts';
import { addAction, addUpdate, changeAction, mayUpdateAction } from './service.ts';
import { actionFormData, actionValues, flashFor, planCrumbs, ragItems, ragTag, statusNameOn } from './views.ts';

type IdParams = { Params: { id: string } };
const view: RouteShorthandOptions = { config: { access: { permission: 'plan.view' } } };
const change: RouteShorthandOptions = { config: { access: { permission: 'plan.change' } } };

async function loadAction(db: Db, id: string): Promise<ActionDetail | null> {
  return isUuid(id) ? actionDetail(db, id) : null;
}

function refused(reply: FastifyReply, detail: ActionDetail) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot add an update to this action',
    lines: ['Updates to an action are written by its owner or the head of fostering.'],
    backLink: { href: planActionPath(detail.action.id) },
  });
}

function updatePage(reply: FastifyReply, detail: ActionDetail, values: Record<string, unknown>, errors?: unknown) {
  return reply.code(errors ? 400 : 200).page('plan-update-form.njk', {
    title: `Add an update to action ${detail.action.number}`,
    breadcrumbs: [
      ...planCrumbs(detail.plan),
      { text: `Action ${detail.action.number}`, href: planActionPath(detail.action.id) },
    ],
    detail,
    values,
    errors,
    ragItems: ragItems(values.rag),
  });
}

async function actionFormPage(
  db: Db,
  reply: FastifyReply,
  page: {
    title: string;
    plan: { id: string; title: string };
    target: { number: number; title: string };
    action: string;
  },
  values: Record<string, unknown>,
  errors?: unknown,
) {
  const measures = [values.measureIds ?? []].flat().map(String);
  const rules = [values.ruleIds ?? []].flat().map(String);
  const owner = typeof values.ownerUserId === 'string' ? values.ownerUserId : null;
  return reply.code(errors ? 400 : 200).page('plan-action-form.njk', {
    ...page,
    breadcrumbs: planCrumbs(page.plan),
    errors,
    ...(await actionFormData(db, values, measures, owner, rules)),
  });
}

/** One action: its page and history, adding a progress update, and adding or changing actions. */
export const actionRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<IdParams>('/plan/actions/:id', view, async (request, reply) => {
    const detail = await loadAction(db, request.params.id);
    if (!detail) return reply.callNotFound();
    const today = todayInLondon();
    const measures = await linkedMeasures(db, detail.action.measureIds, today);
    const deadlines = await linkedDeadlines(db, request.user!, detail.action.ruleIds, today);
    return reply.page('plan-action.njk', {
      title: `Action ${detail.action.number}: ${detail.plan.title}`,
      breadcrumbs: planCrumbs(detail.plan),
      flash: flashFor(request.query),
      ...detail,
      measures: detail.action.measureIds.map((id) => measures.get(id)!),
      ...deadlines,
      statusName: statusNameOn(detail.plan, today),
      mayUpdate: mayUpdateAction(request.user!, detail.action),
      canChange: can(request.user!.role, 'plan.change'),
      timeline: detail.updates.map((u) => ({
        label: { text: `${ragTag(u.rag).text} update` },
        html: `<strong class="govuk-tag ${ragTag(u.rag).classes}">${ragTag(u.rag).text}</strong><p class="govuk-body app-plan__text">${escapeHtml(u.narrative)}</p>`,
        datetime: { timestamp: u.onDate, type: 'date' },
        byline: { text: u.byName ?? 'Unknown' },
      })),
    });
  });

  app.get<IdParams>('/plan/actions/:id/update', view, async (request, reply) => {
    const detail = await loadAction(db, request.params.id);
    if (!detail) return reply.callNotFound();
    if (!mayUpdateAction(request.user!, detail.action)) return refused(reply, detail);
    return updatePage(reply, detail, dateBoxes('onDate', todayInLondon()));
  });

  app.post<IdParams>('/plan/actions/:id/update', view, async (request, reply) => {
    const detail = await loadAction(db, request.params.id);
    if (!detail) return reply.callNotFound();
    if (!mayUpdateAction(request.user!, detail.action)) return refused(reply, detail);
    const form = parseDatedForm(updateForm, request.body, updateDateFields);
    if (!form.ok) return updatePage(reply, detail, form.input, form.errors);
    const result = await addUpdate(db, request.user!, request.actor(), detail.action, form.value);
    if (!result.ok) return refused(reply, detail);
    return reply.redirect(`${planActionPath(detail.action.id)}?done=update`, 303);
  });

  app.get<IdParams>('/plan/targets/:id/actions/new', change, async (request, reply) => {
    const target = isUuid(request.params.id) ? await findTarget(db, request.params.id) : null;
    if (!target) return reply.callNotFound();
    const page = { title: `Add an action to target ${target.number}`, plan: target.plan, target, action: request.url };
    return actionFormPage(db, reply, page, { status: 'open' });
  });

  app.post<IdParams>('/plan/targets/:id/actions/new', change, async (request, reply) => {
    const target = isUuid(request.params.id) ? await findTarget(db, request.params.id) : null;
    if (!target) return reply.callNotFound();
    const form = parseDatedForm(actionForm, request.body, actionDateFields);
    if (!form.ok) {
      const page = {
        title: `Add an action to target ${target.number}`,
        plan: target.plan,
        target,
        action: request.url,
      };
      return actionFormPage(db, reply, page, form.input, form.errors);
    }
    const id = await addAction(db, request.actor(), target.id, form.value);
    return reply.redirect(`${planActionPath(id)}?done=action`, 303);
  });

  app.get<IdParams>('/plan/actions/:id/edit', change, async (request, reply) => {
    const detail = await loadAction(db, request.params.id);
    if (!detail) return reply.callNotFound();
    const { action, plan, target } = detail;
    const page = { title: `Change action ${action.number}`, plan, target, action: request.url };
    return actionFormPage(db, reply, page, {
      ...actionValues(action),
      measureIds: action.measureIds,
      ruleIds: action.ruleIds,
    });
  });

  app.post<IdParams>('/plan/actions/:id/edit', change, async (request, reply) => {
    const detail = await loadAction(db, request.params.id);
    if (!detail) return reply.callNotFound();
    const form = parseDatedForm(actionForm, request.body, actionDateFields);
    if (!form.ok) {
      const { action, plan, target } = detail;
      const page = { title: `Change action ${action.number}`, plan, target, action: request.url };
      return actionFormPage(db, reply, page, form.input, form.errors);
    }
    await changeAction(db, request.actor(), detail.action.id, form.value);
    return reply.redirect(`${planActionPath(detail.action.id)}?done=action`, 303);
  });
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
