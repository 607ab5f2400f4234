/**
 * Why the demo's children who left care left: a young person who left on their 18th birthday is
 * Staying Put when a Staying Put arrangement began that day, and moved to independent living
 * otherwise; a younger child mostly went home, or was adopted, or left under a special guardianship
 * or child arrangements order, or to another council, and a few for another reason (with details).
 * No child in the demo dies. A random stream of its own, so no other draw of the demo changes.
 * Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { LeavingReason } from '../../src/modules/children/labels.ts';
import type { Random } from './random.ts';

/** Rows per update statement. */
const ROWS_PER_STATEMENT = 2000;

const otherDetails = [
  'Moved abroad with her mother',
  'Moved abroad with his family',
  'Sentenced to custody',
  'Went to live with a family friend under a private arrangement',
] as const;

interface Leaver {
  id: string;
  adult: boolean;
  staying_put: boolean;
}

/** Gives each child who left care a reason (and details for "Other"); returns how many. */
export async function writeDemoLeavingReasons(tx: DbOrTx, random: Random): Promise<number> {
  const leavers = await queryRows<Leaver>(
    tx,
    sql`select c.id, c.left_care_on >= (c.date_of_birth + interval '18 years')::date as adult,
        (exists (select 1 from placements p where p.child_id = c.id and p.placement_type = 'staying_put'
           and p.start_date = c.left_care_on)
         or exists (select 1 from agency_placements a where a.child_id = c.id and a.placement_type = 'staying_put'
           and a.start_date = c.left_care_on)) as staying_put
      from children c where c.left_care_on is not null order by c.reference`,
  );
  const rows = leavers.map((child) => {
    const reason: LeavingReason = child.adult
      ? child.staying_put
        ? 'staying_put'
        : 'independent'
      : random.weighted([
          ['home', 48],
          ['adopted', 14],
          ['sgo', 16],
          ['cao', 7],
          ['transferred', 8],
          ['other', 7],
        ] as const);
    return { id: child.id, reason, details: reason === 'other' ? random.pick(otherDetails) : null };
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((r) => sql`(${r.id}::uuid, ${r.reason}, ${r.details}::text)`);
    await tx.execute(sql`update children set left_care_reason = v.reason, left_care_details = v.details
      from (values ${sql.join(values, sql`, `)}) as v(id, reason, details) where children.id = v.id`);
  }
  return rows.length;
}
