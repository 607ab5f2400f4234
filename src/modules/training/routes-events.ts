/** Participation events: the list, adding one, and who attended (participation.ts); changing and removing one in routes-events-change.ts. */
import { named } from '../../platform/views/format.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { refused, who } from '../../platform/views/results.ts';
import { childVisibleTo } from '../children/scope.ts';
import { attendeeForm, eventDateFields, eventForm, isUuid, listQuery } from './forms.ts';
import { audiences, organisers } from './labels.ts';
import { addAttendee, addEvent, removeAttendee, type Attendee } from './participation.ts';
import { PAGE_SIZE, searchCarers, searchChildren } from './queries.ts';
import { carersVisibleTo } from './scope.ts';
import { participationEvents } from './tables.ts';
import { audienceOptions, errorsFor, flashFor, organiserOptions } from './views.ts';
import { changeParticipationEventPath, participationEventPath, removeParticipationEventPath } from './paths.ts';
import { eventChangeRoutes } from './routes-events-change.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string> };
const view: RouteShorthandOptions = { config: { access: { permission: 'training.view' } } };
const record: RouteShorthandOptions = { config: { access: { permission: 'participation.record' } } };
const eventsCrumb = { text: 'Participation events', href: '/participation' };

type EventRow = typeof participationEvents.$inferSelect;
const eventView = (e: EventRow) => ({
  ...e,
  audienceName: named(audiences, e.audience),
  organiserName: named(organisers, e.organiser),
  days: Math.round((Date.parse(e.endsOn) - Date.parse(e.heldOn)) / 86_400_000) + 1,
});

