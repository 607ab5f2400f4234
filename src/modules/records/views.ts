/** View-model builders: requests for records and closed households turned into what the pages show, in words. */
import { formatDate } from '../../platform/views/format.ts';
import type { PastRetentionRow, RequestRow } from './queries.ts';
import { isClosedStatus, requesterKindName, retentionRules } from './labels.ts';

/** Where a request stands: sent in time or late, or open (overdue once its 15 working days have passed). */
export function requestTag(r: Pick<RequestRow, 'dueOn' | 'sentOn'>, today: string) {
  if (r.sentOn) {
    return r.sentOn <= r.dueOn
      ? { text: 'Sent on time', classes: 'govuk-tag--green' }
      : { text: 'Sent late', classes: 'govuk-tag--orange' };
  }
  return r.dueOn < today
    ? { text: 'Overdue', classes: 'govuk-tag--red' }
    : { text: 'Not sent yet', classes: 'govuk-tag--blue' };
}

/** A request in words, for the household's page and the Records page. */
export function requestView(r: RequestRow, today: string) {
  return {
    id: r.id,
    household: `${r.householdName} (${r.householdReference})`,
    organisation: r.organisation,
    kind: requesterKindName(r.kind),
    receivedOn: formatDate(r.receivedOn),
    dueOn: formatDate(r.dueOn),
    sentOn: r.sentOn ? formatDate(r.sentOn) : null,
    sentBy: r.sentByName,
    notes: r.notes,
    recordedBy: r.recordedByName,
    tag: requestTag(r, today),
  };
}

/** A closed household's retention in words: how long its records are kept and under which rule. */
export function retentionView(status: string, closedOn: string, keptUntil: string) {
  const rule = isClosedStatus(status) ? retentionRules[status] : null;
  return {
    closed: rule?.closed ?? 'Closed',
    closedOn: formatDate(closedOn),
    keptUntil: formatDate(keptUntil),
    rule: rule?.words ?? '',
  };
}

/** A household past its retention date, as a row of the list. */
export const pastRetentionView = (h: PastRetentionRow) => ({
  household: `${h.name} (${h.reference})`,
  team: h.teamName,
  ...retentionView(h.status, h.closedOn, h.keptUntil),
});
