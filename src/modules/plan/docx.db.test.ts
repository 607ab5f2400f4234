import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueFor } from '../../platform/due/index.ts';
import { viewer } from '../home/test-support.ts';
import { countMeasure, currentMonth, findMeasure, monthName, periodOf } from '../../platform/measures/index.ts';
import { addAction, addTarget, addUpdate, createPlan } from './service.ts';
import { NUMBER_COLUMN_WIDTH } from './docx.ts';

// One plan, 2026-27: target 10 with action 10.3 linked to the approved households measure (two
// more approved households than the seed's, so the live figure goes up by 2), and three updates, one dated before the plan year;
// action 10.4 linked to the initial health assessment deadline (two children looked after 60 days ago without one: overdue)
// and to a deadline Hearth no longer keeps.
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
  for (const n of [1, 2])
    await makeChild(db, { lastName: `Docxclock${n}`, lookedAfterSince: addDays(todayInLondon(), -60) });
  await addAction(db, actor, target, {
    number: '10.4',
    whatWeWant: 'Children placed with our carers have their health assessed on time',
    who: 'Supervising social workers',
    ownerUserId: null,
    byWhen: null,
    byWhenText: 'March 2027',
    achievedAndTarget: '',
    howMeasured: 'Initial health assessments in My work',
    status: 'open',
    measureIds: [],
    ruleIds: ['children.initial-health-assessment', 'children.a-rule-since-retired'],
  });
});
afterAll(async () => t?.close());

async function documentXml(reader = 'director'): Promise<{ xml: string; buffer: Buffer }> {
  const agent = await signedIn(t.app, reader);
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

/** A paragraph's words, its runs joined, as Word shows them. */
function textOf(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The initial health assessments due for the whole service, as the head sees them in My work (4 weeks ahead). */
async function healthAssessmentsDue() {
  const db = t.database.db;
  const due = await dueFor(db, await viewer(db, 'head'), {
    today: todayInLondon(),
    horizonDays: 28,
    ruleIds: ['children.initial-health-assessment'],
  });
  const overdue = due.filter((e) => e.overdue).length;
  expect(overdue).toBeGreaterThanOrEqual(2);
  return { due, overdue };
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

  it('lists the deadlines linked to an action by name, with what each cites and the whole service’s counts', async () => {
    const { due, overdue } = await healthAssessmentsDue();
    const line =
      `Initial health assessment (within 20 working days): ${overdue} overdue and ` +
      `${due.filter((e) => e.dueSoon).length} due in the next 7 days; ${due.length} in all, looking 4 weeks ahead.`;
    const { xml } = await documentXml();
    const action = xml.split('<w:tbl>')[1]!.split('>10.4<')[1]!;
    expect(textOf(paragraphWith(action, 'Deadlines across the service'))).toBe('Deadlines across the service');
    expect(textOf(paragraphWith(action, '>Initial health assessment<'))).toBe(line);
    expect(action).toContain('Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7');
    // A deadline Hearth no longer keeps is said in words, never by its id.
    expect(action).toContain('1 deadline linked to this action is no longer kept by Hearth.');
    expect(xml).not.toContain('children.a-rule-since-retired');
    expect(xml).not.toContain('children.initial-health-assessment');
    // Counted for the whole service whoever downloads the plan: a supervising social worker's is the same.
    expect(textOf(paragraphWith((await documentXml('ssw')).xml, '>Initial health assessment<'))).toBe(line);
    // Action 10.3 links no deadline.
    expect(xml.split('>10.3<')[1]!.split('>10.4<')[0]).not.toContain('Deadlines across the service');
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

  it('lists the deadlines linked to an action as the Word file does: what each cites and the whole service’s counts', async () => {
    const { due, overdue } = await healthAssessmentsDue();
    // Counted for the whole service whoever prints the plan: here a supervising social worker.
    const page = await (await signedIn(t.app, 'ssw')).get(`/plan/${planId}/print`);
    expect(page.statusCode).toBe(200);
    const text = page.body
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const action = text.split('Progress on 10.4')[1]!.split('Progress on')[0];
    expect(action).toContain(
      'Deadlines across the service ' +
        `Initial health assessment (within 20 working days): ${overdue} overdue and ` +
        `${due.filter((e) => e.dueSoon).length} due in the next 7 days; ${due.length} in all, looking 4 weeks ahead. ` +
        'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7',
    );
    // A deadline Hearth no longer keeps is said in words, never by its id.
    expect(action).toContain('1 deadline linked to this action is no longer kept by Hearth.');
    expect(page.body).not.toContain('children.a-rule-since-retired');
    expect(page.body).not.toContain('children.initial-health-assessment');
    // Action 10.3 links no deadline.
    expect(text.split('Progress on 10.3')[1]!.split('Progress on 10.4')[0]).not.toContain(
      'Deadlines across the service',
    );
  });
});
