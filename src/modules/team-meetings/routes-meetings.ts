/**
 * A team's meetings on learning from serious case reviews: the team's list, recording a meeting
 * (the team's own manager, its area's service manager or the head: scope.ts), a meeting's page with
 * its actions, and marking one done. Adding, changing and removing an action are in routes-actions.ts;
 * changing and removing a meeting in routes-changes.ts. Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { meetingFields } from './fields.ts';
import { listQuery, MEETING_DATES, teamMeetingForm } from './forms.ts';
import { NOTHING_IDENTIFYING } from './labels.ts';
import {
  actionDonePath,
  actionNotDonePath,
  editTeamMeetingPath,
  learningPath,
  newActionPath,
  newTeamMeetingPath,
  removeTeamMeetingPath,
  reviewPath,
  teamMeetingPath,
  teamMeetingsPath,
} from './paths.ts';
import {
  actionsOf,
  chairChoices,
  findMeeting,
  findTeam,
  meetingsOfTeam,
  PAGE_SIZE,
  reviewChoices,
  type TeamRecord,
} from './queries.ts';
import { closesAction, readsTeam, recordsForTeam } from './scope.ts';
import { auditViewed, markActionDone, markActionNotDone, recordTeamMeeting, TEAM_MEETING_RECORD } from './service.ts';
import { actionView, meetingListRow, meetingRows, withoutDone } from './views.ts';

const view = { config: { access: { permission: 'team-meetings.view' as const } } };
const record = { config: { access: { permission: 'team-meetings.record' as const } } };

type WithId = { Params: { id: string }; Querystring: Record<string, unknown> };

export const crumbs = (team?: Pick<TeamRecord, 'id' | 'name'>) => [
  { text: 'Home', href: '/' },
  { text: 'Learning from reviews', href: learningPath() },
  ...(team ? [{ text: team.name, href: teamMeetingsPath(team.id) }] : []),
];

const flashes: Record<string, string> = {
  recorded: 'The team meeting has been recorded',
  changed: 'The team meeting has been changed',
  action: 'The action has been added',
  'action-changed': 'The action has been changed',
  'action-removed': 'The action has been removed',
  closed: 'The action is marked done',
  reopened: 'The action is marked not done, and is on the clock again',
};
const flashOf = (done: unknown) => (Object.hasOwn(flashes, String(done)) ? flashes[String(done)] : undefined);

/** Who records a team's meetings, for the page that refuses anyone else. */
export const ownWork =
  'Only the team’s own manager, the service manager of its area and the head of fostering record and change its meetings and actions.';

