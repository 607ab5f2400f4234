/** A household's safer-care plan: its page, recording a version agreed, and correcting one. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { PLAN_DATES, planForm } from './forms.ts';
import { CHANGE_WORKING_DAYS } from './labels.ts';
import { changePlanPath, householdPlansPath, newPlanPath } from './paths.ts';
import { householdWithPlans, mayRecordPlan } from './scope.ts';
import { changePlan, findVisiblePlan, recordPlan, viewHouseholdPlans, viewPlan } from './service.ts';
import { changeView, currentPlanView, planChoices, planView } from './views.ts';

const viewAccess = { config: { access: { permission: 'safer-care.view' as const } } };
const recordAccess = { config: { access: { permission: 'safer-care.record' as const } } };

type WithId = { Params: { id: string } };

const householdCrumbs = (household: { id: string; name: string }) => [
  { text: 'Households', href: '/households' },
  { text: household.name, href: householdPath(household.id) },
];

const flashes: Record<string, string> = {
  recorded: 'The safer-care plan has been recorded',
  changed: 'The safer-care plan has been corrected',
};

/** The form: a new version, or one recorded with a mistake. */
interface PlanFormPage {
  household: Pick<HouseholdRecord, 'id' | 'name' | 'reference'>;
  action: string;
  changing?: boolean;
}

export const saferCareRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId & { Querystring: { done?: string } }>(
    '/households/:id/safer-care',
    viewAccess,
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const seen = await viewHouseholdPlans(db, who(request), request.params.id);
      if (!seen) return reply.callNotFound();
      const [current] = seen.plans;
      return reply.page('safer-care-household.njk', {
        title: `Safer-care plan: ${seen.household.name} (${seen.household.reference})`,
        household: seen.household,
        current: current
          ? currentPlanView(current, todayInLondon(), seen.household.status === 'approved', seen.changes[0]?.on)
          : null,
        changes: seen.changes.map(changeView),
        changeWorkingDays: CHANGE_WORKING_DAYS,
        plans: seen.plans.map((p) => ({ ...planView(p), changeHref: seen.mayRecord ? changePlanPath(p.id) : null })),
        newHref: seen.mayRecord ? newPlanPath(seen.household.id) : null,
        flash: flashes[request.query.done ?? ''],
        breadcrumbs: householdCrumbs(seen.household),
      });
    },
  );

  const showForm = (
    reply: FastifyReply,
    { household, action, changing = false }: PlanFormPage,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('safer-care-form.njk', {
      title: `${changing ? 'Correct the safer-care plan' : 'Record a safer-care plan agreed'}: ${household.name}`,
      heading: changing ? 'Correct the safer-care plan' : 'Record a safer-care plan agreed',
      button: changing ? 'Save the correction' : 'Save the plan',
      household,
      action,
      cancel: householdPlansPath(household.id),
      ...planChoices(values),
      values,
      errors,
      breadcrumbs: [...householdCrumbs(household), { text: 'Safer-care plan', href: householdPlansPath(household.id) }],
    });

  /** The household, when the user may record its plan: 404 when they may not read it, 403 when they may not record. */
  async function householdToRecord(user: SignedInUser, id: string) {
    const household = isUuid(id) ? await householdWithPlans(db, user, id) : null;
    return household ? { household, allowed: mayRecordPlan(user, household) } : null;
  }
  const notYours = (reply: FastifyReply, household: HouseholdRecord) =>
    reply.code(403).page('error.njk', {
      title: 'You cannot record this household’s safer-care plan',
      lines: [
        'A household’s safer-care plan is recorded by its supervising social worker, its team manager, the service manager for its area or the head of fostering.',
      ],
      backLink: { href: householdPlansPath(household.id) },
    });

  app.get<WithId>('/households/:id/safer-care/new', recordAccess, async (request, reply) => {
    const found = await householdToRecord(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.allowed) return notYours(reply, found.household);
    return showForm(reply, { household: found.household, action: newPlanPath(found.household.id) }, {});
  });
  app.post<WithId>('/households/:id/safer-care/new', recordAccess, async (request, reply) => {
    const found = await householdToRecord(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.allowed) return notYours(reply, found.household);
    const page = { household: found.household, action: newPlanPath(found.household.id) };
    const form = parseDatedForm(planForm, request.body, PLAN_DATES);
    if (!form.ok) return showForm(reply, page, form.input, form.errors);
    const result = await recordPlan(db, who(request), found.household.id, form.value);
    return answerForm(reply, result, `${householdPlansPath(found.household.id)}?done=recorded`, (errors) =>
      showForm(reply, page, request.body as Record<string, unknown>, linkDateErrors(errors, PLAN_DATES)),
    );
  });

  app.get<WithId>('/safer-care-plans/:id/change', recordAccess, async (request, reply) => {
    const found = isUuid(request.params.id) ? await viewPlan(db, who(request), request.params.id) : null;
    if (!found) return reply.callNotFound();
    if (!found.mayRecord) return notYours(reply, found.household);
    const { plan } = found;
    return showForm(
      reply,
      { household: found.household, action: changePlanPath(plan.id), changing: true },
      {
        reason: plan.reason,
        covers: plan.covers,
        summary: plan.summary,
        ...dateBoxes('agreedOn', plan.agreedOn),
        ...dateBoxes('copyGivenOn', plan.copyGivenOn),
      },
    );
  });
  app.post<WithId>('/safer-care-plans/:id/change', recordAccess, async (request, reply) => {
    const found = isUuid(request.params.id) ? await findVisiblePlan(db, who(request), request.params.id) : null;
    if (!found) return reply.callNotFound();
    if (!found.mayRecord) return notYours(reply, found.household);
    const page = { household: found.household, action: changePlanPath(found.plan.id), changing: true };
    const form = parseDatedForm(planForm, request.body, PLAN_DATES);
    if (!form.ok) return showForm(reply, page, form.input, form.errors);
    const result = await changePlan(db, who(request), found.plan.id, form.value);
    return answerForm(reply, result, `${householdPlansPath(found.household.id)}?done=changed`, (errors) =>
      showForm(reply, page, request.body as Record<string, unknown>, linkDateErrors(errors, PLAN_DATES)),
    );
  });
};
