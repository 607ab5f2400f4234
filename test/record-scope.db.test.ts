import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordType, recordTypes } from '../src/platform/access/registry.ts';
import { householdScope, readsWholeHousehold } from '../src/platform/access/scope.ts';
import type { SignedInUser } from '../src/platform/auth/sessions.ts';
import { can } from '../src/platform/access/policy.ts';
import { roles } from '../src/platform/access/roles.ts';
import { users } from '../src/platform/auth/tables.ts';
import { queryRows } from '../src/platform/db/sql.ts';
import { serviceManager, viewer } from '../src/modules/home/test-support.ts';
import { demoUsers } from '../scripts/demo/people.ts';
import { signedIn, testAppForFile } from './support/app.ts';

const t = testAppForFile();

/**
 * Every record type reached by id, and the records it hangs off. A record that is visible must be
 * visible through one of them: a placement through its child, or through a household the viewer
 * reads in full; supervision only through a household read in full. A root is scoped by itself.
 * A record type registered without a row here fails the test: each new module adds its rule.
 */
interface Parent {
  type: string;
  /** The parent record's id, for a record of this type. */
  idSql: string;
  /** The household is read in full (not only as the home of a child the viewer holds). */
  whole?: boolean;
  /** The parent only opens the record for roles that may do this. */
  when?: (viewer: SignedInUser) => boolean;
  /** Not a record but a rule on the value of `idSql` (the LADO and allegations, a team's own matters). */
  opens?: (viewer: SignedInUser, value: string) => boolean;
}

/** A matter with no household opens to the staff whose household scope covers its team. */
function serviceMatterOpens(v: SignedInUser, value: string): boolean {
  const [teamId, areaId, recordedBy] = value.split(',');
  if (!can(v.role, 'concerns.view') || !readsWholeHousehold(v)) return false;
  const scope = householdScope(v);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'area') return scope.areaId === areaId;
  if (scope.kind === 'team') return scope.teamId === teamId;
  if (scope.kind === 'allocated') return v.id === recordedBy;
  return false;
}

