/** What an out-of-hours call's pages show, in words. */
import { formatDate, named } from '../../platform/views/format.ts';
import {
  answererNames,
  callerNames,
  outcomeNames,
  reasonNames,
  type Answerer,
  type Caller,
  type Outcome,
  type Reason,
} from './labels.ts';
import type { CallRow } from './queries.ts';

// Made once: a formatter made for each call (toLocaleDateString with options) was half the time of
// a page listing 50 calls.
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** "Saturday 14 November 2026 at 21:30" */
export function whenCalled(c: Pick<CallRow, 'calledOn' | 'calledAt'>): string {
  const day = weekday.format(new Date(`${c.calledOn}T12:00:00Z`));
  return `${day} ${formatDate(c.calledOn)} at ${c.calledAt}`;
}

/** The call's rows, for a summary list. */
export function callRows(c: CallRow) {
  return [
    { key: 'When', value: whenCalled(c) },
    { key: 'Household', value: `${c.householdName} (${c.householdReference})` },
    { key: 'Who called', value: named<Caller>(callerNames, c.caller) },
    { key: 'Who answered', value: named<Answerer>(answererNames, c.answeredBy) },
    { key: 'What it was about', value: named<Reason>(reasonNames, c.reason) },
    { key: 'What was done', value: named<Outcome>(outcomeNames, c.outcome) },
    { key: 'Note for the day team', value: c.note },
    { key: 'Recorded by', value: c.recordedByName ?? 'Not known' },
  ];
}

/** A call in a list's row. */
export function callListRow(c: CallRow) {
  return {
    when: whenCalled(c),
    reason: named<Reason>(reasonNames, c.reason),
    outcome: named<Outcome>(outcomeNames, c.outcome),
  };
}
