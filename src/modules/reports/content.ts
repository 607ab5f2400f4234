import { addDays, addMonths, type IsoDate } from '../../platform/dates/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findMeasure } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { quarterOf, type Quarter } from '../../platform/dates/quarters.ts';
import { changeText, measureLines, reportMonth, serviceNumbers, type MeasureLine, type NumberLine } from './figures.ts';
import { planPart, type PlanPart } from './plan-part.ts';

/**
 * A quarterly report as its reader sees it: everything the page and the Word document show. An
 * issued report stores exactly this, so it reads the same however the records change later.
 */
export interface ReportContent {
  title: string;
  quarter: Quarter;
  /** The day the figures are counted as at (the quarter's last day, or today while it runs). */
  asAt: IsoDate;
  /** What the figures are compared with: the last issued report, or the quarter before. */
  comparedWith: string;
  foreword: string;
  offTargetNarrative: string;
  nextQuarterNarrative: string;
  numbers: (NumberLine & { before: number | null; change: string })[];
  measures: (MeasureLine & { before: string; change: string })[];
  plan: PlanPart;
}

/** What an earlier report's figures are, to compare against. */
export interface Earlier {
  label: string;
  numbers: Map<string, number>;
  measures: Map<string, { value: number | null; shown: string }>;
}

export interface Narrative {
  foreword: string;
  offTarget: string;
  nextQuarter: string;
}

export function quarterFromStart(start: IsoDate): Quarter {
  return quarterOf(start);
}

export function previousQuarter(q: Quarter): Quarter {
  return quarterOf(addDays(q.start, -1));
}

export function reportTitle(q: Quarter): string {
  return `Quarterly report to the executive: ${q.label}`;
}

/** The figures of the quarter before, counted now, when no earlier report has been issued. */
async function quarterBefore(db: DbOrTx, q: Quarter, today: IsoDate): Promise<Earlier> {
  const prev = previousQuarter(q);
  const [numbers, measures] = await Promise.all([
    serviceNumbers(db, prev.start, prev.end),
    measureLines(db, reportMonth(prev.end, today), today),
  ]);
  return {
    label: `${prev.label}, counted from the records (no earlier report was issued)`,
    numbers: new Map(numbers.map((n) => [n.key, n.value])),
    measures: new Map(measures.map((m) => [m.id, { value: m.value, shown: m.shown }])),
  };
}

/** The figures of an issued report, as it was issued. */
export function earlierFromIssued(content: ReportContent, issuedOn: IsoDate): Earlier {
  return {
    label: `the last issued report (${content.quarter.label}, issued on ${formatDate(issuedOn)})`,
    numbers: new Map(content.numbers.map((n) => [n.key, n.value])),
    measures: new Map(content.measures.map((m) => [m.id, { value: m.value, shown: m.shown }])),
  };
}

/** The report of a quarter as it stands today, from the records and the head's narrative. */
export async function buildContent(
  db: DbOrTx,
  quarter: Quarter,
  narrative: Narrative,
  earlier: Earlier | null,
  today: IsoDate,
): Promise<ReportContent> {
  const asAt = quarter.end < today ? quarter.end : today;
  const nextEnd = addDays(addMonths(quarter.start, 6), -1);
  const compare = earlier ?? (await quarterBefore(db, quarter, today));
  const numbers = await serviceNumbers(db, quarter.start, asAt);
  const measures = await measureLines(db, reportMonth(quarter.end, today), today);
  const plan = await planPart(db, quarter.start, quarter.end, nextEnd);
  return {
    title: reportTitle(quarter),
    quarter,
    asAt,
    comparedWith: compare.label,
    foreword: narrative.foreword,
    offTargetNarrative: narrative.offTarget,
    nextQuarterNarrative: narrative.nextQuarter,
    numbers: numbers.map((n) => {
      const before = compare.numbers.get(n.key) ?? null;
      return { ...n, before, change: changeText('count', n.value, before) };
    }),
    measures: measures.map((m) => {
      const before = compare.measures.get(m.id);
      return {
        ...m,
        before: before?.shown ?? 'No earlier figure',
        change: changeText(findMeasure(m.id)?.unit, m.value, before?.value),
      };
    }),
    plan,
  };
}
