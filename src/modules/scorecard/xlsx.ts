import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/client.ts';
import { CSV_HEADER, scorecardRows } from './csv.ts';

/**
 * The scorecard for a month as an Excel workbook: the same rows as the CSV, on one sheet with
 * a frozen, bold header and an autofilter, so a manager can sort and filter by area or team.
 * Cells are written as values (never formulas).
 */
export async function scorecardXlsx(db: Db, month: string, today?: string): Promise<Buffer> {
  const rows = await scorecardRows(db, month, today);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hearth';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(`Scorecard ${month}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(CSV_HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_HEADER.length } };
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, String(CSV_HEADER[i] ?? '').length + 2, i === 2 ? 40 : 0));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
