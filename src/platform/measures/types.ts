import type { SQL } from 'drizzle-orm';
import type { IsoDate } from '../dates/index.ts';

/** A calendar month in Europe/London, 'YYYY-MM', evaluated as at its last day (or today, for the current month). */
export interface Period {
  month: string;
  /** The first day of the month. */
  from: IsoDate;
  /** The last day of the month, or today while the month is still running. */
  asAt: IsoDate;
  /** True while the month is still running (its figures are live). */
  current: boolean;
}

/**
 * One record a measure looked at: in the denominator, and in the numerator when `met`.
 * For a count with no denominator every row is met.
 */
export interface MeasureRow {
  recordType: string;
  recordId: string;
  label: string;
  href: string;
  teamId: string | null;
  areaId: string | null;
  met: boolean;
  /** A short fact about the row for the records list (a date, the deadline ...). */
  detail?: string;
  /** A restricted record (a carer on the staff): counted, but listed only to the head of fostering. */
  restricted?: boolean;
  /** For a measure in days: this record's number of days (the value is their mean or median, `average`). */
  days?: number;
}

export type Unit = 'percentage' | 'count' | 'days';
/**
 * How a measure in days sums up its records' days: the mean (the figure's numerator is the days
 * added up, its denominator the records), or the median, the middle record's days (the two middle
 * ones' halfway point for an even number), counted in SQL with percentile_cont (its numerator and
 * denominator are the records met and counted).
 */
export type Average = 'mean' | 'median';
export type Direction = 'higher' | 'lower';

export interface Measure {
  /** Stable id, used in URLs and snapshots (e.g. 'households.approved'). */
  id: string;
  title: string;
  /** What is counted, in plain words, precisely enough to check a figure by hand. */
  definition: string;
  /** The National Minimum Standard(s) it evidences. */
  standard: string;
  /** The business plan target or action it serves. */
  planTarget: string;
  unit: Unit;
  /** For a measure in days: the mean (the default) or the median of its records' days. */
  average?: Average;
  /**
   * Null for a measure counted to show, not judged (how many children left care, and why, follows
   * their plans and the courts; the business plan sets no number): never rated, no target line.
   */
  target: number | null;
  direction: Direction;
  /** Amber when the value misses the target by no more than this; red beyond. */
  amberMargin: number;
  /** The target for a period when it is not the same every month (e.g. pro rata through the year). */
  targetFor?: (period: Period) => number;
  /**
   * With `targetFor` pro rata through the year: the whole year's target and when the year ends,
   * shown beside the month's ("150 so far this year of 200 by March").
   */
  yearTarget?: { value: number; by: string };
  /** Words for the rows in and out of the numerator on the records list. */
  metLabel: string;
  missedLabel?: string;
  /** Lower comes first on the scorecard. */
  order: number;
  /**
   * False when some of its records are no fostering team's work (a child placed with an agency):
   * the measure is then counted for the service and by area only, never by team.
   */
  byTeam?: boolean;
  /**
   * The counting, as SQL: ONE select of one row per record counted for the period, with the
   * columns `team_id` (uuid, or null for no team), `area_id` (uuid), `met` (boolean) and, for a
   * measure in days, `days` (a number; only the rows met count towards the mean or median). The engine aggregates it for the service, each area and
   * each team with grouping sets: only a handful of rows leave the database. Null when nothing can
   * fall in the period.
   */
  count(period: Period): SQL | null;
  /**
   * The records behind the figure: the same records as `count`, one row each, with the columns
   * `record_type`, `record_id`, `label`, `href`, `team_id`, `area_id`, `met`, `detail` (text or
   * null), `restricted` (boolean) and `sort_key` (text, the list's order). Read only by the measure
   * page, which filters, pages and counts them in SQL. Null when nothing can fall in the period.
   */
  records(period: Period): SQL | null;
}

/**
 * 'none': nothing to measure yet. 'unrated': a count target is the whole service's, so an area's or
 * a team's count is shown without a rating rather than judged against the county's number.
 */
export type Rag = 'green' | 'amber' | 'red' | 'none' | 'unrated';

export interface Figure {
  numerator: number;
  /** null for a count with no denominator. */
  denominator: number | null;
  /** null when there is nothing to measure (an empty denominator). */
  value: number | null;
}

export type ScopeKind = 'service' | 'area' | 'team';

export interface ScopedFigure extends Figure {
  scopeKind: ScopeKind;
  /** '' for the whole service. */
  scopeId: string;
}
