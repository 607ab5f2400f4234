/**
 * Carers transferring from independent fostering agencies in the demo (action 6.3): about one
 * household in twelve that applied in the last two years came from an agency. Most were told of
 * the council's fees and allowances the day they applied and met under the transfer protocol
 * before approval; a few were told later, or are still to meet. Made-up agencies only; a random
 * stream of its own, so the rest of the demo stays the same.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, differenceInDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { recruitmentTransfers } from '../../src/modules/recruitment/tables.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

const SHARE = 1 / 12;
const AGENCIES = [
  'Harbourlight Fostering',
  'Oakleaf Family Placements',
  'Bridgeway Foster Care',
  'Meadowgate Fostering',
];
const CHILDREN = [
  'One child placed by the agency, who stays with them on transfer.',
  'Two brothers placed by the agency; both stay on transfer.',
  'No child placed with them now.',
];

export async function writeDemoAgencyTransfers(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const applicants = await queryRows<{ id: string; applied: string; approved: string | null }>(
    tx,
    sql`select h.id, a.applied_on::text as applied, h.approved_on::text as approved
      from recruitment_assessments a join households h on h.id = a.household_id
      where a.applied_on > ${addDays(today, -730)}::date order by h.reference`,
  );
  const rows: (typeof recruitmentTransfers.$inferInsert)[] = [];
  for (const h of applicants) {
    if (!random.chance(SHARE)) continue;
    const late = random.chance(0.15);
    const toldOn = late ? addDays(h.applied, random.int(7, 40)) : h.applied;
    const until = h.approved ?? today;
    const gap = Math.max(0, differenceInDays(until, h.applied));
    const met = h.approved ? random.chance(0.9) : random.chance(0.5);
    rows.push({
      householdId: h.id,
      agencyName: random.pick(AGENCIES),
      agencyApprovedOn: addDays(h.applied, -random.int(400, 3000)),
      toldOfPaymentsOn: toldOn > today ? today : toldOn,
      protocolMeetingOn: met && gap > 0 ? addDays(h.applied, random.int(0, gap)) : null,
      childrenPlaced: random.pick(CHILDREN),
    });
  }
  await insertRows(tx, recruitmentTransfers, rows);
  return rows.length;
}
