import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { formatCount } from '../views/format.ts';
import type { Figure, Measure, MeasureRow, Period, Rag, ScopedFigure, ScopeKind } from './types.ts';

/** The figure for a set of rows: a percentage of the rows met, a count of them, or the mean or median of days. */
export function figureOf(measure: Measure, rows: readonly MeasureRow[]): Figure {
  const met = rows.filter((r) => r.met);
  const days = met.map((r) => r.days ?? 0);
  const summed = measure.average === 'median' ? medianOf(days) : days.reduce((a, b) => a + b, 0);
  return figureFromCounts(measure, rows.length, met.length, summed ?? 0);
}

/** The middle value, or halfway between the two middle values; null for none (as percentile_cont(0.5)). */
export function medianOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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

/**
 * The figure from the counts the database returns: records counted, records met, and the days of
 * those met (added up for a mean, their median for a median).
 */
export function figureFromCounts(measure: Measure, total: number, met: number, days: number): Figure {
  switch (measure.unit) {
    case 'count':
      return { numerator: met, denominator: null, value: met };
    case 'percentage':
      return { numerator: met, denominator: total, value: total === 0 ? null : round1((met / total) * 100) };
    case 'days':
      if (measure.average === 'median')
        return { numerator: met, denominator: total, value: met === 0 ? null : round1(days) };
      return { numerator: days, denominator: met, value: met === 0 ? null : round1(days / met) };
  }
}

/** The days of the rows met, summed up in SQL: added up for a mean, their median (percentile_cont) for a median. */
function daysOf(measure: Measure) {
  if (measure.unit !== 'days') return sql`0`;
  return measure.average === 'median'
    ? sql`coalesce(percentile_cont(0.5) within group (order by u.days) filter (where u.met), 0)`
    : sql`coalesce(sum(u.days) filter (where u.met), 0)`;
}

export interface LiveResult {
  figures: ScopedFigure[];
}

interface GroupRow {
  no_area: number;
  no_team: number;
  area_id: string | null;
  team_id: string | null;
  total: number;
  met: number;
  days: number;
}

/**
 * Counts the measure now, for the period: its counting SQL aggregated in the database for the
 * whole service, each area and each team (grouping sets), so a handful of rows come back.
 */
export async function countMeasure(db: DbOrTx, measure: Measure, period: Period): Promise<LiveResult> {
  const counting = measure.count(period);
  const empty = { scopeKind: 'service' as const, scopeId: '', ...figureOf(measure, []) };
  if (!counting) return { figures: [empty] };
  const days = daysOf(measure);
  const groups = await queryRows<GroupRow>(
    db,
    sql`select grouping(u.area_id) as no_area, grouping(u.team_id) as no_team,
          u.area_id::text as area_id, u.team_id::text as team_id,
          count(*)::int as total, count(*) filter (where u.met)::int as met, (${days})::float8 as days
        from (${counting}) u
        group by grouping sets ((), (u.area_id), (u.team_id))`,
  );
  const teams = measure.byTeam !== false;
  const figures: ScopedFigure[] = [];
  for (const g of groups) {
    const figure = figureFromCounts(measure, Number(g.total), Number(g.met), Number(g.days));
    if (Number(g.no_area) === 1 && Number(g.no_team) === 1)
      figures.unshift({ scopeKind: 'service', scopeId: '', ...figure });
    else if (Number(g.no_area) === 0 && g.area_id) figures.push({ scopeKind: 'area', scopeId: g.area_id, ...figure });
    else if (Number(g.no_team) === 0 && g.team_id && teams)
      figures.push({ scopeKind: 'team', scopeId: g.team_id, ...figure });
  }
  if (figures[0]?.scopeKind !== 'service') figures.unshift(empty);
  return { figures };
}

interface RecordRow {
  record_type: string;
  record_id: string;
  label: string;
  href: string;
  team_id: string | null;
  area_id: string | null;
  met: boolean;
  detail: string | null;
  restricted: boolean | null;
}

function toMeasureRow(r: RecordRow): MeasureRow {
  return {
    recordType: r.record_type,
    recordId: r.record_id,
    label: r.label,
    href: r.href,
    teamId: r.team_id,
    areaId: r.area_id,
    met: r.met,
    ...(r.detail === null ? {} : { detail: r.detail }),
    restricted: r.restricted === true,
  };
}

const recordColumns = sql`r.record_type, r.record_id::text as record_id, r.label, r.href, r.team_id::text as team_id,
  r.area_id::text as area_id, r.met, r.detail, r.restricted`;

