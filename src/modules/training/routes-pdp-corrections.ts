/**
 * Putting a personal development plan right (pdp-corrections.ts): one version's form filled in with
 * what it says, with why, reached by "Change" beside it on the carer's PDP page; and a page removing
 * one recorded in error, with why, saying which plan is current afterwards. For those who keep the
 * carer's development; each page's view is audited. Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, refused, who } from '../../platform/views/results.ts';
import { plansOf, type PlanRow } from './development.ts';
import { planChangeForm, planDateFields, removePlanForm } from './forms.ts';
import { occasions } from './labels.ts';
import { changePlanPath, developmentPlanPath, removePlanPath } from './paths.ts';
import { changePlan, planToCorrect, removePlan } from './pdp-corrections.ts';
import type { CarerInScope } from './scope.ts';
import { occasionOptions } from './views.ts';

type WithPlan = { Params: { id: string; planId: string } };
type Body = Record<string, unknown>;
const develop = { config: { access: { permission: 'training.develop' as const } } };
const FORBIDDEN = [
  'A carer’s personal development plan is put right by their household’s supervising social worker, their team or service manager, a reviewing officer or the head of fostering.',
];

/** The plan as its form's values. */
const valuesOf = (p: PlanRow): Body => ({
  ...dateBoxes('agreedOn', p.agreedOn),
  occasion: p.occasion,
  goals: p.goals,
  trainingToDo: p.trainingToDo,
  support: p.support,
  ...dateBoxes('reviewBy', p.reviewBy),
});

export const pdpCorrectionRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  /** The plan for this request, its view audited; or the refusal's page. */
  async function load(request: FastifyRequest<WithPlan>, reply: FastifyReply, page: string) {
    const found = await planToCorrect(db, who(request), request.params.id, request.params.planId);
    if (!found.ok) {
      await refused(reply, found, { backHref: developmentPlanPath(request.params.id), lines: FORBIDDEN });
      return null;
    }
    await recordAudit(db, request.actor(), {
      action: 'view',
      recordType: 'development-plan',
      recordId: found.plan.id,
      detail: { page },
    });
    return found;
  }

  const showChange = (reply: FastifyReply, carer: CarerInScope, plan: PlanRow, values: Body, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('training-pdp-form.njk', {
      title: `Change the PDP agreed on ${formatDate(plan.agreedOn)}: ${carer.firstName} ${carer.lastName}`,
      heading: 'Change the personal development plan',
      changing: plan,
      carer,
      values,
      errors,
      occasions: occasionOptions(values.occasion),
      action: changePlanPath(carer.id, plan.id),
      backLink: { href: developmentPlanPath(carer.id) },
    });

  app.get<WithPlan>(changePlanPath(':id', ':planId'), develop, async (request, reply) => {
    const found = await load(request, reply, 'change');
    if (!found) return reply;
    return showChange(reply, found.carer, found.plan, valuesOf(found.plan));
  });

  app.post<WithPlan>(changePlanPath(':id', ':planId'), develop, async (request, reply) => {
    const found = await planToCorrect(db, who(request), request.params.id, request.params.planId);
    if (!found.ok) return refused(reply, found, { backHref: developmentPlanPath(request.params.id), lines: FORBIDDEN });
    const form = parseDatedForm(planChangeForm(todayInLondon()), request.body, planDateFields);
    if (!form.ok) return showChange(reply, found.carer, found.plan, form.input, form.errors);
    const result = await changePlan(db, who(request), found.carer.id, found.plan.id, form.value);
    return answerForm(reply, result, `${developmentPlanPath(found.carer.id)}?done=pdp-changed`, (errors) =>
      showChange(reply, found.carer, found.plan, request.body as Body, errors),
    );
  });

  const showRemove = async (
    reply: FastifyReply,
    found: { carer: CarerInScope; plan: PlanRow },
    values: Body,
    errors?: FormErrors,
  ) => {
    const { carer, plan } = found;
    const earlier = (await plansOf(db, carer.id)).some((p) => p.id !== plan.id);
    return reply.code(errors ? 400 : 200).page('training-pdp-remove.njk', {
      title: `Remove the PDP agreed on ${formatDate(plan.agreedOn)}: ${carer.firstName} ${carer.lastName}`,
      carer,
      plan: { ...plan, occasionName: named(occasions, plan.occasion) },
      earlier,
      values,
      errors,
      action: removePlanPath(carer.id, plan.id),
      cancel: developmentPlanPath(carer.id),
      backLink: { href: developmentPlanPath(carer.id) },
    });
  };

  app.get<WithPlan>(removePlanPath(':id', ':planId'), develop, async (request, reply) => {
    const found = await load(request, reply, 'remove');
    if (!found) return reply;
    return showRemove(reply, found, {});
  });

  app.post<WithPlan>(removePlanPath(':id', ':planId'), develop, async (request, reply) => {
    const found = await planToCorrect(db, who(request), request.params.id, request.params.planId);
    if (!found.ok) return refused(reply, found, { backHref: developmentPlanPath(request.params.id), lines: FORBIDDEN });
    const form = parseForm(removePlanForm, request.body as Body);
    if (!form.ok) return showRemove(reply, found, form.input, form.errors);
    const result = await removePlan(db, who(request), found.carer.id, found.plan.id, form.value.reason);
    return answerForm(reply, result, `${developmentPlanPath(found.carer.id)}?done=pdp-removed`, (errors) =>
      showRemove(reply, found, request.body as Body, errors),
    );
  });
};
