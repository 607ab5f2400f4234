import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { agencyPlacements } from '../placements/tables.ts';
import { recruitmentEnquiries } from '../recruitment/tables.ts';
import { addAction, addTarget, addUpdate, createPlan } from '../plan/service.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { formatDate } from '../../platform/views/format.ts';
import { serviceNumbers } from './figures.ts';

let t: TestApp;
const actor = systemActor('test');
/** July to September 2024: a closed quarter the demo's plan does not cover. */
const Q = '2024-07-01';
const NEXT = '2024-10-01';
let actionId = '';

async function update(id: string, onDate: string, rag: 'red' | 'amber' | 'green', narrative: string) {
  const head = { id: await userIdByUsername(t.database.db, 'head'), role: 'head_of_fostering' as const };
  await addUpdate(t.database.db, head, actor, { id, ownerUserId: null }, { onDate, rag, narrative, completed: false });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const planId = await createPlan(db, actor, {
    title: 'Fostering Business Plan 2024-25',
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    vision: '',
    status: 'active',
  });
  const target = await addTarget(db, actor, planId, { number: 3, title: 'Recruit carers', standards: 'NMS 13.1' });
  const base = { who: 'Recruitment team', ownerUserId: null, byWhenText: '', achievedAndTarget: '', howMeasured: '' };
  actionId = await addAction(db, actor, target, {
    ...base,
    number: '3.2',
    whatWeWant: 'Approve 50 new households',
    byWhen: '2025-03-31',
    status: 'open',
    measureIds: [],
  });
  const next = await addAction(db, actor, target, {
    ...base,
    number: '3.10',
    whatWeWant: 'Open a second information evening',
    byWhen: '2024-11-30',
    status: 'open',
    measureIds: [],
  });
  await update(actionId, '2024-06-20', 'green', 'Campaign launched.');
  await update(actionId, '2024-09-15', 'red', 'Only 6 approvals: two assessors left.');
  await update(actionId, '2024-10-15', 'green', 'After the quarter: back on track.');
  await update(next, '2024-09-01', 'amber', 'Venue not yet booked.');
});
afterAll(async () => {
  await t.close();
});

const numbersOf = async (from: string, to: string) =>
  Object.fromEntries((await serviceNumbers(t.database.db, from, to)).map((n) => [n.key, n.value]));

describe('the service in numbers', () => {
  it('counts the quarter hand-worked: approvals, places, vacancies, children in-house and with agencies', async () => {
    const db = t.database.db;
    const before = await numbersOf('2024-07-01', '2024-09-30');
    const approved = await makeHousehold(db, { statusSince: '2024-08-01', approvedPlaces: 3 });
    const child = await makeChild(db);
    await makePlacement(db, { childId: child.id, householdId: approved.id, startDate: '2024-08-10' });
    // An enquiry received in the quarter, and a household at enquiry with no recruitment enquiry
    // (brought over from old records): the report counts the first, as the scorecard does.
    const enquiry = await makeHousehold(db, { status: 'enquiry', statusSince: '2024-07-05' });
    await db
      .insert(recruitmentEnquiries)
      .values({ householdId: enquiry.id, enquiredOn: '2024-07-05', source: 'website', interests: ['mainstream'] });
    await makeHousehold(db, { status: 'enquiry', statusSince: '2024-07-06' });
    await makeHousehold(db, { status: 'deregistered', statusSince: '2024-09-20' });
    const agencyChild = await makeChild(db);
    await db.insert(agencyPlacements).values({
      childId: agencyChild.id,
      agencyName: 'Made-up Fostering Agency',
      placementType: 'long_term',
      startDate: '2024-09-01',
    });
    const after = await numbersOf('2024-07-01', '2024-09-30');
    const diff = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k]!]));
    expect(diff).toEqual({
      approvedHouseholds: 1,
      approvedPlaces: 3,
      vacancies: 2,
      placedInHouse: 1,
      placedWithAgencies: 1,
      enquiries: 1,
      approvals: 1,
      deregistrations: 1,
    });
  });
});