export const eventRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId>('/participation', view, async (request, reply) => {
    const { page } = listQuery.parse(request.query);
    const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from participation_events`);
    const rows = await queryRows<{
      id: string;
      title: string;
      audience: string;
      organiser: string;
      held_on: string;
      carers: number;
      children: number;
    }>(
      db,
      sql`select e.id, e.title, e.audience, e.organiser, to_char(e.held_on, 'YYYY-MM-DD') as held_on,
          (select count(*)::int from participation_attendance a where a.event_id = e.id and a.carer_id is not null) as carers,
          (select count(*)::int from participation_attendance a where a.event_id = e.id and a.child_id is not null) as children
        from participation_events e order by e.held_on desc, e.title limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
    );
    return reply.page('participation-events.njk', {
      title: 'Participation events',
      events: rows.map((e) => ({
        ...e,
        audienceName: named(audiences, e.audience),
        organiserName: named(organisers, e.organiser),
      })),
      pagination: pagination(request.url, page, PAGE_SIZE, Number(total?.n ?? 0)),
      canRecord: can(request.user!.role, 'participation.record'),
      flash: flashFor(request.query.done),
      breadcrumbs: [{ text: 'Training calendar', href: '/training' }],
    });
  });

  /** The event's form: adding one, or changing the event `changing` (its title and page). */
  function formPage(
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
    changing?: { title: string; href: string },
  ) {
    const heading = changing ? 'Change the participation event' : 'Add a participation event';
    return reply.code(errors ? 400 : 200).page('participation-event-form.njk', {
      title: changing ? `${heading}: ${changing.title}` : heading,
      heading,
      cancel: changing?.href ?? '/participation',
      values,
      errors,
      audiences: audienceOptions(values.audience),
      organisers: organiserOptions(values.organiser),
      breadcrumbs: [eventsCrumb, ...(changing ? [{ text: changing.title, href: changing.href }] : [])],
    });
  }

  app.get('/participation/new', record, async (_request, reply) => formPage(reply, {}));

  app.post('/participation/new', record, async (request, reply) => {
    const form = parseDatedForm(eventForm, request.body, eventDateFields);
    if (!form.ok) return formPage(reply, form.input, form.errors);
    const result = await addEvent(db, who(request), form.value);
    if (!result.ok) return refused(reply, result, { backHref: '/participation' });
    return reply.redirect(`${participationEventPath(result.id)}?done=event`, 303);
  });

  async function eventPage(request: FastifyRequest<WithId>, reply: FastifyReply, event: EventRow, errors?: FormErrors) {
    const viewer = request.user!;
    const q = listQuery.parse(request.query).q;
    const carerRows = await queryRows<{ id: string; name: string | null; household: string | null }>(
      db,
      sql`select carers.id, case when ${carersVisibleTo(viewer)} then carers.first_name || ' ' || carers.last_name end as name,
          case when ${carersVisibleTo(viewer)} then h.name || ' (' || h.reference || ')' end as household
        from participation_attendance a join carers on carers.id = a.carer_id join households h on h.id = carers.household_id
        where a.event_id = ${event.id} order by carers.last_name, carers.first_name`,
    );
    const childRows = await queryRows<{ id: string; name: string | null; reference: string | null }>(
      db,
      sql`select children.id, case when ${childVisibleTo(viewer)} then children.first_name || ' ' || children.last_name end as name,
          case when ${childVisibleTo(viewer)} then children.reference end as reference
        from participation_attendance a join children on children.id = a.child_id
        where a.event_id = ${event.id} order by children.last_name, children.first_name`,
    );
    const canRecord = can(viewer.role, 'participation.record');
    const open = canRecord && event.heldOn <= todayInLondon();
    const otherCarers = carerRows.filter((r) => !r.name).length;
    const otherChildren = childRows.filter((r) => !r.name).length;
    return reply.code(errors ? 400 : 200).page('participation-event.njk', {
      title: `Participation event: ${event.title}`,
      event: eventView(event),
      carers: carerRows.filter((r) => r.name),
      otherCarers,
      children: childRows.filter((r) => r.name),
      otherChildren,
      changeHref: canRecord ? changeParticipationEventPath(event.id) : null,
      // Removed by someone who may read everyone recorded as attending (they go with it).
      removeHref: canRecord && !otherCarers && !otherChildren ? removeParticipationEventPath(event.id) : null,
      canRecord: open,
      notYet: canRecord && !open,
      q,
      foundCarers: open && q && event.audience !== 'children' ? await searchCarers(db, viewer, q) : [],
      foundChildren: open && q && event.audience !== 'carers' ? await searchChildren(db, viewer, q) : [],
      errors,
      flash: flashFor(request.query.done),
      breadcrumbs: [{ text: 'Training calendar', href: '/training' }, eventsCrumb],
    });
  }

  const load = async (id: string) =>
    isUuid(id)
      ? ((await db.select().from(participationEvents).where(eq(participationEvents.id, id)))[0] ?? null)
      : null;

  app.get<WithId>('/participation/:id', view, async (request, reply) => {
    const event = await load(request.params.id);
    if (!event) return reply.callNotFound();
    return eventPage(request, reply, event);
  });

  const attendeeOf = (value: { carerId?: string; childId?: string }): Attendee =>
    isUuid(value.carerId) ? { carerId: value.carerId } : { childId: value.childId! };

  for (const [path, action, done] of [
    ['/participation/:id/attendance', addAttendee, 'attended'],
    ['/participation/:id/attendance/remove', removeAttendee, 'removed'],
  ] as const) {
    app.post<WithId>(path, record, async (request, reply) => {
      const event = await load(request.params.id);
      if (!event) return reply.callNotFound();
      const form = parseForm(attendeeForm, request.body);
      if (!form.ok) return eventPage(request, reply, event, form.errors);
      const result = await action(db, who(request), event.id, attendeeOf(form.value));
      if (result.ok) return reply.redirect(`${participationEventPath(event.id)}?done=${done}`, 303);
      if (result.reason === 'invalid') return eventPage(request, reply, event, errorsFor(result.errors));
      return refused(reply, result, { backHref: participationEventPath(event.id) });
    });
  }

  await eventChangeRoutes(app, db, { load, formPage, eventView, eventsCrumb });
};
