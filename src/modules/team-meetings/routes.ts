/**
 * Learning from serious case reviews: the main page (each team's latest discussion and the reviews),
 * the head's list of reviews and a review's page (which teams discussed it, and when), and the
 * monthly extended team manager meetings. A team's meetings are in routes-meetings.ts. Thin: parse,
 * call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { monthName } from '../../platform/measures/periods.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { extendedFields, reviewFields } from './fields.ts';
import {
  extendedMeetingForm,
  learningQuery,
  listQuery,
  MEETING_DATES,
  REVIEW_DATES,
  reviewForm,
  TEAMS_PAGE,
} from './forms.ts';
import { NOTHING_IDENTIFYING, quarterWords } from './labels.ts';
import {
  editExtendedMeetingPath,
  editReviewPath,
  extendedMeetingPath,
  extendedMeetingsPath,
  learningPath,
  newExtendedMeetingPath,
  newReviewPath,
  removeExtendedMeetingPath,
  removeReviewPath,
  reviewPath,
} from './paths.ts';
import {
  discussionsOf,
  findExtendedMeeting,
  findReview,
  lastTwelveMonths,
  listExtendedMeetings,
  listReviews,
  PAGE_SIZE,
  reviewChoices,
  reviewDiscussed,
  teamLines,
} from './queries.ts';
import { actionRoutes } from './routes-actions.ts';
import { changeRoutes } from './routes-changes.ts';
import { extendedChangeRoutes } from './routes-extended.ts';
import { meetingRoutes } from './routes-meetings.ts';
import { mayManageReviews, mayReadExtended } from './scope.ts';
import { auditViewed, EXTENDED_MEETING_RECORD, recordExtendedMeeting, recordReview, REVIEW_RECORD } from './service.ts';
import { discussionView, extendedView, reviewListRow, teamLineView, withoutDone } from './views.ts';

const view = { config: { access: { permission: 'team-meetings.view' as const } } };
const manage = { config: { access: { permission: 'team-meetings.manage' as const } } };
const extended = { config: { access: { permission: 'team-meetings.extended' as const } } };

type WithId = { Params: { id: string } };
type Paged = { Querystring: Record<string, unknown> };

/** What the review's page says after it was added or changed. */
const reviewFlashes: Record<string, string> = {
  added: 'The review has been added',
  changed: 'The review has been changed',
};

/** What the extended meetings' list says after one was recorded or removed. */
const extendedFlashes: Record<string, string | undefined> = {
  recorded: 'The meeting has been recorded',
  removed: 'The meeting has been removed',
};

/** A pager with its own name for screen readers: two on one page are two navigation landmarks. */
const labelled = (pager: ReturnType<typeof pagination>, landmarkLabel: string) => ({
  ...pager,
  govuk: pager.govuk && { ...pager.govuk, landmarkLabel },
});

const home = [{ text: 'Home', href: '/' }];
const crumbs = [...home, { text: 'Learning from reviews', href: learningPath() }];

