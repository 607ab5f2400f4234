/**
 * Visits by the child's social worker in the demo: for every child in a foster placement (with the
 * service's carers or an agency) at any time in the last 13 months, the statutory visits of that
 * placement since its start or since 13 months ago (enough for the scorecard’s year of months):
 * the first within a week of the start, then every 6 weeks or so (every 3 months for a long-term
 * placement after its first year). About 86% on time, the rest up to 7 weeks late; now and then a
 * visit where the child was not in. Children of 8 and over mostly seen alone; young children
 * "too young". Staying Put and short breaks have none. A random stream of its own, so the rest of
 * the demo stays the same. Made-up notes only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addMonths, type IsoDate } from '../../src/platform/dates/index.ts';
import { BulkTable, type Column } from './bulk.ts';
import { dayOf, isoOf, timestampOf, YEAR, type Day } from './days.ts';
import type { Random } from './random.ts';

/** How far back the visits go: a year of months on the scorecard, and the visit before each. */
const HISTORY_MONTHS = 13;
const ON_TIME = 0.86;
const NOT_IN = 0.03;

const notes = [
  'Said they are happy at the carers’ and like their new school. Next visit in six weeks.',
  'Talked about seeing their mum at contact; wants more time with their brother. To raise at the review.',
  'Quiet today; said school is hard. Will speak to the designated teacher before the next visit.',
  'Showed me their room and the football kit the carers bought. No worries raised.',
  'Asked about their life story work. Booked a session for next month.',
  'Said they argue with another child in the house sometimes but feel safe. Carers aware.',
  'Excited about the holiday with the carers. Passport application to chase.',
  'Wants to stay with these carers. Will share their wishes at the review.',
];

interface PlacedRow {
  kind: 'in-house' | 'agency';
  id: string;
  child_id: string;
  start: IsoDate;
  last_day: IsoDate;
  long_term: boolean;
  dob: IsoDate;
  worker: string | null;
}

/** child_visits' columns, as the bulk writer takes them (the id is the table's default). */
const columns: readonly Column[] = [
  ['child_id', 'uuid'],
  ['placement_id', 'uuid'],
  ['agency_placement_id', 'uuid'],
  ['visited_on', 'date'],
  ['visited_by', 'uuid'],
  ['child_seen', 'boolean'],
  ['seen_alone', 'boolean'],
  ['not_alone_reason', 'text'],
  ['place', 'text'],
  ['note', 'text'],
  ['recorded_by', 'uuid'],
  ['recorded_at', 'timestamptz'],
];

interface SeenAs {
  seenAlone: boolean;
  notAloneReason: string | null;
}

/** Seen alone, or why not, for a child of this age. */
function seenAs(random: Random, age: number): SeenAs {
  const reason = (r: 'refused' | 'too_young' | 'not_practicable'): SeenAs => ({ seenAlone: false, notAloneReason: r });
  if (age < 4) return random.chance(0.95) ? reason('too_young') : reason('not_practicable');
  const outcome =
    age < 8
      ? random.weighted([
          ['alone', 35],
          ['too_young', 55],
          ['refused', 5],
          ['not_practicable', 5],
        ] as const)
      : random.weighted([
          ['alone', 88],
          ['refused', 7],
          ['not_practicable', 5],
        ] as const);
  return outcome === 'alone' ? { seenAlone: true, notAloneReason: null } : reason(outcome);
}

/** Writes the demo's visits, dated back from `today`; returns how many. */
export async function writeDemoChildVisits(tx: DbOrTx, random: Random, today: IsoDate, batch: number): Promise<number> {
  const from = addMonths(today, -HISTORY_MONTHS);
  const placed = await queryRows<PlacedRow>(
    tx,
    sql`select x.kind, x.id, x.child_id, x.start_date::text as start,
        least(coalesce(x.end_date, ${today}::date), coalesce(c.left_care_on - 1, ${today}::date), ${today}::date)::text as last_day,
        x.placement_type = 'long_term' as long_term, c.date_of_birth::text as dob, c.allocated_social_worker_id as worker
      from (
        select 'in-house' as kind, id, child_id, start_date, end_date, placement_type from placements
        union all
        select 'agency', id, child_id, start_date, end_date, placement_type from agency_placements
      ) x join children c on c.id = x.child_id
      where x.placement_type not in ('staying_put', 'short_break') and x.start_date <= ${today}::date
        and (x.end_date is null or x.end_date > ${from}::date)
      order by c.reference, x.start_date, x.kind`,
  );
  const workers = (
    await queryRows<{ id: string }>(
      tx,
      sql`select id from users where role = 'childrens_social_worker' and active order by username`,
    )
  ).map((w) => w.id);
  if (workers.length === 0) return 0;
  const fromDay = dayOf(from);
  const todayDay = dayOf(today);
  const table: BulkTable = new BulkTable(tx, 'child_visits', columns, batch, () => table.flush());
  for (const p of placed) {
    const start = dayOf(p.start);
    const lastDay = dayOf(p.last_day);
    const firstYearEnds = dayOf(addMonths(p.start, 12));
    const born = dayOf(p.dob);
    const visit = async (day: Day, seen: boolean) => {
      const visitedBy = p.worker && random.chance(0.92) ? p.worker : random.pick(workers);
      const as = seen ? seenAs(random, Math.floor((day - born) / YEAR)) : null;
      const place = seen
        ? random.weighted([
            ['placement', 72],
            ['school', 18],
            ['elsewhere', 10],
          ] as const)
        : 'placement';
      const note = seen
        ? random.chance(0.55)
          ? random.pick(notes)
          : null
        : 'The child was out with the carers: not seen.';
      const recordedOn = Math.min(day + random.lowInt(0, 3), todayDay);
      await table.add(
        p.child_id,
        p.kind === 'in-house' ? p.id : null,
        p.kind === 'agency' ? p.id : null,
        isoOf(day),
        visitedBy,
        seen,
        as?.seenAlone ?? null,
        as?.notAloneReason ?? null,
        place,
        note,
        visitedBy,
        timestampOf(recordedOn, random.int(9, 17), random.int(0, 59)),
      );
    };
    // The first visit within a week of the start; a placement older than the history, somewhere in its first interval.
    let next =
      start >= fromDay
        ? start + (random.chance(ON_TIME) ? random.int(0, 7) : random.int(8, 21))
        : fromDay + random.int(0, 40);
    while (next <= lastDay) {
      if (random.chance(NOT_IN) && next - 3 > start) await visit(next - random.int(1, 3), false);
      await visit(next, true);
      const due = next < firstYearEnds || !p.long_term ? next + 42 : dayOf(addMonths(isoOf(next), 3));
      next = random.chance(ON_TIME) ? due - random.int(0, Math.floor((due - next) * 0.4)) : due + random.int(1, 50);
    }
  }
  await table.flush();
  return table.written;
}
