import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { countMeasure, currentMonth, findMeasure, monthName, periodOf } from '../../platform/measures/index.ts';
import { addAction, addTarget, addUpdate, createPlan } from './service.ts';
import { NUMBER_COLUMN_WIDTH } from './docx.ts';

// One plan, 2026-27: target 10 with action 10.3 linked to the approved households measure (two
// more approved households than the seed's, so the live figure goes up by 2), and three updates, one dated before the plan year.
let t: TestApp;
let planId: string;
let approved: number;
const actor = systemActor('test');
const thisMonth = monthName(currentMonth());

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const seeded = await countMeasure(db, findMeasure('households.approved')!, periodOf(currentMonth()));
  approved = seeded.figures.find((f) => f.scopeKind === 'service')!.numerator + 2;
  await makeHousehold(db, { statusSince: '2025-01-10', name: 'Docxone household' });
  await makeHousehold(db, { statusSince: '2025-02-10', name: 'Docxtwo household' });
  planId = await createPlan(db, actor, {
    title: 'Fostering Business Plan 2026-27',
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    vision: 'Every child in a stable, loving home.',
    status: 'active',
  });
  const target = await addTarget(db, actor, planId, { number: 10, title: 'Grow our carers', standards: 'NMS 13' });
  const action = await addAction(db, actor, target, {
    number: '10.3',
    whatWeWant: 'More approved households',
    who: 'Recruitment team',
    ownerUserId: null,
    byWhen: null,
    byWhenText: 'March 2027',
    achievedAndTarget: '300 households',
    howMeasured: 'Approved households on the scorecard',
    status: 'open',
    measureIds: ['households.approved'],
  });
  const head = { id: await userIdByUsername(db, 'head'), role: 'head_of_fostering' as const };
  const update = (onDate: string, rag: 'red' | 'amber' | 'green', narrative: string) =>
    addUpdate(db, head, actor, { id: action, ownerUserId: null }, { onDate, rag, narrative, completed: false });
  await update('2026-03-15', 'red', 'Last year: behind on recruitment');
  await update('2026-06-30', 'amber', 'Two information evenings held');
  await update('2026-09-30', 'green', 'Approvals back on track');
});
afterAll(async () => t?.close());

async function documentXml(): Promise<{ xml: string; buffer: Buffer }> {
  const agent = await signedIn(t.app, 'director');
  const response = await agent.get(`/plan/${planId}.docx`);
  expect(response.statusCode).toBe(200);
  const buffer = response.rawPayload;
  const zip = await JSZip.loadAsync(buffer);
  return { xml: await zip.file('word/document.xml')!.async('string'), buffer };
}

/** The paragraph (w:p) whose text contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const found = xml.split('<w:p>').find((p) => p.includes(text));
  expect(found, `a paragraph with "${text}"`).toBeDefined();
  return found!;
}

describe('the business plan in Word', () => {
  it('lays out on A4 landscape with an action column wide enough for "10.3" on one line', async () => {
    const { xml } = await documentXml();
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(5);
    // 1100 twentieths of a point is 1.9 cm: "10.3" in bold 11 pt is under 1 cm, with the cell margins.
    expect(grid[0]).toBe(NUMBER_COLUMN_WIDTH);
    expect(grid[0]).toBeGreaterThanOrEqual(1000);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // Each cell says its width too (Word reads the cells' widths first).
    const numberCell = xml.split('<w:tc>').find((c) => c.includes('>10.3<'))!;
    expect(numberCell).toContain(`<w:tcW w:type="dxa" w:w="${NUMBER_COLUMN_WIDTH}"/>`);
  });

  it('keeps the target heading with its table: the heading and the table header rows keep with the next', async () => {
    const { xml } = await documentXml();
    expect(paragraphWith(xml, '>Target 10<')).toContain('<w:keepNext/>');
    const table = xml.split('<w:tbl>')[1]!;
    const [headingRow, columnsRow] = table.split('<w:tr>').slice(1);
    for (const row of [headingRow!, columnsRow!]) {
      expect(row).toContain('<w:tblHeader/>');
      expect(row).toContain('<w:cantSplit/>');
      expect(row).toContain('<w:keepNext/>');
    }
    expect(headingRow).toContain('Target 10: Grow our carers (NMS 13)');
  });

  it("shows the linked measure's live figure with its month and RAG beside the action", async () => {
    const { xml } = await documentXml();
    // The seed's approved households and our two, against a target of at least 900: off target.
    expect(approved).toBeLessThan(800);
    expect(xml).toContain(`Approved fostering households: ${approved} in ${thisMonth} (target 900), Off target`);
  });

  it("lists every update this plan year, dated with its RAG, and leaves out last year's", async () => {
    const { xml } = await documentXml();
    const progress = xml.split('<w:tbl>')[1]!;
    expect(progress).toContain('Updates this plan year');
    expect(progress).toContain('Green, 30 September 2026');
    expect(progress).toContain('Approvals back on track');
    expect(progress).toContain('Amber, 30 June 2026');
    expect(progress).toContain('Two information evenings held');
    expect(progress.indexOf('Approvals back on track')).toBeLessThan(progress.indexOf('Two information evenings'));
    expect(xml).not.toContain('Last year: behind on recruitment');
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  it.skipIf(!soffice)(
    soffice
      ? 'converts to a PDF on A4 landscape with LibreOffice'
      : 'converts to a PDF on A4 landscape with LibreOffice (skipped: soffice is not installed on this machine)',
    async () => {
      const { buffer } = await documentXml();
      const dir = mkdtempSync(join(tmpdir(), 'hearth-plan-'));
      writeFileSync(join(dir, 'plan.docx'), buffer);
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx')], {
        timeout: 60_000,
      });
      const pdf = readFileSync(join(dir, 'plan.pdf')).toString('latin1');
      // A4 landscape is 842 by 595 points.
      expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]|\/MediaBox\s*\[\s*0 0 842 595\s*\]/);
    },
    90_000,
  );
});

describe('the print view', () => {
  it('matches the Word file: every update this plan year and the live figure with its month', async () => {
    const agent = await signedIn(t.app, 'head');
    const page = await agent.get(`/plan/${planId}/print`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('30 September 2026');
    expect(page.body).toContain('Approvals back on track');
    expect(page.body).toContain('30 June 2026');
    expect(page.body).toContain('Two information evenings held');
    expect(page.body).not.toContain('Last year: behind on recruitment');
    expect(page.body).toMatch(
      new RegExp(
        `Approved fostering households</a>: ${approved} in ${thisMonth} \\(target 900\\)\\s*<strong class="govuk-tag govuk-tag--red">Off target`,
      ),
    );
  });
});