/**
 * The columns of a page of records: each record's words (its name, link and detail, made with
 * concatenations and dates written out) passed through `words_after_paging` (migration 0036), a
 * function that returns its argument but is marked costly, so the database builds them for the
 * page's records after sorting and limiting, not for every record in the list: for a measure of
 * 30,000 carers that was most of the page's time.
 */
const pageColumns = sql`r.record_type, r.record_id::text as record_id, words_after_paging(r.label) as label,
  words_after_paging(r.href) as href, r.team_id::text as team_id, r.area_id::text as area_id, r.met,
  words_after_paging(r.detail) as detail, r.restricted`;

/** Every record behind the measure's figure for the period, in the list's order (for checks and tools, not pages). */
export async function measureRecords(db: DbOrTx, measure: Measure, period: Period): Promise<MeasureRow[]> {
  const records = measure.records(period);
  if (!records) return [];
  const rows = await queryRows<RecordRow>(
    db,
    sql`select ${recordColumns} from (${records}) r order by r.sort_key, r.record_id`,
  );
  return rows.map(toMeasureRow);
}

/** Whose records a viewer may see listed: their household scope, and whether restricted records too. */
export interface RecordsViewer {
  sees: { kind: 'all' } | { kind: 'area'; id: string } | { kind: 'team'; id: string } | { kind: 'none' };
  /** Restricted records (a carer on the staff) are listed only to whoever may see them. */
  restricted: boolean;
  /**
   * A further condition on each record (`r`): the viewer may open it by its own type's rule
   * (listedToViewer). Records outside it are counted but not listed, as restricted ones are.
   */
  opens?: SQL;
}

export interface RecordsPageRequest {
  /** The figure's scope the page shows (the filters). */
  scope: Scope;
  viewer: RecordsViewer;
  /** The records met (the numerator), or the others. */
  met: boolean;
  /** From 1. */
  page: number;
  pageSize: number;
  /** The measure's own order (the default), or by the record's name. */
  sort?: 'default' | 'label';
}

export interface RecordsPage {
  rows: MeasureRow[];
  /** Records in the scope the viewer may see: met, and not met. */
  metCount: number;
  missedCount: number;
  /** Records in the scope counted but not listed to this viewer. */
  hiddenCount: number;
  /** Of those, the records met. */
  hiddenMetCount: number;
}

/**
 * One page of the records behind a figure, within the figure's scope and what the viewer may see:
 * filtered, counted, sorted and paged in the database, in one pass over the records. The counts
 * are windows over every record in scope; the records asked for (met or not, and visible) sort
 * first and the page is the first of them (a top-N sort), whose words alone are built (see
 * pageColumns). Two queries side by side, one counting and one listing, each derived every record:
 * at national scale on 2 cores, 260-310 ms for the children's visits against 240 ms for one, and
 * half the work under load. A page past the last record returns no row: its counts are then
 * counted alone.
 */
export async function measureRecordsPage(
  db: DbOrTx,
  measure: Measure,
  period: Period,
  request: RecordsPageRequest,
): Promise<RecordsPage> {
  const records = measure.records(period);
  if (!records) return { rows: [], metCount: 0, missedCount: 0, hiddenCount: 0, hiddenMetCount: 0 };
  const { scope, viewer } = request;
  const inScope =
    scope.kind === 'area'
      ? sql`r.area_id = ${scope.id}`
      : scope.kind === 'team'
        ? sql`r.team_id = ${scope.id}`
        : sql`true`;
  const sees = viewer.sees;
  const inCaseload =
    sees.kind === 'all'
      ? sql`true`
      : sees.kind === 'area'
        ? sql`r.area_id is not distinct from ${sees.id}::uuid`
        : sees.kind === 'team'
          ? sql`r.team_id is not distinct from ${sees.id}::uuid`
          : sql`false`;
  const listed = viewer.opens ? sql`(${inCaseload}) and ${viewer.opens}` : inCaseload;
  const listedHere = viewer.restricted ? listed : sql`((${listed}) and not coalesce(r.restricted, false))`;
  // With the records' own rules, whether each is listed is worked out once a record, in a lateral
  // subquery the planner keeps (offset 0): pulled up, the condition and its lookups were copied into
  // each count and the order (5 times: a team manager's children in care took 410 ms, not 250). Not
  // around the records themselves, whose words are built only for the page (pageColumns).
  const from = viewer.opens
    ? sql`(${records}) r cross join lateral (select ${listedHere} as listed_ offset 0) l where ${inScope}`
    : sql`(${records}) r where ${inScope}`;
  const visible = viewer.opens ? sql`l.listed_` : listedHere;
  const asked = sql`(${visible} and r.met = ${request.met})`;
  // The sort key concatenated with nothing: an expression no index returns in order. Ordered by a
  // column with an index (a child's reference, say), the database may walk that index and look
  // each record up in the rest of the query in turn, a plan the limit makes look cheap: 290 ms
  // against 160 ms for the children of the national demo.
  const order = request.sort === 'label' ? sql`r.label, r.record_id` : sql`r.sort_key || '', r.record_id`;
  const offset = (Math.max(1, request.page) - 1) * request.pageSize;
  const rows = await queryRows<RecordRow & PageCounts & { asked: boolean }>(
    db,
    sql`select ${pageColumns}, ${asked} as asked, ${pageCounts(visible, sql`over ()`)} from ${from}
        order by ${asked} desc, ${order} limit ${request.pageSize} offset ${offset}`,
  );
  const first = rows[0] ?? (offset > 0 ? await countsAlone(db, from, visible) : undefined);
  return {
    rows: rows.filter((r) => r.asked).map(toMeasureRow),
    metCount: Number(first?.met_count ?? 0),
    missedCount: Number(first?.missed_count ?? 0),
    hiddenCount: Number(first?.hidden_count ?? 0),
    hiddenMetCount: Number(first?.hidden_met_count ?? 0),
  };
}

