import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm } from '../../platform/views/forms.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { planDocx } from './docx.ts';
import { isUuid, planDateFields, planForm, targetForm } from './forms.ts';
import { editTargetPath, newTargetPath, planPath } from './paths.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { can } from '../../platform/access/policy.ts';
import { currentPlan, findPlan, findTarget, listPlans } from './queries.ts';
import { actionRoutes } from './routes-actions.ts';
import { addTarget, changeTarget, createPlan, rollOver } from './service.ts';
import {
  flashFor,
  planCrumbs,
  planPageData,
  planPrintData,
  quarterlyReviewData,
  statusNameOn,
  targetValues,
} from './views.ts';

type IdParams = { Params: { id: string } };
const view: RouteShorthandOptions = { config: { access: { permission: 'plan.view' } } };
const change: RouteShorthandOptions = { config: { access: { permission: 'plan.change' } } };
async function sendDocx(db: Db, reply: FastifyReply, id: string) {
  const file = await planDocx(db, id);
  if (!file) return reply.callNotFound();
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.buffer);
}

/** The business plan: targets, actions and their updates, quarterly review, print, Word and roll-over. */
export const planRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get('/plan', view, async (request, reply) => {
    const today = todayInLondon();
    const [current, plans] = await Promise.all([currentPlan(db, today), listPlans(db)]);
    return reply.page('plan-index.njk', {
      title: 'Business plan',
      breadcrumbs: [{ text: 'Home', href: '/' }],
      current,
      canChange: can(request.user!.role, 'plan.change'),
      plans: plans.map((p) => ({ ...p, statusName: statusNameOn(p, today) })),
    });
  });

  const newPlanPage = { title: 'Create a plan', breadcrumbs: planCrumbs() };

  app.get('/plan/new', change, async (_request, reply) => {
    return reply.page('plan-form.njk', { ...newPlanPage, values: { status: 'draft' } });
  });

  app.post('/plan/new', change, async (request, reply) => {
    const form = parseDatedForm(planForm, request.body, planDateFields);
    if (!form.ok)
      return reply.code(400).page('plan-form.njk', { ...newPlanPage, errors: form.errors, values: form.input });
    const id = await createPlan(db, request.actor(), form.value);
    return reply.redirect(`${planPath(id)}?done=plan`, 303);
  });

  app.get<IdParams>('/plan/:id', view, async (request, reply) => {
    const raw = request.params.id;
    if (raw.endsWith('.docx') && isUuid(raw.slice(0, -5))) return sendDocx(db, reply, raw.slice(0, -5));
    if (!isUuid(raw)) return reply.callNotFound();
    const data = await planPageData(db, request.user!, raw);
    if (!data) return reply.callNotFound();
    return reply.page('plan-show.njk', {
      title: data.plan.title,
      breadcrumbs: planCrumbs(),
      flash: flashFor(request.query),
      ...data,
    });
  });

  app.get<IdParams>('/plan/:id/print', view, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const data = await planPrintData(db, request.user!, request.params.id);
    if (!data) return reply.callNotFound();
    return reply.page('plan-print.njk', {
      title: `${data.plan.title} (print)`,
      backLink: { href: planPath(data.plan.id) },
      ...data,
    });
  });

  app.get<IdParams>('/plan/:id/quarterly-review', view, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const data = await quarterlyReviewData(db, request.params.id);
    if (!data) return reply.callNotFound();
    return reply.page('plan-review.njk', {
      title: `Quarterly review: ${data.plan.title}`,
      breadcrumbs: planCrumbs(data.plan),
      ...data,
    });
  });

  app.get<IdParams>('/plan/:id/targets/new', change, async (request, reply) => {
    const plan = isUuid(request.params.id) ? await findPlan(db, request.params.id) : null;
    if (!plan) return reply.callNotFound();
    return reply.page('plan-target-form.njk', {
      title: 'Add a target',
      breadcrumbs: planCrumbs(plan),
      plan,
      action: newTargetPath(plan.id),
      values: {},
    });
  });

  app.post<IdParams>('/plan/:id/targets/new', change, async (request, reply) => {
    const plan = isUuid(request.params.id) ? await findPlan(db, request.params.id) : null;
    if (!plan) return reply.callNotFound();
    const form = parseForm(targetForm, request.body);
    if (!form.ok) {
      return reply.code(400).page('plan-target-form.njk', {
        title: 'Add a target',
        breadcrumbs: planCrumbs(plan),
        plan,
        action: newTargetPath(plan.id),
        errors: form.errors,
        values: form.input,
      });
    }
    await addTarget(db, request.actor(), plan.id, form.value);
    return reply.redirect(`${planPath(plan.id)}?done=target`, 303);
  });

  app.get<IdParams>('/plan/targets/:id/edit', change, async (request, reply) => {
    const target = isUuid(request.params.id) ? await findTarget(db, request.params.id) : null;
    if (!target) return reply.callNotFound();
    return reply.page('plan-target-form.njk', {
      title: `Change target ${target.number}`,
      breadcrumbs: planCrumbs(target.plan),
      plan: target.plan,
      action: editTargetPath(target.id),
      values: targetValues(target),
    });
  });

  app.post<IdParams>('/plan/targets/:id/edit', change, async (request, reply) => {
    const target = isUuid(request.params.id) ? await findTarget(db, request.params.id) : null;
    if (!target) return reply.callNotFound();
    const form = parseForm(targetForm, request.body);
    if (!form.ok) {
      return reply.code(400).page('plan-target-form.njk', {
        title: `Change target ${target.number}`,
        breadcrumbs: planCrumbs(target.plan),
        plan: target.plan,
        action: editTargetPath(target.id),
        errors: form.errors,
        values: form.input,
      });
    }
    await changeTarget(db, request.actor(), target.id, target.plan.id, form.value);
    return reply.redirect(`${planPath(target.plan.id)}?done=target`, 303);
  });

  app.get<IdParams>('/plan/:id/roll-over', change, async (request, reply) => {
    const plan = isUuid(request.params.id) ? await findPlan(db, request.params.id) : null;
    if (!plan) return reply.callNotFound();
    return reply.page('plan-roll-over.njk', {
      title: `Roll over ${plan.title}`,
      breadcrumbs: planCrumbs(plan),
      plan,
      today: todayInLondon(),
    });
  });

  app.post<IdParams>('/plan/:id/roll-over', change, async (request, reply) => {
    const plan = isUuid(request.params.id) ? await findPlan(db, request.params.id) : null;
    if (!plan) return reply.callNotFound();
    const result = await rollOver(db, request.actor(), plan.id);
    if (!result.ok) {
      return reply.code(409).page('plan-roll-over.njk', {
        title: `Roll over ${plan.title}`,
        breadcrumbs: planCrumbs(plan),
        plan,
        refused: true,
      });
    }
    return reply.redirect(`${planPath(result.planId)}?done=rolled-over`, 303);
  });

  await app.register(actionRoutes, { db });
};
