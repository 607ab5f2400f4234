/**
 * The carers' side of their reviews, in the portal: their copy of each completed review's report
 * (never a child's own words), and their comments within 28 days of receiving it.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { invalid, notFound, who, type Result, type Who } from '../../platform/views/results.ts';
import { commentForm, isUuid } from './forms.ts';
import { findVisibleReview, type ReviewRecord } from './queries.ts';
import { buildReport } from './report.ts';
import { reportPdf } from '../../platform/pdf/report.ts';
import { portalReviewPath } from './paths.ts';
import { portalAccess } from './route-support.ts';
import { annualReviews } from './tables.ts';
import { commentsOpen, kindText } from './views.ts';
import { formatDate } from '../../platform/views/format.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string } };

/** The carer's household's completed reviews whose report they were given, newest first. */
async function reviewsForCarer(db: Db, who: Who) {
  const householdId = who.user.householdId;
  if (!householdId) return [];
  const rows = await db
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.householdId, householdId), isNotNull(annualReviews.reportSentOn)))
    .orderBy(desc(annualReviews.reviewedOn));
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: householdId,
    detail: { page: 'portal-reviews' },
  });
  return rows;
}

/** A review of the carer's own household whose report they were given (audited), or null. */
async function reviewForCarer(db: Db, who: Who, id: string, page: string): Promise<ReviewRecord | null> {
  const record = await findVisibleReview(db, who.user, id);
  if (!record || !record.review.reportSentOn) return null;
  await recordAudit(db, who.actor, { action: 'view', recordType: 'annual-review', recordId: id, detail: { page } });
  return record;
}

/** Keeps the carers' comments on their copy, once, within the 28 days. */
export async function recordCarerComment(db: Db, who: Who, id: string, comment: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await findVisibleReview(tx, who.user, id);
    if (!record || !record.review.reportSentOn) return notFound;
    if (!commentsOpen(record.review)) {
      return invalid({
        field: 'comment',
        message: 'The time to comment on this report has ended, or you have commented already',
      });
    }
    const rows = await tx
      .update(annualReviews)
      .set({ carerComment: comment, carerCommentedOn: todayInLondon(), updatedAt: new Date() })
      .where(
        and(
          eq(annualReviews.id, id),
          isNull(annualReviews.carerComment),
          sql`${annualReviews.commentsDueOn} >= ${todayInLondon()}::date`,
        ),
      )
      .returning({ id: annualReviews.id });
    if (!rows.length) return invalid({ field: 'comment', message: 'You have commented on this report already' });
    await recordAudit(tx, who.actor, { action: 'comment', recordType: 'annual-review', recordId: id });
    return { ok: true as const, id };
  });
}

export function portalReviewRoutes(app: FastifyInstance, db: Db) {
  app.get('/portal/reviews', portalAccess, async (request, reply) => {
    const rows = await reviewsForCarer(db, who(request));
    return reply.page('reviews-portal-list.njk', {
      title: 'Your annual reviews',
      rows: rows.map((r) => ({ ...r, kind: kindText(r), open: commentsOpen(r) })),
      backLink: { href: '/portal', text: 'Your household' },
    });
  });

  async function reviewPage(
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
    done?: string,
  ) {
    return reply.code(errors ? 400 : 200).page('reviews-portal-review.njk', {
      title: `Your review report, ${formatDate(record.review.reviewedOn)}`,
      review: record.review,
      report: await buildReport(db, record, 'carers'),
      open: commentsOpen(record.review),
      values,
      errors,
      flash: done === 'comment' ? 'Thank you: your comments have been sent to the reviewing officer' : undefined,
      breadcrumbs: [
        { text: 'Your household', href: '/portal' },
        { text: 'Your annual reviews', href: '/portal/reviews' },
      ],
    });
  }

  app.get<WithId>('/portal/reviews/:id', portalAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await reviewForCarer(db, who(request), request.params.id, 'portal-review');
    if (!record) return reply.callNotFound();
    return reviewPage(reply, record, {}, undefined, request.query.done);
  });

  app.get<WithId>('/portal/reviews/:id/report.pdf', portalAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await reviewForCarer(db, who(request), request.params.id, 'portal-report-pdf');
    if (!record) return reply.callNotFound();
    const pdf = await reportPdf(await buildReport(db, record, 'carers'));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="annual-review-${record.review.reviewedOn}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  });

  app.post<WithId>('/portal/reviews/:id/comment', portalAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(commentForm, request.body);
    const result = parsed.ok
      ? await recordCarerComment(db, who(request), request.params.id, parsed.value.comment)
      : null;
    if (result?.ok) return reply.redirect(`${portalReviewPath(request.params.id)}?done=comment`, 303);
    if (result && result.reason !== 'invalid') return reply.callNotFound();
    const record = await findVisibleReview(db, request.user!, request.params.id);
    if (!record || !record.review.reportSentOn) return reply.callNotFound();
    const errors = parsed.ok
      ? formErrors(result && !result.ok && result.reason === 'invalid' ? result.errors : [])
      : parsed.errors;
    return reviewPage(reply, record, parsed.ok ? { comment: parsed.value.comment } : parsed.input, errors);
  });
}
