/**
 * The demo's participation events (Target 1.1): two years of events and the next two months, with
 * carers and the children placed attending, so a few carers reach the 3 days a year expected and
 * about a third of the children placed went to one. The demo carer's household attends now and then.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { participationAttendance, participationEvents } from '../../src/modules/training/tables.ts';
import { addMonthsTo, isoOf, type Day } from './days.ts';
import type { IdMaker, Random } from './random.ts';
import * as text from './training-text.ts';

export interface EventsOptions {
  today: Day;
  carerHouseholdId: string | null;
  coordinatorId: string | null;
  batch: number;
}

type Insert = (table: Parameters<DbOrTx['insert']>[0], rows: object[]) => Promise<void>;

/** Participation events over two years and the next two months; carers and placed children attending. */
export async function seedEvents(
  tx: DbOrTx,
  random: Random,
  ids: IdMaker,
  options: EventsOptions,
  carers: { id: string; household_id: string }[],
  insertAll: Insert,
) {
  const { today } = options;
  const placed = await queryRows<{ id: string }>(
    tx,
    sql`select distinct p.child_id as id from placements p where p.end_date is null order by p.child_id`,
  );
  const perMonth = Math.max(1, Math.round((carers.length * 2.2) / 12 / 35));
  const events: (typeof participationEvents.$inferInsert & { day: Day; days: number })[] = [];
  for (let month = -24; month <= 2; month += 1) {
    for (let n = 0; n < perMonth; n += 1) {
      const day = addMonthsTo(today, month) - random.int(0, 27);
      const kind = random.pick(text.demoEvents);
      const days = random.chance(0.1) ? 2 : 1;
      events.push({
        id: ids.next(),
        ...kind,
        heldOn: isoOf(day),
        endsOn: isoOf(day + days - 1),
        place: random.pick(text.eventPlaces),
        createdBy: options.coordinatorId,
        day,
        days,
      });
    }
  }
  const held = events.filter((e) => e.day <= today);
  const perYear = Math.max(1, perMonth * 12);
  const attendance: (typeof participationAttendance.$inferInsert)[] = [];
  for (const carer of carers) {
    const rate =
      carer.household_id === options.carerHouseholdId
        ? 2
        : random.weighted([
            [5, 30],
            [2, 40],
            [0, 30],
          ] as const);
    for (const e of held) {
      if (e.audience !== 'children' && rate > 0 && random.chance(Math.min(1, rate / perYear))) {
        attendance.push({ id: ids.next(), eventId: e.id!, carerId: carer.id, recordedBy: options.coordinatorId });
      }
    }
  }
  for (const child of placed) {
    if (!random.chance(0.4)) continue;
    for (const e of held) {
      if (e.audience !== 'carers' && random.chance(Math.min(1, 2 / perYear))) {
        attendance.push({ id: ids.next(), eventId: e.id!, childId: child.id, recordedBy: options.coordinatorId });
      }
    }
  }
  await insertAll(
    participationEvents,
    events.map(({ day: _day, days: _days, ...e }) => e),
  );
  await insertAll(participationAttendance, attendance);
  return events.length;
}
