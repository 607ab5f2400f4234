/**
 * The carer's training in the portal: their household's training records, PDPs and participation
 * days, the sessions to come, booking a place and cancelling one. A carer sees and books for the
 * carers of their own household only.
 */
import { named } from '../../platform/views/format.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { refused, who } from '../../platform/views/results.ts';
import { carers } from '../households/tables.ts';
import { bookPlace, cancelBooking } from './bookings.ts';
import { plansOf } from './development.ts';
import { carerChoiceForm, isUuid, listQuery } from './forms.ts';
import { categories, hoursText, organisers } from './labels.ts';
import { PARTICIPATION_DAYS_EXPECTED } from './measures.ts';
import { findSession, PAGE_SIZE, sessionsPage, type SessionRow } from './queries.ts';
import { bookingsOf, carerFacts, eventsAttendedBy } from './record.ts';
import { bookingOutcome, errorsFor, flashFor, sessionView } from './views.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string> };
const portal: RouteShorthandOptions = { config: { access: { permission: 'portal.use' } } };
const crumbs = [
  { text: 'Your household', href: '/portal' },
  { text: 'Training and development', href: '/portal/training' },
];

/** The household's carers (living there now), each with whether they already have a place on the session. */
async function householdCarers(db: Db, householdId: string | null, sessionId: string) {
  if (!householdId) return [];
  return db
    .select({
      id: carers.id,
      firstName: carers.firstName,
      lastName: carers.lastName,
      // Written out in full: in a one-table select Drizzle names a column without its table, which
      // inside this subquery would be the booking's own id.
      booked: sql<boolean>`exists (select 1 from training_bookings b where b.carer_id = carers.id
        and b.session_id = ${sessionId} and b.status = 'booked')`,
    })
    .from(carers)
    .where(and(eq(carers.householdId, householdId), isNull(carers.leftOn)))
    .orderBy(carers.createdAt, carers.id);
}

export const portalTrainingRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId>('/portal/training', portal, async (request, reply) => {
    const householdId = request.user!.householdId;
    if (!householdId) return reply.callNotFound();
    const today = todayInLondon();
    const { page } = listQuery.parse(request.query);
    // The carers living there now: a carer who has left is not shown to the household.
    const people = (await carerFacts(db, { householdId }, today)).filter((p) => p.left_on === null);
    const plans = await Promise.all(people.map(async (p) => (await plansOf(db, p.carer_id))[0] ?? null));
    const bookings = await bookingsOf(db, { householdId });
    const events = await eventsAttendedBy(db, { householdId }, addDays(addYears(today, -1), 1), today);
    const upcoming = await sessionsPage(
      db,
      sql`s.starts_on >= ${today}::date and s.status = 'scheduled' and c.active`,
      page,
    );
    await recordAudit(db, request.actor(), {
      action: 'view',
      recordType: 'household',
      recordId: householdId,
      detail: { page: 'portal-training' },
    });
    return reply.page('training-portal.njk', {
      title: 'Your training and development',
      carers: people.map((p, i) => ({
        ...p,
        plan: plans[i],
        bookings: bookings
          .filter((b) => b.carer_id === p.carer_id)
          .map((b) => ({
            ...b,
            categoryName: named(categories, b.category),
            hoursText: hoursText(b.hours),
            upcoming: b.starts_on >= today && b.status === 'booked' && b.session_status === 'scheduled',
            outcome: bookingOutcome(b, today, 'You cancelled'),
          })),
        events: events
          .filter((e) => e.carer_id === p.carer_id)
          .map((e) => ({ ...e, organiserName: named(organisers, e.organiser) })),
      })),
      expected: PARTICIPATION_DAYS_EXPECTED,
      sessions: upcoming.rows.map(sessionView),
      pagination: pagination(request.url, page, PAGE_SIZE, upcoming.total),
      flash: flashFor(request.query.done),
      breadcrumbs: crumbs.slice(0, 1),
    });
  });

  async function bookPage(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    session: SessionRow,
    errors?: FormErrors,
  ) {
    const people = await householdCarers(db, request.user!.householdId, session.id);
    const chosen = (request.body as Record<string, unknown> | undefined)?.carerId;
    const view = sessionView(session);
    // Only those without a place are offered, and only while there is a place to book: a full
    // session, or one every carer of the household is booked on, says so instead of a form that
    // would be refused.
    const free = people.filter((p) => !p.booked);
    const canBook = view.placesLeft > 0 && free.length > 0;
    return reply.code(errors ? 400 : 200).page('training-portal-book.njk', {
      title: `Book a place: ${session.title}`,
      session: view,
      carers: free.map((p) => ({
        value: p.id,
        text: `${p.firstName} ${p.lastName}`,
        checked: chosen === p.id || free.length === 1,
      })),
      booked: people.filter((p) => p.booked).map((p) => `${p.firstName} ${p.lastName}`),
      canBook,
      errors,
      breadcrumbs: crumbs,
    });
  }

  const load = async (id: string) => (isUuid(id) ? findSession(db, id) : null);

  app.get<WithId>('/portal/training/sessions/:id', portal, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session || session.status !== 'scheduled') return reply.callNotFound();
    return bookPage(request, reply, session);
  });

  app.post<WithId>('/portal/training/sessions/:id', portal, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    const form = parseForm(carerChoiceForm, request.body);
    if (!form.ok) return bookPage(request, reply, session, form.errors);
    const result = await bookPlace(db, who(request), session.id, form.value.carerId, 'portal');
    if (result.ok) return reply.redirect('/portal/training?done=booked', 303);
    if (result.reason === 'invalid')
      return bookPage(request, reply, (await load(session.id))!, errorsFor(result.errors));
    return refused(reply, result, { backHref: '/portal/training' });
  });

  app.post<WithId>('/portal/training/bookings/:id/cancel', portal, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const result = await cancelBooking(db, who(request), request.params.id, 'portal');
    if (result.ok) return reply.redirect('/portal/training?done=cancelled', 303);
    return refused(reply, result, {
      backHref: '/portal/training',
      title: 'This booking cannot be cancelled',
      lines: [
        'A session that has started, or a booking already cancelled, cannot be cancelled here. Contact the training coordinator.',
      ],
    });
  });
};
