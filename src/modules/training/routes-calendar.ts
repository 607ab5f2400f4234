/** The training calendar, the courses and adding sessions: thin routes over courses.ts. */
import { named } from '../../platform/views/format.ts';
import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatPence } from '../../platform/views/money.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { refused, who } from '../../platform/views/results.ts';
import { addCourse, addSession, changeCourse, changeSession } from './courses.ts';
import { courseForm, isUuid, listQuery, sessionDateFields, sessionForm } from './forms.ts';
import { categories, hoursText, mandatoryFor } from './labels.ts';
import {
  coursesPage,
  findCourse,
  findSession,
  otherPlacesSince,
  PAGE_SIZE,
  sessionsPage,
  type CourseRow,
} from './queries.ts';
import { categoryOptions, errorsFor, flashFor, formatOptions, mandatoryOptions, sessionView } from './views.ts';
import { coursePath, trainingSessionPath } from './paths.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string> };
const view: RouteShorthandOptions = { config: { access: { permission: 'training.view' } } };
const manage: RouteShorthandOptions = { config: { access: { permission: 'training.manage' } } };
const calendarCrumb = { text: 'Training calendar', href: '/training' };

function courseView(c: CourseRow) {
  return {
    ...c,
    categoryName: named(categories, c.category),
    mandatoryName: named(mandatoryFor, c.mandatory_for),
    hoursText: hoursText(c.hours),
  };
}

