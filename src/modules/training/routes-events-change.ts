/**
 * Correcting a participation event: its own details on the form it was recorded on, filled in
 * (who attended stands); or removing one recorded in error, saying why, with who attended it. By
 * those who record events; the removal only by someone who may read everyone recorded as
 * attending. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { eventDateFields, eventForm, removeEventForm } from './forms.ts';
import { attendanceOf, changeEvent, removeEvent } from './participation.ts';
import { changeParticipationEventPath, participationEventPath, removeParticipationEventPath } from './paths.ts';
import type { participationEvents } from './tables.ts';

type WithId = { Params: { id: string } };
type EventRow = typeof participationEvents.$inferSelect;
const record = { config: { access: { permission: 'participation.record' as const } } };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function eventChangeRoutes(
  app: FastifyInstance,
  db: Db,
  page: {
    load: (id: string) => Promise<EventRow | null>;
    formPage: (
      reply: FastifyReply,
      values: Record<string, unknown>,
      errors?: FormErrors,
      changing?: { title: string; href: string },
    ) => unknown;
    eventView: (e: EventRow) => { audienceName: string; organiserName: string; days: number };
    eventsCrumb: { text: string; href: string };
  },
) {
  const changing = (event: EventRow) => ({ title: event.title, href: participationEventPath(event.id) });

  app.get<WithId>(changeParticipationEventPath(':id'), record, async (request, reply) => {
    const event = await page.load(request.params.id);
    if (!event) return reply.callNotFound();
    const values = {
      title: event.title,
      audience: event.audience,
      organiser: event.organiser,
      ...dateBoxes('heldOn', event.heldOn),
      ...dateBoxes('endsOn', event.endsOn === event.heldOn ? null : event.endsOn),
      place: event.place,
    };
    return page.formPage(reply, values, undefined, changing(event));
  });

  app.post<WithId>(changeParticipationEventPath(':id'), record, async (request, reply) => {
    const event = await page.load(request.params.id);
    if (!event) return reply.callNotFound();
    const form = parseDatedForm(eventForm, request.body, eventDateFields);
    if (!form.ok) return page.formPage(reply, form.input, form.errors, changing(event));
    const result = await changeEvent(db, who(request), event.id, form.value);
    return answerForm(reply, result, `${participationEventPath(event.id)}?done=event-changed`, (errors) =>
      page.formPage(
        reply,
        request.body as Record<string, unknown>,
        linkDateErrors(errors, eventDateFields),
        changing(event),
      ),
    );
  });

  /** The removal page: the event, who goes with it, and why it is being removed. */
  async function removePage(
    reply: FastifyReply,
    event: EventRow,
    came: { carers: number; children: number },
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const shown = page.eventView(event);
    const attended =
      event.audience === 'carers'
        ? count(came.carers, 'carer', 'carers')
        : event.audience === 'children'
          ? count(came.children, 'child or young person', 'children and young people')
          : `${count(came.carers, 'carer', 'carers')} and ${count(came.children, 'child or young person', 'children and young people')}`;
    const goes =
      came.carers + came.children > 0
        ? `The ${attended} recorded as attending go with it: it no longer counts towards their participation days.`
        : 'No one is recorded as attending it.';
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the participation event: ${event.title}`,
      caption: 'Participation event',
      heading: `Remove ${event.title}`,
      intro: `Remove it only if it was recorded in error: an event that did not take place, or one recorded twice. To correct its name, date or place, change the event instead. ${goes} The audit trail keeps who removed it and why.`,
      rows: [
        {
          key: 'When',
          value:
            formatDate(event.heldOn) +
            (event.endsOn !== event.heldOn ? ` to ${formatDate(event.endsOn)}` : '') +
            ` (${count(shown.days, 'day', 'days')})`,
        },
        { key: 'Where', value: event.place },
        { key: 'For', value: shown.audienceName },
        { key: 'Organised by', value: shown.organiserName },
        { key: 'Attended', value: came.carers + came.children > 0 ? attended : 'No one recorded' },
      ],
      what: 'event',
      hint: 'For example, recorded twice.',
      button: 'Remove the event',
      values,
      errors,
      action: removeParticipationEventPath(event.id),
      cancel: participationEventPath(event.id),
      breadcrumbs: [page.eventsCrumb, { text: event.title, href: participationEventPath(event.id) }],
    });
  }

  /** The event and who attended it, or null (a 404); `hidden` when some of them are on records the user cannot read. */
  async function eventToRemove(request: FastifyRequest<WithId>) {
    const event = await page.load(request.params.id);
    if (!event) return null;
    return { event, came: await attendanceOf(db, request.user!, event.id) };
  }
  const refusedHidden = (reply: FastifyReply, event: EventRow, hidden: number) =>
    refused(reply, forbidden, {
      backHref: participationEventPath(event.id),
      title: 'You cannot remove this event',
      lines: [
        `${count(hidden, 'person', 'people')} recorded as attending ${hidden === 1 ? 'is' : 'are'} on records you cannot see, and would go with the event. Ask someone who can see everyone who attended, such as the head of fostering, to remove it.`,
      ],
    });

  app.get<WithId>(removeParticipationEventPath(':id'), record, async (request, reply) => {
    const found = await eventToRemove(request);
    if (!found) return reply.callNotFound();
    if (found.came.hidden) return refusedHidden(reply, found.event, found.came.hidden);
    return removePage(reply, found.event, found.came, {});
  });

  app.post<WithId>(removeParticipationEventPath(':id'), record, async (request, reply) => {
    const found = await eventToRemove(request);
    if (!found) return reply.callNotFound();
    if (found.came.hidden) return refusedHidden(reply, found.event, found.came.hidden);
    const form = parseForm(removeEventForm, request.body);
    if (!form.ok) return removePage(reply, found.event, found.came, form.input, form.errors);
    const result = await removeEvent(db, who(request), found.event.id, form.value.reason);
    return answerForm(reply, result, '/participation?done=event-removed', (errors) =>
      removePage(reply, found.event, found.came, request.body as Record<string, unknown>, errors),
    );
  });
}