/** How a matter is reached: its household read in full, a child of theirs it names, the LADO, the head, or its team. */
const matterParents: Parent[] = [
  { type: 'household', idSql: 'household_id', whole: true },
  {
    type: 'their child',
    idSql: `(select string_agg(c.allocated_social_worker_id::text, ',') from concern_children cc
      join children c on c.id = cc.child_id where cc.concern_id = concerns.id)`,
    opens: (v, ids) => ids.split(',').includes(v.id),
  },
  { type: 'the LADO', idSql: 'kind', opens: (v, kind) => v.role === 'lado' && kind === 'allegation' },
  { type: 'the head', idSql: "'service'", opens: (v) => v.role === 'head_of_fostering' },
  {
    type: 'the team',
    idSql: `case when household_id is null then concat_ws(',', team_id, (select area_id from teams where teams.id = team_id), recorded_by) end`,
    opens: serviceMatterOpens,
  },
];
const reachedThrough: Record<string, { table: string; parents: Parent[] } | 'root'> = {
  user: 'root',
  household: 'root',
  child: 'root',
  plan: 'root',
  'plan-action': 'root',
  carer: { table: 'carers', parents: [{ type: 'household', idSql: 'household_id' }] },
  placement: {
    table: 'placements',
    parents: [
      { type: 'child', idSql: 'child_id' },
      { type: 'household', idSql: 'household_id', whole: true },
    ],
  },
  referral: {
    table: 'referrals',
    parents: [
      { type: 'child', idSql: 'child_id' },
      // Managers quality-assure the referrals of their area's children before any carer is found.
      {
        type: 'child-area',
        idSql: '(select area_id from children c where c.id = child_id)',
        when: (v) => can(v.role, 'referrals.review'),
      },
    ],
  },
  supervision: { table: 'supervisions', parents: [{ type: 'household', idSql: 'household_id', whole: true }] },
  'training-course': 'root',
  'training-session': 'root',
  'participation-event': 'root',
  // A member of staff's supervision folder, scoped by itself (staff/scope.ts: the member, their manager, the head, the director).
  'staff-member': 'root',
  'training-booking': { table: 'training_bookings', parents: [{ type: 'carer', idSql: 'carer_id' }] },
  'development-plan': { table: 'development_plans', parents: [{ type: 'carer', idSql: 'carer_id' }] },
  'supervision-agreement': {
    table: 'supervision_agreements',
    parents: [{ type: 'household', idSql: 'household_id', whole: true }],
  },
  'annual-review': { table: 'annual_reviews', parents: [{ type: 'household', idSql: 'household_id', whole: true }] },
  // The panel's records are the panel's: scoped by role (panel/records.ts), not through a household.
  'panel-meeting': 'root',
  'panel-paper': 'root',
  'panel-item': 'root',
  'panel-member': 'root',
  'agency-decision': 'root',
  // A quarterly report holds no personal record: open to whoever may read the reports.
  'quarterly-report': 'root',
  concern: { table: 'concerns', parents: matterParents },
  'significant-event': {
    table: 'significant_events',
    parents: [
      { type: 'household', idSql: 'household_id', whole: true },
      { type: 'concern', idSql: 'concern_id' },
    ],
  },
  // A month's sample of files to audit: scoped by itself (the team's manager, the head, service managers).
  'audit-month': 'root',
  'case-audit': { table: 'case_audits', parents: [{ type: 'household', idSql: 'household_id', whole: true }] },
  // Published rates hold no personal record; an enhancement is read through the household the child is placed with.
  'payment-rates': 'root',
  // A request for a carer's records is read through its household.
  'records-request': {
    table: 'records_requests',
    parents: [{ type: 'household', idSql: 'household_id', whole: true }],
  },
  // A household's safer-care plan: read through its household, in full, by the roles that read plans.
  'safer-care-plan': {
    table: 'safer_care_plans',
    parents: [{ type: 'household', idSql: 'household_id', whole: true, when: (v) => can(v.role, 'safer-care.view') }],
  },
  // A young person's independence checklist: read through the young person's record only.
  'independence-checklist': { table: 'independence_checklists', parents: [{ type: 'child', idSql: 'child_id' }] },
  // A child's Lifelong Links work: read through the child's record only (and only by the roles that read the work).
  'lifelong-links': { table: 'lifelong_links', parents: [{ type: 'child', idSql: 'child_id' }] },
  // A child's missing from care episode: read through the child's record only (and only by the roles that read episodes).
  'missing-episode': { table: 'missing_episodes', parents: [{ type: 'child', idSql: 'child_id' }] },
  // An out-of-hours call: read through its household, in full (not by a child's social worker).
  'out-of-hours-call': {
    table: 'out_of_hours_calls',
    parents: [{ type: 'household', idSql: 'household_id', whole: true }],
  },
  // A request for psychology support: read through its household, in full, by the roles that read extra support.
  'psychology-request': {
    table: 'psychology_requests',
    parents: [
      { type: 'household', idSql: 'household_id', whole: true, when: (v) => can(v.role, 'extra-support.view') },
    ],
  },
  // A connected person's temporary approval: read through its household or its child.
  'temporary-approval': {
    table: 'temporary_approvals',
    parents: [
      { type: 'household', idSql: 'household_id' },
      { type: 'child', idSql: 'child_id' },
    ],
  },
  // A six-monthly review holds no personal record: scoped by itself (service-reviews/scope.ts, by kind and area).
  'service-review': 'root',
  // A joint training day (action 10.2) is the service's, read by role (joint-training/scope.ts); an attendee's evaluation
  // is a part of it, read by the attendee, those who run the days and the director.
  'joint-training-day': 'root',
  // Learning from serious case reviews (team-meetings/scope.ts): a published review holds no personal record; a team
  // meeting is scoped by its team, an extended team manager meeting by role.
  'serious-case-review': 'root',
  'team-meeting': 'root',
  'extended-meeting': 'root',
  // The places the clock and the measures count: a team's quarter (scoped as its team's meetings), a month's meeting.
  'team-quarter': 'root',
  'learning-month': 'root',
  'payment-enhancement': {
    table: 'payment_enhancements',
    parents: [
      {
        type: 'household',
        idSql: '(select p.household_id from placements p where p.id = placement_id)',
        whole: true,
      },
    ],
  },
};

