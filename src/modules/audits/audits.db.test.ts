/**
 * An audit as the people who do it use the pages: the team manager audits a file that comes out
 * inadequate for a missing delegated authority, the SSW puts it right, the manager confirms; a
 * safeguarding concern becomes a concern record at once; bad input is refused with messages and
 * nothing lost; other roles see only what they may.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { teamIdByName, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { concerns } from '../concerns/tables.ts';
import { dateFields, householdWithChild } from '../concerns/test-support.ts';
import { sections } from './labels.ts';
import { makeAudit, makeMonth } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);

/** A file of East Kent Fostering Team 1 (the demo manager's) to audit: a household of `ssw` with Casey placed, no delegated authority. */
async function fileToAudit(month: string) {
  const db = t.database.db;
  const { household } = await householdWithChild(db);
  const teamId = await teamIdByName(db, 'East Kent Fostering Team 1');
  const audit = await makeAudit(db, { monthId: await makeMonth(db, month, teamId), householdId: household.id, teamId });
  return { household, audit };
}

const allGood = Object.fromEntries(sections.map((s) => [`${s}-grade`, 'good']));

describe('an inadequate audit from grading to confirmation', () => {
  it('is inadequate for a missing delegated authority, put right by the SSW and confirmed by the manager', async () => {
    const db = t.database.db;
    const { audit } = await fileToAudit('2024-01');
    const manager = await signedIn(t.app, 'manager');
    const url = `/audits/${audit.id}/grade`;

    const form = await manager.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(
      'This audit will be inadequate: no current signed delegated authority for Casey Fixture',
    );

    // Two sections left ungraded: a message for each, the grades and words typed kept.
    const partial: Record<string, string> = {
      ...dateFields('auditedOn', daysAgo(3)),
      ...allGood,
      'supervision-findings': 'Visits every 5 weeks.',
    };
    delete partial['safer_care-grade'];
    delete partial['recording-grade'];
    const missing = await manager.post(url, partial);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('There is a problem');
    expect(missing.body).toContain('Select a grade for safer care');
    expect(missing.body).toContain('Select a grade for recording');
    expect(missing.body).toContain('Visits every 5 weeks.');
    expect(missing.body).toMatch(/name="agreement-grade" type="radio" value="good" checked/);

    const done = await manager.post(url, { ...partial, ...allGood });
    expect(done.statusCode).toBe(303);
    const page = await manager.get(`/audits/${audit.id}`);
    expect(page.body).toContain('Inadequate');
    expect(page.body).toContain('No current signed delegated authority for: Casey Fixture');
    const [item] = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.recordId, audit.id), eq(dueItems.ruleId, 'audits.put-right')));
    expect(item?.dueOn).toBeTruthy();

    const ssw = await signedIn(t.app, 'ssw');
    const seen = await ssw.get(`/audits/${audit.id}`);
    expect(seen.body).toContain('Record it put right');
    const early = await ssw.post(`/audits/${audit.id}/put-right`, {
      ...dateFields('putRightOn', daysAgo(5)),
      notes: 'Delegated authority signed by all parties; copy given.',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The date it was put right must be on or after the audit');
    expect(early.body).toContain('Delegated authority signed by all parties; copy given.');
    const right = await ssw.post(`/audits/${audit.id}/put-right`, {
      ...dateFields('putRightOn', daysAgo(1)),
      notes: 'Delegated authority signed by all parties; copy given.',
    });
    expect(right.statusCode).toBe(303);
    const gone = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.recordId, audit.id), eq(dueItems.ruleId, 'audits.put-right')));
    expect(gone).toEqual([]);
    // Now the auditor has 5 working days to confirm it: on the manager's own My work, citing the audit policy.
    const work = await manager.get('/my-work?rule=audits.confirm&whose=mine');
    expect(work.body).toContain(`/audits/${audit.id}`);
    expect(work.body).toContain('confirm the actions were done');
    expect((await manager.get('/my-work/rules')).body).toContain('case-file audit policy (local, not law)');

    await manager.get(`/audits/${audit.id}`);
    const confirmed = await manager.post(`/audits/${audit.id}/confirm`, {});
    expect(confirmed.statusCode).toBe(303);
    const after = await manager.get(`/audits/${audit.id}`);
    expect(after.body).toContain('(on time), confirmed');
    const waiting = await db
      .select()
      .from(dueItems)
      .where(and(eq(dueItems.recordId, audit.id), eq(dueItems.ruleId, 'audits.confirm')));
    expect(waiting).toEqual([]);

    const trail = await db.select().from(auditEvents).where(eq(auditEvents.recordId, audit.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['view', 'update']));
    expect(trail.filter((e) => e.action === 'update')).toHaveLength(3);
  });

  it('raises a safeguarding concern as a concern record on the household at once', async () => {
    const db = t.database.db;
    const { household, audit } = await fileToAudit('2024-02');
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/audits/${audit.id}/grade`);
    const done = await manager.post(`/audits/${audit.id}/grade`, {
      ...dateFields('auditedOn', daysAgo(2)),
      ...allGood,
      safeguarding: 'Unsafe sleeping arrangements noted for the youngest child.',
    });
    expect(done.statusCode).toBe(303);
    const [concern] = await db.select().from(concerns).where(eq(concerns.sourceAuditId, audit.id));
    expect(concern).toMatchObject({ householdId: household.id, kind: 'standard_of_care', raisedBy: 'audit' });
    const page = await manager.get(`/audits/${audit.id}`);
    expect(page.body).toContain('The concern raised by this audit');
  });
});

describe('who sees an audit', () => {
  it('shows it to the household’s SSW once completed, never to another team’s SSW, a child’s social worker or a carer', async () => {
    const { audit } = await fileToAudit('2024-03');
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/audits/${audit.id}`)).statusCode).toBe(404); // not yet completed
    expect((await (await signedIn(t.app, 'ssw2')).get(`/audits/${audit.id}`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'cicsw')).get(`/audits/${audit.id}`)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'carer')).get(`/audits/${audit.id}`)).statusCode).toBe(403);
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/audits/${audit.id}`)).statusCode).toBe(200);
    // The SSW cannot audit their own household's file.
    expect((await ssw.get(`/audits/${audit.id}/grade`)).statusCode).toBe(403);
  });

  it('lets the team manager pick this month’s files once and shows them on the month’s page', async () => {
    const manager = await signedIn(t.app, 'manager');
    const home = await manager.get('/audits');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Pick this month’s files');
    const teamId = await teamIdByName(t.database.db, 'East Kent Fostering Team 1');
    const month = todayInLondon().slice(0, 7);
    const picked = await manager.post('/audits/pick', { month, team: teamId });
    expect(picked.statusCode).toBe(303);
    const again = await manager.post('/audits/pick', { month, team: teamId });
    expect(again.headers.location).toBe(picked.headers.location);
    const page = await manager.get(String(picked.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('East Kent Fostering Team 1: case-file audits');
    // The count is of the files listed (as many as could be picked), beside the team's target of 10,
    // and a sample short of it says why.
    const listed = page.body.match(/<a class="govuk-link" href="\/audits\/[0-9a-f-]{36}">/g) ?? [];
    expect(page.body).toContain(`0 of ${listed.length} ${listed.length === 1 ? 'file' : 'files'} audited (target 10).`);
    expect(page.body.includes('Fewer than 10 files were picked')).toBe(listed.length < 10);
    // Only the head and service managers pick the central sample.
    expect((await manager.post('/audits/pick', { month, team: 'central' })).statusCode).toBe(403);
  });

  it('gives the head the month’s summary with the themes', async () => {
    const head = await signedIn(t.app, 'head');
    const summary = await head.get('/audits/summary?month=2024-01');
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('Monthly audit summary');
    expect(summary.body).toContain('East Kent Fostering Team 1');
  });
});

describe('a household’s case-file audits', () => {
  it('are linked from the household’s page for those who may see audits, and list only what each may see', async () => {
    const db = t.database.db;
    const { household, audit: toDo } = await fileToAudit('2024-04');
    const teamId = await teamIdByName(db, 'East Kent Fostering Team 1');
    await makeAudit(db, {
      monthId: await makeMonth(db, '2023-04', null),
      householdId: household.id,
      teamId,
      status: 'completed',
      grade: 'good',
      auditedOn: '2023-04-18',
      auditorId: await userIdByUsername(db, 'head'),
    });
    const listPath = `/households/${household.id}/audits`;
    const link = `href="${listPath}"`;

    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/households/${household.id}`)).body).toContain(link);
    const list = await manager.get(listPath);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Case-file audits');
    expect(list.body).toContain(`href="/audits/${toDo.id}"`);
    expect(list.body).toContain('Team sample, April 2024');
    expect(list.body).toContain('Central sample, April 2023');
    expect(list.body).toContain('18 April 2023 by Helen Hartley');

    // The household's SSW sees the link and the completed audit, not the one still to do.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${household.id}`)).body).toContain(link);
    const theirs = await ssw.get(listPath);
    expect(theirs.body).toContain('Central sample, April 2023');
    expect(theirs.body).not.toContain('Team sample, April 2024');

    // A child's social worker may see the household but not its audits: no link, and the page is refused.
    const cicsw = await signedIn(t.app, 'cicsw');
    const seen = await cicsw.get(`/households/${household.id}`);
    if (seen.statusCode === 200) expect(seen.body).not.toContain(link);
    expect((await cicsw.get(listPath)).statusCode).toBe(403);
    // Another team's SSW does not see the household at all.
    expect((await (await signedIn(t.app, 'ssw2')).get(listPath)).statusCode).toBe(404);

    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'household'), eq(auditEvents.recordId, household.id)));
    expect(views.filter((e) => (e.detail as { page?: string } | null)?.page === 'audits')).toHaveLength(2);
  });
});

