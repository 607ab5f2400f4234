/** What extra support's pages show, in words. */
import { formatDate, named } from '../../platform/views/format.ts';
import { breakKindNames, centreNames, urgencyNames } from './labels.ts';
import type { BreakRow, HubLinkRow, PsychologyRow } from './queries.ts';

/** "From 3 March 2026" or "3 March 2026 to 5 March 2026". */
export function period(from: string, to: string | null, ongoing = 'now'): string {
  return to === null ? `${formatDate(from)} to ${ongoing}` : `${formatDate(from)} to ${formatDate(to)}`;
}

/** A break in a list's row. */
export function breakRow(b: BreakRow) {
  return {
    when: b.fromOn === b.toOn ? formatDate(b.fromOn) : period(b.fromOn, b.toOn),
    what: `${named(breakKindNames, b.kind)} at ${named(centreNames, b.centre)}`,
    children: b.children === 1 ? '1 child' : `${b.children} children`,
    note: b.note,
  };
}

/** A link to a hub family (or a household it supports) in a list's row. */
export function linkRow(l: HubLinkRow) {
  return { name: l.householdName, when: period(l.startedOn, l.endedOn), current: l.endedOn === null };
}

/** Where a request for psychology support is, in words. */
export function requestStatus(r: PsychologyRow): string {
  if (r.endedOn) return `Ended ${formatDate(r.endedOn)}`;
  if (r.firstSessionOn) return `Sessions since ${formatDate(r.firstSessionOn)}`;
  if (r.dueOn) return `Waiting: first session due by ${formatDate(r.dueOn)}`;
  return 'Waiting for a first session';
}

/** A request's rows, for a summary list. */
export function requestRows(r: PsychologyRow) {
  return [
    { key: 'Household', value: r.householdName },
    { key: 'For', value: r.childName ?? 'The carers' },
    { key: 'Asked for on', value: formatDate(r.requestedOn) },
    { key: 'How urgent', value: named(urgencyNames, r.urgency) },
    { key: 'Why support is needed', value: r.reason },
    ...(r.dueOn ? [{ key: 'First session due by', value: formatDate(r.dueOn) }] : []),
    { key: 'First session', value: r.firstSessionOn ? formatDate(r.firstSessionOn) : 'Not yet' },
    { key: 'Support ended', value: r.endedOn ? formatDate(r.endedOn) : 'Not yet' },
    { key: 'Recorded by', value: r.recordedByName ?? 'Not known' },
  ];
}
