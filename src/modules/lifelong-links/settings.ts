/**
 * The Lifelong Links pilot's settings (business plan action 7.4): how many children are to join it
 * in each financial year, and the service's own aim for work ending with a plan. They are the
 * plan's and the service's targets, not law: change them here and the list page and the scorecard
 * follow. No statutory timescale applies to Lifelong Links work, so it has no deadline.
 */
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { IsoDate } from '../../platform/dates/index.ts';

/**
 * Children joining the pilot in each financial year (April to March), by the year's first day: the
 * plan's "50 children in the project in year 1; 80 in year 2". The years are the demo plan's: its
 * first year (2026-27) and the next. Oldest first.
 */
export const YEAR_TARGETS: readonly { yearFrom: IsoDate; children: number }[] = [
  { yearFrom: '2026-04-01', children: 50 },
  { yearFrom: '2027-04-01', children: 80 },
];

/**
 * The service's own aim (local: the plan sets none): of the work ended in twelve months, the
 * percentage that ended with a plan agreed for the child's lasting relationships.
 */
export const ENDED_WITH_PLAN_TARGET = 75;

export const ACTION_7_4 =
  'Target 7, action 7.4: more support for children and young people through the Lifelong Links pilot (50 children in year 1, 80 in year 2)';
export const LIFELONG_LINKS_MODEL =
  'Lifelong Links (Family Rights Group), with Family Group Conferencing: no statutory timescale';

/**
 * The children to join in the financial year the day falls in: the year's own target, or for a
 * year the setting does not name, the nearest year's (the first before the pilot's first year, the
 * last after its last).
 */
export function yearTargetOn(day: IsoDate): { children: number; year: string; set: boolean } {
  const year = financialYearOf(day);
  const own = YEAR_TARGETS.find((t) => t.yearFrom === year.start);
  if (own) return { children: own.children, year: year.label, set: true };
  const before = YEAR_TARGETS[0]!.yearFrom > year.start;
  const nearest = before ? YEAR_TARGETS[0]! : YEAR_TARGETS[YEAR_TARGETS.length - 1]!;
  return { children: nearest.children, year: year.label, set: false };
}
