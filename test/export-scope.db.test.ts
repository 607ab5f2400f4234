/**
 * The files Hearth hands out (PDF, Word, CSV, Excel, panel papers) answer only those who may open
 * the record behind them, on the server: a household's carer profile, a member of staff's signed
 * supervision record, the panel's decision letters and papers, the carer portal's own records, and
 * the service-wide scorecard, quarterly report and business plan. record-scope.db.test.ts covers
 * the supervision record and the annual review report; measure-records-scope.db.test.ts the
 * scorecard's records.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { can, type Permission } from '../src/platform/access/policy.ts';
import { recordType } from '../src/platform/access/registry.ts';
import type { Role } from '../src/platform/access/roles.ts';
import { todayInLondon } from '../src/platform/dates/iso-date.ts';
import { quarterOf } from '../src/platform/dates/quarters.ts';
import { queryRows } from '../src/platform/db/sql.ts';
import { viewer } from '../src/modules/home/test-support.ts';
import { panelItems, panelPapers } from '../src/modules/panel/tables.ts';
import { seesMember } from '../src/modules/staff/scope.ts';
import { Agent, signedIn, testAppForFile } from './support/app.ts';

const t = testAppForFile();
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const rows = <T>(query: SQL) => queryRows<T>(t.database.db, query);

/** Whether the route's guard lets this role in, as the app registered it. */
function permitted(role: Role, url: string): boolean {
  const route = t.app.routeTable.find((r) => r.method === 'GET' && r.url === url);
  if (!route) throw new Error(`no route ${url}`);
  const access = route.access;
  return access === 'public' || access === 'signed-in' || can(role, access.permission as Permission);
}

function expectFile(response: LightMyRequestResponse, type: string, magic: string, label: string): void {
  expect(response.statusCode, label).toBe(200);
  expect(response.headers['content-type'], label).toContain(type);
  expect(response.rawPayload.subarray(0, magic.length).toString('latin1'), label).toBe(magic);
}

const expectPdf = (response: LightMyRequestResponse, label: string) =>
  expectFile(response, 'application/pdf', '%PDF', label);

/**
 * Refused, and the page says nothing of the record: its name is nowhere in the page's main content
 * (the header names the signed-in user, who may share a surname with a household: Maya Mensah).
 */
function expectRefused(response: LightMyRequestResponse, label: string, name?: string): void {
  expect([403, 404], label).toContain(response.statusCode);
  const main = /<main\b[\s\S]*<\/main>/.exec(response.body)?.[0];
  if (name) expect(main ?? response.body, label).not.toContain(name);
}

describe('a household carer profile (PDF)', () => {
  it('downloads only for the households a viewer may open, and says nothing of the others', async () => {
    const households = await rows<{ id: string; name: string }>(sql`select id, name from households order by id`);
    expect(households.length, 'the demo has households').toBeGreaterThan(0);
    for (const username of ['ssw', 'ssw2', 'manager', 'cicsw', 'head']) {
      const v = await viewer(t.database.db, username);
      const agent = await signedIn(t.app, username);
      const opens: typeof households = [];
      const closed: typeof households = [];
      for (const h of households) {
        ((await recordType('household')!.inScope(t.database.db, v, h.id)) ? opens : closed).push(h);
        if (opens.length >= 3 && closed.length >= 3) break;
      }
      expect(opens.length, `${username} may open a household`).toBeGreaterThan(0);
      if (username !== 'head') expect(closed.length, `some household is closed to ${username}`).toBeGreaterThan(0);
      for (const h of closed.slice(0, 3)) {
        const response = await agent.get(`/households/${h.id}/profile.pdf`);
        expectRefused(response, `${username} downloads the profile of ${h.name}`, h.name);
      }
      const allowed = permitted(v.role, '/households/:id/profile.pdf');
      for (const h of opens.slice(0, 3)) {
        const response = await agent.get(`/households/${h.id}/profile.pdf`);
        const label = `${username} downloads the profile of ${h.name}`;
        if (allowed) expectPdf(response, label);
        else expect(response.statusCode, label).toBe(403);
      }
    }
  }, 60_000);
});

