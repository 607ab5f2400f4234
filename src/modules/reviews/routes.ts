/** The staff pages of annual reviews: a household's reviews, starting one, the review and its report. */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { loadPageSections } from '../../platform/views/page-sections.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { bodyOf, crumbs, dayLinked, refusedRun, reviewCrumbs, runAccess, viewAccess } from './route-support.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { completeDateNames, completeForm, isUuid, startForm } from './forms.ts';
import { checkFindings, checkTitle, extraReasons, outcomes } from './labels.ts';
import {
  latestPersonChecks,
  listHouseholdReviews,
  nextReviewDue,
  openReviewOf,
  REVIEWS_PAGE_SIZE,
  reviewDetails,
  type ReviewRecord,
} from './queries.ts';
import { buildReport, reviewYearTraining } from './report.ts';
import { reportDocx, reportPdf } from '../../platform/pdf/report.ts';
import {
  cancelReviewPath,
  completeReviewPath,
  correctReviewPath,
  householdReviewsPath,
  reviewChecksPath,
  reviewDocxPath,
  reviewPath,
  reviewPdfPath,
  reviewRecordPath,
} from './paths.ts';
import { recordRoutes } from './routes-record.ts';
import { mayPutRight } from './service-corrections.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { linkRoutes } from './routes-links.ts';
import { portalReviewRoutes } from './routes-portal.ts';
import { worklistRoutes } from './routes-worklist.ts';
import {
  canRecord,
  canRunReviews,
  completeReview,
  householdToReview,
  reviewToChange,
  startReview,
  viewHouseholdReviews,
  viewReview,
} from './service.ts';
import { childRows, flashOf, kindText, messageRows, outcomeText, reportStatus, reviewTags } from './views.ts';
import { formatDate } from '../../platform/views/format.ts';

export interface ReviewRouteOptions {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type WithId = { Params: { id: string }; Querystring: { done?: string; page?: string } };

export const reviewRoutes: FastifyPluginAsync<ReviewRouteOptions> = async (app, options) => {
  worklistRoutes(app, options.db);
  householdPages(app, options.db);
  reviewPages(app, options);
  recordRoutes(app, options.db);
  correctionRoutes(app, options);
  linkRoutes(app, options);
  portalReviewRoutes(app, options.db);
};

function householdPages(app: FastifyInstance, db: Db) {
  app.get<WithId>('/households/:id/reviews', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const household = await viewHouseholdReviews(db, who(request), request.params.id);
    if (!household) return reply.callNotFound();
    const page = pageFrom(request.query.page);
    const { rows, total } = await listHouseholdReviews(db, household.id, page);
    const open = await openReviewOf(db, household.id);
    return reply.page('reviews-household.njk', {
      title: `Reviews of approval: ${household.name}`,
      household,
      next: await nextReviewDue(db, household),
      today: todayInLondon(),
      rows: rows.map((r) => ({
        ...r,
        kind: kindText(r.review),
        tags: reviewTags(r.review),
        outcome: outcomeText(r.review),
      })),
      pagination: pagination(request.url, page, REVIEWS_PAGE_SIZE, total),
      canStart: canRunReviews(request.user!) && !open,
      open,
      flash: flashOf(request.query.done),
      breadcrumbs: crumbs(household, false),
    });
  });

  const startPage = (
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('reviews-start.njk', {
      title: `Start a review: ${household.name}`,
      household,
      values,
      reasons: Object.entries(extraReasons).map(([value, text]) => ({ value, text, checked: values.reason === value })),
      errors,
      breadcrumbs: crumbs(household),
    });

  app.get<WithId>('/households/:id/reviews/new', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToReview(db, request.user!, request.params.id);
    if (!found.ok) return refusedRun(reply, found, householdReviewsPath(request.params.id));
    // One review at a time: a review already under way is where to go, not a form that would be refused.
    const open = await openReviewOf(db, found.household.id);
    if (open) return reply.redirect(reviewPath(open.id), 303);
    return startPage(reply, found.household, { kind: 'annual' });
  });

  app.post<WithId>('/households/:id/reviews/new', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await householdToReview(db, request.user!, request.params.id);
    if (!found.ok) return refusedRun(reply, found, householdReviewsPath(request.params.id));
    const parsed = parseForm(startForm, request.body);
    if (!parsed.ok) return startPage(reply, found.household, parsed.input, parsed.errors);
    const result = await startReview(db, who(request), found.household.id, parsed.value);
    if (result.ok) return reply.redirect(`${reviewPath(result.id)}?done=started`, 303);
    if (result.reason === 'invalid')
      return startPage(reply, found.household, bodyOf(request.body), formErrors(result.errors));
    return refusedRun(reply, result, householdReviewsPath(found.household.id));
  });
}