export const teamMeetingsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  await app.register(meetingRoutes, { db });
  await app.register(actionRoutes, { db });
  await app.register(changeRoutes, { db });
  await app.register(extendedChangeRoutes, { db });

  // The main page: each team's latest discussion, and the reviews; two lists, each paged on its own.
  app.get<Paged>(learningPath(), view, async (request, reply) => {
    const { page, [TEAMS_PAGE]: teamsPage } = learningQuery.parse(request.query ?? {});
    const user = request.user!;
    const quarter = quarterOf(todayInLondon()).start;
    const lines = await teamLines(db, user, quarter, teamsPage);
    const reviews = await listReviews(db, page);
    const pages = [teamsPage > 1 ? `teams page ${teamsPage}` : '', page > 1 ? `reviews page ${page}` : ''].filter(
      Boolean,
    );
    const url = withoutDone(request.url);
    await auditViewed(
      db,
      who(request),
      REVIEW_RECORD,
      reviews.rows.map((r) => r.id),
      'list',
    );
    return reply.page('team-meetings-learning.njk', {
      title: `Learning from serious case reviews${pages.length ? ` (${pages.join(', ')})` : ''}`,
      quarter: quarterWords(quarter),
      teams: lines.rows.map((t) => teamLineView(t, quarter)),
      teamsPagination: labelled(pagination(url, teamsPage, PAGE_SIZE, lines.total, TEAMS_PAGE), 'Pages of teams'),
      reviews: reviews.rows.map(reviewListRow),
      pagination: labelled(pagination(url, page, PAGE_SIZE, reviews.total), 'Pages of reviews'),
      flash: request.query.done === 'removed' ? 'The review has been removed' : undefined,
      newReviewHref: mayManageReviews(user) ? newReviewPath() : null,
      extendedHref: mayReadExtended(user) ? extendedMeetingsPath() : null,
      breadcrumbs: home,
    });
  });

  const showForm = (reply: FastifyReply, page: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('team-meetings-form.njk', { ...page, errors });

  // Adding a review to the list (the head).
  const reviewPage = (values: Record<string, unknown>) => ({
    title: 'Add a serious case review',
    heading: 'Add a serious case review',
    intro: ['A published serious case review the service will learn from (business plan action 10.1).'],
    warning: NOTHING_IDENTIFYING,
    fields: formFields(reviewFields, values),
    action: newReviewPath(),
    cancel: learningPath(),
    button: 'Save the review',
    breadcrumbs: crumbs,
  });
  app.get(newReviewPath(), manage, async (_request, reply) => showForm(reply, reviewPage({})));
  app.post(newReviewPath(), manage, async (request, reply) => {
    const form = parseDatedForm(reviewForm(todayInLondon()), request.body, REVIEW_DATES);
    if (!form.ok) return showForm(reply, reviewPage(form.input), form.errors);
    const result = await recordReview(db, who(request), form.value);
    return answerForm(reply, result, result.ok ? `${reviewPath(result.id)}?done=added` : learningPath(), (errors) =>
      showForm(reply, reviewPage(request.body as Record<string, unknown>), errors),
    );
  });

  // A review's page: its learning, and the teams that discussed it.
  app.get<WithId & Paged>(reviewPath(':id'), view, async (request, reply) => {
    const review = await findReview(db, request.params.id);
    if (!review) return reply.callNotFound();
    const { page } = listQuery.parse(request.query ?? {});
    const user = request.user!;
    const discussions = await discussionsOf(db, user, review.id, page);
    const manages = mayManageReviews(user);
    const stays = manages && (await reviewDiscussed(db, review.id));
    await auditViewed(db, who(request), REVIEW_RECORD, [review.id], 'review');
    return reply.page('team-meetings-review.njk', {
      title: `Serious case review: ${review.title}`,
      review: {
        ...reviewListRow(review),
        link: review.link,
        learning: review.learning,
        recordedBy: review.recordedByName,
      },
      discussions: discussions.rows.map(discussionView),
      pagination: pagination(withoutDone(request.url), page, PAGE_SIZE, discussions.total),
      changeHref: manages ? editReviewPath(review.id) : null,
      removeHref: manages && !stays ? removeReviewPath(review.id) : null,
      flash: Object.hasOwn(reviewFlashes, String(request.query.done))
        ? reviewFlashes[String(request.query.done)]
        : undefined,
      breadcrumbs: crumbs,
    });
  });

  // The extended team manager meetings, with the last 12 months.
  app.get<Paged>(extendedMeetingsPath(), extended, async (request, reply) => {
    const { page } = listQuery.parse(request.query ?? {});
    const list = await listExtendedMeetings(db, page);
    const months = await lastTwelveMonths(db, todayInLondon());
    await auditViewed(
      db,
      who(request),
      EXTENDED_MEETING_RECORD,
      list.rows.map((e) => e.id),
      'list',
    );
    return reply.page('team-meetings-extended.njk', {
      title: page > 1 ? `Extended team manager meetings (page ${page})` : 'Extended team manager meetings',
      months: months.map((m) => ({ month: monthName(m.month), met: m.met, meetings: m.meetings })),
      held: months.filter((m) => m.met).length,
      rows: list.rows.map((e) => ({ ...extendedView(e), href: extendedMeetingPath(e.id) })),
      pagination: pagination(request.url, page, PAGE_SIZE, list.total),
      newHref: mayManageReviews(request.user!) ? newExtendedMeetingPath() : null,
      flash: extendedFlashes[String(request.query.done)],
      breadcrumbs: crumbs,
    });
  });

  const extendedPage = async (values: Record<string, unknown>) => ({
    title: 'Record an extended team manager meeting',
    heading: 'Record an extended team manager meeting',
    intro: [
      'The monthly extended team manager fostering meeting. Business plan action 10.1 asks for reflective practice and learning on its agenda every month.',
    ],
    warning: NOTHING_IDENTIFYING,
    fields: formFields(extendedFields(await reviewChoices(db)), values),
    action: newExtendedMeetingPath(),
    cancel: extendedMeetingsPath(),
    button: 'Save the meeting',
    breadcrumbs: [...crumbs, { text: 'Extended team manager meetings', href: extendedMeetingsPath() }],
  });
  app.get(newExtendedMeetingPath(), manage, async (_request, reply) => showForm(reply, await extendedPage({})));
  app.post(newExtendedMeetingPath(), manage, async (request, reply) => {
    const form = parseDatedForm(extendedMeetingForm(todayInLondon()), request.body, MEETING_DATES);
    if (!form.ok) return showForm(reply, await extendedPage(form.input), form.errors);
    const result = await recordExtendedMeeting(db, who(request), form.value);
    const body = request.body as Record<string, unknown>;
    return answerForm(reply, result, `${extendedMeetingsPath()}?done=recorded`, async (errors) =>
      showForm(reply, await extendedPage(body), errors),
    );
  });

  app.get<WithId & Paged>(extendedMeetingPath(':id'), extended, async (request, reply) => {
    const meeting = await findExtendedMeeting(db, request.params.id);
    if (!meeting) return reply.callNotFound();
    await auditViewed(db, who(request), EXTENDED_MEETING_RECORD, [meeting.id], 'meeting');
    const manages = mayManageReviews(request.user!);
    return reply.page('team-meetings-extended-meeting.njk', {
      title: `Extended team manager meeting on ${extendedView(meeting).heldOn}`,
      meeting: extendedView(meeting),
      changeHref: manages ? editExtendedMeetingPath(meeting.id) : null,
      removeHref: manages ? removeExtendedMeetingPath(meeting.id) : null,
      flash: request.query.done === 'changed' ? 'The meeting has been changed' : undefined,
      breadcrumbs: [...crumbs, { text: 'Extended team manager meetings', href: extendedMeetingsPath() }],
    });
  });
};
