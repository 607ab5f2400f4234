/**
 * Lifelong Links pages: the list across the service (routes-list.ts), starting a child's work from
 * their record (and its start put right on the same form, filled in), the work's page (every step
 * with its date and who recorded it), and one form for each step. Thin: parse, call the service,
 * render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { childPath } from '../children/paths.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { START_DATES, startForm } from './forms.ts';
import {
  lifelongLinksPath,
  startWorkPath,
  workPath,
  workStartPath,
  workStepPath,
  workSteps,
  type WorkStep,
} from './paths.ts';
import { findWork, worksOfChild, type WorkChild } from './queries.ts';
import { listRoutes } from './routes-list.ts';
import { mayRecordWork } from './scope.ts';
import { auditWorksViewed, changeStart, startFormViewed, startWork, stepsOpen } from './service.ts';
import { stepForms } from './steps.ts';
import { stageTag, stageText, stepRows } from './views.ts';

const view = { config: { access: { permission: 'lifelong-links.view' as const } } };
const record = { config: { access: { permission: 'lifelong-links.record' as const } } };

type WithId = { Params: { id: string } };

/** The banner on the work's page once started, or its start put right. */
const startFlashes: Record<string, string> = {
  started: 'The Lifelong Links work has been started',
  start: 'The start of the Lifelong Links work has been changed',
};