export const meetingRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  /** The team, if the user may read its meetings; null (a 404) otherwise. */
  const teamOf = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const team = await findTeam(db, request.params.id);
    return team && readsTeam(request.user!, team) ? team : null;
  };

  // A team's meetings.
  app.get<WithId>(teamMeetingsPath(':id'), view, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const { page } = listQuery.parse(request.query ?? {});
    const list = await meetingsOfTeam(db, team.id, page);
    await auditViewed(
      db,
      who(request),
      TEAM_MEETING_RECORD,
      list.rows.map((m) => m.id),
      'team',
    );
    return reply.page('team-meetings-team.njk', {
      title: page > 1 ? `Team meetings: ${team.name} (page ${page})` : `Team meetings: ${team.name}`,
      team,
      rows: list.rows.map(meetingListRow),
      pagination: pagination(withoutDone(request.url), page, PAGE_SIZE, list.total),
      newHref: recordsForTeam(request.user!, team) ? newTeamMeetingPath(team.id) : null,
      flash: request.query.done === 'removed' ? 'The team meeting has been removed' : undefined,
      breadcrumbs: crumbs(),
    });
  });

  // Recording a team meeting (the team's own manager, its area's service manager or the head).
  const meetingForm = async (team: TeamRecord, values: Record<string, unknown>) => {
    const fields = meetingFields(await chairChoices(db, team), await reviewChoices(db));
    return {
      title: `Record a team meeting: ${team.name}`,
      caption: team.name,
      heading: 'Record a team meeting',
      intro: [
        'A team meeting where a serious case review was discussed (business plan action 10.1). Add the team’s actions from the meeting’s page once it is saved.',
      ],
      warning: NOTHING_IDENTIFYING,
      fields: formFields(fields, values),
      action: newTeamMeetingPath(team.id),
      cancel: teamMeetingsPath(team.id),
      button: 'Save the meeting',
      breadcrumbs: crumbs(team),
    };
  };
  const showForm = (reply: FastifyReply, page: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('team-meetings-form.njk', { ...page, errors });
  const refuse = (reply: FastifyReply, back: string) => refused(reply, forbidden, { backHref: back, lines: [ownWork] });

  app.get<WithId>(newTeamMeetingPath(':id'), record, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    if (!recordsForTeam(request.user!, team)) return refuse(reply, teamMeetingsPath(team.id));
    return showForm(reply, await meetingForm(team, {}));
  });
  app.post<WithId>(newTeamMeetingPath(':id'), record, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const form = parseDatedForm(teamMeetingForm(todayInLondon()), request.body, MEETING_DATES);
    if (!form.ok) return showForm(reply, await meetingForm(team, form.input), form.errors);
    const result = await recordTeamMeeting(db, who(request), team.id, form.value);
    const body = request.body as Record<string, unknown>;
    return answerForm(
      reply,
      result,
      result.ok ? `${teamMeetingPath(result.id)}?done=recorded` : teamMeetingsPath(team.id),
      async (errors) => showForm(reply, await meetingForm(team, body), errors),
    );
  });

  // A meeting's page, with its actions.
  app.get<WithId>(teamMeetingPath(':id'), view, async (request, reply) => {
    const meeting = await findMeeting(db, request.user!, request.params.id);
    if (!meeting) return reply.callNotFound();
    const actions = await actionsOf(db, meeting.id);
    await auditViewed(db, who(request), TEAM_MEETING_RECORD, [meeting.id], 'meeting');
    const today = todayInLondon();
    const user = request.user!;
    const records = recordsForTeam(user, { id: meeting.teamId, areaId: meeting.areaId });
    return reply.page('team-meetings-meeting.njk', {
      title: `Team meeting on ${meetingListRow(meeting).heldOn}: ${meeting.teamName}`,
      meeting: meetingListRow(meeting),
      rows: meetingRows(meeting),
      reviewHref: reviewPath(meeting.reviewId),
      actions: actions.map((a) =>
        actionView(a, today, closesAction(user, { ...meeting, ownerId: a.ownerId }), records),
      ),
      addHref: records ? newActionPath(meeting.id) : null,
      changeHref: records ? editTeamMeetingPath(meeting.id) : null,
      removeHref: records ? removeTeamMeetingPath(meeting.id) : null,
      flash: flashOf(request.query.done),
      breadcrumbs: crumbs({ id: meeting.teamId, name: meeting.teamName }),
    });
  });

  // Marking an action done (its owner or the team's manager).
  app.post<WithId>(actionDonePath(':id'), view, async (request, reply) => {
    const result = await markActionDone(db, who(request), request.params.id);
    if (result.ok) return reply.redirect(`${teamMeetingPath(result.id)}?done=closed`, 303);
    return refused(reply, result.reason === 'invalid' ? forbidden : result, { backHref: learningPath() });
  });

  // Putting an action marked done by mistake back on the clock (the same people).
  app.post<WithId>(actionNotDonePath(':id'), view, async (request, reply) => {
    const result = await markActionNotDone(db, who(request), request.params.id);
    if (result.ok) return reply.redirect(`${teamMeetingPath(result.id)}?done=reopened`, 303);
    return refused(reply, result.reason === 'invalid' ? forbidden : result, { backHref: learningPath() });
  });
};