describe("a member of staff's signed supervision record (PDF)", () => {
  it('downloads for the member, their team manager and the head, never for a peer or another team', async () => {
    // One signed session of each member of staff who has one.
    const sessions = await rows<{ id: string; member_id: string; username: string; role: string; team_id: string }>(
      sql`select distinct on (u.id) s.id, u.id as member_id, u.username, u.role, u.team_id
          from staff_supervision_sessions s join users u on u.id = s.staff_user_id
          where s.staff_signed_at is not null order by u.id, s.held_on desc`,
    );
    expect(sessions.length, 'the demo has signed staff supervision sessions').toBeGreaterThan(1);
    for (const username of ['head', 'manager', 'ssw', 'ssw2']) {
      const v = await viewer(t.database.db, username);
      const agent = await signedIn(t.app, username);
      const opened: string[] = [];
      const refused: string[] = [];
      for (const s of sessions) {
        const member = { id: s.member_id, role: s.role, teamId: s.team_id };
        const response = await agent.get(`/staff/sessions/${s.id}/record.pdf`);
        const label = `${username} downloads the supervision record of ${s.username}`;
        if (seesMember(v, member)) {
          expectPdf(response, label);
          opened.push(s.username);
        } else {
          expectRefused(response, label);
          refused.push(s.username);
        }
      }
      expect(opened.length, `${username} may open some member's folder`).toBeGreaterThan(0);
      if (username !== 'head') expect(refused.length, `some folder is closed to ${username}`).toBeGreaterThan(0);
      if (username.startsWith('ssw')) expect(opened, `${username} opens only their own`).toEqual([username]);
    }
    // The manager of East Kent team 1 holds ssw's folder, not ssw2's (West Kent).
    const manager = await signedIn(t.app, 'manager');
    const ofSsw2 = sessions.find((s) => s.username === 'ssw2');
    expect(ofSsw2, 'ssw2 has a signed session').toBeDefined();
    expectRefused(await manager.get(`/staff/sessions/${ofSsw2!.id}/record.pdf`), 'manager downloads ssw2');
  }, 60_000);

  it('has no PDF for a session the member has not signed yet, even for the head', async () => {
    const [unsigned] = await rows<{ id: string }>(
      sql`select id from staff_supervision_sessions where staff_signed_at is null limit 1`,
    );
    expect(unsigned, 'the demo has an unsigned staff supervision session').toBeDefined();
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/staff/sessions/${unsigned!.id}/record.pdf`)).statusCode).toBe(404);
  });
});

describe("the panel's decision letters (PDF and Word)", () => {
  it('download only for the roles that send the letters, and only once the decision is made', async () => {
    const decided = await rows<{ id: string; name: string }>(
      sql`select i.id, h.name from panel_items i join agency_decisions d on d.item_id = i.id
          join households h on h.id = i.household_id order by i.id limit 2`,
    );
    expect(decided.length, 'the demo has a panel item with an agency decision').toBeGreaterThan(0);
    for (const username of ['ssw', 'manager', 'cicsw', 'carer']) {
      const agent = await signedIn(t.app, username);
      for (const item of decided) {
        for (const ext of ['pdf', 'docx']) {
          const response = await agent.get(`/panel/items/${item.id}/letter.${ext}`);
          expectRefused(response, `${username} downloads the ${ext} letter to ${item.name}`, item.name);
        }
      }
    }
    for (const username of ['head', 'adviser', 'decider']) {
      const agent = await signedIn(t.app, username);
      for (const item of decided) {
        expectPdf(await agent.get(`/panel/items/${item.id}/letter.pdf`), `${username} letter.pdf ${item.name}`);
        const docx = await agent.get(`/panel/items/${item.id}/letter.docx`);
        expectFile(docx, WORD, 'PK', `${username} letter.docx ${item.name}`);
      }
    }
    const [undecided] = await rows<{ id: string }>(
      sql`select i.id from panel_items i left join agency_decisions d on d.item_id = i.id where d.id is null limit 1`,
    );
    expect(undecided, 'the demo has a panel item awaiting its decision').toBeDefined();
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/panel/items/${undecided!.id}/letter.pdf`)).statusCode).toBe(404);
  }, 60_000);
});

