import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/client.ts';
import {
  allMeasures,
  areasAndTeams,
  formatValue,
  monthName,
  scorecardFor,
  type Measure,
  type Rag,
  type Scope,
} from '../../platform/measures/index.ts';
import { CSV_HEADER, scorecardLines } from './csv.ts';
import { addMeasureSheet, measureHref, type WorkbookRequest } from './xlsx-records.ts';

export type { WorkbookRequest };

/** RAG as a cell style: the GOV.UK tag colours, light fills with dark text. */
const RAG_STYLE: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'CCE2D8', font: '005A30' },
  amber: { fill: 'FFF7BF', font: '594D00' },
  red: { fill: 'F4CDC6', font: '942514' },
  none: { fill: 'E5E6E7', font: '383F43' },
  unrated: { fill: 'E5E6E7', font: '383F43' },
};

const WIDTHS = [16, 30, 44, 10, 34, 10, 12, 10, 44, 12, 18, 12, 13, 10, 16, 40, 18];

/** A worksheet name: at most 31 characters, none of []:*?/\ or quotes, and not used already. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\'"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function ragCell(cell: ExcelJS.Cell, rag: Rag) {
  const style = RAG_STYLE[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  cell.font = { bold: true, color: { argb: `FF${style.font}` } };
}

/**
 * The measures by month for the chosen scope: the 12 months to the chosen one (the page's trend),
 * each value a number coloured by its RAG, with the target and the measure's unit.
 */
async function addMonthsSheet(
  db: Db,
  workbook: ExcelJS.Workbook,
  request: WorkbookRequest,
  names: Map<string, string>,
) {
  const cards = await scorecardFor(db, allMeasures(), request.month, request.scope, request.today);
  const notByTeam = (m: Measure) => request.scope.kind === 'team' && m.byTeam === false;
  const sheet = workbook.addWorksheet('Last 12 months', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.getCell('A1').value = `The last 12 months to ${monthName(request.month)}, ${request.scopeName}`;
  sheet.getCell('A1').font = { bold: true };
  const months = cards[0]?.trend.map((t) => t.month) ?? [];
  const header = sheet.getRow(2);
  header.values = ['Measure', 'Unit', 'Target', ...months.map(monthDate)];
  header.font = { bold: true };
  months.forEach((_, i) => (header.getCell(i + 4).numFmt = 'mmm yyyy'));
  for (const card of cards) {
    const row = sheet.addRow([
      { text: card.measure.title, hyperlink: `#'${names.get(card.measure.id)}'!A1` },
      card.measure.unit,
      card.month.target === null ? 'None' : formatValue(card.measure, card.month.target),
      ...card.trend.map((t) => (notByTeam(card.measure) ? 'Not counted by team' : t.value)),
    ]);
    row.getCell(1).font = { color: { argb: 'FF1D70B8' }, underline: true };
    if (!notByTeam(card.measure)) card.trend.forEach((t, i) => t.value !== null && ragCell(row.getCell(i + 4), t.rag));
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 3 + months.length } };
  sheet.getColumn(1).width = 50;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 12;
  months.forEach((_, i) => (sheet.getColumn(i + 4).width = 10));
}

/** A month "2026-06" as a date (its first day) a spreadsheet shows as "June 2026". */
export const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * The scorecard for a month as an Excel workbook. The first sheet: every measure for the whole
 * service, each area and each team (the CSV's columns), the RAG as a coloured cell, each measure
 * linked to its own sheet and to its page in Hearth. Then the measures by month for the chosen scope,
 * and one sheet per measure with the records
 * behind the figure for the chosen scope, as the viewer may see them. Header rows frozen,
 * filters on, column widths set, dates as dates; cells are values, never formulas.
 */
export async function scorecardXlsx(db: Db, request: WorkbookRequest): Promise<{ buffer: Buffer; records: number }> {
  const [lines, units] = await Promise.all([scorecardLines(db, request.month, request.today), areasAndTeams(db)]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hearth';
  workbook.created = new Date();
  const taken = new Set<string>(['scorecard', 'last 12 months']);
  const sheet = workbook.addWorksheet('Scorecard', { views: [{ state: 'frozen', ySplit: 1 }] });
  const names = new Map(allMeasures().map((m) => [m.id, sheetName(m.title, taken)]));

  sheet.addRow([...CSV_HEADER, 'In Hearth']).font = { bold: true };
  for (const line of lines) {
    const [, , title, ...rest] = line.cells;
    const row = sheet.addRow([monthDate(request.month), line.cells[1], title, ...rest.map((c) => c ?? '')]);
    row.getCell(1).numFmt = 'mmmm yyyy';
    row.getCell(3).value = { text: String(title), hyperlink: `#'${names.get(line.measureId)}'!A1` };
    row.getCell(3).font = { color: { argb: 'FF1D70B8' }, underline: true };
    const href = `${request.baseUrl}${measureHref(line.measureId, request.month, line.scope as Scope)}`;
    row.getCell(CSV_HEADER.length + 1).value = { text: 'Open in Hearth', hyperlink: href };
    row.getCell(CSV_HEADER.length + 1).font = { color: { argb: 'FF1D70B8' }, underline: true };
    ragCell(row.getCell(11), line.rag);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_HEADER.length + 1 } };
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  await addMonthsSheet(db, workbook, request, names);

  let records = 0;
  for (const measure of allMeasures()) {
    records += await addMeasureSheet(db, workbook, names.get(measure.id)!, measure, request, units);
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), records };
}
