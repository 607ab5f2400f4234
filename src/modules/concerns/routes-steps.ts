/**
 * One page and one post for each step of a matter's process (steps.ts): the form, drawn from the
 * step's fields; on errors, the form again with what was typed; on success, back to the matter.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { bodyOf, formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused, who } from '../../platform/views/results.ts';
import { formFields } from '../../platform/views/fields.ts';
import { matterPath, stepPath } from './paths.ts';
import { findVisibleConcern, matterChildren, type ConcernRecord } from './queries.ts';
import { viewMatter } from './service.ts';
import type { Step, StepContext } from './step.ts';
import { mayTake, stepContext, steps, takeStep } from './steps.ts';
import { matterHeading } from './views.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string | undefined> };

function notNow(reply: FastifyReply, step: Step, id: string) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot record this now',
    lines: [
      `“${step.title}” is not open for this matter now, or is not yours to record. Go back to the matter to see its next steps.`,
    ],
    backLink: { href: matterPath(id) },
  });
}

async function formPage(
  reply: FastifyReply,
  step: Step,
  ctx: StepContext,
  values: Record<string, unknown>,
  errors?: FormErrors,
) {
  const record: ConcernRecord = ctx.record;
  const id = record.concern.id;
  // The form posts to the page it is on: the child, stage or meeting it was opened for.
  const query = new URLSearchParams(Object.entries(ctx.query).filter((e): e is [string, string] => e[1] !== undefined));
  return reply.code(errors ? 400 : 200).page('concerns-form.njk', {
    title: `${step.title}: ${matterHeading(record)}`,
    heading: step.title,
    caption: matterHeading(record),
    action: stepPath(id, step.path) + (query.size ? `?${query}` : ''),
    cancel: matterPath(id),
    fields: formFields(await step.fields(ctx), values),
    button: 'Save',
    errors,
    backLink: { href: matterPath(id) },
  });
}

/** The matter and the step's context for a viewer, or the answer to give instead (404, 403). */
async function open(db: Db, request: FastifyRequest<WithId>, reply: FastifyReply, step: Step, page: 'form' | 'post') {
  const params = request.params;
  if (!isUuid(params.id)) return { answer: reply.callNotFound() };
  // The form's page is a view of the matter (audited); a post is audited as the change it makes.
  const seen =
    page === 'form'
      ? await viewMatter(db, who(request), params.id, `step:${step.path}`)
      : await findVisibleConcern(db, request.user!, params.id).then(async (record) =>
          record ? { record, children: await matterChildren(db, request.user!, record.concern.id) } : null,
        );
  if (!seen || !step.kinds.includes(seen.record.kind as never)) return { answer: reply.callNotFound() };
  if (!mayTake(step, request.user!, seen.record)) return { answer: notNow(reply, step, params.id) };
  // Only single values are kept (a key given twice is dropped); a step checks what its query names (`names`).
  const query = Object.fromEntries(
    Object.entries(request.query).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const ctx = await stepContext(
    db,
    request.user!,
    seen.record,
    { ...query, child: isUuid(query.child) ? query.child : undefined },
    seen.children,
  );
  if (step.names && !step.names(ctx)) return { answer: reply.callNotFound() };
  if (!step.offered(ctx)) return { answer: notNow(reply, step, params.id) };
  return { ctx };
}

export function stepRoutes(app: FastifyInstance, db: Db) {
  for (const step of steps) {
    const url = `/concerns/:id/${step.path}`;
    const access = { config: { access: { permission: step.permission } } };

    app.get<WithId>(url, access, async (request, reply) => {
      const opened = await open(db, request, reply, step, 'form');
      if (!opened.ctx) return opened.answer;
      return formPage(reply, step, opened.ctx, step.initial(opened.ctx));
    });

    app.post<WithId>(url, access, async (request, reply) => {
      const opened = await open(db, request, reply, step, 'post');
      if (!opened.ctx) return opened.answer;
      const form = parseDatedForm(step.schema, request.body, step.dates);
      if (!form.ok) return formPage(reply, step, opened.ctx, form.input, form.errors);
      const result = await takeStep(db, who(request), request.params.id, step, form.value, opened.ctx.query);
      if (result.ok)
        return reply.redirect(`${matterPath(request.params.id)}?done=${encodeURIComponent(step.path)}`, 303);
      if (result.reason === 'invalid') {
        return formPage(reply, step, opened.ctx, bodyOf(request.body), formErrors(result.errors));
      }
      if (result.reason === 'forbidden') return notNow(reply, step, request.params.id);
      return refused(reply, result, { backHref: matterPath(request.params.id) });
    });
  }
}
