/**
 * Significant events (Schedule 7): recording one on a household, its page, and recording who was
 * told. Changing and removing one are in routes-corrections.ts, on the recording form.
 */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { addYears, nowInLondon, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { bodyOf, formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused, who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import { eventDates, eventForm, noticeDates, noticeForm } from './forms.ts';
import {
  eventKindNames,
  formEventKinds,
  noticeMethodNames,
  noticeMethods,
  recipientNames,
  recipients,
} from './labels.ts';
import {
  findVisibleEvent,
  heldBy,
  noticesOf,
  recordEvent,
  recordNotice,
  viewEvent,
  type EventRecord,
} from './notifications.ts';
import {
  changeEventPath,
  eventPath,
  householdMattersPath,
  matterPath,
  newEventPath,
  noticePath,
  removeEventPath,
} from './paths.ts';
import { childrenPlacedSince } from './queries.ts';
import { worksOn } from './scope.ts';
import { NOTIFICATION_CITES, NOTIFY_WITHIN_HOURS } from './settings.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string } };
const view = { config: { access: { permission: 'concerns.view' as const } } };
const record = { config: { access: { permission: 'concerns.record' as const } } };

const flashes: Record<string, string> = {
  recorded: 'Significant event recorded',
  told: 'Recorded who was told',
  changed: 'The significant event has been changed',
};
const flashOf = (done = '') => (Object.hasOwn(flashes, done) ? flashes[done] : undefined);
const nowTime = () =>
  new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date());
const dueBy = (knownAt: Date) => new Date(knownAt.getTime() + NOTIFY_WITHIN_HOURS * 3_600_000);

/** The event's form: the children are those placed in the year before it became known (today, when recording). */
async function eventFields(db: Db, householdId: string, knownOn = todayInLondon()): Promise<Field[]> {
  const placed = await childrenPlacedSince(db, householdId, addYears(knownOn, -1));
  return [
    { type: 'radios', name: 'kind', label: 'What happened', choices: choicesOf(formEventKinds, eventKindNames) },
    {
      type: 'select',
      name: 'childId',
      label: 'Child (optional)',
      choices: placed.map((c) => ({ value: c.id, text: c.name })),
    },
    { type: 'date', name: 'knownOn', label: 'Date it became known' },
    {
      type: 'text',
      name: 'knownAtTime',
      label: 'Time it became known',
      hint: 'On the 24-hour clock, for example 14:30',
      width: 5,
    },
    { type: 'textarea', name: 'summary', label: 'What happened', rows: 6 },
  ];
}

const noticeFields: Field[] = [
  { type: 'radios', name: 'recipient', label: 'Who was told', choices: choicesOf(recipients, recipientNames) },
  { type: 'date', name: 'toldOn', label: 'Date they were told' },
  {
    type: 'text',
    name: 'toldAtTime',
    label: 'Time they were told',
    hint: 'On the 24-hour clock, for example 14:30',
    width: 5,
  },
  { type: 'radios', name: 'method', label: 'How they were told', choices: choicesOf(noticeMethods, noticeMethodNames) },
];

export function notTheirs(reply: FastifyReply, back: string) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot record this',
    lines: [
      'Significant events are recorded by the household’s supervising social worker, their team manager or the head of fostering.',
    ],
    backLink: { href: back },
  });
}

/** The event, if the user may see it (otherwise a 404) and works on it (otherwise a page saying who does). */
export async function eventWorkedOn(
  db: Db,
  request: Pick<FastifyRequest, 'user'> & { params: { id: string } },
  reply: FastifyReply,
) {
  const user = request.user!;
  if (!isUuid(request.params.id)) return { answer: reply.callNotFound() };
  const event = await findVisibleEvent(db, user, request.params.id);
  if (!event) return { answer: reply.callNotFound() };
  if (!worksOn(user, event)) return { answer: notTheirs(reply, eventPath(event.event.id)) };
  return { event };
}

/**
 * The form of a significant event on a household: recording one, or (given the event) changing it,
 * filled in with what it says.
 */
export async function eventFormPage(
  db: Db,
  reply: FastifyReply,
  household: Pick<HouseholdRecord, 'id' | 'name' | 'reference'>,
  values: Record<string, unknown>,
  errors?: FormErrors,
  change?: EventRecord,
) {
  const back = change ? eventPath(change.event.id) : householdMattersPath(household.id);
  const heading = change ? 'Change the significant event' : 'Record a significant event';
  return reply.code(errors ? 400 : 200).page('concerns-form.njk', {
    title: `${heading}: ${household.name}`,
    heading,
    caption: `${household.name} (${household.reference})`,
    lines: change
      ? [
          'Correct what was typed wrongly. Ofsted’s deadline follows when it became known; it cannot be later than when anyone was recorded as told. The change and what the event said are kept in the audit trail.',
        ]
      : [
          `Ofsted must be told within ${NOTIFY_WITHIN_HOURS} hours of it becoming known (${NOTIFICATION_CITES}). An allegation is recorded as an allegation: its notification is made with it.`,
        ],
    action: change ? changeEventPath(change.event.id) : newEventPath(household.id),
    cancel: back,
    button: change ? 'Save the changes' : undefined,
    fields: formFields(await eventFields(db, household.id, change && nowInLondon(change.event.knownAt).today), values),
    errors,
    backLink: { href: back },
  });
}