/** The pages that open a record of each type by its id (what a person would try). */
const pagesOf: Record<string, string[]> = {
  placement: ['/placements/:id', '/placements/:id/delegated-authority', '/placements/:id/paperwork'],
  referral: ['/referrals/:id', '/referrals/:id/match'],
  supervision: ['/supervision/:id', '/supervision/:id/notes', '/supervision/:id/record.pdf'],
  'annual-review': ['/reviews/:id', '/reviews/:id/report.pdf', '/reviews/:id/report.docx'],
  concern: ['/concerns/:id', '/concerns/:id/change', '/concerns/:id/remove'],
  'significant-event': ['/notifications/:id', '/notifications/:id/change'],
  'case-audit': ['/audits/:id', '/audits/:id/change-grade'],
  'payment-enhancement': [
    '/payments/enhancements/:id',
    '/payments/enhancements/:id/change',
    '/payments/enhancements/:id/remove',
  ],
  'records-request': ['/records-requests/:id/sent'],
  'lifelong-links': ['/lifelong-links/:id', '/lifelong-links/:id/agreement', '/lifelong-links/:id/start'],
  'missing-episode': ['/missing/:id'],
  'out-of-hours-call': ['/out-of-hours/:id'],
  'psychology-request': ['/extra-support/psychology/:id'],
  'temporary-approval': [
    '/temporary-approvals/:id',
    '/temporary-approvals/:id/end',
    '/temporary-approvals/:id/approval',
    '/temporary-approvals/:id/extension',
  ],
};

/** Whether the route's guard lets this viewer's role in, as the app registered it. */
function permitted(v: SignedInUser, url: string): boolean {
  const route = t.app.routeTable.find((r) => r.method === 'GET' && r.url === url);
  if (!route) throw new Error(`no route ${url}`);
  const access = route.access;
  return access === 'public' || access === 'signed-in' || can(v.role, access.permission);
}

async function idsOf(table: string, parents: Parent[]): Promise<{ id: string; parentIds: (string | null)[] }[]> {
  const columns = parents.map((p, i) => `${p.idSql} as p${i}`).join(', ');
  const rows = await queryRows<Record<string, string | null>>(
    t.database.db,
    sql.raw(`select id, ${columns} from ${table} order by id`),
  );
  return rows.map((row) => ({
    id: String(row.id),
    parentIds: parents.map((_, i) => row[`p${i}`] ?? null),
  }));
}

/** What parentOpens answered, by viewer, parent and id: many records hang off one household or child. */
const opensAnswered = new Map<string, Promise<boolean>>();

async function parentOpens(v: SignedInUser, parent: Parent, id: string | null): Promise<boolean> {
  if (!id) return false;
  const key = `${v.id} ${parent.type} ${parent.idSql} ${id}`;
  let answer = opensAnswered.get(key);
  if (!answer) opensAnswered.set(key, (answer = parentOpensNow(v, parent, id)));
  return answer;
}

async function parentOpensNow(v: SignedInUser, parent: Parent, id: string): Promise<boolean> {
  if (parent.when && !parent.when(v)) return false;
  if (parent.opens) return parent.opens(v, id);
  if (parent.whole && !readsWholeHousehold(v)) return false;
  if (parent.type === 'child-area') return v.role === 'head_of_fostering' || v.areaId === id;
  return (await recordType(parent.type)!.inScope(t.database.db, v, id)) === true;
}

/** One viewer of every role: the demo's users, the panel's adviser and decision maker, a service manager and an assessing social worker. */
async function everyViewer(): Promise<SignedInUser[]> {
  const viewers = await Promise.all(demoUsers.map((u) => viewer(t.database.db, u.username)));
  const ssw = viewers.find((v) => v.username === 'ssw')!;
  const assessing = `asw-${randomUUID().slice(0, 8)}`;
  await t.database.db.insert(users).values({
    username: assessing,
    displayName: 'Assessing Social Worker',
    role: 'assessing_social_worker',
    teamId: ssw.teamId,
    areaId: ssw.areaId,
    passwordHash: 'not-a-real-hash',
  });
  // The panel's adviser and decision maker are made by the panel's demo (scripts/demo/panel.ts).
  const panel = [await viewer(t.database.db, 'adviser'), await viewer(t.database.db, 'decider')];
  return [
    ...viewers,
    ...panel,
    await serviceManager(t.database.db, 'East Kent'),
    await viewer(t.database.db, assessing),
  ];
}

