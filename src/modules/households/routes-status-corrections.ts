/**
 * Putting right a household's latest status change recorded by hand (status-corrections.ts): a page
 * to undo it, recorded in error, and one to change its date, typed wrongly; each asks why. For those
 * who may change the household's status. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid, redateStatusForm, undoStatusForm } from './forms.ts';
import { householdPath, redateStatusChangePath, undoStatusChangePath } from './paths.ts';
import {
  changeAccess,
  householdCrumbs,
  openHousehold,
  pageErrors,
  refused,
  who,
  type WithId,
} from './route-support.ts';
import type { HouseholdRecord } from './scope.ts';
import { statusName } from './labels.ts';
import {
  correctableChange,
  endedApproval,
  redateStatusChange,
  undoStatusChange,
  type CorrectableChange,
  type NotCorrectable,
  type Outcome,
  type StatusEventRow,
} from './status-corrections.ts';

type WithEvent = { Params: { id: string; eventId: string } };
type Kind = 'undo' | 'date';

/** The status change in words, as the history shows it. */
function changeText(event: StatusEventRow): string {
  return event.fromStatus
    ? `${statusName(event.toStatus)} (was ${statusName(event.fromStatus).toLowerCase()})`
    : statusName(event.toStatus);
}

/** The page saying why this change cannot be put right here. */
function notCorrectablePage(reply: FastifyReply, household: HouseholdRecord, result: NotCorrectable) {
  return reply.code(409).page('error.njk', {
    title: 'This status change cannot be changed here',
    lines: [result.message],
    backLink: { href: householdPath(household.id) },
  });
}

/** What other modules end with a household's approval (see platform/modules/household-changes.ts). */
const ENDED_WITH_APPROVAL =
  'What ended with its approval (its time as a hub family, or the support it had from one, and its carers’ time as Carer Ambassadors)';

const pages: Record<
  Kind,
  { page: string; title: string; heading: (c: CorrectableChange) => string; intro: (c: CorrectableChange) => string }
> = {
  undo: {
    page: 'status-undo',
    title: 'Undo the status change',
    heading: (c) => `Undo the change to ${statusName(c.event.toStatus).toLowerCase()}`,
    intro: (c) =>
      `Undo it only if it was recorded in error: a change that did not happen, or for the wrong household. The household goes back to ${statusName(c.previous.toStatus).toLowerCase()}, since ${formatDate(c.previous.onDate)}; its deadlines and figures follow, and the audit trail keeps what was undone, who undid it and why.${
        endedApproval(c.event, c.previous)
          ? ` ${ENDED_WITH_APPROVAL} starts again, unless something recorded since stands in the way.`
          : ''
      }`,
  },
  date: {
    page: 'status-date',
    title: 'Change the date of the status change',
    heading: (c) => `Change the date of the change to ${statusName(c.event.toStatus).toLowerCase()}`,
    intro: (c) =>
      `Change the date only if it was typed wrongly. It can be no earlier than ${formatDate(c.previous.onDate)}, when the household became ${statusName(c.previous.toStatus).toLowerCase()}, and no later than today. Deadlines and figures follow the new date, and the audit trail keeps the old one, who changed it and why.${
        endedApproval(c.event, c.previous) ? ` ${ENDED_WITH_APPROVAL} ends on the new date instead.` : ''
      }`,
  },
};

export function statusCorrectionRoutes(app: FastifyInstance, db: Db): void {
  function show(
    reply: FastifyReply,
    kind: Kind,
    household: HouseholdRecord,
    change: CorrectableChange,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { event } = change;
    const rows = [
      { key: 'Status change', value: changeText(event) },
      { key: 'Date of the change', value: formatDate(event.onDate) },
      ...(event.byName ? [{ key: 'Recorded by', value: event.byName }] : []),
      ...(event.reason ? [{ key: 'Reason given', value: event.reason }] : []),
    ];
    const page = pages[kind];
    return reply.code(errors ? 400 : 200).page('households-status-correction.njk', {
      title: `${page.title}: ${household.name}`,
      household,
      heading: page.heading(change),
      intro: page.intro(change),
      rows,
      kind,
      values,
      errors,
      onDate: datePartsOf(values, 'onDate'),
      action:
        kind === 'undo' ? undoStatusChangePath(household.id, event.id) : redateStatusChangePath(household.id, event.id),
      cancel: householdPath(household.id),
      breadcrumbs: householdCrumbs(household),
    });
  }

  /** The household (404/403 first) and its latest status change, or the reply already on its way. */
  async function open(request: FastifyRequest<WithEvent>, reply: FastifyReply, kind: Kind) {
    if (!isUuid(request.params.eventId)) {
      reply.callNotFound();
      return null;
    }
    const household = await openHousehold(db, request as FastifyRequest<WithId>, reply, pages[kind].page, 'change');
    if (!household) return null;
    const change = await correctableChange(db, household, request.params.eventId);
    if (!change.ok) {
      void notCorrectablePage(reply, household, change);
      return null;
    }
    return { household, change };
  }

  for (const kind of ['undo', 'date'] as const) {
    const path = kind === 'undo' ? undoStatusChangePath(':id', ':eventId') : redateStatusChangePath(':id', ':eventId');

    app.get<WithEvent>(path, changeAccess, async (request, reply) => {
      const found = await open(request, reply, kind);
      if (!found) return reply;
      return show(reply, kind, found.household, found.change, {});
    });

    app.post<WithEvent>(path, changeAccess, async (request, reply) => {
      const found = await open(request, reply, kind);
      if (!found) return reply;
      const { household, change } = found;
      const typed = { ...(request.body as Record<string, unknown>) };
      const again = (errors: FormErrors) => show(reply, kind, household, change, typed, errors);
      let result: Outcome;
      if (kind === 'undo') {
        const form = parseForm(undoStatusForm, request.body);
        if (!form.ok) return again(pageErrors(form.errors));
        result = await undoStatusChange(db, who(request), household.id, change.event.id, form.value.reason);
      } else {
        const form = parseForm(redateStatusForm, request.body);
        if (!form.ok) return again(pageErrors(form.errors));
        result = await redateStatusChange(db, who(request), household.id, change.event.id, form.value);
      }
      if (result.ok) {
        const done = kind === 'undo' ? 'status-undone' : 'status-redated';
        return reply.redirect(`${householdPath(household.id)}?done=${done}`, 303);
      }
      if (result.reason === 'invalid') return again(pageErrors(result.errors));
      if (result.reason === 'not-correctable') return notCorrectablePage(reply, household, result);
      return refused(reply, result.reason, household);
    });
  }
}
