import { beforeAll, describe, expect, it } from 'vitest';
import { addYears } from '../../src/platform/dates/index.ts';
import type { Value } from './bulk.ts';
import { addWorking, dayOf, isoOf, type Day } from './days.ts';
import { buildDemo } from './model.ts';
import { stream } from './random.ts';
import { overdueScenario, SupervisionWriter, staysByHousehold, type SupervisionSink } from './supervision.ts';
import { columnsOf } from './writers.ts';

/** A fixed day, so the figures below are the same whenever the test runs. */
const TODAY = dayOf('2026-03-16');
const TABLES = ['supervision_agreements', 'supervisions', 'supervision_children', 'supervision_actions'] as const;
type Row = Record<string, Value>;

/** The county demo's supervision rows, gathered in memory instead of written. */
async function countySupervision() {
  const demo = buildDemo('county', TODAY);
  const rows = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as Record<(typeof TABLES)[number], Row[]>;
  const sink = Object.fromEntries(
    TABLES.map((t) => [
      t,
      {
        add: async (...values: Value[]) => {
          rows[t].push(Object.fromEntries(columnsOf(t).map((c, i) => [c, values[i]])));
        },
      },
    ]),
  ) as SupervisionSink;
  await new SupervisionWriter(sink, stream('county', 'supervision'), TODAY, () => demo.ids.next()).households(
    demo.households,
    demo.units,
    overdueScenario(demo.households, demo.staff, TODAY),
  );
  return { demo, rows };
}

const day = (value: Value) => dayOf(String(value));
const share = (part: number, whole: number) => part / whole;

type Built = Awaited<ReturnType<typeof countySupervision>>;
let demo: Built['demo'];
let rows: Built['rows'];
let approved: Built['demo']['households'];
let allocated: Built['demo']['households'];
const visitsOf = new Map<string, Row[]>();

beforeAll(async () => {
  ({ demo, rows } = await countySupervision());
  approved = demo.households.filter((h) => h.status === 'approved');
  allocated = approved.filter((h) => h.allocatedSswId !== null);
  for (const v of rows.supervisions) {
    const list = visitsOf.get(String(v.household_id)) ?? [];
    list.push(v);
    visitsOf.set(String(v.household_id), list);
  }
});

describe('the county demo’s carer supervision (built in memory)', () => {
  const finalVisits = (householdId: string) => (visitsOf.get(householdId) ?? []).filter((v) => v.status === 'final');

  it('visits only approved households with a worker, by that worker, while approved, before today', () => {
    const byId = new Map(demo.households.map((h) => [h.id, h]));
    expect(rows.supervisions.length).toBeGreaterThan(10_000);
    const wrong = rows.supervisions.filter((v) => {
      const h = byId.get(String(v.household_id))!;
      const on = day(v.visit_date);
      const status = h.events.filter((e) => e.on <= on).at(-1)?.to;
      return (
        h.status !== 'approved' ||
        v.author_id !== h.allocatedSswId ||
        status !== 'approved' ||
        on >= TODAY ||
        (v.status === 'final' ? v.finalised_by !== v.author_id : v.notes_sent_on !== null) ||
        (v.notes_sent_on !== null && day(v.notes_sent_on) < on)
      );
    });
    expect(wrong.map((v) => `${String(v.household_id)} ${String(v.visit_date)}`)).toEqual([]);
    // Fifteen months and more of history, for the scorecard's 12-month trend.
    expect(Math.min(...rows.supervisions.map((v) => day(v.visit_date)))).toBeLessThan(TODAY - 460);
    const drafts = rows.supervisions.filter((v) => v.status === 'draft');
    expect(drafts.length).toBeGreaterThan(5);
    expect(drafts.every((v) => day(v.visit_date) >= TODAY - 14)).toBe(true);
  });

  it('gives every approved household with a worker a signed agreement, mostly current today', () => {
    const signed = new Map<string, Row[]>();
    for (const a of rows.supervision_agreements) {
      signed.set(String(a.household_id), [...(signed.get(String(a.household_id)) ?? []), a]);
      expect(a.review_on).toBe(addYears(String(a.signed_on), 1));
    }
    expect(allocated.every((h) => signed.has(h.id))).toBe(true);
    const current = allocated.filter((h) =>
      signed.get(h.id)!.some((a) => day(a.signed_on) <= TODAY && day(a.review_on) >= TODAY),
    ).length;
    expect(share(current, approved.length)).toBeGreaterThan(0.85);
    expect(share(current, approved.length)).toBeLessThan(0.99);
  });

  it('supervises most, not all, households within 6 weeks and visits most unannounced within a year', () => {
    const within = (householdId: string, days: number, unannounced = false) =>
      finalVisits(householdId).some(
        (v) => day(v.visit_date) >= TODAY - days && (!unannounced || v.announced === false),
      );
    const supervised = approved.filter((h) => within(h.id, 42)).length;
    expect(share(supervised, approved.length)).toBeGreaterThan(0.8);
    expect(share(supervised, approved.length)).toBeLessThan(0.95);
    const year = TODAY - dayOf(addYears(isoOf(TODAY), -1));
    const unannounced = approved.filter((h) => within(h.id, year, true)).length;
    expect(share(unannounced, approved.length)).toBeGreaterThan(0.75);
    expect(share(unannounced, approved.length)).toBeLessThan(0.95);
  });

  it('sends most notes within 5 working days, some late', () => {
    const due = rows.supervisions.filter((v) => {
      const deadline = addWorking(day(v.visit_date), 5);
      return deadline < TODAY && deadline >= TODAY - 365;
    });
    const onTime = due.filter(
      (v) => v.notes_sent_on !== null && day(v.notes_sent_on) <= addWorking(day(v.visit_date), 5),
    ).length;
    expect(share(onTime, due.length)).toBeGreaterThan(0.7);
    expect(share(onTime, due.length)).toBeLessThan(0.9);
  });

  it('lists exactly the children placed at each visit, mostly seen, and up to three actions', () => {
    const stays = staysByHousehold(demo.units);
    const indexOf = new Map(demo.households.map((h, i) => [h.id, i]));
    const listed = new Map<string, Row[]>();
    for (const c of rows.supervision_children) {
      listed.set(String(c.supervision_id), [...(listed.get(String(c.supervision_id)) ?? []), c]);
    }
    const mismatched: string[] = [];
    for (const v of rows.supervisions) {
      const on: Day = day(v.visit_date);
      const placed = new Set(
        (stays.get(indexOf.get(String(v.household_id))!) ?? [])
          .filter((s) => s.start <= on && (s.end === null || s.end >= on))
          .map((s) => s.childId),
      );
      const children = listed.get(String(v.id)) ?? [];
      if (children.length !== placed.size || children.some((c) => !placed.has(String(c.child_id)))) {
        mismatched.push(`${String(v.household_id)} ${String(v.visit_date)}`);
      }
    }
    expect(mismatched).toEqual([]);
    expect(rows.supervision_children.length).toBeGreaterThan(5_000);
    const notSeen = rows.supervision_children.filter((c) => c.seen === 'not_seen').length;
    expect(share(notSeen, rows.supervision_children.length)).toBeLessThan(0.2);
    expect(rows.supervision_children.some((c) => c.seen === 'seen_alone')).toBe(true);
    const actions = new Map<string, number>();
    for (const a of rows.supervision_actions) actions.set(String(a.supervision_id), Number(a.position));
    expect(Math.max(...actions.values())).toBe(3);
    expect(actions.size).toBeLessThan(rows.supervisions.length);
  });
});
