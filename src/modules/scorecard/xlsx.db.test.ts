import { Writable, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import {
  allMeasures,
  countMeasure,
  findMeasure,
  periodOf,
  type Measure,
  type RecordsPage,
} from '../../platform/measures/index.ts';
import { viewer } from '../home/test-support.ts';
import { recordsViewerOf } from './service.ts';
import { makeScorecardWorld } from './test-support.ts';
import { scorecardXlsx, type WorkbookRequest } from './xlsx.ts';
import { cutWords } from './xlsx-records.ts';

// The workbook for June 2026 on the scorecard tests' world (./test-support.ts): Testshire, teams A and
// B, with a restricted household (a carer on the staff) in team A.
let t: TestApp;
let world: Awaited<ReturnType<typeof makeScorecardWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeScorecardWorld(t.database.db);
  await makeHousehold(t.database.db, {
    teamId: world.teamA.id,
    statusSince: '2025-02-01',
    restricted: true,
    name: 'Staffcarer household',
  });
}, 120_000);
afterAll(async () => t?.close());

/** A measure's June 2026 figure for team A, counted now. */
async function june(measureId: string) {
  const { figures } = await countMeasure(t.database.db, findMeasure(measureId)!, periodOf('2026-06', '2026-11-22'));
  const f = figures.find((x) => x.scopeKind === 'team' && x.scopeId === world.teamA.id);
  return { teamA: f ? { n: f.numerator, d: f.denominator } : undefined };
}

describe('the Excel export', () => {
  it('holds the same figures as the CSV on one sheet with a header row', async () => {
    const head = await signedIn(t.app, 'head');
    const res = await head.get('/scorecard.xlsx?month=2026-06');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('hearth-scorecard-2026-06.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Measure id');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const teamA = rows.find((r) => r[2] === 'placements.delegated-authority' && r[5] === 'Testshire Team A');
    // The same 1 of 2 = 50% as the CSV line above, as numbers a spreadsheet can sum.
    expect(teamA?.slice(6, 9)).toEqual([50, 'percentage', 100]);
    expect(teamA?.slice(9, 14)).toEqual(['At least 100%', 'higher', 'Off target', 1, 2]);
    // The first workbook of a month no snapshot holds counts every measure for each of its 12
    // months (about 15 s on PGlite here, twice that beside another test file on 2 cores).
  }, 90_000);
});

