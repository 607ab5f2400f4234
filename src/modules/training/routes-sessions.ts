/** A session: its details, its register, booking carers onto it and cancelling (bookings.ts, courses.ts). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { lowerFirst, named } from '../../platform/views/format.ts';
import { refused, who } from '../../platform/views/results.ts';
import { bookPlace, cancelBooking, takeRegister } from './bookings.ts';
import { cancelSession } from './courses.ts';
import { cancelSessionForm, carerChoiceForm, isUuid, listQuery, registerForm } from './forms.ts';
import { findSession, otherPlacesOf, registerOf, searchCarers, type SessionRow } from './queries.ts';
import { otherOrganisationKinds } from './labels.ts';
import { attendanceName, errorsFor, flashFor, placesInWords, sessionView } from './views.ts';
import { trainingBookings } from './tables.ts';
import { eq } from 'drizzle-orm';
import { coursePath, newOtherPlacesPath, removeOtherPlacesPath, trainingSessionPath } from './paths.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string> };
const view: RouteShorthandOptions = { config: { access: { permission: 'training.view' } } };
const manage: RouteShorthandOptions = { config: { access: { permission: 'training.manage' } } };

export const sessionRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  async function sessionPage(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    session: SessionRow,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const canManage = can(request.user!.role, 'training.manage');
    const q = listQuery.parse(request.query).q;
    const today = todayInLondon();
    // Each booking with its attendance radios (what was just submitted, on an error, else what is recorded).
    const register = (await registerOf(db, request.user!, session.id)).map((r) => {
      const marked = extra.values?.[`attendance-${r.id}`] ?? r.attendance;
      return {
        ...r,
        attendanceName: attendanceName(r.attendance),
        items: [
          { value: 'attended', text: 'Attended', checked: marked === 'attended' },
          { value: 'absent', text: 'Did not attend', checked: marked === 'absent' },
        ],
      };
    });
    return reply.code(extra.errors ? 400 : 200).page('training-session.njk', {
      title: `${session.title}: ${sessionView(session).when}`,
      session: sessionView(session),
      register,
      booked: register.filter((r) => r.status === 'booked'),
      otherPlaces: (await otherPlacesOf(db, session.id)).map((o) => ({
        organisation: o.organisation,
        kind: lowerFirst(named(otherOrganisationKinds, o.kind)),
        places: placesInWords(o.places, o.pence_per_place),
        removeHref: canManage ? removeOtherPlacesPath(o.id) : null,
      })),
      otherPlacesHref: canManage && session.status === 'scheduled' ? newOtherPlacesPath(session.id) : null,
      canManage,
      canTakeRegister: canManage && session.status === 'scheduled' && session.starts_on <= today,
      canCancel: canManage && session.status === 'scheduled' && session.starts_on >= today,
      // Changed while still to be held: not once its register is taken.
      canChange:
        canManage &&
        session.status === 'scheduled' &&
        session.starts_on >= today &&
        register.every((r) => !r.attendance),
      q,
      found: canManage && q ? await searchCarers(db, request.user!, q) : [],
      errors: extra.errors,
      flash: flashFor(request.query.done),
      breadcrumbs: [
        { text: 'Training calendar', href: '/training' },
        { text: session.title, href: coursePath(session.course_id) },
      ],
    });
  }

  const load = async (id: string) => (isUuid(id) ? findSession(db, id) : null);

  app.get<WithId>('/training/sessions/:id', view, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    return sessionPage(request, reply, session);
  });

  app.post<WithId>('/training/sessions/:id/bookings', manage, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    const form = parseForm(carerChoiceForm, request.body);
    if (!form.ok) return sessionPage(request, reply, session, { errors: form.errors });
    const result = await bookPlace(db, who(request), session.id, form.value.carerId, 'staff');
    if (result.ok) return reply.redirect(`${trainingSessionPath(session.id)}?done=booked`, 303);
    if (result.reason === 'invalid') {
      return sessionPage(request, reply, (await load(session.id))!, { errors: errorsFor(result.errors) });
    }
    return refused(reply, result, { backHref: trainingSessionPath(session.id) });
  });

  app.post<WithId>('/training/bookings/:id/cancel', manage, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const [booking] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, request.params.id));
    if (!booking) return reply.callNotFound();
    const result = await cancelBooking(db, who(request), booking.id, 'staff');
    if (result.ok) return reply.redirect(`${trainingSessionPath(booking.sessionId)}?done=cancelled`, 303);
    return refused(reply, result, {
      backHref: trainingSessionPath(booking.sessionId),
      title: 'This booking cannot be cancelled',
      lines: ['A booking whose attendance has been recorded, or that is already cancelled, cannot be cancelled.'],
    });
  });

  app.post<WithId>('/training/sessions/:id/register', manage, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    const form = parseForm(registerForm, request.body);
    if (!form.ok) return sessionPage(request, reply, session, { errors: form.errors });
    const result = await takeRegister(db, who(request), session.id, form.value);
    if (result.ok) return reply.redirect(`${trainingSessionPath(session.id)}?done=register`, 303);
    if (result.reason === 'invalid') {
      return sessionPage(request, reply, session, {
        errors: errorsFor(result.errors),
        values: request.body as Record<string, unknown>,
      });
    }
    return refused(reply, result, {
      backHref: trainingSessionPath(session.id),
      title: 'The register of a cancelled session cannot be taken',
    });
  });

  function cancelPage(reply: FastifyReply, session: SessionRow, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('training-session-cancel.njk', {
      title: `Cancel the session: ${session.title}`,
      session: sessionView(session),
      values,
      errors,
      backLink: { href: trainingSessionPath(session.id) },
    });
  }

  app.get<WithId>('/training/sessions/:id/cancel', manage, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    return cancelPage(reply, session, {});
  });

  app.post<WithId>('/training/sessions/:id/cancel', manage, async (request, reply) => {
    const session = await load(request.params.id);
    if (!session) return reply.callNotFound();
    const form = parseForm(cancelSessionForm, request.body);
    if (!form.ok) return cancelPage(reply, session, form.input, form.errors);
    const result = await cancelSession(db, who(request), session.id, form.value.reason);
    if (result.ok) return reply.redirect(`${trainingSessionPath(session.id)}?done=session-cancelled`, 303);
    if (result.reason === 'invalid')
      return cancelPage(reply, session, { reason: form.value.reason }, errorsFor(result.errors));
    return refused(reply, result, { backHref: trainingSessionPath(session.id) });
  });
};
