/**
 * Putting a significant event right: one typed wrongly changed on the form it was recorded on, filled
 * in with what it says; one recorded in error removed with why, who was told going with it. For those
 * who work on the event, as recording is (scope.ts); an allegation's notification goes only with the
 * allegation. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { nowInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDateTime, named } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { eventDates, eventForm, removeEventForm } from './forms.ts';
import { eventKindNames, recipientNames } from './labels.ts';
import { auditEventViewed, changeEvent, heldBy, noticesOf, removeEvent, type EventRecord } from './notifications.ts';
import { changeEventPath, eventPath, householdMattersPath, removeEventPath } from './paths.ts';
import { eventFormPage, eventWorkedOn } from './routes-notifications.ts';

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
const record = { config: { access: { permission: 'concerns.record' as const } } };

/** The form's answers as the event was recorded (the day and time it became known, in London). */
function eventValues({ event }: EventRecord): Values {
  const known = nowInLondon(event.knownAt);
  return {
    kind: event.kind,
    childId: event.childId ?? '',
    ...dateBoxes('knownOn', known.today),
    knownAtTime: known.time,
    summary: event.summary,
  };
}

export function eventCorrectionRoutes(app: FastifyInstance, db: Db) {
  /** The event, if the user works on it and it can be put right on its own; the answer otherwise. */
  async function eventToPutRight(
    request: Parameters<typeof eventWorkedOn>[1],
    reply: FastifyReply,
  ): Promise<{ event: EventRecord; answer?: never } | { event?: never; answer: unknown }> {
    const found = await eventWorkedOn(db, request, reply);
    if (!found.event) return { answer: found.answer };
    const held = heldBy(found.event);
    if (!held) return { event: found.event };
    const answer = refused(reply, forbidden, {
      title: 'This notification is not changed or removed on its own',
      lines: [held],
      backHref: eventPath(found.event.event.id),
    });
    return { answer };
  }

  const showForm = (reply: FastifyReply, event: EventRecord, values: Values, errors?: FormErrors) =>
    eventFormPage(db, reply, event.household, values, errors, event);

  app.get<WithId>(changeEventPath(':id'), record, async (request, reply) => {
    const found = await eventToPutRight(request, reply);
    if (!found.event) return found.answer;
    await auditEventViewed(db, who(request), found.event.event.id, { part: 'event-details' });
    return showForm(reply, found.event, eventValues(found.event));
  });

  app.post<WithId>(changeEventPath(':id'), record, async (request, reply) => {
    const found = await eventToPutRight(request, reply);
    if (!found.event) return found.answer;
    const { event } = found;
    const form = parseDatedForm(eventForm, request.body, eventDates);
    if (!form.ok) return showForm(reply, event, form.input, form.errors);
    const result = await changeEvent(db, who(request), event.event.id, form.value);
    return answerForm(reply, result, `${eventPath(event.event.id)}?done=changed`, (errors) =>
      showForm(reply, event, request.body as Values, linkDateErrors(errors, eventDates)),
    );
  });

  // Removing an event recorded in error: the page says what it is and who was told, which go with it.
  async function showRemove(reply: FastifyReply, event: EventRecord, values: Values, errors?: FormErrors) {
    const notices = await noticesOf(db, event.event.id);
    const told = notices.map(({ notice: n }) => `${named(recipientNames, n.recipient)}, ${formatDateTime(n.toldAt)}`);
    const goes = [
      ...(told.length
        ? [told.length === 1 ? 'the record of who was told' : `the ${told.length} records of who was told`]
        : []),
      ...(notices.some(({ notice }) => notice.recipient === 'ofsted') ? [] : ['its deadline to tell Ofsted']),
    ];
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the significant event: ${event.household.name}`,
      caption: `${event.household.name} (${event.household.reference})`,
      heading: 'Remove the significant event',
      intro: `Remove it only if it was recorded in error: on the wrong household, or something that did not happen. To correct what happened, the child or when it became known, change it instead. What goes with it: ${goes.join(', and ')}. The audit trail keeps what it said, who removed it and why.`,
      rows: [
        { key: 'What happened', value: named(eventKindNames, event.event.kind) },
        { key: 'Child', value: event.childName ?? 'None named' },
        { key: 'Became known', value: formatDateTime(event.event.knownAt) },
        { key: 'Who was told', value: told.length ? told.join('; ') : 'No one has been recorded as told' },
      ],
      what: 'significant event',
      hint: 'For example, recorded on the wrong household.',
      button: 'Remove the significant event',
      values,
      errors,
      action: removeEventPath(event.event.id),
      cancel: eventPath(event.event.id),
      backLink: { href: eventPath(event.event.id) },
    });
  }

  app.get<WithId>(removeEventPath(':id'), record, async (request, reply) => {
    const found = await eventToPutRight(request, reply);
    if (!found.event) return found.answer;
    await auditEventViewed(db, who(request), found.event.event.id, { page: 'remove' });
    return showRemove(reply, found.event, {});
  });

  app.post<WithId>(removeEventPath(':id'), record, async (request, reply) => {
    const found = await eventToPutRight(request, reply);
    if (!found.event) return found.answer;
    const { event } = found;
    const form = parseForm(removeEventForm, request.body);
    if (!form.ok) return showRemove(reply, event, form.input, form.errors);
    const result = await removeEvent(db, who(request), event.event.id, form.value.reason);
    return answerForm(
      reply,
      result,
      `${householdMattersPath(event.household.id)}?done=event-removed`,
      (errors) => showRemove(reply, event, request.body as Values, errors),
      eventPath(event.event.id),
    );
  });
}