describe('the workbook: the scorecard and the records behind each figure', () => {
  /** Workbooks downloaded, by who and what: the tests only read them, so one download serves several. */
  const downloaded = new Map<string, Promise<ExcelJS.Workbook>>();
  function workbookFor(username: string, query: string): Promise<ExcelJS.Workbook> {
    const key = `${username} ${query}`;
    if (!downloaded.has(key)) downloaded.set(key, download(username, query));
    return downloaded.get(key)!;
  }
  async function download(username: string, query: string) {
    const agent = await signedIn(t.app, username);
    const res = await agent.get(`/scorecard.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }
  /** The data rows under a measure sheet's header (row 4). */
  const recordRows = (sheet: ExcelJS.Worksheet) => sheet.getRows(5, Math.max(0, sheet.rowCount - 4)) ?? [];

  it('has a scorecard sheet, then one sheet per measure, each header frozen and filtered', async () => {
    const workbook = await workbookFor('head', `month=2026-06&team=${world.teamA.id}`);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Scorecard', 'Last 12 months']);
    expect(names).toHaveLength(allMeasures().length + 2);
    expect(names).toContain('Delegated authority signed and');
    expect(names).toContain('Approved fostering households');
    const scorecard = workbook.getWorksheet('Scorecard')!;
    expect(scorecard.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(scorecard.autoFilter).toBeTruthy();
    const measure = workbook.getWorksheet('Delegated authority signed and')!;
    expect(measure.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect((measure.getRow(4).values as unknown[]).slice(1)).toEqual([
      'Record',
      'Counted',
      'Details',
      'Date',
      'Area',
      'Team',
    ]);
    expect(measure.getColumn(3).width).toBe(50);
  });

  it('on the scorecard sheet: the month is a date, the RAG a coloured cell, each measure linked to its sheet', async () => {
    const workbook = await workbookFor('head', 'month=2026-06');
    const sheet = workbook.getWorksheet('Scorecard')!;
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find(
        (r) => r.getCell(2).value === 'placements.delegated-authority' && r.getCell(5).value === 'Testshire Team A',
      )!;
    expect(row.getCell(1).value).toEqual(new Date('2026-06-01T00:00:00Z'));
    expect(row.getCell(1).numFmt).toBe('mmmm yyyy');
    // 1 of 2 on time, against 100%: off target, in red.
    expect(row.getCell(11).value).toBe('Off target');
    expect(row.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFF4CDC6' } });
    expect(row.getCell(3).value).toMatchObject({ hyperlink: "#'Delegated authority signed and'!A1" });
    expect((row.getCell(17).value as { hyperlink: string }).hyperlink).toMatch(
      new RegExp(`^https?://[^/]+/scorecard/placements.delegated-authority\\?month=2026-06&team=${world.teamA.id}$`),
    );
  });

  it('has the measures by month for the chosen scope, each value a number coloured by its RAG', async () => {
    const workbook = await workbookFor('head', `month=2026-06&team=${world.teamA.id}`);
    const sheet = workbook.getWorksheet('Last 12 months')!;
    expect(sheet.getCell('A1').value).toBe('The last 12 months to June 2026, Testshire Team A');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(sheet.getRow(2).getCell(4).value).toEqual(new Date('2025-07-01T00:00:00Z'));
    expect(sheet.getRow(2).getCell(15).value).toEqual(new Date('2026-06-01T00:00:00Z'));
    const row = sheet
      .getRows(3, sheet.rowCount - 2)!
      .find((r) => (r.getCell(1).value as { text: string }).text.startsWith('Delegated authority'))!;
    // June 2026 in team A: 1 of 2 on time, 50%, off target.
    expect(row.getCell(15).value).toBe(50);
    expect(row.getCell(15).fill).toMatchObject({ fgColor: { argb: 'FFF4CDC6' } });
  });

  it('lists the records behind a figure for the chosen team: as many as the figure counts, dates as dates', async () => {
    const r = await june('placements.delegated-authority');
    const workbook = await workbookFor('head', `month=2026-06&team=${world.teamA.id}`);
    const sheet = workbook.getWorksheet('Delegated authority signed and')!;
    const rows = recordRows(sheet);
    expect(rows).toHaveLength(r.teamA!.d!); // 2 placements due in June in team A
    expect(rows.filter((x) => x.getCell(2).value === 'Signed and given on time')).toHaveLength(r.teamA!.n); // 1
    const placedTwo = rows.find((x) => String((x.getCell(1).value as { text: string }).text).includes('Placedtwo'))!;
    expect(placedTwo.getCell(2).value).toBe('Not signed or not given on time');
    expect(placedTwo.getCell(4).value).toBeInstanceOf(Date);
    expect(placedTwo.getCell(4).numFmt).toBe('d mmmm yyyy');
    expect(placedTwo.getCell(6).value).toBe('Testshire Team A');
    expect((placedTwo.getCell(1).value as { hyperlink: string }).hyperlink).toMatch(/^https?:\/\/[^/]+\/children\//);
  });

  it('hides restricted records as the page does: counted in a line, not listed', async () => {
    const r = await june('households.approved');
    const sheetOf = async (user: string) =>
      (await workbookFor(user, `month=2026-06&team=${world.teamA.id}`)).getWorksheet('Approved fostering households')!;
    const head = await sheetOf('head');
    expect(recordRows(head)).toHaveLength(r.teamA!.n);
    const director = await sheetOf('director');
    expect(recordRows(director)).toHaveLength(r.teamA!.n - 1);
    expect(director.getCell('A2').value).toContain('1 more counted but not listed to you');
    const names = recordRows(director).map((x) => (x.getCell(1).value as { text: string }).text);
    expect(names.join()).not.toContain('Staffcarer household');
    // Who took the records, for which month and scope, is in the audit trail.
    const [exported] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.username, 'director')));
    expect(exported).toMatchObject({ recordType: 'scorecard', recordId: '2026-06' });
    expect(exported!.detail).toMatchObject({ scope: { kind: 'team', id: world.teamA.id } });
  });
});