describe('a panel paper', () => {
  it('opens for the panel adviser, and for a worker only when the household is theirs', async () => {
    const papers = await t.database.db
      .select({ id: panelPapers.id, type: panelPapers.contentType, householdId: panelItems.householdId })
      .from(panelPapers)
      .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
      .orderBy(panelPapers.id);
    expect(papers.length, 'the demo has panel papers').toBeGreaterThan(0);
    const adviser = await signedIn(t.app, 'adviser');
    for (const p of papers) {
      const response = await adviser.get(`/panel/papers/${p.id}`);
      expect(response.statusCode, `adviser opens paper ${p.id}`).toBe(200);
      expect(response.headers['content-type']).toContain(p.type);
      expect(response.rawPayload.length).toBeGreaterThan(0);
    }
    // A worker who uploads papers opens those of the households they may open, and no other.
    let opened = 0;
    let closed = 0;
    for (const username of ['ssw', 'ssw2', 'manager']) {
      const v = await viewer(t.database.db, username);
      const agent = await signedIn(t.app, username);
      for (const p of papers) {
        const response = await agent.get(`/panel/papers/${p.id}`);
        const label = `${username} opens paper ${p.id}`;
        if (await recordType('household')!.inScope(t.database.db, v, p.householdId)) {
          expect(response.statusCode, label).toBe(200);
          opened += 1;
        } else {
          expectRefused(response, label);
          closed += 1;
        }
      }
    }
    expect(opened, 'some paper is of a household a worker may open').toBeGreaterThan(0);
    expect(closed, 'some paper is of a household a worker may not open').toBeGreaterThan(0);
    // Neither the assistant director, nor a children's social worker, nor a carer opens any paper.
    for (const username of ['director', 'cicsw', 'carer']) {
      const agent = await signedIn(t.app, username);
      for (const p of papers.slice(0, 3))
        expectRefused(await agent.get(`/panel/papers/${p.id}`), `${username} ${p.id}`);
    }
  }, 60_000);

  it('is closed to a panel member once the meeting minutes are signed', async () => {
    const signed = await rows<{ id: string }>(
      sql`select p.id from panel_papers p join panel_items i on i.id = p.item_id
          join panel_meetings m on m.id = i.meeting_id where m.minutes_signed_on is not null limit 3`,
    );
    expect(signed.length, 'the demo has papers of meetings whose minutes are signed').toBeGreaterThan(0);
    const panel = await signedIn(t.app, 'panel');
    for (const p of signed) expectRefused(await panel.get(`/panel/papers/${p.id}`), `panel member opens ${p.id}`);
  });
});

