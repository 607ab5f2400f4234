import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { householdScope } from '../../platform/access/scope.ts';
import { listedToViewer } from '../../platform/access/registry.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  addMonthsToMonth,
  allMeasures,
  areasAndTeams,
  currentMonth,
  figureOfRecords,
  findMeasure,
  formatValue,
  measureDetailFor,
  measureRecordsPage,
  monthName,
  periodOf,
  ragText,
  targetText,
  scorecardFor,
  type RecordsViewer,
  type MeasureCard,
  type Scope,
} from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { lineChart, sparkline, trendLabel } from './chart.ts';
import type { ScorecardFilters } from './forms.ts';
import { measurePath } from './paths.ts';
import { measureHref } from './xlsx-records.ts';

export const RECORDS_PAGE_SIZE = 25;

type Units = Awaited<ReturnType<typeof areasAndTeams>>;

/** The scope the filters ask for: a team wins over an area; unknown ids fall back to the whole service. */
export function scopeOf(filters: ScorecardFilters, units: Units): { scope: Scope; name: string } {
  const team = units.teams.find((t) => t.id === filters.team);
  if (team) return { scope: { kind: 'team', id: team.id }, name: team.name };
  const area = units.areas.find((a) => a.id === filters.area);
  if (area) return { scope: { kind: 'area', id: area.id }, name: area.name };
  return { scope: { kind: 'service' }, name: 'Whole service' };
}

/**
 * Whose records behind a figure this viewer may see listed: those in their household scope (the
 * whole service, their area or their team). A restricted household (a carer on the staff) is
 * counted in every figure but listed only to the head of fostering. A record whose own rule is
 * narrower (an audit, a child, a referral: its type's listedTo) is listed only to those who may
 * open it. Everyone with the scorecard sees every figure: figures hold no personal data.
 */
export function recordsViewerOf(user: SignedInUser): RecordsViewer {
  const scope = householdScope(user);
  const restricted = user.role === 'head_of_fostering';
  const opens = listedToViewer(user) ?? undefined;
  switch (scope.kind) {
    case 'all':
      return { sees: { kind: 'all' }, restricted, opens };
    case 'area':
      return { sees: { kind: 'area', id: scope.areaId }, restricted, opens };
    case 'team':
      return { sees: { kind: 'team', id: scope.teamId }, restricted, opens };
    default:
      return { sees: { kind: 'none' }, restricted, opens };
  }
}

const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "11:42 on 1 December 2026", in Europe/London. */
export function countedAtText(at: Date): string {
  const time = londonTime.format(at);
  return `${time} on ${formatDate(at)}`;
}

function filterItems(filters: ScorecardFilters, units: Units, today?: string) {
  const now = currentMonth(today);
  const months = Array.from({ length: 24 }, (_, i) => addMonthsToMonth(now, -i));
  return {
    months: months.map((m) => ({ value: m, text: monthName(m), selected: m === filters.month })),
    areas: [
      { value: '', text: 'All areas' },
      ...units.areas.map((a) => ({ value: a.id, text: a.name, selected: a.id === filters.area })),
    ],
    teams: [
      { value: '', text: 'All teams' },
      ...units.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === filters.team })),
    ],
  };
}

function query(filters: ScorecardFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ month: filters.month });
  if (filters.area) q.set('area', filters.area);
  if (filters.team) q.set('team', filters.team);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The records behind a figure: its measure's page for the month and scope, at the list. */
function recordsHref(measureId: string, month: string, scope: Scope, list?: 'met' | 'missed'): string {
  return `${measureHref(measureId, month, scope, list)}#records`;
}

/**
 * The figure a card shows: the month's, or, while the running month has nothing to measure yet
 * (its first days), the last complete month's figure, saying which month it is.
 */
function shownFigure(card: MeasureCard, scope: Scope) {
  const { month, measure, trend } = card;
  const earlier = month.value === null && month.source === 'live' ? trend.findLast((t) => t.value !== null) : undefined;
  const shown = earlier ?? month;
  return {
    value: formatValue(measure, shown.value, scope),
    recordsHref: recordsHref(measure.id, shown.month, scope),
    rag: shown.rag,
    ragText: ragText[shown.rag],
    note: earlier ? `Nothing to measure yet this month: the figure for ${monthName(earlier.month)}` : null,
  };
}

