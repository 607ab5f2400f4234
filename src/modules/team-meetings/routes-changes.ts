/**
 * Putting right what was recorded: a team meeting's details changed, or the meeting removed when it
 * was recorded by mistake (by those who record the team's meetings, scope.ts); a review's details
 * changed, or the review removed while no meeting has discussed it (the head). Each form is the one
 * that recorded it, filled in; a removal is confirmed with a box. Thin: parse, call the service,
 * render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { confirmField, meetingFields, meetingValues, reviewFields, reviewValues } from './fields.ts';
import {
  MEETING_DATES,
  removeMeetingForm,
  removeReviewForm,
  REVIEW_DATES,
  reviewForm,
  teamMeetingForm,
} from './forms.ts';
import { NOTHING_IDENTIFYING } from './labels.ts';
import {
  editReviewPath,
  editTeamMeetingPath,
  learningPath,
  removeReviewPath,
  removeTeamMeetingPath,
  reviewPath,
  teamMeetingPath,
  teamMeetingsPath,
} from './paths.ts';
import {
  actionsOf,
  chairChoices,
  findMeeting,
  findReview,
  reviewChoices,
  reviewDiscussed,
  type MeetingRow,
  type ReviewRow,
} from './queries.ts';
import { crumbs, ownWork } from './routes-meetings.ts';
import { recordsForTeam } from './scope.ts';
import { changeReview, changeTeamMeeting, removeReview, removeTeamMeeting, REVIEW_STAYS } from './service-changes.ts';

const record = { config: { access: { permission: 'team-meetings.record' as const } } };
const manage = { config: { access: { permission: 'team-meetings.manage' as const } } };

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;

const meetingCrumbs = (m: MeetingRow) => [
  ...crumbs({ id: m.teamId, name: m.teamName }),
  { text: `Team meeting on ${formatDate(m.heldOn)}`, href: teamMeetingPath(m.id) },
];
const reviewCrumbs = (r: ReviewRow) => [...crumbs(), { text: r.title, href: reviewPath(r.id) }];

export const changeRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const showForm = (reply: FastifyReply, page: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('team-meetings-form.njk', { ...page, errors });

  /** The meeting, if the user may read it (null: a 404), and whether they record its team's meetings. */
  const meetingOf = async (user: Parameters<typeof findMeeting>[1], id: string) => {
    const meeting = await findMeeting(db, user, id);
    return meeting && { meeting, records: recordsForTeam(user, { id: meeting.teamId, areaId: meeting.areaId }) };
  };
  const refuseMeeting = (reply: FastifyReply, meeting: MeetingRow) =>
    refused(reply, forbidden, { backHref: teamMeetingPath(meeting.id), lines: [ownWork] });

  // Changing a team meeting's details: the form that recorded it, filled in.
  const meetingPage = async (meeting: MeetingRow, values: Values) => ({
    title: `Change the team meeting on ${formatDate(meeting.heldOn)}: ${meeting.teamName}`,
    caption: meeting.teamName,
    heading: 'Change the team meeting',
    warning: NOTHING_IDENTIFYING,
    fields: formFields(
      meetingFields(
        await chairChoices(db, { id: meeting.teamId, areaId: meeting.areaId }, meeting.chairedBy),
        await reviewChoices(db),
      ),
      values,
    ),
    action: editTeamMeetingPath(meeting.id),
    cancel: teamMeetingPath(meeting.id),
    button: 'Save the changes',
    breadcrumbs: meetingCrumbs(meeting),
  });
  app.get<WithId>(editTeamMeetingPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.records) return refuseMeeting(reply, found.meeting);
    return showForm(reply, await meetingPage(found.meeting, meetingValues(found.meeting)));
  });
  app.post<WithId>(editTeamMeetingPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { meeting } = found;
    if (!found.records) return refuseMeeting(reply, meeting);
    const form = parseDatedForm(teamMeetingForm(todayInLondon()), request.body, MEETING_DATES);
    if (!form.ok) return showForm(reply, await meetingPage(meeting, form.input), form.errors);
    const result = await changeTeamMeeting(db, who(request), meeting.id, form.value);
    const body = request.body as Values;
    return answerForm(reply, result, `${teamMeetingPath(meeting.id)}?done=changed`, async (errors) =>
      showForm(reply, await meetingPage(meeting, body), linkDateErrors(errors, MEETING_DATES)),
    );
  });

  // Removing a team meeting recorded by mistake, with its actions.
  const removeMeetingPage = async (meeting: MeetingRow, values: Values) => {
    const actions = (await actionsOf(db, meeting.id)).length;
    return {
      title: `Remove the team meeting on ${formatDate(meeting.heldOn)}: ${meeting.teamName}`,
      caption: meeting.teamName,
      heading: `Remove the team meeting on ${formatDate(meeting.heldOn)}`,
      intro: [
        'Remove a meeting only if it was recorded by mistake: for the wrong team, or a meeting that did not happen. To correct a detail, change the meeting instead.',
        actions === 0
          ? 'It has no actions.'
          : `Its ${actions === 1 ? 'action is' : `${actions} actions are`} removed with it.`,
        'The team’s learning this quarter is worked out again without it, and the audit trail keeps who removed it.',
      ],
      fields: formFields([confirmField('The meeting was recorded by mistake')], values),
      action: removeTeamMeetingPath(meeting.id),
      cancel: teamMeetingPath(meeting.id),
      button: 'Remove the meeting',
      warningButton: true,
      breadcrumbs: meetingCrumbs(meeting),
    };
  };
  app.get<WithId>(removeTeamMeetingPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!found.records) return refuseMeeting(reply, found.meeting);
    return showForm(reply, await removeMeetingPage(found.meeting, {}));
  });
  app.post<WithId>(removeTeamMeetingPath(':id'), record, async (request, reply) => {
    const found = await meetingOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { meeting } = found;
    if (!found.records) return refuseMeeting(reply, meeting);
    const form = parseForm(removeMeetingForm, request.body);
    if (!form.ok) return showForm(reply, await removeMeetingPage(meeting, form.input), form.errors);
    const result = await removeTeamMeeting(db, who(request), meeting.id);
    return answerForm(
      reply,
      result,
      `${teamMeetingsPath(meeting.teamId)}?done=removed`,
      async (errors) => showForm(reply, await removeMeetingPage(meeting, {}), errors),
      teamMeetingPath(meeting.id),
    );
  });

  // Changing a review's details (the head): the form that added it, filled in.
  const reviewPage = (review: ReviewRow, values: Values) => ({
    title: `Change the serious case review: ${review.title}`,
    caption: 'Serious case review',
    heading: 'Change the serious case review',
    warning: NOTHING_IDENTIFYING,
    fields: formFields(reviewFields, values),
    action: editReviewPath(review.id),
    cancel: reviewPath(review.id),
    button: 'Save the changes',
    breadcrumbs: reviewCrumbs(review),
  });
  app.get<WithId>(editReviewPath(':id'), manage, async (request, reply) => {
    const review = await findReview(db, request.params.id);
    if (!review) return reply.callNotFound();
    return showForm(reply, reviewPage(review, reviewValues(review)));
  });
  app.post<WithId>(editReviewPath(':id'), manage, async (request, reply) => {
    const review = await findReview(db, request.params.id);
    if (!review) return reply.callNotFound();
    const form = parseDatedForm(reviewForm(todayInLondon()), request.body, REVIEW_DATES);
    if (!form.ok) return showForm(reply, reviewPage(review, form.input), form.errors);
    const result = await changeReview(db, who(request), review.id, form.value);
    return answerForm(reply, result, `${reviewPath(review.id)}?done=changed`, (errors) =>
      showForm(reply, reviewPage(review, request.body as Values), linkDateErrors(errors, REVIEW_DATES)),
    );
  });

  // Removing a review added by mistake (the head), while no meeting has discussed it.
  const reviewStays = (reply: FastifyReply, review: ReviewRow) =>
    reply.code(409).page('error.njk', {
      title: 'This review cannot be removed',
      lines: [REVIEW_STAYS],
      backLink: { href: reviewPath(review.id) },
    });
  const removeReviewPage = (review: ReviewRow, values: Values) => ({
    title: `Remove the serious case review: ${review.title}`,
    caption: 'Serious case review',
    heading: `Remove “${review.title}”`,
    intro: [
      'Remove a review only if it was added by mistake: no team meeting or extended team manager meeting has discussed it. To correct a detail, change the review instead. The audit trail keeps who removed it.',
    ],
    fields: formFields([confirmField('The review was added by mistake')], values),
    action: removeReviewPath(review.id),
    cancel: reviewPath(review.id),
    button: 'Remove the review',
    warningButton: true,
    breadcrumbs: reviewCrumbs(review),
  });
  app.get<WithId>(removeReviewPath(':id'), manage, async (request, reply) => {
    const review = await findReview(db, request.params.id);
    if (!review) return reply.callNotFound();
    if (await reviewDiscussed(db, review.id)) return reviewStays(reply, review);
    return showForm(reply, removeReviewPage(review, {}));
  });
  app.post<WithId>(removeReviewPath(':id'), manage, async (request, reply) => {
    const review = await findReview(db, request.params.id);
    if (!review) return reply.callNotFound();
    if (await reviewDiscussed(db, review.id)) return reviewStays(reply, review);
    const form = parseForm(removeReviewForm, request.body);
    if (!form.ok) return showForm(reply, removeReviewPage(review, form.input), form.errors);
    const result = await removeReview(db, who(request), review.id);
    if (!result.ok && result.reason === 'discussed') return reviewStays(reply, review);
    return answerForm(
      reply,
      result as Exclude<typeof result, { reason: 'discussed' }>,
      `${learningPath()}?done=removed`,
      (errors) => showForm(reply, removeReviewPage(review, {}), errors),
      reviewPath(review.id),
    );
  });
};
