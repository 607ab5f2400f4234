/** A household's recruitment page, and one page and one post for each step on its road (steps.ts). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused, who } from '../../platform/views/results.ts';
import { formFields } from '../../platform/views/fields.ts';
import { householdPath } from '../households/paths.ts';
import { recruitmentPath, recruitmentStepPath } from './paths.ts';
import { openStep, stepContext, takeStep, viewRecruitment } from './service.ts';
import { mayTake, type Step, type StepContext } from './step.ts';
import { applicationDateStep } from './steps-in.ts';
import { findStep, steps } from './steps.ts';
import { checkRows, clocks, requiredRows, sections, statusTag, summaryRows, visitRows } from './views.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string } };
type WithStep = { Params: { id: string; step: string } };

const stepPath = (id: string, step: Step) => recruitmentStepPath(id, step.path);

const crumbs = (h: { id: string; name: string }) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
];

function notNow(reply: FastifyReply, step: Step, id: string) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot record this now',
    lines: [
      `“${step.title}” is not open for this household now, or is not yours to record. Go back to the household’s recruitment page to see what you can record.`,
    ],
    backLink: { href: recruitmentPath(id) },
  });
}

async function formPage(
  reply: FastifyReply,
  step: Step,
  ctx: StepContext,
  values: Record<string, unknown>,
  errors?: FormErrors,
) {
  const h = ctx.household;
  return reply.code(errors ? 400 : 200).page('recruitment-form.njk', {
    title: `${step.title}: ${h.name}`,
    heading: step.title,
    caption: `${h.name} (${h.reference})`,
    lines: step.lines?.(ctx) ?? [],
    action: stepPath(h.id, step),
    cancel: recruitmentPath(h.id),
    fields: formFields(await step.fields(ctx), values),
    errors,
    breadcrumbs: [...crumbs(h), { text: 'Recruitment and assessment', href: recruitmentPath(h.id) }],
  });
}

export function householdRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId>(
    '/households/:id/recruitment',
    { config: { access: { permission: 'recruitment.view' } } },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const seen = await viewRecruitment(db, who(request), request.params.id);
      if (!seen) return reply.callNotFound();
      const { household: h, record: r } = seen;
      const ctx: StepContext = { db, user: request.user!, household: h, record: r, today: todayInLondon() };
      const done =
        request.query.done === 'enquiry' ? 'The enquiry has been recorded' : findStep(request.query.done ?? '')?.done;
      const open = (s: Pick<Step, 'roles' | 'offered'>) => mayTake(s, request.user!, ctx) && s.offered(ctx);
      return reply.page('recruitment-household.njk', {
        title: `Recruitment and assessment: ${h.name}`,
        household: h,
        statusTag: statusTag(h.status),
        flash: done,
        actions: steps.filter((s) => !s.correction && open(s)).map((s) => ({ text: s.title, href: stepPath(h.id, s) })),
        summary: summaryRows(h, r, {
          appliedOn: open(applicationDateStep) ? stepPath(h.id, applicationDateStep) : null,
        }),
        clocks: clocks(h, r),
        required: requiredRows(r),
        checks: checkRows(r),
        visits: visitRows(r),
        sections: sections(r),
        breadcrumbs: crumbs(h),
      });
    },
  );

  const record = { config: { access: { permission: 'recruitment.record' as const } } };

  app.get<WithStep>('/households/:id/recruitment/:step', record, async (request, reply) => {
    const step = findStep(request.params.step);
    if (!step || !isUuid(request.params.id)) return reply.callNotFound();
    const ctx = await openStep(db, who(request), request.params.id, step);
    if (!ctx) return reply.callNotFound();
    if (!mayTake(step, request.user!, ctx) || !step.offered(ctx)) return notNow(reply, step, ctx.household.id);
    return formPage(reply, step, ctx, step.initial(ctx));
  });

  app.post<WithStep>('/households/:id/recruitment/:step', record, async (request, reply) => {
    const step = findStep(request.params.step);
    if (!step || !isUuid(request.params.id)) return reply.callNotFound();
    const id = request.params.id;
    const values = { ...((request.body ?? {}) as Record<string, unknown>) };
    delete values._csrf;
    const parsed = parseDatedForm(step.schema, request.body, step.dates);
    const result = parsed.ok ? await takeStep(db, who(request), id, step, parsed.value) : null;
    if (result?.ok) return reply.redirect(`${recruitmentPath(id)}?done=${step.path}`, 303);
    if (result && result.reason !== 'invalid') {
      if (result.reason === 'forbidden') return notNow(reply, step, id);
      return refused(reply, result, { backHref: recruitmentPath(id) });
    }
    const ctx = await stepContext(db, who(request), id);
    if (!ctx) return reply.callNotFound();
    const errors = parsed.ok
      ? linkDateErrors(formErrors(result && !result.ok && result.reason === 'invalid' ? result.errors : []), step.dates)
      : parsed.errors;
    return formPage(reply, step, ctx, values, errors);
  });
}
