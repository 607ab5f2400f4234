/**
 * Target 9.1's quarterly clock: the head of fostering audits FOLDER_AUDITS_PER_AREA supervision
 * folders in each area every quarter (April, July, October, January), due by the quarter's end.
 * An area with fewer members of staff than that needs each of them audited. Its items are the
 * head's work, scoped by the head (the staff scope), like the team meetings' quarters. A folder is
 * audited on the day the audit is recorded, so a quarter missed cannot be put right afterwards: its
 * item leaves My work when the quarter ends, and the measure on the scorecard counts the miss.
 * Nothing is written when a quarter starts, so the rule renews daily, and the next quarter's items
 * are kept ahead for a server stopped over the quarter's end.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { memberArea } from './folder-audit-queries.ts';
import { FOLDER_AUDITS } from './paths.ts';
import { staffRoleList } from './scope.ts';
import { STAFF_RECORD } from './service.ts';
import { FOLDER_AUDIT_CITES, FOLDER_AUDITS_PER_AREA } from './settings.ts';

/** The record type of an area's quarter (no row of its own: an id made from the area and the quarter). */
export const AREA_QUARTER_RECORD = 'folder-audit-quarter';

/** An area's quarter (its first day `start`), as a record id. */
const areaQuarterId = (area: SQL, start: SQL) =>
  sql`md5('folder-audits/' || ${area}::text || '/' || (${start})::date::text)::uuid`;

/** The quarter `today` is in and the next, as `q(start)`. */
const quarters = (today: SQL) => sql`generate_series(date_trunc('quarter', ${today}),
  date_trunc('quarter', ${today}) + interval '3 months', interval '3 months') as q(start)`;

const head = sql`(select h.id from users h where h.role = 'head_of_fostering' and h.active order by h.display_name, h.id limit 1)`;

interface Row {
  id: string;
  area_id: string;
  area_name: string;
  due_on: IsoDate;
  shown_from: IsoDate;
  shown_until: IsoDate;
  owner_id: string;
  audited: number;
  needed: number;
  detail_dates: string;
}

async function quartersDue(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const end = sql`(q.start + interval '3 months' - interval '1 day')::date`;
  const rows = await queryRows<Row>(
    db,
    sql`select * from (select ${areaQuarterId(sql`ar.id`, sql`q.start`)} as id, ar.id as area_id, ar.name as area_name,
          ${end}::text as due_on, q.start::date::text as shown_from, (${end} + 1)::text as shown_until,
          ${head} as owner_id, a.audited,
          least(${FOLDER_AUDITS_PER_AREA}, a.audited + w.waiting) as needed,
          to_char(q.start, 'FMDD FMMonth') || ' to ' || ${dateInWordsSql(end)} as detail_dates
        from areas ar cross join ${quarters(sql`${today}::date`)}
        cross join lateral (select count(distinct fa.staff_user_id)::int as audited from staff_folder_audits fa
          where fa.area_id = ar.id and fa.audited_on between q.start::date and ${end}) a
        cross join lateral (select count(*)::int as waiting from users u left join teams t on t.id = u.team_id
          where u.role in (${staffRoleList}) and u.active and ${memberArea} = ar.id
            and not exists (select 1 from staff_folder_audits fa where fa.staff_user_id = u.id
              and fa.audited_on between q.start::date and ${end})) w) s
      where s.owner_id is not null and s.audited < s.needed and ${recordsIn(sql`s.id`, ids)}`,
  );
  return rows.map((r) => ({
    recordId: r.id,
    dueOn: r.due_on,
    shownFrom: r.shown_from,
    shownUntil: r.shown_until,
    teamId: null,
    areaId: r.area_id,
    ownerUserId: r.owner_id,
    householdId: null,
    childId: null,
    staffUserId: r.owner_id,
    label: `Supervision folders in ${r.area_name}`,
    detail: `${r.audited} of ${r.needed} folders audited from ${r.detail_dates}`,
    href: `${FOLDER_AUDITS}?area=${r.area_id}`,
  }));
}

/** The quarters (this one and the next) of the areas these members of staff are in now. */
const quartersOfMembers = (changed: SQL) => sql`select ${areaQuarterId(memberArea, sql`q.start`)}
  from users u left join teams t on t.id = u.team_id cross join ${quarters(sql`current_date`)}
  where u.id in ${changed} and ${memberArea} is not null`;

/** An account changed: its area's quarters, or every area's when it is a head of fostering's. */
const quartersOfAccounts = (changed: SQL) => sql`${quartersOfMembers(changed)}
  union select ${areaQuarterId(sql`ar.id`, sql`q.start`)} from areas ar cross join ${quarters(sql`current_date`)}
  where exists (select 1 from users c where c.id in ${changed} and c.role = 'head_of_fostering')`;

export const folderAuditQuarterRule: DueRule = {
  id: 'staff.folder-audits-quarter',
  title: 'Supervision folders audited in each area',
  cites: FOLDER_AUDIT_CITES,
  countsFrom: 'the first day of each quarter (April, July, October and January)',
  period: `${FOLDER_AUDITS_PER_AREA} folders in each area by the end of the quarter (every folder, in an area with fewer staff)`,
  audience: ['head_of_fostering'],
  recordType: AREA_QUARTER_RECORD,
  affectedBy: { [STAFF_RECORD]: quartersOfMembers, [ACCOUNT_RECORD]: quartersOfAccounts },
  renewDaily: true,
  compute: quartersDue,
};
