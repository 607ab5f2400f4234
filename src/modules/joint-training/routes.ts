/**
 * Joint training pages (business plan action 10.2): the list of days, a day's page with who attended
 * and the summary of the evaluations, recording and changing a day. Attendance and evaluations are
 * in routes-attendance.ts, removing a day in routes-remove.ts, an evaluation put right or removed in
 * routes-evaluation-corrections.ts. Thin: parse, call the service, render
 * or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { compareIsoDates, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { DAY_DATES, dayForm } from './forms.ts';
import {
  attendancePath,
  dayPath,
  editDayPath,
  evaluationPath,
  JOINT_TRAINING,
  NEW_DAY,
  ownEvaluationPath,
  removeDayPath,
} from './paths.ts';
import {
  ATTENDEES_PAGE_SIZE,
  attendeesOf,
  DAYS_PAGE_SIZE,
  findDay,
  listDays,
  ownAttendance,
  summaryOf,
  type DayRow,
} from './queries.ts';
import { attendanceRoutes } from './routes-attendance.ts';
import { evaluationCorrectionRoutes } from './routes-evaluation-corrections.ts';
import { removeDayRoutes } from './routes-remove.ts';
import { dayCrumbs, listCrumbs, manage, view, type Query, type WithId } from './route-support.ts';
import { mayManageDays, mayReadEvaluations } from './scope.ts';
import { auditDaysViewed, changeDay, recordDay } from './service.ts';
import { dayFields, dayRows, roleName, summaryLines } from './views.ts';

const doneMessages: Record<string, string> = {
  recorded: 'The joint training day has been recorded',
  changed: 'The joint training day has been changed',
  attendance: 'Who attended has been saved',
  evaluated: 'Thank you: your evaluation has been saved',
  entered: 'The evaluation from the paper form has been saved',
  removed: 'The joint training day has been removed, with who attended and their evaluations',
  'evaluation-removed': 'The evaluation has been removed: the attendee stays recorded as attending',
};

export const jointTrainingRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<Query>(JOINT_TRAINING, view, async (request, reply) => {
    const page = pageFrom(request.query.page);
    const list = await listDays(db, page);
    await auditDaysViewed(
      db,
      who(request),
      list.rows.map((d) => d.id),
      { page: 'list' },
    );
    return reply.page('joint-training-list.njk', {
      title: page > 1 ? `Joint training days (page ${page})` : 'Joint training days',
      days: list.rows.map((d) => ({
        href: dayPath(d.id),
        on: formatDate(d.heldOn),
        title: d.title,
        theme: d.theme,
        attended: d.attended,
        evaluated: d.evaluated,
      })),
      total: list.total,
      pagination: pagination(request.url, page, DAYS_PAGE_SIZE, list.total),
      newHref: mayManageDays(request.user!) ? NEW_DAY : null,
      flash: request.query.done === 'removed' ? doneMessages.removed : undefined,
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  const showForm = (reply: FastifyReply, values: Record<string, unknown>, day: DayRow | null, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('joint-training-form.njk', {
      title: day ? `Change the joint training day: ${day.title}` : 'Record a joint training day',
      heading: day ? 'Change the joint training day' : 'Record a joint training day',
      fields: formFields(dayFields, values),
      action: day ? editDayPath(day.id) : NEW_DAY,
      cancel: day ? dayPath(day.id) : JOINT_TRAINING,
      errors,
      breadcrumbs: day ? dayCrumbs(day) : listCrumbs,
    });

  app.get(NEW_DAY, manage, async (_request, reply) => showForm(reply, {}, null));
  app.post(NEW_DAY, manage, async (request, reply) => {
    const form = parseDatedForm(dayForm, request.body, DAY_DATES);
    if (!form.ok) return showForm(reply, form.input, null, form.errors);
    const result = await recordDay(db, who(request), form.value);
    const next = result.ok ? `${dayPath(result.id)}?done=recorded` : JOINT_TRAINING;
    return answerForm(reply, result, next, (errors) =>
      showForm(reply, request.body as Record<string, unknown>, null, errors),
    );
  });

  app.get<WithId>(editDayPath(':id'), manage, async (request, reply) => {
    const day = await findDay(db, request.params.id);
    if (!day) return reply.callNotFound();
    return showForm(reply, { ...day, ...dateBoxes('heldOn', day.heldOn) }, day);
  });
  app.post<WithId>(editDayPath(':id'), manage, async (request, reply) => {
    const day = await findDay(db, request.params.id);
    if (!day) return reply.callNotFound();
    const form = parseDatedForm(dayForm, request.body, DAY_DATES);
    if (!form.ok) return showForm(reply, form.input, day, form.errors);
    const result = await changeDay(db, who(request), day.id, form.value);
    return answerForm(reply, result, `${dayPath(day.id)}?done=changed`, (errors) =>
      showForm(reply, request.body as Record<string, unknown>, day, errors),
    );
  });

  app.get<WithId & Query>(dayPath(':id'), view, async (request, reply) => {
    const day = await findDay(db, request.params.id);
    if (!day) return reply.callNotFound();
    const user = request.user!;
    const page = pageFrom(request.query.page);
    const summary = await summaryOf(db, day.id);
    const attendees = await attendeesOf(db, day.id, page);
    const own = await ownAttendance(db, day.id, user.id);
    await auditDaysViewed(db, who(request), [day.id]);
    const held = compareIsoDates(day.heldOn, todayInLondon()) <= 0;
    const manager = mayManageDays(user);
    const readsAll = mayReadEvaluations(user);
    return reply.page('joint-training-day.njk', {
      title: page > 1 ? `${day.title} (page ${page})` : day.title,
      day,
      rows: dayRows(day),
      held,
      summary: summaryLines(summary),
      own: own && held ? { href: ownEvaluationPath(day.id), evaluated: own.evaluated } : null,
      attendees: attendees.rows.map((a) => ({
        name: a.name,
        role: roleName(a.role),
        evaluated: a.evaluated,
        // The head and the training coordinator open each evaluation (or enter one from a paper form); the director reads them.
        href: readsAll && (a.evaluated || manager) ? evaluationPath(a.attendanceId) : null,
        linkText: a.evaluated ? 'Read the evaluation' : 'Enter from a paper form',
      })),
      total: attendees.total,
      pagination: pagination(request.url, page, ATTENDEES_PAGE_SIZE, attendees.total),
      editHref: manager ? editDayPath(day.id) : null,
      removeHref: manager ? removeDayPath(day.id) : null,
      attendanceHref: manager && held ? attendancePath(day.id) : null,
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: listCrumbs,
    });
  });

  await attendanceRoutes(app, db);
  await removeDayRoutes(app, db);
  evaluationCorrectionRoutes(app, db);
};
