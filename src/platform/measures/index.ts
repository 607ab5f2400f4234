/**
 * The scorecard engine: modules register measures (data plus one query); the engine counts
 * them for a month, breaks them down by area and team, keeps month-end snapshots and trends.
 */
export type { Direction, Figure, Measure, MeasureRow, Period, Rag, ScopedFigure, Unit } from './types.ts';
export { allMeasures, findMeasure, registerMeasure } from './registry.ts';
export {
  addMonthsToMonth,
  currentMonth,
  deadlinesAfter,
  financialMonthsElapsed,
  financialYearStart,
  isClosed,
  isMonth,
  last12Months,
  monthName,
  periodOf,
  shortMonthName,
  startsWithDeadlineBetween,
} from './periods.ts';
export { breakdownOf, countMeasure, figureOf, formatValue, ragOf, ragText, targetOf, type Scope } from './compute.ts';
export { readSnapshots, snapshotMonth } from './snapshots.ts';
export { areasAndTeams, measureDetailFor, scorecardFor } from './scorecard.ts';