describe('the demo’s audits', () => {
  it('has the county’s central sample every month beside the teams’, no household audited twice within 12 months', async () => {
    const db = t.database.db;
    const [counts] = await queryRows<{ months: number }>(
      db,
      sql`select count(distinct m.id)::int as months from audit_months m
        where m.team_id is null and m.month < to_char(now(), 'YYYY-MM') and m.month >= '2025-01'`,
    );
    expect(counts!.months).toBeGreaterThanOrEqual(11);
    // The small demo's dozen households leave its central share (a quarter of the county) with few or no
    // files in a month; the county demo has about 20 a month. Whoever audited them is a service manager or the head.
    const [auditedBy] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_audits a join audit_months m on m.id = a.month_id join users u on u.id = a.auditor_id
        where m.team_id is null and u.role not in ('service_manager', 'head_of_fostering')`,
    );
    expect(auditedBy!.n).toBe(0);
    const [twice] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_audits a join audit_months m on m.id = a.month_id
        join case_audits b on b.household_id = a.household_id and b.id <> a.id and b.status <> 'swapped'
        join audit_months n on n.id = b.month_id
        where a.status <> 'swapped' and m.month < to_char(now(), 'YYYY-MM') and n.month < to_char(now(), 'YYYY-MM')
          and n.month > m.month and (n.month || '-01')::date < (m.month || '-01')::date + interval '12 months'`,
    );
    expect(twice!.n).toBe(0);
    // The head sees last month's central sample on the audits page, picked, as the app shows its own.
    const lastMonth = addMonths(`${todayInLondon().slice(0, 7)}-01`, -1).slice(0, 7);
    const home = await (await signedIn(t.app, 'head')).get(`/audits?month=${lastMonth}`);
    expect(home.body).toMatch(
      /<a class="govuk-link" href="\/audits\/months\/[0-9a-f-]+">Central sample \(across the county\)<\/a>/,
    );
  });
});
