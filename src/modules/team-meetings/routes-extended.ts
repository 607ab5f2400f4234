/**
 * Putting right an extended team manager meeting (the head): its details changed, on the form that
 * recorded it filled in, or the meeting removed when it was recorded by mistake, confirmed with a box.
 * Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { confirmField, extendedFields, extendedValues } from './fields.ts';
import { extendedMeetingForm, MEETING_DATES, removeExtendedForm } from './forms.ts';
import { NOTHING_IDENTIFYING } from './labels.ts';
import {
  editExtendedMeetingPath,
  extendedMeetingPath,
  extendedMeetingsPath,
  learningPath,
  removeExtendedMeetingPath,
} from './paths.ts';
import { findExtendedMeeting, reviewChoices, type ExtendedRow } from './queries.ts';
import { changeExtendedMeeting, removeExtendedMeeting } from './service-changes.ts';

const manage = { config: { access: { permission: 'team-meetings.manage' as const } } };

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;

const meetingCrumbs = (m: ExtendedRow) => [
  { text: 'Home', href: '/' },
  { text: 'Learning from reviews', href: learningPath() },
  { text: 'Extended team manager meetings', href: extendedMeetingsPath() },
  { text: `Meeting on ${formatDate(m.heldOn)}`, href: extendedMeetingPath(m.id) },
];

export const extendedChangeRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const showForm = (reply: FastifyReply, page: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('team-meetings-form.njk', { ...page, errors });

  const changePage = async (meeting: ExtendedRow, values: Values) => ({
    title: `Change the extended team manager meeting on ${formatDate(meeting.heldOn)}`,
    heading: 'Change the extended team manager meeting',
    warning: NOTHING_IDENTIFYING,
    fields: formFields(extendedFields(await reviewChoices(db)), values),
    action: editExtendedMeetingPath(meeting.id),
    cancel: extendedMeetingPath(meeting.id),
    button: 'Save the changes',
    breadcrumbs: meetingCrumbs(meeting),
  });
  app.get<WithId>(editExtendedMeetingPath(':id'), manage, async (request, reply) => {
    const meeting = await findExtendedMeeting(db, request.params.id);
    if (!meeting) return reply.callNotFound();
    return showForm(reply, await changePage(meeting, extendedValues(meeting)));
  });
  app.post<WithId>(editExtendedMeetingPath(':id'), manage, async (request, reply) => {
    const meeting = await findExtendedMeeting(db, request.params.id);
    if (!meeting) return reply.callNotFound();
    const form = parseDatedForm(extendedMeetingForm(todayInLondon()), request.body, MEETING_DATES);
    if (!form.ok) return showForm(reply, await changePage(meeting, form.input), form.errors);
    const result = await changeExtendedMeeting(db, who(request), meeting.id, form.value);
    return answerForm(reply, result, `${extendedMeetingPath(meeting.id)}?done=changed`, async (errors) =>
      showForm(reply, await changePage(meeting, request.body as Values), linkDateErrors(errors, MEETING_DATES)),
    );
  });

  const removePage = (meeting: ExtendedRow, values: Values) => ({
    title: `Remove the extended team manager meeting on ${formatDate(meeting.heldOn)}`,
    heading: `Remove the extended team manager meeting on ${formatDate(meeting.heldOn)}`,
    intro: [
      'Remove a meeting only if it was recorded by mistake: a meeting that did not happen, or one recorded twice. To correct a detail, change the meeting instead.',
      'The month’s extended meeting is worked out again without it, and the audit trail keeps who removed it.',
    ],
    fields: formFields([confirmField('The meeting was recorded by mistake')], values),
    action: removeExtendedMeetingPath(meeting.id),
    cancel: extendedMeetingPath(meeting.id),
    button: 'Remove the meeting',
    warningButton: true,
    breadcrumbs: meetingCrumbs(meeting),
  });
  app.get<WithId>(removeExtendedMeetingPath(':id'), manage, async (request, reply) => {
    const meeting = await findExtendedMeeting(db, request.params.id);
    if (!meeting) return reply.callNotFound();
    return showForm(reply, removePage(meeting, {}));
  });
  app.post<WithId>(removeExtendedMeetingPath(':id'), manage, async (request, reply) => {
    const meeting = await findExtendedMeeting(db, request.params.id);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(removeExtendedForm, request.body);
    if (!form.ok) return showForm(reply, removePage(meeting, form.input), form.errors);
    const result = await removeExtendedMeeting(db, who(request), meeting.id);
    return answerForm(
      reply,
      result,
      `${extendedMeetingsPath()}?done=removed`,
      (errors) => showForm(reply, removePage(meeting, {}), errors),
      extendedMeetingPath(meeting.id),
    );
  });
};
