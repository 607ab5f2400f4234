/**
 * A meeting's actions: adding one, changing its words, who has it or when it is due, and removing one
 * agreed by mistake; by those who record the team's meetings (scope.ts). Each form is the one that
 * added the action, filled in; a removal is confirmed with a box. Marking an action done is on the
 * meeting's page (routes-meetings.ts). Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { choices, confirmField } from './fields.ts';
import { ACTION_DATES, actionForm, removeActionForm } from './forms.ts';
import { editActionPath, newActionPath, removeActionPath, teamMeetingPath } from './paths.ts';
import { findAction, findMeeting, ownerChoices, type MeetingRow } from './queries.ts';
import { crumbs, ownWork } from './routes-meetings.ts';
import { recordsForTeam } from './scope.ts';
import { addAction, auditViewed, TEAM_MEETING_RECORD } from './service.ts';
import { changeAction, removeAction } from './service-changes.ts';

const record = { config: { access: { permission: 'team-meetings.record' as const } } };

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
type Action = NonNullable<Awaited<ReturnType<typeof findAction>>>;

export const actionRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const showForm = (reply: FastifyReply, page: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('team-meetings-form.njk', { ...page, errors });
  const refuse = (reply: FastifyReply, meeting: MeetingRow) =>
    refused(reply, forbidden, { backHref: teamMeetingPath(meeting.id), lines: [ownWork] });
  const meetingCrumbs = (m: MeetingRow) => [
    ...crumbs({ id: m.teamId, name: m.teamName }),
    { text: `Team meeting on ${formatDate(m.heldOn)}`, href: teamMeetingPath(m.id) },
  ];

  /** The meeting, if the user may read it (null: a 404), and whether they record its team's meetings. */
  const meetingOf = async (user: SignedInUser, id: string) => {
    const meeting = await findMeeting(db, user, id);
    return meeting && { meeting, records: recordsForTeam(user, { id: meeting.teamId, areaId: meeting.areaId }) };
  };
  /** The action and its meeting, likewise. */
  const actionOf = async (user: SignedInUser, id: string) => {
    const action = await findAction(db, id);
    const found = action && (await meetingOf(user, action.meetingId));
    return found && { action, ...found };
  };

  // The action's form: adding one, or (given the action) changing it.
  const actionPage = async (meeting: MeetingRow, values: Values, action?: Action) => {
    const fields: Field[] = [
      { type: 'textarea', name: 'action', label: 'The action', rows: 3 },
      {
        type: 'select',
        name: 'ownerId',
        label: 'Who will do it',
        choices: choices(await ownerChoices(db, meeting.teamId, action?.ownerId)),
      },
      { type: 'date', name: 'dueOn', label: 'Date it is due', hint: 'For example, 14 1 2027' },
    ];
    const heldOn = formatDate(meeting.heldOn);
    return {
      title: `${action ? 'Change the action' : 'Add an action'}: team meeting on ${heldOn}`,
      caption: `${meeting.teamName}: team meeting on ${heldOn}`,
      heading: action ? 'Change the action' : 'Add an action for the team',
      intro: action
        ? [
            'Correct what the team agreed, who has it or when it is due. The change and what the action said are kept in the audit trail.',
          ]
        : ['An action the team agreed from the review, given to one of the team, with the date it is due.'],
      fields: formFields(fields, values),
      action: action ? editActionPath(action.id) : newActionPath(meeting.id),
      cancel: teamMeetingPath(meeting.id),
      button: action ? 'Save the changes' : 'Save the action',
      breadcrumbs: meetingCrumbs(meeting),
    };
  };

  app.get<WithId>(newActionPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.records) return refuse(reply, found.meeting);
    return showForm(reply, await actionPage(found.meeting, {}));
  });
  app.post<WithId>(newActionPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { meeting } = found;
    const form = parseDatedForm(actionForm, request.body, ACTION_DATES);
    if (!form.ok) return showForm(reply, await actionPage(meeting, form.input), form.errors);
    const result = await addAction(db, who(request), meeting.id, form.value);
    const body = request.body as Values;
    return answerForm(reply, result, `${teamMeetingPath(meeting.id)}?done=action`, async (errors) =>
      showForm(reply, await actionPage(meeting, body), linkDateErrors(errors, ACTION_DATES)),
    );
  });

  // Changing an action: its form, filled in.
  app.get<WithId>(editActionPath(':id'), record, async (request, reply) => {
    const found = await actionOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.records) return refuse(reply, found.meeting);
    const { action, meeting } = found;
    await auditViewed(db, who(request), TEAM_MEETING_RECORD, [meeting.id], 'meeting-action');
    return showForm(reply, await actionPage(meeting, actionValues(action), action));
  });
  app.post<WithId>(editActionPath(':id'), record, async (request, reply) => {
    const found = await actionOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { action, meeting } = found;
    if (!found.records) return refuse(reply, meeting);
    const form = parseDatedForm(actionForm, request.body, ACTION_DATES);
    if (!form.ok) return showForm(reply, await actionPage(meeting, form.input, action), form.errors);
    const result = await changeAction(db, who(request), action.id, form.value);
    const body = request.body as Values;
    return answerForm(reply, result, `${teamMeetingPath(meeting.id)}?done=action-changed`, async (errors) =>
      showForm(reply, await actionPage(meeting, body, action), linkDateErrors(errors, ACTION_DATES)),
    );
  });

  // Removing an action agreed by mistake.
  const removePage = (meeting: MeetingRow, action: Action, values: Values) => ({
    title: `Remove the action: team meeting on ${formatDate(meeting.heldOn)}`,
    caption: `${meeting.teamName}: team meeting on ${formatDate(meeting.heldOn)}`,
    heading: 'Remove the action',
    intro: [
      `“${action.action}”, due by ${formatDate(action.dueOn)}.`,
      'Remove an action only if it was recorded by mistake: one the team did not agree, or recorded twice. To correct it, change the action instead; when it has been done, mark it as done.',
      'Its deadline goes with it, and the audit trail keeps what it said and who removed it.',
    ],
    fields: formFields([confirmField('The action was recorded by mistake')], values),
    action: removeActionPath(action.id),
    cancel: teamMeetingPath(meeting.id),
    button: 'Remove the action',
    warningButton: true,
    breadcrumbs: meetingCrumbs(meeting),
  });
  app.get<WithId>(removeActionPath(':id'), record, async (request, reply) => {
    const found = await actionOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.records) return refuse(reply, found.meeting);
    await auditViewed(db, who(request), TEAM_MEETING_RECORD, [found.meeting.id], 'meeting-action');
    return showForm(reply, removePage(found.meeting, found.action, {}));
  });
  app.post<WithId>(removeActionPath(':id'), record, async (request, reply) => {
    const found = await actionOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { action, meeting } = found;
    if (!found.records) return refuse(reply, meeting);
    const form = parseForm(removeActionForm, request.body);
    if (!form.ok) return showForm(reply, removePage(meeting, action, form.input), form.errors);
    const result = await removeAction(db, who(request), action.id);
    return answerForm(
      reply,
      result,
      `${teamMeetingPath(meeting.id)}?done=action-removed`,
      async (errors) => showForm(reply, removePage(meeting, action, {}), errors),
      teamMeetingPath(meeting.id),
    );
  });
};

/** An action's values for its form. */
const actionValues = (action: Action): Values => ({
  action: action.action,
  ownerId: action.ownerId,
  ...dateBoxes('dueOn', action.dueOn),
});
