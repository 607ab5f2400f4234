/**
 * The demo carer's household has told the service of a change from the portal once, some weeks
 * ago, and their supervising social worker dealt with it within the week: what the carer sees on
 * their portal home and the household's page shows. (Only the demo carer has a portal account.)
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, addWorkingDays, type IsoDate } from '../../src/platform/dates/index.ts';

export async function writeDemoChangeNotices(tx: DbOrTx, today: IsoDate): Promise<number> {
  const toldOn = addDays(today, -45);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    insert into household_change_notices (household_id, kind, details, told_by, told_at, dealt_with_at, dealt_with_by)
    select u.household_id, 'other',
      'I have started a new job at the hospital, with two night shifts a week. My partner is at home on those nights.',
      u.id, (${toldOn}::date + time '19:40') at time zone 'Europe/London',
      (${addWorkingDays(toldOn, 2)}::date + time '10:15') at time zone 'Europe/London', h.allocated_ssw_id
    from users u join households h on h.id = u.household_id
    where u.username = 'carer' and h.allocated_ssw_id is not null
    returning id`,
  );
  return rows.length;
}
