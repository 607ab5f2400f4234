import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import {
  allMeasures,
  areasAndTeams,
  figureOf,
  periodOf,
  ragOf,
  ragText,
  targetOf,
  targetText,
  formatValue,
  type Rag,
  type Scope,
} from '../../platform/measures/index.ts';
import { figuresByMonth } from '../../platform/measures/scorecard.ts';

/** A spreadsheet must not run a cell as a formula: text starting with = + - @ gets a leading apostrophe. */
function safe(cell: string | number | null): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export const CSV_HEADER = [
  'Month',
  'Measure id',
  'Measure',
  'Scope',
  'Area or team',
  'Value',
  'Unit',
  'Target',
  'Target in words',
  'Better when',
  'RAG',
  'Numerator',
  'Denominator',
  'Source',
  'NMS standard',
  'Plan target',
];

/** One line of the scorecard: its cells (the CSV's columns), and the measure, scope and RAG behind them. */
export interface ScorecardLine {
  cells: (string | number | null)[];
  measureId: string;
  scope: Scope;
  rag: Rag;
}

/**
 * The scorecard for a month: one line per measure for the whole service, then each area and each
 * team unless the measure is not counted by team (figures only, no personal data). Stored
 * snapshots where the month has them.
 */
export async function scorecardLines(db: Db, month: string, today?: string): Promise<ScorecardLine[]> {
  const measures = allMeasures();
  const units = await areasAndTeams(db);
  const all = await figuresByMonth(db, measures, [month], today ?? todayInLondon());
  const lines: ScorecardLine[] = [];
  for (const measure of measures) {
    const entry = all.get(measure.id)!.get(month)!;
    const target = targetOf(measure, periodOf(month, today));
    const scopes = [
      { kind: 'service' as const, id: '', name: 'Whole service' },
      ...units.areas.map((a) => ({ kind: 'area' as const, id: a.id, name: a.name })),
      ...(measure.byTeam === false ? [] : units.teams.map((t) => ({ kind: 'team' as const, id: t.id, name: t.name }))),
    ];
    for (const scope of scopes) {
      const figure =
        entry.figures.find((f) => f.scopeKind === scope.kind && f.scopeId === scope.id) ?? figureOf(measure, []);
      const rag = ragOf(measure, figure.value, target, scope.kind);
      lines.push({
        measureId: measure.id,
        scope: scope.kind === 'service' ? { kind: 'service' } : { kind: scope.kind, id: scope.id },
        rag,
        cells: [
          month,
          measure.id,
          measure.title,
          scope.kind,
          scope.name,
          figure.value,
          measure.unit,
          target,
          targetText(measure, target, (v) => formatValue(measure, v), scope.kind),
          measure.direction,
          ragText[rag],
          figure.numerator,
          figure.denominator,
          entry.source,
          measure.standard,
          measure.planTarget,
        ],
      });
    }
  }
  return lines;
}

/** The scorecard's lines as rows of cells. */
export async function scorecardRows(db: Db, month: string, today?: string): Promise<(string | number | null)[][]> {
  return (await scorecardLines(db, month, today)).map((l) => l.cells);
}

/** The scorecard for a month as CSV, with cells a spreadsheet cannot run as formulas. */
export async function scorecardCsv(db: Db, month: string, today?: string): Promise<string> {
  const lines = await scorecardRows(db, month, today);
  return stringify([CSV_HEADER, ...lines.map((l) => l.map(safe))]);
}