describe("the carer portal's records (PDF)", () => {
  it("a carer downloads their own household's sent supervision notes and review reports, and no other household's", async () => {
    const carer = await viewer(t.database.db, 'carer');
    expect(carer.householdId, 'the demo carer belongs to a household').toBeTruthy();
    const notes = await rows<{ id: string; own: boolean }>(
      sql`select s.id, s.household_id = ${carer.householdId} as own from supervisions s
          join supervision_notes_messages m on m.supervision_id = s.id where m.status <> 'pending' order by s.id`,
    );
    const reviews = await rows<{ id: string; own: boolean }>(
      sql`select id, household_id = ${carer.householdId} as own from annual_reviews
          where report_sent_on is not null order by id`,
    );
    const agent = await signedIn(t.app, 'carer');
    const ssw = await signedIn(t.app, 'ssw');
    for (const [kind, list, url] of [
      ['supervision notes', notes, '/portal/supervision/:id/record.pdf'],
      ['review report', reviews, '/portal/reviews/:id/report.pdf'],
    ] as const) {
      const own = list.filter((r) => r.own).slice(0, 3);
      const others = list.filter((r) => !r.own).slice(0, 3);
      expect(own.length, `the carer's household was sent a ${kind}`).toBeGreaterThan(0);
      expect(others.length, `another household was sent a ${kind}`).toBeGreaterThan(0);
      for (const r of own) expectPdf(await agent.get(url.replace(':id', r.id)), `carer's own ${kind} ${r.id}`);
      for (const r of others) expectRefused(await agent.get(url.replace(':id', r.id)), `another's ${kind} ${r.id}`);
      // The portal is the carers' own: staff read these records through their own pages.
      expect((await ssw.get(url.replace(':id', own[0]!.id))).statusCode, `ssw on the portal's ${kind}`).toBe(403);
    }
  }, 60_000);

  it("a carer cannot download their own household's supervision notes before they are sent", async () => {
    const carer = await viewer(t.database.db, 'carer');
    const [unsent] = await rows<{ id: string }>(
      sql`select s.id from supervisions s where s.household_id = ${carer.householdId} and not exists
          (select 1 from supervision_notes_messages m where m.supervision_id = s.id and m.status <> 'pending') limit 1`,
    );
    expect(unsent, "the carer's household has a supervision whose notes were not sent").toBeDefined();
    const agent = await signedIn(t.app, 'carer');
    expect((await agent.get(`/portal/supervision/${unsent!.id}/record.pdf`)).statusCode).toBe(404);
  });
});

describe('the service-wide files: scorecard, quarterly report and business plan', () => {
  it('download for the roles that read them, and are refused to every other role and to a signed-out request', async () => {
    const [plan] = await rows<{ id: string }>(sql`select id from plans order by id limit 1`);
    expect(plan, 'the demo has a business plan').toBeDefined();
    const quarter = quarterOf(todayInLondon()).start;
    const files = [
      { route: '/scorecard.csv', url: '/scorecard.csv', type: 'text/csv', magic: '' },
      { route: '/scorecard.xlsx', url: '/scorecard.xlsx', type: 'spreadsheetml', magic: 'PK' },
      { route: '/reports/:quarter/report.docx', url: `/reports/${quarter}/report.docx`, type: WORD, magic: 'PK' },
      { route: '/plan/:id', url: `/plan/${plan!.id}.docx`, type: WORD, magic: 'PK' },
    ];
    const signedOut = new Agent(t.app);
    const usernames = ['head', 'director', 'servicemanager', 'manager', 'ssw', 'cicsw', 'lado', 'carer'];
    const agents = await Promise.all(
      usernames.map(async (u) => [await viewer(t.database.db, u), await signedIn(t.app, u)] as const),
    );
    for (const file of files) {
      const out = await signedOut.get(file.url);
      expect(out.statusCode, `signed out ${file.url}`).toBe(302);
      expect(String(out.headers.location)).toMatch(/^\/sign-in/);
      let allowed = 0;
      let refused = 0;
      for (const [v, agent] of agents) {
        const response = await agent.get(file.url);
        const label = `${v.username} downloads ${file.url}`;
        if (permitted(v.role, file.route)) {
          allowed += 1;
          expectFile(response, file.type, file.magic, label);
          expect(response.rawPayload.length, label).toBeGreaterThan(0);
        } else {
          refused += 1;
          expect(response.statusCode, label).toBe(403);
        }
      }
      expect(allowed, `some role downloads ${file.url}`).toBeGreaterThan(0);
      expect(refused, `some role is refused ${file.url}`).toBeGreaterThan(0);
      expect(permitted('foster_carer', file.route), `a carer may not download ${file.url}`).toBe(false);
    }
  }, 60_000);
});