describe('a long list, and a failure while the workbook is sent', () => {
  /** The workbook for June 2026 in team A as the head of fostering takes it, asked of scorecardXlsx itself. */
  async function request(extra: Partial<WorkbookRequest> = {}): Promise<WorkbookRequest> {
    return {
      month: '2026-06',
      scope: { kind: 'team', id: world.teamA.id },
      scopeName: 'Testshire Team A',
      viewer: recordsViewerOf(await viewer(t.database.db, 'head')),
      baseUrl: 'https://hearth.example.gov.uk',
      ...extra,
    };
  }
  const load = async (stream: Readable) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(await stream.toArray()) as unknown as ArrayBuffer);
    return workbook;
  };

  it('says in the summary line when a list is longer than the rows listed', async () => {
    const r = await june('households.approved');
    expect(r.teamA!.n, 'team A has more approved households than the cap of 1').toBeGreaterThan(1);
    const workbook = await load(await scorecardXlsx(t.database.db, await request({ listCap: 1 })));
    const approved = workbook.getWorksheet('Approved fostering households')!;
    expect(approved.getCell('A2').value).toContain(
      `${r.teamA!.n} records. The first 1 are listed; open the measure in Hearth for the rest.`,
    );
    expect(approved.rowCount).toBe(5); // the one record listed, under the header
    // 1 on time and 1 not: neither list is longer than 1, so nothing is said.
    const delegated = workbook.getWorksheet('Delegated authority signed and')!;
    expect(delegated.getCell('A2').value).not.toContain('listed; open the measure');
    expect(delegated.rowCount).toBe(6);
  });

  it('names the list cut, for a measure with two', () => {
    const measure = { metLabel: 'Visited on time', missedLabel: 'Not visited on time' } as Measure;
    const page = (rows: number, metCount: number, missedCount: number) =>
      ({ rows: Array.from({ length: rows }), metCount, missedCount, hiddenCount: 0 }) as unknown as RecordsPage;
    expect(cutWords(measure, 2, { met: page(2, 3, 5), missed: page(2, 3, 5) })).toBe(
      ' The first 2 visited on time and the first 2 not visited on time are listed; open the measure in Hearth for the rest.',
    );
    expect(cutWords(measure, 2, { met: page(1, 1, 5), missed: page(2, 1, 5) })).toBe(
      ' The first 2 not visited on time are listed; open the measure in Hearth for the rest.',
    );
    expect(cutWords(measure, 2, { met: page(2, 2, 2), missed: page(2, 2, 2) })).toBe('');
  });

  it('ends the response and logs the error when a query fails mid-stream, without stopping the server', async () => {
    // The database, but every query for a measure's records fails (the figures are read first).
    const dialect = new PgDialect();
    const real = t.database.db;
    const failing = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver) as unknown;
        return (query: SQL) =>
          dialect.sqlToQuery(query).sql.includes('words_after_paging')
            ? Promise.reject(new Error('the records query failed'))
            : target.execute(query);
      },
    }) as Db;
    const logged: { level: number; err?: { message: string } }[] = [];
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as (typeof logged)[number]);
        done();
      },
    });
    const app = Fastify({ logger: { level: 'warn', stream: logs } });
    const asked = await request();
    app.get('/scorecard.xlsx', async (_request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await scorecardXlsx(failing, asked)),
    );
    app.get('/alive', async () => 'yes');
    try {
      // The first sheets had gone with the headers: the response is cut off (the client sees a broken
      // download, never a whole file), not left hanging.
      await expect(app.inject({ method: 'GET', url: '/scorecard.xlsx' })).rejects.toThrow(
        'response destroyed before completion',
      );
      // Fastify logs it (at warn: "response terminated with an error with headers already sent").
      expect(logged.find((l) => l.level >= 40)?.err?.message).toBe('the records query failed');
      expect((await app.inject({ method: 'GET', url: '/alive' })).body).toBe('yes');
    } finally {
      await app.close();
    }
  });
});
