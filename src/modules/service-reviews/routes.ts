/** The six-monthly reviews' pages: the list, and each review with its figures and form. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { answers, reviewForm } from './forms.ts';
import { actionName, isKindKey } from './kinds.ts';
import { areaReviewRoute, reviewRoute, serviceReviewPath, serviceReviewsPath } from './paths.ts';
import { halfYearWords } from './periods.ts';
import { listReviews, LIST_PAGE_SIZE } from './queries.ts';
import { kindsReadBy } from './scope.ts';
import { findPlace, mayWriteAt, saveReview, viewReview, type Place } from './service.ts';
import { DUE_RULE } from './settings.ts';
import { figuresView, listRowView, reviewStatus } from './views.ts';

const view = { config: { access: { permission: 'service-reviews.view' as const } } };
const write = { config: { access: { permission: 'service-reviews.write' as const } } };

const listQuery = z.object({ page: pageNumber, kind: z.string().optional().catch(undefined) });

type Address = { Params: { kind: string; period: string; areaId?: string } };

const flashes: Record<string, string> = {
  saved: 'The review has been saved',
  completed: 'The review has been marked as complete',
};

const placeTitle = (place: Place) => `${place.kind.title}${place.areaName ? `: ${place.areaName}` : ''}`;

export const serviceReviewsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(serviceReviewsPath(), view, async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    const user = request.user!;
    const today = todayInLondon();
    const kinds = kindsReadBy(user);
    const kind = isKindKey(query.kind) && kinds.some((k) => k.key === query.kind) ? query.kind : null;
    const list = await listReviews(db, user, today, { kind, page: query.page });
    return reply.page('service-reviews-list.njk', {
      title: 'Six-monthly reviews',
      rule: DUE_RULE,
      reviews: list.rows.map((r) => listRowView(r, today)),
      counts: list,
      filter: [
        { value: '', text: 'Every kind', selected: kind === null },
        ...kinds.map((k) => ({ value: k.key, text: `${k.title} (${actionName(k)})`, selected: k.key === kind })),
      ],
      filtered: kind !== null,
      pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  /** The place the address names, within the user's access, or null (a 404). */
  const placeOf = (request: FastifyRequest<Address>) => findPlace(db, request.user!, request.params, todayInLondon());

  const show = async (
    request: FastifyRequest<Address>,
    reply: FastifyReply,
    place: Place,
    form?: { values: Record<string, unknown>; errors: FormErrors },
  ) => {
    const today = todayInLondon();
    const review = await viewReview(db, who(request), place);
    const saved = review.saved;
    const writable = !saved?.completedAt && mayWriteAt(request.user!, place);
    const values = form?.values ?? {
      heard: saved?.heard ?? '',
      learnt: saved?.learnt ?? '',
      willDo: saved?.willDo ?? '',
      sharedWith: saved?.sharedWith ?? '',
      ...dateBoxes('sharedOn', saved?.sharedOn),
    };
    return reply.code(form ? 400 : 200).page('service-reviews-review.njk', {
      title: `${placeTitle(place)}, ${halfYearWords(place.periodStart)}`,
      heading: placeTitle(place),
      halfYear: halfYearWords(place.periodStart),
      kind: place.kind,
      action: actionName(place.kind),
      rule: DUE_RULE,
      status: reviewStatus(place.periodStart, saved, today),
      figures: figuresView(review.figures),
      live: review.live,
      completed: Boolean(saved?.completedAt),
      saved: saved?.completedAt || writable ? saved : null,
      answers,
      formAction: writable ? serviceReviewPath(place.kind.key, place.periodStart, place.areaId) : null,
      values,
      errors: form?.errors,
      flash: flashes[(request.query as { done?: string }).done ?? ''],
      breadcrumbs: [{ text: 'Six-monthly reviews', href: serviceReviewsPath() }],
    });
  };

  const page = async (request: FastifyRequest<Address>, reply: FastifyReply) => {
    const place = await placeOf(request);
    if (!place) return reply.callNotFound();
    return show(request, reply, place);
  };

  const post = async (request: FastifyRequest<Address>, reply: FastifyReply) => {
    const place = await placeOf(request);
    if (!place) return reply.callNotFound();
    const today = todayInLondon();
    const here = serviceReviewPath(place.kind.key, place.periodStart, place.areaId);
    const form = parseDatedForm(reviewForm(today, place.periodStart), request.body, ['sharedOn']);
    if (!form.ok) return show(request, reply, place, { values: form.input, errors: form.errors });
    const result = await saveReview(db, who(request), place, form.value, today);
    const done = form.value.intent === 'complete' ? 'completed' : 'saved';
    return answerForm(reply, result, `${here}?done=${done}`, (errors) =>
      show(request, reply, place, {
        values: request.body as Record<string, unknown>,
        errors: linkDateErrors(errors, ['sharedOn']),
      }),
    );
  };

  app.get<Address>(reviewRoute, view, page);
  app.get<Address>(areaReviewRoute, view, page);
  app.post<Address>(reviewRoute, write, post);
  app.post<Address>(areaReviewRoute, write, post);
};