interface PageCounts {
  met_count: number;
  missed_count: number;
  hidden_count: number;
  hidden_met_count: number;
}

/** The columns of PageCounts: aggregates, or windows over the whole list with `over` (`over ()`). */
const pageCounts = (
  visible: SQL,
  over: SQL = sql``,
) => sql`count(*) filter (where ${visible} and r.met) ${over}::int as met_count,
  count(*) filter (where ${visible} and not r.met) ${over}::int as missed_count,
  count(*) filter (where not ${visible}) ${over}::int as hidden_count,
  count(*) filter (where not ${visible} and r.met) ${over}::int as hidden_met_count`;

/** The counts of a records page past the last record (no row to read them from). */
async function countsAlone(db: DbOrTx, from: SQL, visible: SQL): Promise<PageCounts | undefined> {
  const [row] = await queryRows<PageCounts>(db, sql`select ${pageCounts(visible)} from ${from}`);
  return row;
}

/**
 * The figure the records counted (those listed and those hidden from the viewer): today's recount
 * of the scope, without counting again. Not for a measure of days, whose figure needs each
 * record's days: null.
 */
export function figureOfRecords(measure: Measure, scope: Scope, page: RecordsPage): Figure | null {
  if (measure.unit === 'days') return null;
  // A measure not counted by team has no team figure, as countMeasure gives none.
  if (scope.kind === 'team' && measure.byTeam === false) return figureOf(measure, []);
  const total = page.metCount + page.missedCount + page.hiddenCount;
  return figureFromCounts(measure, total, page.metCount + page.hiddenMetCount, 0);
}

export function targetOf(measure: Measure, period: Period): number | null {
  return measure.targetFor ? measure.targetFor(period) : measure.target;
}

/**
 * Green at or beyond the target, amber within the margin, red beyond it. A count's target is the
 * whole service's: an area's or team's count is not rated against it.
 */
export function ragOf(
  measure: Measure,
  value: number | null,
  target: number | null,
  scopeKind: ScopeKind = 'service',
): Rag {
  if (target === null || (measure.unit === 'count' && scopeKind !== 'service')) return 'unrated';
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
  unrated: 'Not rated',
};

/**
 * The target in words for a scope: "At least 90%", "At least 50 so far this year of 200 by March",
 * or, for an area's or team's count, that the target is the whole service's.
 */
export function targetText(
  measure: Measure,
  target: number | null,
  format: (value: number) => string,
  scopeKind: ScopeKind = 'service',
): string {
  if (target === null) return 'None: counted to show, not judged';
  const atLeast = measure.direction === 'lower' ? 'At most' : 'At least';
  const year = measure.yearTarget;
  const whole = year
    ? `${atLeast.toLowerCase()} ${format(year.value)} by ${year.by}`
    : `${atLeast.toLowerCase()} ${format(target)}`;
  if (measure.unit === 'count' && scopeKind !== 'service') {
    return `Not rated here: the target (${whole}) is the whole service's`;
  }
  return year
    ? `${atLeast} ${format(target)} so far this year, of ${format(year.value)} by ${year.by}`
    : `${atLeast} ${format(target)}`;
}

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
      return `${formatCount(value)} days`;
    case 'count':
      return formatCount(value);
  }
}