function reviewPages(app: FastifyInstance, { db, mailer }: ReviewRouteOptions) {
  app.get<WithId>('/reviews/:id', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await viewReview(db, who(request), request.params.id);
    if (!record) return reply.callNotFound();
    const { review, household } = record;
    const details = await reviewDetails(db, review.id);
    const training = await reviewYearTraining(db, review, household.id);
    const user = request.user!;
    const sections = await loadPageSections('annual-review', {
      db,
      user,
      actor: request.actor(),
      record: { id: review.id, householdId: household.id },
      today: todayInLondon(),
    });
    const gathering = review.status === 'gathering';
    return reply.page('reviews-show.njk', {
      title: `Review of approval: ${household.name}, started ${formatDate(review.startedOn)}`,
      record,
      review,
      household,
      kind: kindText(review),
      tags: reviewTags(review),
      children: childRows(details, review.id, gathering && canRunReviews(user)),
      reports: [reportStatus(details, 'carer_report'), reportStatus(details, 'ssw_report')].map((r, i) => ({
        ...r,
        href:
          gathering && canRecord(user, household, i ? 'ssw_report' : 'carer_report')
            ? reviewRecordPath(review.id, i ? 'ssw_report' : 'carer_report')
            : null,
      })),
      canRun: gathering && canRunReviews(user),
      cancelHref: mayPutRight(user, review, 'cancel') ? cancelReviewPath(review.id) : null,
      correctHref: mayPutRight(user, review, 'correct') ? correctReviewPath(review.id) : null,
      memberHref: reviewRecordPath(review.id, 'member_views'),
      checksHref: reviewChecksPath(review.id),
      personChecks: await latestPersonChecks(db, household.id),
      sections,
      renewedChecks: details.checks.map((c) => ({
        title: checkTitle(c.kind, c.person),
        on: c.checkedOn,
        findings: checkFindings(c),
      })),
      training,
      messages: messageRows(details),
      report: await buildReport(db, record, 'full', { details, training }),
      paths: {
        complete: completeReviewPath(review.id),
        pdf: reviewPdfPath(review.id),
        docx: reviewDocxPath(review.id),
      },
      flash: flashOf(request.query.done),
      breadcrumbs: crumbs(household),
    });
  });

  async function reportFile(request: FastifyRequest<WithId>, reply: FastifyReply, kind: 'pdf' | 'docx') {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await viewReview(db, who(request), request.params.id, `report-${kind}`);
    if (!record) return reply.callNotFound();
    const report = await buildReport(db, record, 'full');
    const name = `annual-review-${record.household.reference}-${record.review.reviewedOn ?? record.review.startedOn}`;
    const file = kind === 'pdf' ? await reportPdf(report) : await reportDocx(report);
    return reply
      .header('content-type', kind === 'pdf' ? 'application/pdf' : DOCX_TYPE)
      .header('content-disposition', `${kind === 'pdf' ? 'inline' : 'attachment'}; filename="${name}.${kind}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file);
  }
  app.get<WithId>('/reviews/:id/report.pdf', viewAccess, (request, reply) => reportFile(request, reply, 'pdf'));
  app.get<WithId>('/reviews/:id/report.docx', viewAccess, (request, reply) => reportFile(request, reply, 'docx'));

  const completePage = (
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('reviews-complete.njk', {
      title: `Complete the review: ${record.household.name}`,
      record,
      review: record.review,
      household: record.household,
      values,
      outcomes: Object.entries(outcomes).map(([value, text]) => ({ value, text, checked: values.outcome === value })),
      errors,
      breadcrumbs: reviewCrumbs(record),
    });

  app.get<WithId>('/reviews/:id/complete', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'run');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    return completePage(reply, found.record, {});
  });

  app.post<WithId>('/reviews/:id/complete', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'run');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseDatedForm(completeForm, request.body, completeDateNames);
    if (!parsed.ok) return completePage(reply, found.record, parsed.input, parsed.errors);
    const result = await completeReview(db, who(request), request.params.id, parsed.value, { mode: mailer.mode });
    if (result.ok) return reply.redirect(`${reviewPath(result.id)}?done=completed`, 303);
    if (result.reason === 'invalid') {
      return completePage(reply, found.record, bodyOf(request.body), dayLinked(formErrors(result.errors)));
    }
    return refusedRun(reply, result, reviewPath(request.params.id));
  });
}