export const calendarRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId>('/training', view, async (request, reply) => {
    const query = listQuery.parse(request.query);
    const where = sql`s.starts_on >= ${todayInLondon()}::date and ${query.category ? sql`c.category = ${query.category}` : sql`true`}`;
    const { rows, total } = await sessionsPage(db, where, query.page);
    const from = financialYearOf(todayInLondon()).start;
    const others = await otherPlacesSince(db, from);
    return reply.page('training-calendar.njk', {
      title: 'Training calendar',
      others: { ...others, from, income: formatPence(others.pence) },
      sessions: rows.map(sessionView),
      category: query.category,
      categories: categoryOptions(query.category, 'All categories'),
      pagination: pagination(request.url, query.page, PAGE_SIZE, total),
      canManage: can(request.user!.role, 'training.manage'),
      canRecordEvents: can(request.user!.role, 'participation.record'),
      flash: flashFor(request.query.done),
    });
  });

  app.get<WithId>('/training/courses', view, async (request, reply) => {
    const query = listQuery.parse(request.query);
    const { rows, total } = await coursesPage(db, query.page, query.category);
    return reply.page('training-courses.njk', {
      title: 'Courses',
      courses: rows.map(courseView),
      categories: categoryOptions(query.category, 'All categories'),
      pagination: pagination(request.url, query.page, PAGE_SIZE, total),
      canManage: can(request.user!.role, 'training.manage'),
      breadcrumbs: [calendarCrumb],
    });
  });

  function coursePage(
    reply: FastifyReply,
    values: Record<string, unknown>,
    course: CourseRow | null,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('training-course-form.njk', {
      title: course ? `Change the course: ${course.title}` : 'Add a course',
      course,
      values,
      errors,
      categories: categoryOptions(values.category),
      mandatory: mandatoryOptions(values.mandatoryFor ?? 'none'),
      breadcrumbs: [calendarCrumb, { text: 'Courses', href: '/training/courses' }],
    });
  }

  app.get('/training/courses/new', manage, async (_request, reply) => coursePage(reply, { active: 'active' }, null));

  app.post('/training/courses/new', manage, async (request, reply) => {
    const form = parseForm(courseForm, request.body);
    if (!form.ok) return coursePage(reply, form.input, null, form.errors);
    const result = await addCourse(db, who(request), form.value);
    if (!result.ok) return refused(reply, result, { backHref: '/training/courses' });
    return reply.redirect(`${coursePath(result.id)}?done=course`, 303);
  });

  app.get<WithId>('/training/courses/:id', view, async (request, reply) => {
    const course = isUuid(request.params.id) ? await findCourse(db, request.params.id) : null;
    if (!course) return reply.callNotFound();
    const query = listQuery.parse(request.query);
    const { rows, total } = await sessionsPage(
      db,
      sql`s.course_id = ${course.id}`,
      query.page,
      sql`s.starts_on desc, s.start_time`,
    );
    return reply.page('training-course.njk', {
      title: `Course: ${course.title}`,
      course: courseView(course),
      sessions: rows.map(sessionView),
      pagination: pagination(request.url, query.page, PAGE_SIZE, total),
      canManage: can(request.user!.role, 'training.manage'),
      flash: flashFor(request.query.done),
      breadcrumbs: [calendarCrumb, { text: 'Courses', href: '/training/courses' }],
    });
  });

  app.get<WithId>('/training/courses/:id/edit', manage, async (request, reply) => {
    const course = isUuid(request.params.id) ? await findCourse(db, request.params.id) : null;
    if (!course) return reply.callNotFound();
    const values = {
      title: course.title,
      category: course.category,
      hours: String(Number(course.hours)),
      mandatoryFor: course.mandatory_for,
      description: course.description ?? '',
      active: course.active ? 'active' : 'withdrawn',
    };
    return coursePage(reply, values, course);
  });

  app.post<WithId>('/training/courses/:id/edit', manage, async (request, reply) => {
    const course = isUuid(request.params.id) ? await findCourse(db, request.params.id) : null;
    if (!course) return reply.callNotFound();
    const form = parseForm(courseForm, request.body);
    if (!form.ok) return coursePage(reply, form.input, course, form.errors);
    const result = await changeCourse(db, who(request), course.id, form.value);
    if (!result.ok) return refused(reply, result, { backHref: coursePath(course.id) });
    return reply.redirect(`${coursePath(course.id)}?done=course`, 303);
  });

  /** The session's form: adding one to the course, or changing the session `changing` (its id). */
  function sessionFormPage(
    reply: FastifyReply,
    course: Pick<CourseRow, 'id' | 'title'>,
    values: Record<string, unknown>,
    errors?: FormErrors,
    changing?: string,
  ) {
    return reply.code(errors ? 400 : 200).page('training-session-form.njk', {
      title: `${changing ? 'Change the session' : 'Add a session'}: ${course.title}`,
      heading: changing ? 'Change the session' : 'Add a session',
      button: changing ? 'Save the session' : 'Add the session',
      cancel: changing ? trainingSessionPath(changing) : coursePath(course.id),
      course,
      values,
      errors,
      formats: formatOptions(values.format),
      breadcrumbs: [calendarCrumb, { text: course.title, href: coursePath(course.id) }],
    });
  }

  // Changing a session still to be held: the form it was added on, filled in.
  const sessionToChange = async (id: string) => (isUuid(id) ? findSession(db, id) : null);
  app.get<WithId>('/training/sessions/:id/edit', manage, async (request, reply) => {
    const session = await sessionToChange(request.params.id);
    if (!session) return reply.callNotFound();
    const values = {
      ...dateBoxes('startsOn', session.starts_on),
      ...dateBoxes('endsOn', session.ends_on === session.starts_on ? null : session.ends_on),
      startTime: session.start_time ?? '',
      format: session.format,
      place: session.place,
      capacity: String(session.capacity),
      trainer: session.trainer,
    };
    return sessionFormPage(reply, { id: session.course_id, title: session.title }, values, undefined, session.id);
  });

  app.post<WithId>('/training/sessions/:id/edit', manage, async (request, reply) => {
    const session = await sessionToChange(request.params.id);
    if (!session) return reply.callNotFound();
    const course = { id: session.course_id, title: session.title };
    const form = parseDatedForm(sessionForm(todayInLondon()), request.body, sessionDateFields);
    if (!form.ok) return sessionFormPage(reply, course, form.input, form.errors, session.id);
    const result = await changeSession(db, who(request), session.id, form.value);
    if (result.ok) return reply.redirect(`${trainingSessionPath(session.id)}?done=session-changed`, 303);
    if (result.reason === 'invalid') {
      const errors = errorsFor(result.errors, sessionDateFields);
      return sessionFormPage(reply, course, request.body as Record<string, unknown>, errors, session.id);
    }
    return refused(reply, result, { backHref: trainingSessionPath(session.id) });
  });

  app.get<WithId>('/training/courses/:id/sessions/new', manage, async (request, reply) => {
    const course = isUuid(request.params.id) ? await findCourse(db, request.params.id) : null;
    if (!course) return reply.callNotFound();
    return sessionFormPage(reply, course, { format: 'in_person', ...dateBoxes('startsOn', null) });
  });

  app.post<WithId>('/training/courses/:id/sessions/new', manage, async (request, reply) => {
    const course = isUuid(request.params.id) ? await findCourse(db, request.params.id) : null;
    if (!course) return reply.callNotFound();
    const form = parseDatedForm(sessionForm(todayInLondon()), request.body, sessionDateFields);
    if (!form.ok) return sessionFormPage(reply, course, form.input, form.errors);
    const result = await addSession(db, who(request), course.id, form.value);
    if (result.ok) return reply.redirect(`${trainingSessionPath(result.id)}?done=session`, 303);
    if (result.reason === 'invalid') {
      return sessionFormPage(
        reply,
        course,
        request.body as Record<string, unknown>,
        errorsFor(result.errors, sessionDateFields),
      );
    }
    return refused(reply, result, { backHref: coursePath(course.id) });
  });
};
