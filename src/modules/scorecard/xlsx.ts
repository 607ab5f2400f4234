import { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
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
import { addMeasureSheet, LINK_FONT, measureHref, type WorkbookRequest } from './xlsx-records.ts';

export type { WorkbookRequest };
type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

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

type Card = Awaited<ReturnType<typeof scorecardFor>>[number];

/** The first sheet: every measure for the whole service, each area and each team (the CSV's columns). */
function writeScorecardSheet(
  workbook: WorkbookWriter,
  request: WorkbookRequest,
  lines: Awaited<ReturnType<typeof scorecardLines>>,
  names: Map<string, string>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Scorecard', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Column widths go out with the first row: they are set before any row is committed.
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_HEADER.length + 1 } };
  const header = sheet.addRow([...CSV_HEADER, 'In Hearth']);
  header.font = { bold: true };
  header.commit();
  for (const line of lines) {
    const [, , title, ...rest] = line.cells;
    const row = sheet.addRow([monthDate(request.month), line.cells[1], title, ...rest.map((c) => c ?? '')]);
    row.getCell(1).numFmt = 'mmmm yyyy';
    row.getCell(3).value = { text: String(title), hyperlink: `#'${names.get(line.measureId)}'!A1` };
    row.getCell(3).font = LINK_FONT;
    const href = `${request.baseUrl}${measureHref(line.measureId, request.month, line.scope as Scope)}`;
    row.getCell(CSV_HEADER.length + 1).value = { text: 'Open in Hearth', hyperlink: href };
    row.getCell(CSV_HEADER.length + 1).font = LINK_FONT;
    ragCell(row.getCell(11), line.rag);
    row.commit();
  }
  return sheet;
}

/**
 * The measures by month for the chosen scope: the 12 months to the chosen one (the page's trend),
 * each value a number coloured by its RAG, with the target and the measure's unit.
 */
function writeMonthsSheet(
  workbook: WorkbookWriter,
  request: WorkbookRequest,
  cards: Card[],
  names: Map<string, string>,
): ExcelJS.Worksheet {
  const notByTeam = (m: Measure) => request.scope.kind === 'team' && m.byTeam === false;
  const sheet = workbook.addWorksheet('Last 12 months', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  const months = cards[0]?.trend.map((t) => t.month) ?? [];
  sheet.getColumn(1).width = 50;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 12;
  months.forEach((_, i) => (sheet.getColumn(i + 4).width = 10));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 3 + months.length } };
  sheet.getCell('A1').value = `The last 12 months to ${monthName(request.month)}, ${request.scopeName}`;
  sheet.getCell('A1').font = { bold: true };
  const header = sheet.getRow(2);
  header.values = ['Measure', 'Unit', 'Target', ...months.map(monthDate)];
  header.font = { bold: true };
  months.forEach((_, i) => (header.getCell(i + 4).numFmt = 'mmm yyyy'));
  header.commit();
  for (const card of cards) {
    const row = sheet.addRow([
      { text: card.measure.title, hyperlink: `#'${names.get(card.measure.id)}'!A1` },
      card.measure.unit,
      card.month.target === null ? 'None' : formatValue(card.measure, card.month.target),
      ...card.trend.map((t) => (notByTeam(card.measure) ? 'Not counted by team' : t.value)),
    ]);
    row.getCell(1).font = LINK_FONT;
    if (!notByTeam(card.measure)) card.trend.forEach((t, i) => t.value !== null && ragCell(row.getCell(i + 4), t.rag));
    row.commit();
  }
  return sheet;
}

/** A month "2026-06" as a date (its first day) a spreadsheet shows as "June 2026". */
export const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * The scorecard for a month as an Excel workbook, streamed. The first sheet: every measure for the
 * whole service, each area and each team (the CSV's columns), the RAG as a coloured cell, each
 * measure linked to its own sheet and to its page in Hearth. Then the measures by month for the
 * chosen scope, and one sheet per measure with the records behind the figure for the chosen scope,
 * as the viewer may see them. Header rows frozen, filters on, column widths set, dates as dates;
 * cells are values, never formulas.
 *
 * The figures are read first (a failure there is an error page); then the workbook is written in
 * the background into the stream returned, one sheet after another, each row sent on as it is
 * written: one measure's records are in memory at a time, not the whole workbook (at national
 * scale the head of fostering's workbook lists hundreds of thousands of records). A failure while
 * writing destroys the stream with the error: the response ends and Fastify logs it.
 */
export async function scorecardXlsx(db: Db, request: WorkbookRequest): Promise<Readable> {
  const [lines, units, cards] = await Promise.all([
    scorecardLines(db, request.month, request.today),
    areasAndTeams(db),
    scorecardFor(db, allMeasures(), request.month, request.scope, request.today),
  ]);
  const out = new PassThrough();
  writeWorkbook(db, request, out, { lines, units, cards }).catch((error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}

async function writeWorkbook(
  db: Db,
  request: WorkbookRequest,
  out: PassThrough,
  figures: {
    lines: Awaited<ReturnType<typeof scorecardLines>>;
    units: Awaited<ReturnType<typeof areasAndTeams>>;
    cards: Card[];
  },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Hearth';
  workbook.created = new Date();
  // The zip's errors end the response (unheard, one would stop the server).
  zipOf(workbook)?.on('error', (error: Error) => out.destroy(error));
  const gone = closed(out);
  const taken = new Set<string>(['scorecard', 'last 12 months']);
  const names = new Map(allMeasures().map((m) => [m.id, sheetName(m.title, taken)]));

  await sent(writeScorecardSheet(workbook, request, figures.lines, names));
  await sent(writeMonthsSheet(workbook, request, figures.cards, names));
  for (const measure of allMeasures()) {
    // Whoever asked has gone (the response closed): nothing more to write.
    if (out.destroyed) return;
    const sheet = await addMeasureSheet(db, workbook, names.get(measure.id)!, measure, request, figures.units);
    await sent(sheet);
  }
  if (out.destroyed) return;
  await Promise.race([workbook.commit(), gone]);
}

/** The streaming writer's zip (archiver): not in exceljs's types, so looked for, not assumed. */
function zipOf(workbook: WorkbookWriter): EventEmitter | undefined {
  const zip = (workbook as unknown as { zip?: unknown }).zip;
  return zip instanceof EventEmitter ? zip : undefined;
}

/**
 * Commits a written sheet, then lets the zip compress what it holds and pass it on before the next
 * measure is read. (The writer does not wait for a slow reader: what it holds is the compressed
 * workbook at most, not its records, which are released sheet by sheet.)
 */
async function sent(sheet: ExcelJS.Worksheet): Promise<void> {
  sheet.commit();
  await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves when the stream ends or closes (the response was sent, or the client went away). */
function closed(out: PassThrough): Promise<void> {
  return finished(out).then(
    () => undefined,
    () => undefined,
  );
}