/** All measures for the month and scope, with target, RAG and trend. */
export async function scorecardPage(db: Db, filters: ScorecardFilters, today?: string) {
  const units = await areasAndTeams(db);
  const { scope, name } = scopeOf(filters, units);
  const cards = await scorecardFor(db, allMeasures(), filters.month, scope, today, { showOutOfDate: true });
  return {
    monthName: monthName(filters.month),
    scopeName: name,
    filters,
    items: filterItems(filters, units, today),
    outOfDate: cards.some((card) => card.month.outOfDate),
    csvHref: `/scorecard.csv?${query(filters)}`,
    xlsxHref: `/scorecard.xlsx?${query(filters)}`,
    cards: cards.map((card) => ({
      id: card.measure.id,
      title: card.measure.title,
      href: `${measurePath(card.measure.id)}?${query(filters)}`,
      ...shownFigure(card, scope),
      target: targetText(card.measure, card.month.target, (v) => formatValue(card.measure, v), scope.kind),
      source: card.month.source,
      trendLabel: trendLabel(card.measure, card.trend),
      spark: sparkline(card.trend),
      trend: card.trend.map((t) => ({
        month: monthName(t.month),
        value: formatValue(card.measure, t.value),
        href: recordsHref(card.measure.id, t.month, scope),
      })),
    })),
  };
}

/** One measure: definition, breakdown, trend, and the records it counted and missed (scoped to the viewer). */
export async function measurePage(
  db: Db,
  user: SignedInUser,
  measureId: string,
  filters: ScorecardFilters,
  url: string,
  today?: string,
) {
  const measure = findMeasure(measureId);
  if (!measure) return null;
  const units = await areasAndTeams(db);
  const { scope, name } = scopeOf(filters, units);
  const showMissed = filters.list === 'missed' && measure.unit !== 'count';
  // One page of the figure's records, and beside it the stored figure and trend; the records' own
  // counts are today's recount of a closed month.
  const page = measureRecordsPage(db, measure, periodOf(filters.month, today), {
    scope,
    viewer: recordsViewerOf(user),
    met: !showMissed,
    page: filters.page,
    pageSize: RECORDS_PAGE_SIZE,
  });
  const recounted = page.then((p) => figureOfRecords(measure, scope, p));
  // Read only for a closed month; a failure of the page is reported once, by the line below.
  recounted.catch(() => {});
  const [detail, records] = await Promise.all([
    measureDetailFor(db, measure, filters.month, scope, today, recounted),
    page,
  ]);
  const format = (v: number | null) => formatValue(measure, v);
  const breakdownRow = (kind: 'service' | 'area' | 'team', id: string, label: string) => {
    const f = detail.figures.find((x) => x.scopeKind === kind && x.scopeId === id);
    const rowScope: Scope = kind === 'service' ? { kind } : { kind, id };
    return {
      label,
      metHref: recordsHref(measure.id, filters.month, rowScope, 'met'),
      allHref: recordsHref(measure.id, filters.month, rowScope),
      numerator: f?.numerator ?? 0,
      denominator: f?.denominator ?? (measure.unit === 'count' ? '' : 0),
      value: format(f?.value ?? (measure.unit === 'count' ? 0 : null)),
    };
  };
  return {
    measure,
    monthName: monthName(filters.month),
    scopeName: name,
    filters,
    items: filterItems(filters, units, today),
    value: format(detail.month.value),
    metHref: recordsHref(measure.id, filters.month, scope, 'met'),
    allHref: recordsHref(measure.id, filters.month, scope),
    target: targetText(measure, detail.month.target, (v) => format(v), scope.kind),
    rag: detail.month.rag,
    ragText: ragText[detail.month.rag],
    source: detail.month.source,
    countedAt: countedAtText(detail.countedAt),
    numerator: detail.month.numerator,
    denominator: detail.month.denominator,
    recountDiffers: detail.recountDiffers,
    recountText: `${format(detail.recountFigure.value)} (${detail.recountFigure.numerator}${
      detail.recountFigure.denominator === null ? '' : ` of ${detail.recountFigure.denominator}`
    })`,
    breakdown: {
      service: breakdownRow('service', '', 'Whole service'),
      areas: units.areas.map((a) => breakdownRow('area', a.id, a.name)),
      teams: measure.byTeam === false ? [] : units.teams.map((t) => breakdownRow('team', t.id, t.name)),
    },
    chart: lineChart(measure, detail.trend),
    trendLabel: trendLabel(measure, detail.trend),
    trend: detail.trend.map((t) => ({
      month: monthName(t.month),
      href: recordsHref(measure.id, t.month, scope),
      metHref: recordsHref(measure.id, t.month, scope, 'met'),
      value: format(t.value),
      numerator: t.numerator,
      denominator: t.denominator ?? '',
      source: t.source === 'snapshot' ? 'Stored at month end' : 'Provisional',
    })),
    list: {
      kind: showMissed ? 'missed' : 'met',
      metCount: records.metCount,
      missedCount: records.missedCount,
      metHref: `${measurePath(measure.id)}?${query(filters, { list: 'met' })}`,
      missedHref: `${measurePath(measure.id)}?${query(filters, { list: 'missed' })}`,
      hiddenCount: records.hiddenCount,
      rows: records.rows,
      total: showMissed ? records.missedCount : records.metCount,
    },
    url,
  };
}

export { query as scorecardQueryString };
