/** What the visits' pages say, in words: the next visit due and each visit. */
import { differenceInDays, type IsoDate } from '../../platform/dates/index.ts';
import { DUE_SOON_DAYS } from '../../platform/due/index.ts';
import { formatDate, formatDateTime } from '../../platform/views/format.ts';
import { placeShortNames, seenInWords, VISITS_CITE, type Place } from './labels.ts';
import type { NextVisit, VisitRow } from './queries.ts';
import { ruleInWords } from './rule.ts';

export interface NextVisitView {
  dueOn: string;
  tag: { text: string; classes: string } | null;
  rule: string;
  cites: string;
  planned: boolean;
}

/** The next visit due, its date, how near it is, and the rule in words; or why none is due. */
export function nextVisitView(next: NextVisit | null, untimed: string | null, today: IsoDate) {
  if (!next) {
    const why =
      untimed === 'staying_put'
        ? 'The young person is in a Staying Put arrangement: they are an adult, and no statutory visit is due.'
        : untimed === 'short_break'
          ? 'The child is on short breaks: visits are at intervals agreed with the IRO and the child’s parents (regulation 48), so Hearth does not set a date.'
          : 'The child is not placed with foster carers now: no statutory visit is due.';
    return { next: null, why };
  }
  const days = differenceInDays(next.dueOn, today);
  const tag =
    days < 0
      ? { text: 'Overdue', classes: 'govuk-tag--red' }
      : days <= DUE_SOON_DAYS
        ? { text: 'Due soon', classes: 'govuk-tag--yellow' }
        : null;
  const view: NextVisitView = {
    dueOn: formatDate(next.dueOn),
    tag,
    rule: ruleInWords(next.stage, next.startDate, next.lastSeenOn, next.firstReviewOn),
    cites: VISITS_CITE,
    planned: next.planned,
  };
  return { next: view, why: null };
}

/** A visit as a row of a table. */
export function visitView(visit: VisitRow) {
  return {
    id: visit.id,
    visitedOn: formatDate(visit.visitedOn),
    visitedBy: visit.visitedByName,
    seen: seenInWords(visit),
    place: placeShortNames[visit.place as Place] ?? visit.place,
    placedWith: visit.withAgency ? `${visit.placedWith} (agency)` : visit.placedWith,
    note: visit.note,
    recorded: `${visit.recordedByName}, ${formatDateTime(visit.recordedAt)}`,
  };
}