describe('the quarterly report', () => {
  it('shows the plan as at the quarter end: the latest update by then, what went off target and what is due next', async () => {
    const director = await signedIn(t.app, 'director');
    const page = await director.get(`/reports/${Q}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Quarterly report to the executive: July to September 2024');
    const plan = tableRowsAfter(page.body, 'Target 3: Recruit carers');
    expect(plan[0]).toContain(
      '3.2 Approve 50 new households Red 15 September 2024 Only 6 approvals: two assessors left.',
    );
    expect(plan[1]).toContain('3.10');
    expect(page.body).not.toContain('After the quarter');
    const offTarget = tableRowsAfter(page.body, 'What went off target and why');
    expect(offTarget.map((r) => r.split(' ')[0])).toEqual(['3.2', '3.10']);
    expect(page.body).toContain('3.10: Open a second information evening (due 30 November 2024)');
    expect(page.body).not.toContain('Write the foreword');
  });

  it('refuses the assistant director the head’s words and issuing, and a team manager the report', async () => {
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/reports/${Q}/edit`)).statusCode).toBe(403);
    expect((await director.post(`/reports/${Q}/edit`, { foreword: 'Mine' })).statusCode).toBe(403);
    expect((await director.post(`/reports/${Q}/issue`, {})).statusCode).toBe(403);
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/reports/${Q}`)).statusCode).toBe(403);
  });

  it('keeps the head’s input when the words are too long, and shows them once saved', async () => {
    const head = await signedIn(t.app, 'head');
    await head.get(`/reports/${Q}/edit`);
    const long = await head.post(`/reports/${Q}/edit`, { foreword: 'x'.repeat(10001), offTarget: 'Kept' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Enter the foreword in 10,000 characters or fewer');
    expect(long.body).toContain('Kept</textarea>');
    const saved = await head.post(`/reports/${Q}/edit`, {
      foreword: 'A quarter of steady growth.',
      offTarget: 'Recruitment slipped when two assessors left.',
      nextQuarter: 'Two agency assessors start in October.',
    });
    expect(saved.statusCode).toBe(303);
    const page = await head.get(`/reports/${Q}`);
    expect(page.body).toContain('A quarter of steady growth.');
    expect(page.body).toContain('Two agency assessors start in October.');
  });

  it('writes a Word document with a title page, contents, headings, repeated header rows, page numbers and the page’s figures', async () => {
    const head = await signedIn(t.app, 'head');
    const page = await head.get(`/reports/${Q}`);
    const response = await head.get(`/reports/${Q}/report.docx`);
    expect(response.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/&apos;/g, "'");
    for (const heading of [
      'Foreword',
      'The service in numbers',
      'The measures',
      'Progress against the business plan',
      'What went off target and why',
      'What the service will do next quarter',
    ]) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>[\\s\\S]{0,400}${heading}`));
    }
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toMatch(/TOC [^<]*\\o &quot;1-2&quot;/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(text).toContain('A quarter of steady growth.');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d+\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.join('')).toContain('PAGE');
    // Every figure on the page is in the document, in the same words.
    const rows = tableRowsAfter(page.body, 'The service in numbers</caption>');
    expect(rows).toHaveLength(8);
    for (const row of rows.map((r) => r.replace(/&#39;/g, "'"))) {
      const [label] = row.split(/ \d/);
      const value = row.slice(label!.length).trim().split(' ')[0]!;
      expect(text).toContain(`${label} ${value} `);
    }
  });

  it('keeps an issued report as it was issued, and the next quarter compares against it', async () => {
    const db = t.database.db;
    const head = await signedIn(t.app, 'head');
    await head.get(`/reports/${Q}/issue`);
    const issued = await head.post(`/reports/${Q}/issue`, {});
    expect(issued.statusCode).toBe(303);
    const page = await head.get(`/reports/${Q}`);
    expect(page.body).toContain('Issued on');
    expect(page.body).toContain('by Helen Hartley');
    expect(page.body).not.toContain('Write the foreword');
    const docx = (await head.get(`/reports/${Q}/report.docx`)).rawPayload;
    const approvals = tableRowsAfter(page.body, 'The service in numbers</caption>').find((r) =>
      r.startsWith('Households approved in the quarter'),
    );

    // The records change after issuing.
    await makeHousehold(db, { statusSince: '2024-09-02' });
    await update(actionId, '2024-09-29', 'green', 'A late recount: on track.');

    const again = await head.get(`/reports/${Q}`);
    expect(
      tableRowsAfter(again.body, 'The service in numbers</caption>').find((r) => r.startsWith('Households approved')),
    ).toBe(approvals);
    expect(again.body).not.toContain('A late recount');
    expect((await head.get(`/reports/${Q}/report.docx`)).rawPayload.equals(docx)).toBe(true);
    expect((await head.post(`/reports/${Q}/edit`, { foreword: 'Changed' })).statusCode).toBe(409);
    expect((await head.post(`/reports/${Q}/issue`, {})).statusCode).toBe(409);

    const next = await head.get(`/reports/${NEXT}`);
    expect(next.body).toContain('compared with the last issued report (July to September 2024');
    const director = await signedIn(t.app, 'director');
    const list = await director.get('/reports');
    expect(list.body).toContain('Issued on');
    expect(list.body).toContain(`href="/reports/${Q}"`);
  });

  it('is drafted but not issued while its quarter runs, and a quarter not yet begun has no report', async () => {
    const head = await signedIn(t.app, 'head');
    const current = quarterOf(todayInLondon());
    const from = formatDate(addDays(current.end, 1));
    const page = await head.get(`/reports/${current.start}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Write the foreword and narrative');
    expect(page.body).toContain(`The report can be issued from ${from}, once the quarter has ended.`);
    expect(page.body).not.toContain(`href="/reports/${current.start}/issue"`);
    const asked = await head.get(`/reports/${current.start}/issue`);
    expect(asked.statusCode).toBe(409);
    expect(asked.body).toContain(`can be issued from ${from}`);
    expect((await head.post(`/reports/${current.start}/issue`, {})).statusCode).toBe(409);
    expect((await head.get(`/reports/${current.start}`)).body).not.toContain('Issued on');

    const next = addDays(current.end, 1);
    expect((await head.get(`/reports/${next}`)).statusCode).toBe(404);
    expect((await head.get(`/reports/${next}/issue`)).statusCode).toBe(404);
  });
});
