/**
 * The notes to carers: the outbox (what was sent, or would have been), each message, "try again
 * now" after a failure, and the carers' confirmation of receipt (by the link in the message, or
 * in the portal).
 */
import { who } from '../../platform/views/results.ts';
import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid } from './forms.ts';
import { acknowledgeNotes, messageByToken, notesMessageOf } from './notes.ts';
import { acknowledgeInPortal, sendNotesAgain, sentNotesForCarer } from './notes-actions.ts';
import { listOutbox, notesStatusTag, OUTBOX_PAGE_SIZE, outboxStatuses, type OutboxStatus } from './notes-queries.ts';
import { canRecordSupervision, viewSupervision } from './service.ts';
import { supervisionDetails } from './queries.ts';
import { supervisionRecordPdf } from './pdf.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { formatDate } from '../../platform/views/format.ts';
import { notesAcknowledgementPath, supervisionPath } from './paths.ts';

export interface NotesOptions {
  db: Db;
  mailer: Mailer;
  mailFrom: string;
}

type WithId = { Params: { id: string } };
type WithToken = { Params: { token: string } };
const viewAccess: RouteShorthandOptions = { config: { access: { permission: 'supervision.view' } } };
const recordAccess: RouteShorthandOptions = { config: { access: { permission: 'supervision.record' } } };
const portalAccess: RouteShorthandOptions = { config: { access: { permission: 'portal.use' } } };
/** The confirmation link is public (the secret in it is the key); slow down anyone guessing. */
const linkAccess: RouteShorthandOptions = {
  config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
};

export function notesRoutes(app: FastifyInstance, { db, mailer, mailFrom }: NotesOptions) {
  app.get<{ Querystring: { page?: string; status?: string; whose?: string } }>(
    '/supervision/outbox',
    viewAccess,
    async (request, reply) => {
      const page = pageFrom(request.query.page);
      const status = request.query.status && request.query.status in outboxStatuses ? request.query.status : undefined;
      const mine = request.query.whose !== 'all';
      const { rows, total } = await listOutbox(db, request.user!, page, status as OutboxStatus | undefined, mine);
      const paging = pagination(request.url, page, OUTBOX_PAGE_SIZE, total);
      return reply.page('supervision-outbox.njk', {
        title: paging.pages > 1 ? `Notes to carers (page ${paging.page} of ${paging.pages})` : 'Notes to carers',
        mailMode: mailer.mode,
        whose: [
          { value: 'mine', text: 'Messages I wrote', selected: mine },
          { value: 'all', text: 'Every household I can see', selected: !mine },
        ],
        statuses: [
          { value: '', text: 'All messages', selected: !status },
          ...Object.entries(outboxStatuses).map(([value, text]) => ({ value, text, selected: value === status })),
        ],
        rows: rows.map((r) => ({ ...r, tag: notesStatusTag(r.message) })),
        pagination: paging,
      });
    },
  );

  app.get<WithId>('/supervision/:id/notes', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const record = await viewSupervision(db, who(request), request.params.id, 'notes-message');
    const message = record && (await notesMessageOf(db, record.supervision.id));
    if (!record || !message) return reply.callNotFound();
    return reply.page('supervision-notes-message.njk', {
      title: `Notes to the carers: ${record.household.name}, ${formatDate(record.supervision.visitDate)}`,
      record,
      message,
      from: mailFrom,
      mailMode: mailer.mode,
      tag: notesStatusTag(message),
      canRetry: message.status === 'pending' && canRecordSupervision(request.user!, record.household),
      breadcrumbs: [
        { text: 'Notes to carers', href: '/supervision/outbox' },
        {
          text: `Supervision on ${formatDate(record.supervision.visitDate)}`,
          href: supervisionPath(record.supervision.id),
        },
      ],
    });
  });

  app.post<WithId>('/supervision/:id/notes/retry', recordAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const outcome = await sendNotesAgain(db, mailer, who(request), request.params.id);
    if (outcome === 'not-found') return reply.callNotFound();
    const done = { sent: '?done=notes-sent-now', 'not-sent': '?done=notes-not-sent', unchanged: '' }[outcome];
    return reply.redirect(`${supervisionPath(request.params.id)}${done}`, 303);
  });

  acknowledgementRoutes(app, db);
  portalRoutes(app, db);
}

/** The link in the message: a page asking the carers to confirm, then a thank-you. */
function acknowledgementRoutes(app: FastifyInstance, db: Db) {
  const page = (reply: FastifyReply, found: NonNullable<Awaited<ReturnType<typeof messageByToken>>>, token: string) =>
    reply.page('notes-acknowledge.njk', {
      title: found.message.acknowledgedAt
        ? 'Thank you: you have confirmed receipt'
        : 'Confirm you have received the notes',
      visitDate: found.visitDate,
      acknowledgedAt: found.message.acknowledgedAt,
      token,
    });

  app.get<WithToken>('/notes/:token', linkAccess, async (request, reply) => {
    const found = await messageByToken(db, request.params.token);
    if (!found) return reply.callNotFound();
    return page(reply, found, request.params.token);
  });

  app.post<WithToken>('/notes/:token', linkAccess, async (request, reply) => {
    const found = await messageByToken(db, request.params.token);
    if (!found) return reply.callNotFound();
    await acknowledgeNotes(db, request.actor(), found.message.id, 'link');
    return reply.redirect(notesAcknowledgementPath(request.params.token), 303);
  });
}

/** The carer's own household's supervision notes in the portal. */
function portalRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId>('/portal/supervision/:id/record.pdf', portalAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await sentNotesForCarer(db, who(request), request.params.id, 'portal-record-pdf');
    if (!found) return reply.callNotFound();
    const pdf = await supervisionRecordPdf(found.record, await supervisionDetails(db, request.params.id));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${found.message.attachmentName}"`)
      .send(pdf);
  });

  app.post<WithId>('/portal/supervision/:id/acknowledge', portalAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    if (!(await acknowledgeInPortal(db, who(request), request.params.id))) return reply.callNotFound();
    return reply.redirect('/portal?done=acknowledged', 303);
  });
}
