import { setImmediate as nextTurn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { parse } from 'date-fns';
import type { Db } from '../../platform/db/client.ts';
import {
  measureRecordsPage,
  monthName,
  periodOf,
  type Measure,
  type MeasureRow,
  type RecordsPage,
  type RecordsViewer,
  type Scope,
} from '../../platform/measures/index.ts';
import { formatCount } from '../../platform/views/format.ts';
import { measurePath } from './paths.ts';

export interface WorkbookRequest {
  month: string;
  /** The scope the viewer chose (the filters), and its name. */
  scope: Scope;
  scopeName: string;
  viewer: RecordsViewer;
  /** Hearth's address, for the links back ("https://hearth.example.gov.uk"). */
  baseUrl: string;
  today?: string;
  /** The most records a measure's sheet lists of each list (met, not met): MAX_LISTED; lowered only by tests. */
  listCap?: number;
}

type Units = { areas: { id: string; name: string }[]; teams: { id: string; name: string }[] };

/** The measure's page in Hearth for a month and scope. */
export function measureHref(measureId: string, month: string, scope: Scope, list?: 'met' | 'missed'): string {
  // Written out, not with URLSearchParams: a scorecard page links each measure's 12 months (1,152
  // links), and making a URLSearchParams for each was a tenth of the page's own work.
  const unit = scope.kind === 'area' || scope.kind === 'team' ? `&${scope.kind}=${encodeURIComponent(scope.id)}` : '';
  return `${measurePath(encodeURIComponent(measureId))}?month=${encodeURIComponent(month)}${unit}${list ? `&list=${list}` : ''}`;
}

const A_DATE =
  /\b(\d{4}-\d{2}-\d{2}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\b/;

/**
 * The first date in a record's detail ("Started 2026-06-01, due by ..." or "Approved 3 March 2026"),
 * as a date a spreadsheet can sort and filter (midnight UTC, as Excel keeps dates).
 */
export function dateInDetail(detail: string | undefined): Date | null {
  const match = detail ? A_DATE.exec(detail) : null;
  if (!match) return null;
  const day = match[1]!.includes('-')
    ? parse(match[1]!, 'yyyy-MM-dd', new Date(0))
    : parse(match[1]!, 'd MMMM yyyy', new Date(0));
  return Number.isNaN(day.getTime()) ? null : new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
}

/**
 * A large page: every record the viewer may see behind one figure, up to this many of each list.
 * One query a list works out the whole list anyway; a longer list is cut, and its sheet says so.
 */
export const MAX_LISTED = 100_000;
const HEADER_ROW = 4;
export const LINK_FONT = { color: { argb: 'FF1D70B8' }, underline: true } as const;
/** Rows written between turns of the event loop, so the zip compresses and sends as they come. */
const ROWS_A_TURN = 2_000;

/** "The first 100,000 are listed; ...", when a list is longer than the rows listed; else nothing. */
export function cutWords(
  measure: Measure,
  cap: number,
  lists: { met: RecordsPage; missed: RecordsPage | null },
): string {
  const { met, missed } = lists;
  const first = `the first ${formatCount(cap)}`;
  const parts = missed
    ? [
        met.rows.length < met.metCount ? `${first} ${measure.metLabel.toLowerCase()}` : null,
        missed.rows.length < met.missedCount ? `${first} ${(measure.missedLabel ?? 'not').toLowerCase()}` : null,
      ].filter((p) => p !== null)
    : met.rows.length < met.metCount
      ? [first]
      : [];
  if (parts.length === 0) return '';
  const listed = parts.join(' and ');
  return ` ${listed.charAt(0).toUpperCase()}${listed.slice(1)} are listed; open the measure in Hearth for the rest.`;
}

/** The records met, then the others, without copying them into one list. */
function* listed(...lists: MeasureRow[][]): Generator<MeasureRow> {
  for (const list of lists) yield* list;
}

/**
 * One measure's sheet: what it counts, then the records behind its figure for the month and the
 * chosen scope, as the viewer may see them (restricted records and those outside their caseload
 * are counted in a line, not listed), each linked to its record in Hearth. Each row is committed
 * (sent on to the zip) as it is written; the caller commits the sheet. The measure's records are
 * let go when it returns.
 */
export async function addMeasureSheet(
  db: Db,
  workbook: ExcelJS.Workbook,
  name: string,
  measure: Measure,
  request: WorkbookRequest,
  units: Units,
): Promise<ExcelJS.Worksheet> {
  const period = periodOf(request.month, request.today);
  const cap = request.listCap ?? MAX_LISTED;
  const ask = (met: boolean) =>
    measureRecordsPage(db, measure, period, {
      scope: request.scope,
      viewer: request.viewer,
      met,
      page: 1,
      pageSize: cap,
    });
  const percentage = measure.unit !== 'count';
  const [met, missed] = await Promise.all([ask(true), percentage ? ask(false) : Promise.resolve(null)]);

  const headings = ['Record', percentage ? 'Counted' : 'In the figure', 'Details', 'Date', 'Area', 'Team'];
  if (measure.unit === 'days') headings.push('Days');
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  // Column widths go out with the first row: they are set before any row is committed.
  [36, 24, 50, 16, 20, 30, 8].slice(0, headings.length).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: headings.length } };
  sheet.getCell('A1').value = measure.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const counted = percentage
    ? `${formatCount(met.metCount)} ${measure.metLabel.toLowerCase()}, ${formatCount(met.missedCount)} ${(measure.missedLabel ?? 'not').toLowerCase()}`
    : `${formatCount(met.metCount)} ${met.metCount === 1 ? 'record' : 'records'}`;
  const hidden = met.hiddenCount ? `; ${formatCount(met.hiddenCount)} more counted but not listed to you` : '';
  const none = met.rows.length + (missed?.rows.length ?? 0) === 0 ? ' No records to list.' : '';
  const cut = cutWords(measure, cap, { met, missed });
  sheet.getCell('A2').value =
    `${monthName(request.month)}, ${request.scopeName}. Counted again from the records: ${counted}${hidden}.${none}${cut}`;
  sheet.getCell('A3').value = {
    text: `Open ${measure.title} in Hearth`,
    hyperlink: `${request.baseUrl}${measureHref(measure.id, request.month, request.scope)}`,
  };
  sheet.getCell('A3').font = LINK_FONT;
  const header = sheet.getRow(HEADER_ROW);
  header.values = headings;
  header.font = { bold: true };
  header.commit();

  const area = new Map(units.areas.map((a) => [a.id, a.name]));
  const team = new Map(units.teams.map((t) => [t.id, t.name]));
  let written = 0;
  for (const r of listed(met.rows, missed?.rows ?? [])) {
    const cells: ExcelJS.CellValue[] = [
      { text: r.label, hyperlink: `${request.baseUrl}${r.href}` },
      r.met ? measure.metLabel : (measure.missedLabel ?? 'No'),
      r.detail ?? '',
      dateInDetail(r.detail),
      r.areaId ? (area.get(r.areaId) ?? '') : '',
      r.teamId ? (team.get(r.teamId) ?? '') : '',
    ];
    if (measure.unit === 'days') cells.push(r.days ?? null);
    const row = sheet.addRow(cells);
    row.getCell(1).font = LINK_FONT;
    row.getCell(4).numFmt = 'd mmmm yyyy';
    row.commit();
    written += 1;
    if (written % ROWS_A_TURN === 0) await nextTurn();
  }
  return sheet;
}
