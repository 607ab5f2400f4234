/**
 * Places on the demo's training sessions taken by other organisations (business plan action 2.1):
 * about one session in four with places to spare has 1 to 3 taken by a supported lodgings provider
 * (free) or sold to an independent fostering agency (£45 to £95 a place). A random stream of its
 * own, so the rest of the demo stays the same. Made-up organisations only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { trainingOtherPlaces } from '../../src/modules/training/tables.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

const SHARE = 1 / 4;

const organisations = [
  { organisation: 'Catch22 Supported Lodgings', kind: 'supported-lodgings', free: true },
  { organisation: 'Oak Tree Fostering', kind: 'agency', free: false },
  { organisation: 'Harbour Family Placements', kind: 'agency', free: false },
  { organisation: 'Weald Foster Care', kind: 'agency', free: false },
] as const;

/** Writes the places other organisations took; returns how many records. */
export async function writeDemoTrainingPlaces(tx: DbOrTx, random: Random): Promise<number> {
  const sessions = await queryRows<{ id: string; spare: number; recorded_by: string | null }>(
    tx,
    sql`select s.id, s.capacity - (select count(*)::int from training_bookings b
          where b.session_id = s.id and b.status = 'booked') as spare, s.created_by as recorded_by
      from training_sessions s where s.status = 'scheduled' order by s.starts_on, s.id`,
  );
  const rows: (typeof trainingOtherPlaces.$inferInsert)[] = [];
  for (const s of sessions) {
    if (s.spare < 2 || !random.chance(SHARE)) continue;
    const o = random.pick(organisations);
    rows.push({
      sessionId: s.id,
      organisation: o.organisation,
      kind: o.kind,
      places: random.int(1, Math.min(3, s.spare - 1)),
      pencePerPlace: o.free ? 0 : random.pick([4500, 6000, 7500, 9500]),
      recordedBy: s.recorded_by,
    });
  }
  await insertRows(tx, trainingOtherPlaces, rows, 500);
  return rows.length;
}