describe('every record reached by id is visible only through its own access rule', () => {
  it('lists every registered record type and tries a viewer of every role', async () => {
    expect(Object.keys(reachedThrough).sort()).toEqual(recordTypes().sort());
    const covered = new Set((await everyViewer()).map((v) => v.role));
    expect(roles.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('for every role, each visible placement, referral, supervision and carer has a visible parent', async () => {
    const viewers = await everyViewer();
    const leaks: string[] = [];
    let visible = 0;
    for (const [type, rule] of Object.entries(reachedThrough)) {
      if (rule === 'root') continue;
      const records = await idsOf(rule.table, rule.parents);
      expect(records.length, `the demo has ${type} records`).toBeGreaterThan(0);
      for (const v of viewers) {
        for (const record of records) {
          if (!(await recordType(type)!.inScope(t.database.db, v, record.id))) continue;
          visible += 1;
          let opened = false;
          for (const [i, parent] of rule.parents.entries()) {
            if (await parentOpens(v, parent, record.parentIds[i] ?? null)) {
              opened = true;
              break;
            }
          }
          if (!opened) leaks.push(`${v.username} sees ${type} ${record.id}`);
        }
      }
    }
    expect(visible).toBeGreaterThan(0);
    expect(leaks.slice(0, 10)).toEqual([]);
  }, 180_000);

  it('answers each record page as the access rule says: open when in scope, not found otherwise', async () => {
    for (const username of ['cicsw', 'ssw', 'ssw2', 'manager', 'reviewer', 'lado']) {
      const v = await viewer(t.database.db, username);
      const agent = await signedIn(t.app, username);
      for (const [type, pages] of Object.entries(pagesOf)) {
        const rule = reachedThrough[type];
        if (!rule || rule === 'root') throw new Error(`${type} has no rule`);
        const records = await idsOf(rule.table, rule.parents);
        const inScope: string[] = [];
        const outOfScope: string[] = [];
        for (const record of records) {
          const seen = await recordType(type)!.inScope(t.database.db, v, record.id);
          (seen ? inScope : outOfScope).push(record.id);
          if (inScope.length >= 3 && outOfScope.length >= 3) break;
        }
        for (const id of outOfScope.slice(0, 3)) {
          for (const page of pages) {
            const response = await agent.get(page.replace(':id', id));
            expect([403, 404], `${username} ${page} ${id}`).toContain(response.statusCode);
          }
        }
        // In scope, the page opens for a role that may use it, and is refused (403) for one that may not.
        const page = pages[0]!;
        const allowed = permitted(v, page);
        for (const id of inScope.slice(0, 3)) {
          const response = await agent.get(page.replace(':id', id));
          expect(response.statusCode, `${username} ${page} ${id}`).toBe(allowed ? 200 : 403);
        }
      }
    }
  }, 120_000);
});

describe("a children's social worker and the other children in a carer's household", () => {
  it('does not open the placements of a child who is not theirs, in a household where their own child lives', async () => {
    const cicsw = await viewer(t.database.db, 'cicsw');
    const shared = await queryRows<{ id: string; first_name: string; last_name: string }>(
      t.database.db,
      sql`
      select p.id, c.first_name, c.last_name from placements p join children c on c.id = p.child_id
      where c.allocated_social_worker_id is distinct from ${cicsw.id}
      and exists (select 1 from placements mine join children own on own.id = mine.child_id
                  where mine.household_id = p.household_id and own.allocated_social_worker_id = ${cicsw.id})
      limit 5`,
    );
    expect(shared.length, 'the demo has a household shared by a child of cicsw and another child').toBeGreaterThan(0);
    const agent = await signedIn(t.app, 'cicsw');
    for (const row of shared) {
      const response = await agent.get(`/placements/${row.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(`${row.first_name} ${row.last_name}`);
    }
  });
});
