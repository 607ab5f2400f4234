import type { DbOrTx } from '../db/client.ts';
import type { Figure, Measure, MeasureRow, Period, Rag, ScopedFigure } from './types.ts';

/** The figure for a set of rows: a percentage of the rows met, a count of them, or an average of days. */
export function figureOf(measure: Measure, rows: readonly MeasureRow[]): Figure {
  const met = rows.filter((r) => r.met);
  switch (measure.unit) {
    case 'count':
      return { numerator: met.length, denominator: null, value: met.length };
    case 'percentage':
      return {
        numerator: met.length,
        denominator: rows.length,
        value: rows.length === 0 ? null : round1((met.length / rows.length) * 100),
      };
    case 'days': {
      const days = met.map((r) => r.days ?? 0);
      const total = days.reduce((a, b) => a + b, 0);
      return { numerator: total, denominator: met.length, value: met.length === 0 ? null : round1(total / met.length) };
    }
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The whole service, then each area and each team that has rows. */
export function breakdownOf(measure: Measure, rows: readonly MeasureRow[]): ScopedFigure[] {
  const byArea = new Map<string, MeasureRow[]>();
  const byTeam = new Map<string, MeasureRow[]>();
  const add = (groups: Map<string, MeasureRow[]>, id: string, row: MeasureRow) => {
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  };
  const teams = measure.byTeam !== false;
  for (const row of rows) {
    if (row.areaId) add(byArea, row.areaId, row);
    if (teams && row.teamId) add(byTeam, row.teamId, row);
  }
  return [
    { scopeKind: 'service', scopeId: '', ...figureOf(measure, rows) },
    ...[...byArea].map(([id, r]) => ({ scopeKind: 'area' as const, scopeId: id, ...figureOf(measure, r) })),
    ...[...byTeam].map(([id, r]) => ({ scopeKind: 'team' as const, scopeId: id, ...figureOf(measure, r) })),
  ];
}

export interface LiveResult {
  rows: MeasureRow[];
  figures: ScopedFigure[];
}

/** Counts the measure now, for the period: one query, aggregated for every scope. */
export async function countMeasure(db: DbOrTx, measure: Measure, period: Period): Promise<LiveResult> {
  const rows = await measure.rows(db, period);
  return { rows, figures: breakdownOf(measure, rows) };
}

export function targetOf(measure: Measure, period: Period): number {
  return measure.targetFor ? measure.targetFor(period) : measure.target;
}

/** Green at or beyond the target, amber within the margin, red beyond it. */
export function ragOf(measure: Measure, value: number | null, target: number): Rag {
  if (value === null) return 'none';
  const shortfall = measure.direction === 'higher' ? target - value : value - target;
  if (shortfall <= 0) return 'green';
  return shortfall <= measure.amberMargin ? 'amber' : 'red';
}

export const ragText: Record<Rag, string> = {
  green: 'On target',
  amber: 'Close to target',
  red: 'Off target',
  none: 'No data',
};

/** The figure for one scope out of a breakdown (zero rows when the scope had none). */
export function figureFor(measure: Measure, figures: readonly ScopedFigure[], scope: Scope): Figure {
  const found = figures.find(
    (f) => f.scopeKind === scope.kind && f.scopeId === (scope.kind === 'service' ? '' : scope.id),
  );
  return found ?? figureOf(measure, []);
}

export type Scope = { kind: 'service' } | { kind: 'area'; id: string } | { kind: 'team'; id: string };

/** The value as shown; a measure not counted by team says so for a team. */
export function formatValue(measure: Measure, value: number | null, scope?: Scope): string {
  if (scope?.kind === 'team' && measure.byTeam === false) return 'Not counted by team';
  if (value === null) return 'No data';
  switch (measure.unit) {
    case 'percentage':
      return `${value}%`;
    case 'days':
      return `${value} days`;
    case 'count':
      return String(value);
  }
}
