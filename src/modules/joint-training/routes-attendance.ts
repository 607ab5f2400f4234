/**
 * A joint training day's attendance, recorded a group at a time (a team, the staff with no team,
 * the panel's central list), a page of each group's people with checkboxes; an attendee's own
 * evaluation; an evaluation read, or entered from a paper form by the head or the training
 * coordinator.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { compareIsoDates, todayInLondon } from '../../platform/dates/index.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { attendanceForm, evaluationForm } from './forms.ts';
import {
  attendancePath,
  changeEvaluationPath,
  dayPath,
  evaluationPath,
  ownEvaluationPath,
  removeEvaluationPath,
} from './paths.ts';
import { findDay, GROUP_PAGE_SIZE, groupPeople, groupsOf, type DayRow } from './queries.ts';
import { dayCrumbs, manage, view, type Query, type WithId } from './route-support.ts';
import { mayManageDays, mayRecordEvaluation } from './scope.ts';
import {
  enterPaperEvaluation,
  giveOwnEvaluation,
  NOT_AN_ATTENDEE,
  NOT_YET_HELD,
  ownEvaluationOf,
  saveAttendance,
  viewAttendance,
} from './service.ts';
import { evaluationFields, evaluationRows, groupName, roleName } from './views.ts';

export async function attendanceRoutes(app: FastifyInstance, db: Db) {
  const dayOf = async (id: string) => {
    const day = await findDay(db, id);
    return day && compareIsoDates(day.heldOn, todayInLondon()) <= 0 ? { day, held: true } : day && { day, held: false };
  };

  const notYetHeld = (reply: FastifyReply, day: DayRow) =>
    reply.code(403).page('error.njk', {
      title: 'The day has not happened yet',
      lines: [NOT_YET_HELD, `The day is on ${formatDate(day.heldOn)}.`],
      backLink: { href: dayPath(day.id) },
    });

  app.get<WithId & Query>(attendancePath(':id'), manage, async (request, reply) => {
    const found = await dayOf(request.params.id);
    if (!found) return reply.callNotFound();
    const { day } = found;
    if (!found.held) return notYetHeld(reply, day);
    const group = request.query.group;
    if (!group) {
      const groups = await groupsOf(db, day);
      return reply.page('joint-training-groups.njk', {
        title: `Who attended: ${day.title}`,
        day,
        on: formatDate(day.heldOn),
        groups: groups.map((g) => ({ ...g, name: groupName(g), href: attendancePath(day.id, g.group) })),
        dayHref: dayPath(day.id),
        flash: request.query.done === 'saved' ? 'Who attended has been saved' : undefined,
        breadcrumbs: dayCrumbs(day),
      });
    }
    const page = pageFrom(request.query.page);
    const people = await groupPeople(db, day, group, page);
    if (!people) return reply.callNotFound();
    const groupRow = (await groupsOf(db, day)).find((g) => g.group === group);
    return reply.page('joint-training-attendance.njk', {
      title: `Who attended: ${groupRow ? groupName(groupRow) : 'a group'} (page ${page})`,
      day,
      on: formatDate(day.heldOn),
      group: groupRow ? groupName(groupRow) : 'This group',
      action: `${attendancePath(day.id, group)}&page=${page}`,
      people: people.rows.map((p) => ({
        value: p.id,
        text: p.name,
        checked: p.attended,
        hint: {
          text: p.evaluated
            ? `${roleName(p.role)}. Has given an evaluation, so stays recorded as attending`
            : roleName(p.role),
        },
      })),
      total: people.total,
      pagination: pagination(request.url, page, GROUP_PAGE_SIZE, people.total),
      cancel: attendancePath(day.id),
      breadcrumbs: dayCrumbs(day),
    });
  });

  app.post<WithId & Query>(attendancePath(':id'), manage, async (request, reply) => {
    const parsed = parseForm(attendanceForm, request.body);
    const group = request.query.group ?? '';
    const input = parsed.ok ? parsed.value : { shown: [], attended: [] };
    const result = await saveAttendance(db, who(request), request.params.id, group, input);
    if (!result.ok && result.reason === 'invalid') {
      const found = await findDay(db, request.params.id);
      return found ? notYetHeld(reply, found) : reply.callNotFound();
    }
    return answerForm(reply, result, `${attendancePath(request.params.id)}?done=saved`, () => null);
  });

  const showEvaluationForm = (
    reply: FastifyReply,
    day: DayRow,
    who: { name: string | null; action: string; cancel: string },
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('joint-training-evaluation-form.njk', {
      title: who.name ? `Enter ${who.name}’s evaluation: ${day.title}` : `Your evaluation: ${day.title}`,
      heading: who.name ? `Enter ${who.name}’s evaluation from their paper form` : 'Your evaluation of the day',
      caption: `${day.title}, ${formatDate(day.heldOn)}`,
      fields: formFields(evaluationFields(day.theme), values),
      action: who.action,
      cancel: who.cancel,
      errors,
      breadcrumbs: dayCrumbs(day),
    });

  const notAnAttendee = (reply: FastifyReply, day: DayRow) =>
    reply.code(403).page('error.njk', {
      title: 'You cannot give an evaluation of this day',
      lines: [NOT_AN_ATTENDEE, 'If you attended, ask the head of fostering or the training coordinator to record it.'],
      backLink: { href: dayPath(day.id) },
    });

  app.get<WithId>(ownEvaluationPath(':id'), view, async (request, reply) => {
    const found = await ownEvaluationOf(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.attendance) return notAnAttendee(reply, found.day);
    if (compareIsoDates(found.day.heldOn, todayInLondon()) > 0) return notYetHeld(reply, found.day);
    if (found.attendance.evaluated) return reply.redirect(evaluationPath(found.attendance.attendanceId), 303);
    const own = { name: null, action: ownEvaluationPath(found.day.id), cancel: dayPath(found.day.id) };
    return showEvaluationForm(reply, found.day, own, {});
  });

  app.post<WithId>(ownEvaluationPath(':id'), view, async (request, reply) => {
    const found = await ownEvaluationOf(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.attendance) return notAnAttendee(reply, found.day);
    const own = { name: null, action: ownEvaluationPath(found.day.id), cancel: dayPath(found.day.id) };
    const body = request.body as Record<string, unknown>;
    const parsed = parseForm(evaluationForm, body);
    if (!parsed.ok) return showEvaluationForm(reply, found.day, own, parsed.input, parsed.errors);
    const result = await giveOwnEvaluation(db, who(request), found.day.id, parsed.value);
    return answerForm(reply, result, `${dayPath(found.day.id)}?done=evaluated`, (errors) =>
      showEvaluationForm(reply, found.day, own, body, errors),
    );
  });

  app.get<WithId & Query>(evaluationPath(':id'), view, async (request, reply) => {
    const found = await viewAttendance(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    const { day, attendance } = found;
    if (attendance.confidenceBefore === null) {
      if (!mayManageDays(request.user!)) return reply.callNotFound();
      const paper = { name: attendance.name, action: evaluationPath(attendance.attendanceId), cancel: dayPath(day.id) };
      return showEvaluationForm(reply, day, paper, {});
    }
    return reply.page('joint-training-evaluation.njk', {
      title: `Evaluation by ${attendance.name}: ${day.title}`,
      caption: `${day.title}, ${formatDate(day.heldOn)}`,
      heading: `Evaluation by ${attendance.name}`,
      rows: evaluationRows(attendance),
      name: attendance.name,
      changeHref: mayRecordEvaluation(request.user!, attendance) ? changeEvaluationPath(attendance.attendanceId) : null,
      removeHref: mayManageDays(request.user!) ? removeEvaluationPath(attendance.attendanceId) : null,
      flash: request.query.done === 'changed' ? 'The evaluation has been changed' : undefined,
      dayHref: dayPath(day.id),
      breadcrumbs: dayCrumbs(day),
    });
  });

  app.post<WithId>(evaluationPath(':id'), manage, async (request, reply) => {
    const found = await viewAttendance(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    const { day, attendance } = found;
    const paper = { name: attendance.name, action: evaluationPath(attendance.attendanceId), cancel: dayPath(day.id) };
    const body = request.body as Record<string, unknown>;
    const parsed = parseForm(evaluationForm, body);
    if (!parsed.ok) return showEvaluationForm(reply, day, paper, parsed.input, parsed.errors);
    const result = await enterPaperEvaluation(db, who(request), attendance.attendanceId, parsed.value);
    return answerForm(reply, result, `${dayPath(day.id)}?done=entered`, (errors) =>
      showEvaluationForm(reply, day, paper, body, errors),
    );
  });
}
