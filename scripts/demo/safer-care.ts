/**
 * Safer-care plans in the demo: every household approved at some time has the plan written with it
 * during its assessment (agreed a few weeks before approval), agreed again about a year after each
 * version (a little early, at the carers' annual review) and within the fortnight after a child was
 * placed there for the first time or someone joined the household, until today or until its approval
 * ended. Only the last three years are written. Most approved households’ plans are in date; a
 * few are a few weeks overdue, none for long. The carers had their copy within a fortnight, except
 * of a plan agreed in the last few days. A random stream of its own, so the rest of the demo stays the
 * same. Made-up words only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { planAreas, type PlanArea, type PlanReason } from '../../src/modules/safer-care/labels.ts';
import { reviewByOf } from '../../src/modules/safer-care/service.ts';
import { saferCarePlans } from '../../src/modules/safer-care/tables.ts';
import { memberMovedInSql } from '../../src/modules/households/tables.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

const HISTORY_DAYS = 3 * 365;

const summaries: Record<PlanReason, readonly string[]> = {
  first: [
    'Each child has a bedroom of their own; the carers knock and wait before going in. Birth children do not babysit. Photographs of children in placement are not shared online.',
    'The bathroom door has a lock; children in placement dress in their own rooms. Cuddles are offered and never assumed. Visitors staying overnight are agreed with the supervising social worker first.',
  ],
  yearly: [
    'Reviewed at the annual review: no changes to bedrooms or routines. Phone and internet rules updated for a child now at secondary school.',
    'Reviewed with both carers and their son: the arrangements still work. Babysitters remain limited to the named family friend, who has a DBS check.',
    'Reviewed: agreed that lifts to school are shared between both carers so no one adult is always alone in the car with the child.',
  ],
  child_placed: [
    'Agreed again when a child was placed: the child’s own safer-care needs added, including knocking before entering and a night light on the landing.',
  ],
  household_changed: [
    'Agreed again when an adult son moved back home: he has had his DBS check, and does not share a floor with the children in placement.',
    'Agreed again when the household grew: who sleeps where, and who looks after the children in placement when a carer is busy with the new family member, set out again.',
  ],
  after_concern: [],
};

interface Candidate {
  id: string;
  status: string;
  approved: IsoDate;
  since: IsoDate;
  ssw: string | null;
}

/** The areas a version covers: most of them, always the bedrooms and the bathroom. */
function coversOf(random: Random): PlanArea[] {
  const rest = planAreas.filter((a) => a !== 'bedrooms' && a !== 'bathroom');
  const chosen = new Set<PlanArea>(['bedrooms', 'bathroom', ...random.sample(rest, random.int(3, rest.length))]);
  return planAreas.filter((a) => chosen.has(a));
}

/** One version agreed on a day, recorded by the household's worker; the carers' copy within a fortnight (never after today). */
function versionOf(random: Random, h: Candidate, day: IsoDate, reason: PlanReason, today: IsoDate) {
  const copy = addDays(day, random.int(0, 14));
  return {
    householdId: h.id,
    agreedOn: day,
    reviewBy: reviewByOf(day),
    reason,
    covers: coversOf(random),
    summary: random.pick(summaries[reason]),
    copyGivenOn: copy <= today ? copy : null,
    recordedBy: h.ssw,
  } satisfies typeof saferCarePlans.$inferInsert;
}

/** Each household's changes after which its plan is agreed again: children placed there for the first time, people joining or leaving it. */
async function changesByHousehold(tx: DbOrTx) {
  const rows = await queryRows<{ household_id: string; on: IsoDate; kind: 'placed' | 'member' | 'left' }>(
    tx,
    sql`select household_id, min(start_date)::text as "on", 'placed' as kind from placements group by household_id, child_id
      union all
      select household_id, ${memberMovedInSql('m')}::text, 'member' from household_members m
      union all
      select household_id, left_on::text, 'left' from household_members where left_on is not null
      union all
      select household_id, left_on::text, 'left' from carers where left_on is not null
      order by 1, 2`,
  );
  const changes = new Map<string, { on: IsoDate; kind: 'placed' | 'member' | 'left' }[]>();
  for (const r of rows) {
    const list = changes.get(r.household_id) ?? [];
    list.push(r);
    changes.set(r.household_id, list);
  }
  return changes;
}

/** Writes the demo's safer-care plans, dated back from `today`; returns how many versions. */
export async function writeDemoSaferCarePlans(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select h.id, h.status, h.approved_on::text as approved, h.status_since::text as since,
        h.allocated_ssw_id as ssw
      from households h
      where h.approved_on is not null and h.status in ('approved', 'on_hold', 'inactive', 'deregistered')
      order by h.reference`,
  );
  const changes = await changesByHousehold(tx);
  const start = addDays(today, -HISTORY_DAYS);
  const rows: (typeof saferCarePlans.$inferInsert)[] = [];
  for (const h of candidates) {
    const until = h.status === 'deregistered' ? h.since : today;
    // A plan that has fallen a few weeks overdue: its last yearly version was agreed a little over a year ago.
    // (Only for a household approved more than two years ago, whose plan has had yearly reviews, and
    // which has not changed in the last 400 days, when the change would have had its plan agreed again.)
    const settled = !(changes.get(h.id) ?? []).some((c) => c.on > addDays(today, -400));
    const overdue = h.status === 'approved' && h.approved < addDays(today, -730) && random.chance(1 / 30) && settled;
    let agreedOn = addDays(h.approved, -random.int(7, 42));
    let reason: PlanReason = 'first';
    while (agreedOn <= until) {
      const next = addDays(agreedOn, random.int(330, 362));
      if (overdue && next > until && agreedOn >= start) {
        // The last version, agreed a little over a year ago and not since.
        rows.push(versionOf(random, h, addDays(today, -random.int(372, 400)), reason, today));
        break;
      }
      if (agreedOn >= start && (agreedOn >= h.approved || reason === 'first')) {
        rows.push(versionOf(random, h, agreedOn, reason, today));
      }
      // A child placed there for the first time, or someone joining or leaving, before the next yearly review:
      // agreed again within the fortnight (10 working days), unless that is still to come.
      const change = (changes.get(h.id) ?? []).find((c) => c.on > agreedOn && c.on < next);
      if (change) {
        const on = addDays(change.on, random.int(1, 11));
        if (on > until) break;
        agreedOn = on;
        reason = change.kind === 'placed' ? 'child_placed' : 'household_changed';
        continue;
      }
      agreedOn = next;
      reason = 'yearly';
    }
  }
  await insertRows(tx, saferCarePlans, rows);
  return rows.length;
}