const childName = (c: Pick<WorkChild, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;
const crumbs = (c: Pick<WorkChild, 'id' | 'firstName' | 'lastName'>, workId?: string) => [
  { text: 'Lifelong Links', href: lifelongLinksPath() },
  { text: childName(c), href: childPath(c.id) },
  ...(workId ? [{ text: 'Lifelong Links work', href: workPath(workId) }] : []),
];

const startFields: Field[] = [
  {
    type: 'date',
    name: 'identifiedOn',
    label: 'Date the child was identified',
    hint: 'The day the child was put forward for Lifelong Links. For example, 27 3 2026',
  },
  {
    type: 'text',
    name: 'coordinator',
    label: 'Coordinator (optional)',
    hint: 'The Family Group Conferencing worker coordinating the work, if known',
    width: 20,
  },
];

export const lifelongLinksRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  listRoutes(app, db);

  /** A form page: the step template, with the fields drawn from the values (what was typed, or the work). */
  const showForm = (
    reply: FastifyReply,
    page: { child: WorkChild | ChildRecord; heading: string; intro: string; button: string; action: string },
    fields: Field[],
    values: Record<string, unknown>,
    cancel: string,
    errors?: FormErrors,
    workId?: string,
  ) =>
    reply.code(errors ? 400 : 200).page('lifelong-links-step.njk', {
      title: `${page.heading}: ${childName(page.child)}`,
      ...page,
      fields: formFields(fields, values),
      cancel,
      errors,
      breadcrumbs: crumbs(page.child, workId),
    });

  // Starting a child's work, from their record.
  const startPage = (child: ChildRecord) => ({
    child,
    heading: 'Start Lifelong Links work',
    intro:
      'Lifelong Links finds the relatives and other adults who matter to a child in care, brings them together at a family network meeting and agrees a plan for the child’s lasting relationships. It is run with Family Group Conferencing.',
    button: 'Start the work',
    action: startWorkPath(child.id),
  });
  /** The child within the user's access, and their open work's page when they already have one. */
  async function startable(request: FastifyRequest<WithId>) {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return null;
    const open = (await worksOfChild(db, child.id)).find((w) => w.endedOn === null);
    return { child, openHref: open ? workPath(open.id) : null };
  }
  app.get<WithId>(startWorkPath(':id'), record, async (request, reply) => {
    const found = await startable(request);
    if (!found) return reply.callNotFound();
    if (found.openHref) return reply.redirect(found.openHref, 303);
    return showForm(reply, startPage(found.child), startFields, {}, childPath(found.child.id));
  });
  app.post<WithId>(startWorkPath(':id'), record, async (request, reply) => {
    const found = await startable(request);
    if (!found) return reply.callNotFound();
    if (found.openHref) return reply.redirect(found.openHref, 303);
    const { child } = found;
    const show = (values: Record<string, unknown>, errors: FormErrors) =>
      showForm(reply, startPage(child), startFields, values, childPath(child.id), errors);
    const form = parseDatedForm(startForm(todayInLondon()), request.body, START_DATES);
    if (!form.ok) return show(form.input, form.errors);
    const result = await startWork(db, who(request), child, form.value);
    const next = result.ok ? `${workPath(result.id)}?done=started` : childPath(child.id);
    return answerForm(reply, result, next, (errors) =>
      show(request.body as Record<string, unknown>, linkDateErrors(errors, START_DATES)),
    );
  });

  // Putting the start right: the start form, filled in with what it says now (ended work too).
  const changeStartPage = (child: WorkChild, workId: string) => ({
    child,
    heading: 'Change the start of the Lifelong Links work',
    intro:
      'Correct the date the child was identified or the coordinator if they were recorded wrongly. The date cannot be later than the first step recorded after it. The audit trail keeps what the start said before.',
    button: 'Save the changes',
    action: workStartPath(workId),
  });
  app.get<WithId>(workStartPath(':id'), record, async (request, reply) => {
    const found = await findWork(db, request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { work, child } = found;
    await startFormViewed(db, who(request), work.id);
    const values = { ...dateBoxes('identifiedOn', work.identifiedOn), coordinator: work.coordinator ?? '' };
    return showForm(reply, changeStartPage(child, work.id), startFields, values, workPath(work.id), undefined, work.id);
  });
  app.post<WithId>(workStartPath(':id'), record, async (request, reply) => {
    const found = await findWork(db, request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { work, child } = found;
    const show = (values: Record<string, unknown>, errors: FormErrors) =>
      showForm(reply, changeStartPage(child, work.id), startFields, values, workPath(work.id), errors, work.id);
    const form = parseDatedForm(startForm(todayInLondon()), request.body, START_DATES);
    if (!form.ok) return show(form.input, form.errors);
    const result = await changeStart(db, who(request), work.id, form.value);
    return answerForm(reply, result, `${workPath(work.id)}?done=start`, (errors) =>
      show(request.body as Record<string, unknown>, linkDateErrors(errors, START_DATES)),
    );
  });

  // The work's page.
  app.get<WithId & { Querystring: { done?: string } }>(workPath(':id'), view, async (request, reply) => {
    const found = await findWork(db, request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { work, child } = found;
    await auditWorksViewed(db, who(request), [work.id], 'work');
    const records = mayRecordWork(request.user!);
    const open = records ? stepsOpen(work) : null;
    const done = request.query.done;
    return reply.page('lifelong-links-work.njk', {
      title: `Lifelong Links: ${childName(child)}`,
      child,
      tag: stageTag(work.stage),
      stage: stageText(work),
      steps: stepRows(work).map((s) => {
        const step = s.key as WorkStep;
        if (s.key === 'identified') {
          // The start is put right on its form, filled in, ended work too.
          const href = records ? workStartPath(work.id) : null;
          return { ...s, href, recorded: true, hidden: 'the start of the work' };
        }
        const href = open && workSteps.includes(step) && open[step] ? workStepPath(work.id, step) : null;
        return { ...s, href, recorded: s.by !== null };
      }),
      childHref: childPath(child.id),
      flash: startFlashes[done ?? ''] ?? stepForms[done as WorkStep]?.done,
      breadcrumbs: crumbs(child),
    });
  });

  // Each step's form, open while the work is open and the step may follow the ones recorded.
  for (const step of workSteps) {
    const form = stepForms[step];
    const path = workStepPath(':id', step);
    const pageOf = (child: WorkChild, workId: string) => ({
      child,
      heading: form.title,
      intro: form.intro,
      button: form.button,
      action: workStepPath(workId, step),
    });
    /** The work and its child, or null (a 404); `closed` when the step may not be recorded now. */
    async function stepOf(request: FastifyRequest<WithId>) {
      const found = await findWork(db, request.user!, request.params.id);
      if (!found) return null;
      return { ...found, closed: !stepsOpen(found.work)[step] };
    }
    app.get<WithId>(path, record, async (request, reply) => {
      const found = await stepOf(request);
      if (!found) return reply.callNotFound();
      const { work, child } = found;
      if (found.closed) return reply.redirect(workPath(work.id), 303);
      return showForm(
        reply,
        pageOf(child, work.id),
        form.fields,
        form.values(work),
        workPath(work.id),
        undefined,
        work.id,
      );
    });
    app.post<WithId>(path, record, async (request, reply) => {
      const found = await stepOf(request);
      if (!found) return reply.callNotFound();
      const { work, child } = found;
      if (found.closed) return reply.redirect(workPath(work.id), 303);
      const show = (values: Record<string, unknown>, errors: FormErrors) =>
        showForm(reply, pageOf(child, work.id), form.fields, values, workPath(work.id), errors, work.id);
      const result = await form.submit(db, who(request), work.id, request.body, todayInLondon());
      if (!result.ok && !('reason' in result)) return show(result.input, result.errors);
      return answerForm(reply, result, `${workPath(work.id)}?done=${step}`, (errors) =>
        show(request.body as Record<string, unknown>, linkDateErrors(errors, form.dates)),
      );
    });
  }
};
