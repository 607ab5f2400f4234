import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/client.ts';
import { verifyPassword } from '../../src/platform/auth/passwords.ts';
import { addDays, addMonths, todayInLondon } from '../../src/platform/dates/index.ts';
import { createTestDatabase } from '../../test/support/db.ts';
import { checkDueItems } from '../../src/platform/due/index.ts';
import { allMeasures } from '../../src/platform/measures/registry.ts';
import { registerAllModules } from '../../src/modules/index.ts';
import { demoUsers } from './people.ts';
import { isEmpty, seedDemo } from './seed.ts';
import { count, overPlaces, placedOutsideApproval, rows } from './seed-checks.ts';

const PASSWORD = 'seed-test-password';
let first: Database;
let second: Database;
let emptyBefore: boolean;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  emptyBefore = await isEmpty(first.db);
  await seedDemo(first.db, { password: PASSWORD, scale: 'small' });
  await seedDemo(second.db, { password: PASSWORD, scale: 'small' });
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe('the small demo', () => {
  it('is what a first start loads into an empty database, after which it is no longer empty', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isEmpty(first.db)).toBe(false);
  });

  it('has every demo sign-in with its role, sharing the demo password', async () => {
    const users = await rows<{ username: string; role: string; password_hash: string }>(
      first,
      sql`select username, role, password_hash from users`,
    );
    const byName = new Map(users.map((u) => [u.username, u]));
    for (const demo of demoUsers) expect(byName.get(demo.username)?.role, demo.username).toBe(demo.role);
    expect(await verifyPassword(byName.get('ssw')!.password_hash, PASSWORD)).toBe(true);
  });

  it('makes `manager` the manager of East Kent Fostering Team 1, where `ssw` works', async () => {
    const [row] = await rows<{ manager: string; ssw: string }>(
      first,
      sql`select (select t.name from users u join teams t on t.id = u.team_id where u.username = 'manager') as manager,
                 (select t.name from users u join teams t on t.id = u.team_id where u.username = 'ssw') as ssw`,
    );
    expect(row).toEqual({ manager: 'East Kent Fostering Team 1', ssw: 'East Kent Fostering Team 1' });
  });

  it('links `carer` to an approved household where a child in care lives today, and names them as its carer', async () => {
    const [home] = await rows<{ id: string; status: string; team: string; carers: string; placed: number }>(
      first,
      sql`select h.id, h.status, t.name as team,
            (select string_agg(c.first_name || ' ' || c.last_name, ', ') from carers c where c.household_id = h.id) as carers,
            (select count(*)::int from placements p join children ch on ch.id = p.child_id
             where p.household_id = h.id and p.end_date is null and ch.left_care_on is null) as placed
          from users u join households h on h.id = u.household_id join teams t on t.id = h.team_id
          where u.username = 'carer'`,
    );
    expect(home).toMatchObject({ status: 'approved', team: 'East Kent Fostering Team 1' });
    expect(home!.carers).toContain('Jordan Ellis');
    expect(home!.placed).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo workers their caseloads', async () => {
    const ssw = await rows<{ team: string }>(
      first,
      sql`select t.name as team from households h join teams t on t.id = h.team_id
          join users u on u.id = h.allocated_ssw_id where u.username = 'ssw'`,
    );
    expect(ssw.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ssw.map((h) => h.team))).toEqual(new Set(['East Kent Fostering Team 1']));
    const ssw2 = await rows<{ team: string }>(
      first,
      sql`select t.name as team from households h join teams t on t.id = h.team_id
          join users u on u.id = h.allocated_ssw_id where u.username = 'ssw2'`,
    );
    expect(ssw2.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ssw2.map((h) => h.team))).toEqual(new Set(['West Kent Fostering Team 1']));
    const referrals = await rows<{ status: string }>(
      first,
      sql`select r.status from referrals r join children c on c.id = r.child_id
          join users u on u.id = c.allocated_social_worker_id where u.username = 'cicsw'`,
    );
    const open = referrals.map((r) => r.status).filter((s) => s !== 'placed' && s !== 'withdrawn');
    expect(new Set(open)).toEqual(new Set(['submitted', 'returned', 'accepted', 'matched']));
    expect(
      await count(
        first,
        sql`select count(*)::int as n from children c join users u
      on u.id = c.allocated_social_worker_id where u.username = 'cicsw' and c.left_care_on is null`,
      ),
    ).toBeGreaterThanOrEqual(6);
  });

  it('holds a dozen households in several statuses, about fifteen children and their placements', async () => {
    const statuses = await rows<{ status: string; n: number }>(
      first,
      // The households that came by an enquiry are the recruitment demo's (scripts/demo/recruitment.ts).
      sql`select status, count(*)::int as n from households
        where id not in (select household_id from recruitment_enquiries) group by status`,
    );
    const total = statuses.reduce((n, s) => n + Number(s.n), 0);
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(16);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(Number(statuses.find((s) => s.status === 'approved')?.n)).toBeGreaterThanOrEqual(5);
    const children = await count(first, sql`select count(*)::int as n from children`);
    expect(children).toBeGreaterThanOrEqual(12);
    expect(children).toBeLessThanOrEqual(20);
    expect(await count(first, sql`select count(*)::int as n from placements`)).toBeGreaterThanOrEqual(8);
    expect(
      await count(first, sql`select count(*)::int as n from placements where end_date is null`),
    ).toBeGreaterThanOrEqual(3);
  });

  it('has a restricted household (a carer on the staff) that only its named manager may open', async () => {
    const restricted = await rows<{ staff: boolean; named: string | null }>(
      first,
      sql`select exists (select 1 from carers c where c.household_id = h.id and c.is_staff) as staff,
            (select string_agg(u.username, ',') from household_restricted_access a join users u on u.id = a.user_id
             where a.household_id = h.id) as named
          from households h where h.restricted`,
    );
    expect(restricted).toEqual([{ staff: true, named: 'manager' }]);
  });

  it('shows `ssw` checks due soon or overdue on their households', async () => {
    const due = await count(
      first,
      sql`select count(*)::int as n from person_checks k join households h on h.id = k.household_id
          join users u on u.id = h.allocated_ssw_id
          where u.username = 'ssw' and k.expires_on < current_date + 60`,
    );
    expect(due).toBeGreaterThanOrEqual(1);
  });

  it('is the same every time: the same household references and names, the same children', async () => {
    const households = sql`select reference, name, status from households order by reference`;
    const children = sql`select reference, first_name, last_name, date_of_birth::text from children order by reference`;
    expect(await rows(second, households)).toEqual(await rows(first, households));
    expect(await rows(second, children)).toEqual(await rows(first, children));
  });

  it('never places more children with a household than its approved places, on any day', async () => {
    expect(await count(first, overPlaces)).toBe(0);
  });

  it('never has a child in two placements at once, or placed outside a household’s approval (or a temporary one)', async () => {
    expect(
      await count(
        first,
        sql`select count(*)::int as n from (select child_id from placements where end_date is null
        group by child_id having count(*) > 1) x`,
      ),
    ).toBe(0);
    expect(
      await count(
        first,
        sql`select count(*)::int as n from placements a join placements b
        on a.child_id = b.child_id and a.id <> b.id and a.start_date < coalesce(b.end_date, 'infinity'::date)
        and b.start_date < coalesce(a.end_date, 'infinity'::date)`,
      ),
    ).toBe(0);
    expect(await count(first, placedOutsideApproval)).toBe(0);
  });

  it('has a household approved in the last year at panel whose carers’ TSD standards are still to come', async () => {
    const found = await rows<{ reference: string; panel: boolean; evidenced: number }>(
      first,
      sql`select h.reference,
          exists (select 1 from agency_decisions d join panel_items i on i.id = d.item_id
            where d.household_id = h.id and d.outcome = 'approve' and not d.imported) as panel,
          (select count(*)::int from tsd_evidence e join carers c on c.id = e.carer_id
            where c.household_id = h.id) as evidenced
        from households h
        where h.status = 'approved' and h.household_type = 'mainstream'
          and h.approved_on > ${addMonths(todayInLondon(), -12)}::date
          and h.approved_on < ${addMonths(todayInLondon(), -9)}::date`,
    );
    expect(found.filter((h) => h.panel && h.evidenced === 0).length).toBeGreaterThanOrEqual(1);
  });
});