export function notificationRoutes(app: FastifyInstance, db: Db) {
  async function householdFor(
    request: { params: { id: string }; user?: unknown },
    reply: FastifyReply,
    user: Parameters<typeof findHouseholdReadInFull>[1],
  ) {
    if (!isUuid(request.params.id)) return { answer: reply.callNotFound() };
    const household = await findHouseholdReadInFull(db, user, request.params.id);
    if (!household) return { answer: reply.callNotFound() };
    const place = {
      kind: 'event',
      householdId: household.id,
      teamId: household.teamId,
      areaId: household.areaId,
      allocatedSswId: household.allocatedSswId,
    };
    if (!worksOn(user, place)) return { answer: notTheirs(reply, householdMattersPath(household.id)) };
    return { household };
  }

  app.get<WithId>('/households/:id/notifications/new', record, async (request, reply) => {
    const found = await householdFor(request, reply, request.user!);
    if (!found.household) return found.answer;
    return eventFormPage(db, reply, found.household, {
      ...dateBoxes('knownOn', todayInLondon()),
      knownAtTime: nowTime(),
    });
  });

  app.post<WithId>('/households/:id/notifications/new', record, async (request, reply) => {
    const found = await householdFor(request, reply, request.user!);
    if (!found.household) return found.answer;
    const form = parseDatedForm(eventForm, request.body, eventDates);
    if (!form.ok) return eventFormPage(db, reply, found.household, form.input, form.errors);
    const result = await recordEvent(db, who(request), found.household.id, form.value);
    if (result.ok) return reply.redirect(`${eventPath(result.id)}?done=recorded`, 303);
    if (result.reason === 'invalid')
      return eventFormPage(db, reply, found.household, bodyOf(request.body), formErrors(result.errors));
    return refused(reply, result, { backHref: householdMattersPath(found.household.id) });
  });

  app.get<WithId>('/notifications/:id', view, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const event = await viewEvent(db, who(request), request.params.id);
    if (!event) return reply.callNotFound();
    const notices = await noticesOf(db, event.event.id);
    const deadline = dueBy(event.event.knownAt);
    const canRecord = worksOn(request.user!, event);
    return reply.page('concerns-event.njk', {
      title: `${named(eventKindNames, event.event.kind)}: ${event.household.name}`,
      event,
      kindName: named(eventKindNames, event.event.kind),
      dueBy: deadline,
      cites: NOTIFICATION_CITES,
      notices: notices.map(({ notice, byName }) => ({
        recipient: named(recipientNames, notice.recipient),
        toldAt: notice.toldAt,
        method: named(noticeMethodNames, notice.method),
        byName,
        inTime: notice.toldAt <= deadline,
      })),
      ofstedTold: notices.some(({ notice }) => notice.recipient === 'ofsted'),
      allegationHref: event.event.concernId ? matterPath(event.event.concernId) : null,
      canRecord,
      noticeHref: noticePath(event.event.id),
      changeHref: canRecord && !heldBy(event) ? changeEventPath(event.event.id) : null,
      removeHref: canRecord && !heldBy(event) ? removeEventPath(event.event.id) : null,
      flash: flashOf(request.query.done),
      backLink: {
        href: event.event.concernId ? matterPath(event.event.concernId) : householdMattersPath(event.household.id),
      },
    });
  });

  async function noticePage(
    reply: FastifyReply,
    event: EventRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('concerns-form.njk', {
      title: `Record who was told: ${named(eventKindNames, event.event.kind)}, ${event.household.name}`,
      heading: 'Record who was told',
      caption: `${named(eventKindNames, event.event.kind)}: ${event.household.name}`,
      action: noticePath(event.event.id),
      cancel: eventPath(event.event.id),
      fields: formFields(noticeFields, values),
      errors,
      backLink: { href: eventPath(event.event.id) },
    });
  }

  app.get<WithId>('/notifications/:id/told', record, async (request, reply) => {
    const found = await eventWorkedOn(db, request, reply);
    if (!found.event) return found.answer;
    return noticePage(reply, found.event, {
      recipient: 'ofsted',
      method: 'online_form',
      ...dateBoxes('toldOn', todayInLondon()),
      toldAtTime: nowTime(),
    });
  });

  app.post<WithId>('/notifications/:id/told', record, async (request, reply) => {
    const found = await eventWorkedOn(db, request, reply);
    if (!found.event) return found.answer;
    const form = parseDatedForm(noticeForm, request.body, noticeDates);
    if (!form.ok) return noticePage(reply, found.event, form.input, form.errors);
    const result = await recordNotice(db, who(request), found.event.event.id, form.value);
    if (result.ok) return reply.redirect(`${eventPath(result.id)}?done=told`, 303);
    if (result.reason === 'invalid')
      return noticePage(reply, found.event, bodyOf(request.body), formErrors(result.errors));
    return refused(reply, result, { backHref: eventPath(found.event.event.id) });
  });
}
