/**
 * The independence checklist's pages, under the young person's record: the checklist (a summary
 * list of its dates and its eight areas), starting it, an area done (one at a time, or marked not
 * done after all), and recording it completed. Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { childPath } from '../children/paths.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { areaForm, completeForm, startForm } from './forms.ts';
import { isSkillArea, SKILL_AREA_COUNT, skillArea, type SkillAreaKey } from './labels.ts';
import {
  areaNotDonePath,
  areaPath,
  checklistPath,
  completeChecklistPath,
  startChecklistPath,
  startDatePath,
} from './paths.ts';
import { checklistOfChild, type Checklist } from './queries.ts';
import { mayRecordChecklists } from './scope.ts';
import {
  changeStartDate,
  inCareOn,
  markAreaNotDone,
  mayStartFor,
  recordArea,
  recordCompleted,
  startChecklist,
  viewChecklist,
} from './service.ts';
import { areaRows, areasDoneCount, checklistStatus } from './views.ts';

const view = { config: { access: { permission: 'children.view' as const } } };
const change = { config: { access: { permission: 'children.change' as const } } };

type WithId = { Params: { id: string } };
type WithArea = { Params: { id: string; area: string } };

const flashes: Record<string, string> = {
  started: 'The checklist has been started',
  'start-date': 'The date the checklist was started has been changed',
  area: 'The area has been recorded as done',
  'area-not-done': 'The area has been recorded as not done',
  completed: 'The checklist has been recorded as completed',
};

const childName = (c: ChildRecord) => `${c.firstName} ${c.lastName}`;
const crumbs = (c: ChildRecord, checklist = true) => [
  { text: 'Children', href: '/children' },
  { text: childName(c), href: childPath(c.id) },
  ...(checklist ? [{ text: 'Independence checklist', href: checklistPath(c.id) }] : []),
];

export const independenceRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  /** The child, within the user's access, or null (a 404: out of scope looks the same as missing). */
  const childOf = (request: FastifyRequest<WithId>) => findChild(db, request.user!, request.params.id);

  app.get<WithId & { Querystring: { done?: string } }>(checklistPath(':id'), view, async (request, reply) => {
    const child = await childOf(request);
    if (!child) return reply.callNotFound();
    const checklist = await viewChecklist(db, who(request), child);
    const today = todayInLondon();
    const record = mayRecordChecklists(request.user!);
    const state = checklist && { ...checklist, areasDone: areasDoneCount(checklist.areas) };
    return reply.page('independence-checklist.njk', {
      title: `Independence checklist: ${childName(child)}`,
      child,
      status: checklistStatus(child, state, inCareOn(child, today), today),
      checklist,
      areas: checklist
        ? areaRows(checklist.areas).map((a) => ({ ...a, href: record ? areaPath(child.id, a.key) : null }))
        : [],
      startHref: !checklist && record && mayStartFor(child, today) ? startChecklistPath(child.id) : null,
      startDateHref: checklist && record ? startDatePath(child.id) : null,
      completeHref:
        checklist && record && checklist.completedHow !== 'all-areas' ? completeChecklistPath(child.id) : null,
      childHref: childPath(child.id),
      flash: flashes[request.query.done ?? ''],
      breadcrumbs: crumbs(child, false),
    });
  });

  // Starting the checklist.
  const showStart = (
    reply: FastifyReply,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
    changing = false,
  ) =>
    reply.code(errors ? 400 : 200).page('independence-start.njk', {
      title: `${changing ? 'Change the date the checklist was started' : 'Start the independence checklist'}: ${childName(child)}`,
      child,
      changing,
      action: changing ? startDatePath(child.id) : startChecklistPath(child.id),
      cancel: checklistPath(child.id),
      values,
      errors,
      breadcrumbs: crumbs(child),
    });
  /** The start form opens for a young person of 15 to 18 in care with no checklist yet; otherwise back to the page. */
  async function startable(child: ChildRecord) {
    return mayStartFor(child, todayInLondon()) && (await checklistOfChild(db, child.id)) === null;
  }
  app.get<WithId>(startChecklistPath(':id'), change, async (request, reply) => {
    const child = await childOf(request);
    if (!child) return reply.callNotFound();
    if (!(await startable(child))) return reply.redirect(checklistPath(child.id), 303);
    return showStart(reply, child, {});
  });
  app.post<WithId>(startChecklistPath(':id'), change, async (request, reply) => {
    const child = await childOf(request);
    if (!child) return reply.callNotFound();
    if (!(await startable(child))) return reply.redirect(checklistPath(child.id), 303);
    const form = parseDatedForm(startForm(todayInLondon(), child), request.body, ['startedOn']);
    if (!form.ok) return showStart(reply, child, form.input, form.errors);
    const result = await startChecklist(db, who(request), child, form.value);
    return answerForm(reply, result, `${checklistPath(child.id)}?done=started`, (errors) =>
      showStart(reply, child, request.body as Record<string, unknown>, linkDateErrors(errors, ['startedOn'])),
    );
  });

  // Correcting the day it was started: the start form, filled in.
  async function started(request: FastifyRequest<WithId>) {
    const child = await childOf(request);
    return child && { child, checklist: await checklistOfChild(db, child.id) };
  }
  app.get<WithId>(startDatePath(':id'), change, async (request, reply) => {
    const found = await started(request);
    if (!found) return reply.callNotFound();
    const { child, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    return showStart(reply, child, dateBoxes('startedOn', checklist.startedOn), undefined, true);
  });
  app.post<WithId>(startDatePath(':id'), change, async (request, reply) => {
    const found = await started(request);
    if (!found) return reply.callNotFound();
    const { child, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    const form = parseDatedForm(startForm(todayInLondon(), child), request.body, ['startedOn']);
    if (!form.ok) return showStart(reply, child, form.input, form.errors, true);
    const result = await changeStartDate(db, who(request), child, form.value);
    return answerForm(reply, result, `${checklistPath(child.id)}?done=start-date`, (errors) =>
      showStart(reply, child, request.body as Record<string, unknown>, linkDateErrors(errors, ['startedOn']), true),
    );
  });

  // An area done, one at a time.
  const showArea = (
    reply: FastifyReply,
    child: ChildRecord,
    checklist: Checklist,
    area: SkillAreaKey,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) => {
    const row = areaRows(checklist.areas).find((a) => a.key === area)!;
    return reply.code(errors ? 400 : 200).page('independence-area.njk', {
      title: `${skillArea(area).name}: ${childName(child)}`,
      child,
      area: skillArea(area),
      done: row.done,
      action: areaPath(child.id, area),
      notDoneAction: row.done ? areaNotDonePath(child.id, area) : null,
      cancel: checklistPath(child.id),
      values,
      errors,
      breadcrumbs: crumbs(child),
    });
  };
  /** The child, their checklist and the area named, or null (a 404) for an area that is not one of the list. */
  async function areaOf(request: FastifyRequest<WithArea>) {
    const area = request.params.area;
    if (!isSkillArea(area)) return null;
    const child = await childOf(request);
    if (!child) return null;
    return { child, area, checklist: await checklistOfChild(db, child.id) };
  }
  app.get<WithArea>(areaPath(':id', ':area'), change, async (request, reply) => {
    const found = await areaOf(request);
    if (!found) return reply.callNotFound();
    const { child, area, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    const done = checklist.areas.find((a) => a.area === area);
    return showArea(
      reply,
      child,
      checklist,
      area,
      done ? { ...dateBoxes('doneOn', done.doneOn), confirmedBy: done.confirmedBy } : {},
    );
  });
  app.post<WithArea>(areaPath(':id', ':area'), change, async (request, reply) => {
    const found = await areaOf(request);
    if (!found) return reply.callNotFound();
    const { child, area, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    const form = parseDatedForm(areaForm(todayInLondon(), checklist.startedOn), request.body, ['doneOn']);
    if (!form.ok) return showArea(reply, child, checklist, area, form.input, form.errors);
    const result = await recordArea(db, who(request), child, area, form.value);
    return answerForm(reply, result, `${checklistPath(child.id)}?done=area`, (errors) =>
      showArea(
        reply,
        child,
        checklist,
        area,
        request.body as Record<string, unknown>,
        linkDateErrors(errors, ['doneOn']),
      ),
    );
  });
  app.post<WithArea>(areaNotDonePath(':id', ':area'), change, async (request, reply) => {
    const found = await areaOf(request);
    if (!found) return reply.callNotFound();
    const result = await markAreaNotDone(db, who(request), found.child, found.area);
    return answerForm(reply, result, `${checklistPath(found.child.id)}?done=area-not-done`, () =>
      reply.redirect(checklistPath(found.child.id), 303),
    );
  });

  // Recording the checklist as completed.
  const showComplete = (
    reply: FastifyReply,
    child: ChildRecord,
    checklist: Checklist,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('independence-complete.njk', {
      title: `Record the independence checklist as completed: ${childName(child)}`,
      child,
      areasText: `${areasDoneCount(checklist.areas)} of ${SKILL_AREA_COUNT}`,
      action: completeChecklistPath(child.id),
      cancel: checklistPath(child.id),
      values,
      errors,
      breadcrumbs: crumbs(child),
    });
  /** The child and their checklist when it may be recorded completed (started, not completed by its areas). */
  async function completable(request: FastifyRequest<WithId>) {
    const child = await childOf(request);
    if (!child) return null;
    const checklist = await checklistOfChild(db, child.id);
    return { child, checklist: checklist && checklist.completedHow !== 'all-areas' ? checklist : null };
  }
  app.get<WithId>(completeChecklistPath(':id'), change, async (request, reply) => {
    const found = await completable(request);
    if (!found) return reply.callNotFound();
    const { child, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    const values = checklist.completedOn
      ? { ...dateBoxes('completedOn', checklist.completedOn), note: checklist.completionNote ?? '' }
      : {};
    return showComplete(reply, child, checklist, values);
  });
  app.post<WithId>(completeChecklistPath(':id'), change, async (request, reply) => {
    const found = await completable(request);
    if (!found) return reply.callNotFound();
    const { child, checklist } = found;
    if (!checklist) return reply.redirect(checklistPath(child.id), 303);
    const form = parseDatedForm(completeForm(todayInLondon(), checklist.startedOn), request.body, ['completedOn']);
    if (!form.ok) return showComplete(reply, child, checklist, form.input, form.errors);
    const result = await recordCompleted(db, who(request), child, form.value);
    return answerForm(reply, result, `${checklistPath(child.id)}?done=completed`, (errors) =>
      showComplete(
        reply,
        child,
        checklist,
        request.body as Record<string, unknown>,
        linkDateErrors(errors, ['completedOn']),
      ),
    );
  });
};