describe('the small demo’s carer supervision', () => {
  const approvedAllocated = sql`h.status = 'approved' and h.allocated_ssw_id is not null`;

  it('gives every approved household with a worker a signed agreement, and no household not approved one', async () => {
    expect(
      await count(first, sql`select count(*)::int as n from households h where ${approvedAllocated}`),
    ).toBeGreaterThanOrEqual(2);
    const without = await count(
      first,
      sql`select count(*)::int as n from households h where ${approvedAllocated} and not exists (
        select 1 from supervision_agreements a where a.household_id = h.id and a.signed_by_ssw_id = h.allocated_ssw_id
          and a.signed_on <= ${todayInLondon()})`,
    );
    expect(without).toBe(0);
    const others = await count(
      first,
      sql`select count(*)::int as n from supervision_agreements a join households h on h.id = a.household_id
        where h.status <> 'approved'`,
    );
    expect(others).toBe(0);
  });

  it('has visits with children seen and actions, each by the household’s worker (a manager covering one with none) while it was approved', async () => {
    expect(await count(first, sql`select count(*)::int as n from supervisions`)).toBeGreaterThanOrEqual(20);
    expect(await count(first, sql`select count(*)::int as n from supervision_children`)).toBeGreaterThanOrEqual(5);
    expect(await count(first, sql`select count(*)::int as n from supervision_actions`)).toBeGreaterThanOrEqual(10);
    const wrong = await count(
      first,
      sql`select count(*)::int as n from supervisions s join households h on h.id = s.household_id
        where h.status <> 'approved' or s.author_id <> coalesce(h.allocated_ssw_id, s.author_id)
          or (h.allocated_ssw_id is null and (select u.role from users u where u.id = s.author_id) not in ('team_manager', 'supervising_social_worker'))
          or s.visit_date >= ${todayInLondon()}
          or (s.status = 'final' and s.finalised_by is distinct from s.author_id)
          or s.notes_sent_on < s.visit_date or (s.status = 'draft' and s.notes_sent_on is not null)
          or (select e.to_status from household_status_events e where e.household_id = h.id and e.on_date <= s.visit_date
              order by e.on_date desc, e.created_at desc limit 1) is distinct from 'approved'`,
    );
    expect(wrong).toBe(0);
  });

  it('lists at each visit exactly the children placed in the household on that day', async () => {
    const notPlaced = await count(
      first,
      sql`select count(*)::int as n from supervision_children sc join supervisions s on s.id = sc.supervision_id
        where not exists (select 1 from placements p where p.child_id = sc.child_id and p.household_id = s.household_id
          and p.start_date <= s.visit_date and (p.end_date is null or p.end_date >= s.visit_date))`,
    );
    expect(notPlaced).toBe(0);
    const missing = await count(
      first,
      sql`select count(*)::int as n from supervisions s join placements p on p.household_id = s.household_id
          and p.start_date <= s.visit_date and (p.end_date is null or p.end_date >= s.visit_date)
        where not exists (select 1 from supervision_children sc where sc.supervision_id = s.id and sc.child_id = p.child_id)`,
    );
    expect(missing).toBe(0);
  });

  it('supervises most households with a worker within 6 weeks, month by month, but not all', async () => {
    const today = todayInLondon();
    const pairs: { met: boolean }[] = [];
    for (let back = 0; back < 12; back += 1) {
      const asAt = addMonths(today, -back);
      pairs.push(
        ...(await rows<{ met: boolean }>(
          first,
          sql`select exists (select 1 from supervisions s where s.household_id = h.id and s.status = 'final'
              and s.visit_date <= ${asAt} and s.visit_date >= ${addDays(asAt, -42)}) as met
            from households h where ${approvedAllocated} and h.approved_on <= ${addDays(asAt, -42)}`,
        )),
      );
    }
    const share = pairs.filter((p) => p.met).length / pairs.length;
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(1);
    // The demo `ssw` (or `ssw2`) always has a household whose supervision is overdue today.
    const overdue = await count(
      first,
      sql`select count(*)::int as n from households h join users u on u.id = h.allocated_ssw_id
        where h.status = 'approved' and u.username in ('ssw', 'ssw2') and not exists (select 1 from supervisions s
          where s.household_id = h.id and s.status = 'final' and s.visit_date >= ${addDays(today, -42)})`,
    );
    expect(overdue).toBeGreaterThanOrEqual(1);
    // The demo carer's own household is one: the browser tests record its overdue visit.
    const carerHome = await count(
      first,
      sql`select count(*)::int as n from users u where u.username = 'carer' and not exists (select 1 from supervisions s
          where s.household_id = u.household_id and s.status = 'final' and s.visit_date >= ${addDays(today, -42)})`,
    );
    expect(carerHome).toBe(1);
  });

  it('has sent the recent notes to carers with an email address, most of them confirmed', async () => {
    const messages = await rows<{
      status: string;
      recipients: string[];
      confirmed: boolean;
      sent_on: string;
      sent_at: string;
    }>(
      first,
      sql`select m.status, m.recipients, m.acknowledged_at is not null as confirmed, s.notes_sent_on::text as sent_on,
          (m.sent_at at time zone 'Europe/London')::date::text as sent_at
        from supervision_notes_messages m join supervisions s on s.id = m.supervision_id`,
    );
    expect(messages.length).toBeGreaterThanOrEqual(5);
    for (const m of messages) {
      expect(m.status).toBe('sent');
      expect(m.sent_at).toBe(m.sent_on);
      expect(m.recipients.length).toBeGreaterThanOrEqual(1);
    }
    const confirmed = messages.filter((m) => m.confirmed).length / messages.length;
    expect(confirmed).toBeGreaterThan(0.5);
    expect(confirmed).toBeLessThan(1);
  });

  it('links the business plan’s actions to the scorecard measures that count them, each one a measure Hearth has', async () => {
    registerAllModules();
    const links = await rows<{ number: string; measure_id: string }>(
      first,
      sql`select a.number, m.measure_id from plan_action_measures m join plan_actions a on a.id = m.action_id`,
    );
    const registered = new Set(allMeasures().map((m) => m.id));
    expect(links.filter((l) => !registered.has(l.measure_id))).toEqual([]);
    const actions = new Set(links.map((l) => l.number));
    for (const n of ['1.1', '2.1', '4.1', '5.1', '7.1', '9.1']) expect(actions, n).toContain(n);
    const linked = new Set(links.map((l) => l.measure_id));
    expect(linked.size).toBeGreaterThanOrEqual(Math.floor(registered.size * 0.8));
  });

  it('has Carer Ambassadors, the demo carer among them, each doing things only while they were one', async () => {
    const ambassadors = await rows<{ demo: boolean; open: boolean; activities: number; outside: number }>(
      first,
      sql`select exists (select 1 from users u where u.username = 'carer' and u.household_id = a.household_id) as demo,
          a.ended_on is null as open,
          (select count(*)::int from ambassador_activities x where x.ambassador_id = a.id) as activities,
          (select count(*)::int from ambassador_activities x where x.ambassador_id = a.id
            and (x.on_date < a.started_on or x.on_date > coalesce(a.ended_on, current_date))) as outside
        from carer_ambassadors a`,
    );
    expect(ambassadors.length).toBeGreaterThanOrEqual(2);
    expect(ambassadors.filter((a) => a.demo && a.open)).toHaveLength(1);
    expect(ambassadors.every((a) => a.activities > 0)).toBe(true);
    expect(ambassadors.reduce((n, a) => n + a.outside, 0)).toBe(0);
  });

  it('has places on training sessions taken by other organisations, never more than the session’s places', async () => {
    const sessions = await rows<{ others: number; over: boolean }>(
      first,
      sql`select sum(o.places)::int as others,
          s.capacity < sum(o.places) + (select count(*) from training_bookings b where b.session_id = s.id and b.status = 'booked') as over
        from training_other_places o join training_sessions s on s.id = o.session_id group by s.id`,
    );
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.over)).toEqual([]);
  });

  it('is the same every time', async () => {
    const visits = sql`select h.reference, s.visit_date::text, s.announced, s.status, s.notes_sent_on::text, s.worries,
        (select string_agg(sc.seen, ',' order by c.reference) from supervision_children sc
          join children c on c.id = sc.child_id where sc.supervision_id = s.id) as seen
      from supervisions s join households h on h.id = s.household_id order by h.reference, s.visit_date`;
    expect(await rows(second, visits)).toEqual(await rows(first, visits));
  });
});

describe('the small demo’s deadlines', () => {
  it('keeps every rule’s items, in step with a rebuild', async () => {
    const byRule = await rows<{ rule_id: string }>(first, sql`select distinct rule_id from due_items order by rule_id`);
    expect(byRule.length).toBeGreaterThanOrEqual(10);
    const check = await checkDueItems(first.db);
    expect({ missing: check.missing, extra: check.extra }).toEqual({ missing: [], extra: [] });
  });

  it('has nothing overdue for longer than a few months: no household left unsupervised since approval', async () => {
    const old = await rows<{ rule_id: string; label: string; due_on: string }>(
      first,
      sql`select rule_id, label, due_on::text from due_items
        where due_on < ${addMonths(todayInLondon(), -6)}
          and (shown_until is null or shown_until > ${todayInLondon()})
          and (shown_from is null or shown_from <= ${todayInLondon()})`,
    );
    expect(old).toEqual([]);
  });
});
