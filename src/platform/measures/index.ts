/**
 * The scorecard engine: modules register measures (data plus their counting as SQL); the engine
 * counts them in the database for a month with grouping sets (service, areas, teams), pages the
 * records behind a figure, keeps month-end snapshots and the current month's provisional count,
 * and the kept facts (facts.ts) measures share.
 */
export type { Average, Direction, Figure, Measure, MeasureRow, Period, Rag, ScopedFigure, Unit } from './types.ts';
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
  deadlinesBetween,
} from './periods.ts';
export {
  breakdownOf,
  countMeasure,
  figureOf,
  figureOfRecords,
  figureFor,
  formatValue,
  measureRecords,
  measureRecordsPage,
  ragOf,
  ragText,
  targetText,
  targetOf,
  type RecordsPage,
  type RecordsViewer,
  type Scope,
} from './compute.ts';
export {
  markProvisionalFiguresOutOfDate,
  PROVISIONAL_MAX_AGE_MS,
  readSnapshots,
  readStoredFigures,
  refreshProvisionalFigures,
  snapshotLastYear,
  snapshotMonth,
} from './snapshots.ts';
export {
  areasAndTeams,
  figuresByMonth,
  measureDetailFor,
  scorecardFor,
  type MeasureCard,
  type MonthEntry,
} from './scorecard.ts';
export { factsDifferences, rebuildFacts, refreshFacts, type KeptFacts } from './facts.ts';
