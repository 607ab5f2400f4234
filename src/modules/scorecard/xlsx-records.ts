import type ExcelJS from 'exceljs';
import { parse } from 'date-fns';
import type { Db } from '../../platform/db/client.ts';
import {
  measureRecordsPage,
  monthName,
  periodOf,
  type Measure,
  type MeasureRow,
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
}

type Units = { areas: { id: string; name: string }[]; teams: { id: string; name: string }[] };

/** The measure's page in Hearth for a month and scope. */
export function measureHref(measureId: string, month: string, scope: Scope, list?: 'met' | 'missed'): string {
  const q = new URLSearchParams({ month });
  if (scope.kind === 'area') q.set('area', scope.id);
  if (scope.kind === 'team') q.set('team', scope.id);
  if (list) q.set('list', list);
  return `${measurePath(encodeURIComponent(measureId))}?${q.toString()}`;
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

/** A large page: every record the viewer may see behind one figure. */
const ALL = 100_000;
const HEADER_ROW = 4;
const LINK_FONT = { color: { argb: 'FF1D70B8' }, underline: true } as const;

/**
 * One measure's sheet: what it counts, then the records behind its figure for the month and the
 * chosen scope, as the viewer may see them (restricted records and those outside their caseload
 * are counted in a line, not listed), each linked to its record in Hearth. Returns the rows listed.
 */
export async function addMeasureSheet(
  db: Db,
  workbook: ExcelJS.Workbook,
  name: string,
  measure: Measure,
  request: WorkbookRequest,
  units: Units,
): Promise<number> {
  const period = periodOf(request.month, request.today);
  const ask = (met: boolean) =>
    measureRecordsPage(db, measure, period, {
      scope: request.scope,
      viewer: request.viewer,
      met,
      page: 1,
      pageSize: ALL,
    });
  const percentage = measure.unit !== 'count';
  const [met, missed] = await Promise.all([ask(true), percentage ? ask(false) : Promise.resolve(null)]);
  const rows: MeasureRow[] = [...met.rows, ...(missed?.rows ?? [])];

  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.getCell('A1').value = measure.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const counted = percentage
    ? `${formatCount(met.metCount)} ${measure.metLabel.toLowerCase()}, ${formatCount(met.missedCount)} ${(measure.missedLabel ?? 'not').toLowerCase()}`
    : `${formatCount(met.metCount)} ${met.metCount === 1 ? 'record' : 'records'}`;
  const hidden = met.hiddenCount ? `; ${formatCount(met.hiddenCount)} more counted but not listed to you` : '';
  const none = rows.length === 0 ? ' No records to list.' : '';
  sheet.getCell('A2').value =
    `${monthName(request.month)}, ${request.scopeName}. Counted again from the records: ${counted}${hidden}.${none}`;
  sheet.getCell('A3').value = {
    text: `Open ${measure.title} in Hearth`,
    hyperlink: `${request.baseUrl}${measureHref(measure.id, request.month, request.scope)}`,
  };
  sheet.getCell('A3').font = LINK_FONT;

  const headings = ['Record', percentage ? 'Counted' : 'In the figure', 'Details', 'Date', 'Area', 'Team'];
  if (measure.unit === 'days') headings.push('Days');
  const header = sheet.getRow(HEADER_ROW);
  header.values = headings;
  header.font = { bold: true };
  const area = new Map(units.areas.map((a) => [a.id, a.name]));
  const team = new Map(units.teams.map((t) => [t.id, t.name]));
  for (const r of rows) {
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
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: headings.length } };
  [36, 24, 50, 16, 20, 30, 8].slice(0, headings.length).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return rows.length;
}
