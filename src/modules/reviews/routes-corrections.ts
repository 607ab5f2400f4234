/**
 * Putting a review right: cancelling a review started in error (a page saying what goes with it,
 * asking why) and correcting a completed review on its completion form, filled in, with why. Only
 * for those who run reviews, within their scope. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { Db } from '../../platform/db/client.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { who } from '../../platform/views/results.ts';
import { cancelForm, completeDateNames, correctForm, isUuid } from './forms.ts';
import { outcomes } from './labels.ts';
import { cancelReviewPath, correctReviewPath, householdReviewsPath, reviewPath } from './paths.ts';
import type { ReviewRecord } from './queries.ts';
import { bodyOf, dayLinked, refusedRun, reviewCrumbs, runAccess } from './route-support.ts';
import { cancelReview, correctReview, gatheredCounts, reviewToPutRight } from './service-corrections.ts';
import { kindText } from './views.ts';

type WithId = { Params: { id: string } };

const counted = (n: number, one: string, many: string) => `${n === 0 ? 'No' : n} ${n === 1 ? one : many}`;

export function correctionRoutes(app: FastifyInstance, { db, mailer }: { db: Db; mailer: Mailer }) {
  const cancelPage = async (
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) => {
    const { review, household } = record;
    const counts = await gatheredCounts(db, review.id);
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Cancel the review: ${household.name}`,
      caption: `${household.name} (${household.reference})`,
      heading: `Cancel the review started on ${formatDate(review.startedOn)}`,
      intro:
        'Cancel it only if it was started in error: the wrong household, or a review that is not needed. ' +
        'What it has gathered goes with it: the reports and views recorded, and the children’s and social workers’ ' +
        'forms, whose links stop working. Checks renewed at it stay in the household’s record. The household’s next ' +
        'review is due as it was before this one started, and a new review can be started. The audit trail keeps ' +
        'who cancelled it and why.',
      rows: [
        { key: 'Review', value: kindText(review) },
        { key: 'Reviewing officer', value: record.officerName },
        { key: 'Started', value: formatDate(review.startedOn) },
        ...(review.dueOn ? [{ key: 'Due by', value: formatDate(review.dueOn) }] : []),
        {
          key: 'Goes with it',
          value: `${counted(counts.contributions, 'report or views', 'reports and views')} recorded; ${counted(counts.links, 'link', 'links')} not yet used`,
        },
        ...(counts.checks
          ? [{ key: 'Stays', value: `${counted(counts.checks, 'check', 'checks')} renewed, in the household’s record` }]
          : []),
      ],
      what: 'review',
      done: 'cancelled',
      hint: 'For example, started for the wrong household.',
      button: 'Cancel the review',
      cancelText: 'Back to the review',
      values,
      errors,
      action: cancelReviewPath(review.id),
      cancel: reviewPath(review.id),
      breadcrumbs: reviewCrumbs(record),
    });
  };

  app.get<WithId>('/reviews/:id/cancel', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToPutRight(db, request.user!, request.params.id, 'cancel');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    return cancelPage(reply, found.record, {});
  });

  app.post<WithId>('/reviews/:id/cancel', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToPutRight(db, request.user!, request.params.id, 'cancel');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseForm(cancelForm, request.body);
    if (!parsed.ok) return cancelPage(reply, found.record, parsed.input, parsed.errors);
    const result = await cancelReview(db, who(request), request.params.id, parsed.value.reason);
    if (result.ok) return reply.redirect(`${householdReviewsPath(result.id)}?done=cancelled`, 303);
    if (result.reason === 'invalid')
      return cancelPage(reply, found.record, bodyOf(request.body), formErrors(result.errors));
    return refusedRun(reply, result, reviewPath(request.params.id));
  });

  const correctPage = (
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('reviews-complete.njk', {
      title: `Correct the review: ${record.household.name}`,
      record,
      review: record.review,
      household: record.household,
      correcting: true,
      action: correctReviewPath(record.review.id),
      values,
      outcomes: Object.entries(outcomes).map(([value, text]) => ({ value, text, checked: values.outcome === value })),
      errors,
      breadcrumbs: reviewCrumbs(record),
    });

  /** The completion form filled in with what the review says. */
  const filledIn = (review: ReviewRecord['review']) => {
    const [year, month, day] = (review.reviewedOn ?? '').split('-');
    return {
      'reviewedOn-day': day ? String(Number(day)) : '',
      'reviewedOn-month': month ? String(Number(month)) : '',
      'reviewedOn-year': year ?? '',
      outcome: review.outcome,
      outcomeDetail: review.outcomeDetail,
      summary: review.summary,
      childrenSummary: review.childrenSummary,
      pdpUpdated: review.pdpUpdated === null ? undefined : review.pdpUpdated ? 'yes' : 'no',
    };
  };

  app.get<WithId>('/reviews/:id/correct', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToPutRight(db, request.user!, request.params.id, 'correct');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    return correctPage(reply, found.record, filledIn(found.record.review));
  });

  app.post<WithId>('/reviews/:id/correct', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToPutRight(db, request.user!, request.params.id, 'correct');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseDatedForm(correctForm, request.body, completeDateNames);
    if (!parsed.ok) return correctPage(reply, found.record, parsed.input, parsed.errors);
    const result = await correctReview(db, who(request), request.params.id, parsed.value, { mode: mailer.mode });
    if (result.ok) return reply.redirect(`${reviewPath(result.id)}?done=corrected`, 303);
    if (result.reason === 'invalid') {
      return correctPage(reply, found.record, bodyOf(request.body), dayLinked(formErrors(result.errors)));
    }
    return refusedRun(reply, result, reviewPath(request.params.id));
  });
}
