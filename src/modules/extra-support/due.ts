/**
 * Extra support's deadline, kept by platform/due: an emergency request for clinical psychology
 * support has its first session within a few working days of the request (labels.ts, local rule;
 * kept on the request as `due_on`). The household's supervising social worker's work, seen by the
 * household's managers; scoped by the household. The item goes when the first session is recorded,
 * or the request ends without one.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { ACTION_7_3, EMERGENCY_RULE, EMERGENCY_WORKING_DAYS, SUPPORT_STANDARD } from './labels.ts';
import { psychologyPath } from './paths.ts';
import { PSYCHOLOGY_RECORD } from './service.ts';

interface RequestDue {
  id: string;
  due_on: string;
  household_id: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  label: string;
  requested_on: string;
}

async function emergenciesWaiting(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<RequestDue>(
    db,
    sql`select r.id, r.due_on::text as due_on, r.household_id, h.team_id, t.area_id,
        (select u.id from users u where u.id = h.allocated_ssw_id and u.active) as owner_id,
        h.name || ' (' || h.reference || ')' as label, r.requested_on::text as requested_on
      from psychology_requests r
      join households h on h.id = r.household_id
      join teams t on t.id = h.team_id
      where r.due_on is not null and r.first_session_on is null and r.ended_on is null and ${recordsIn(sql`r.id`, ids)}`,
  );
  return rows.map((r) => ({
    recordId: r.id,
    dueOn: r.due_on,
    teamId: r.team_id,
    areaId: r.area_id,
    ownerUserId: r.owner_id,
    householdId: r.household_id,
    childId: null,
    label: r.label,
    detail: `Emergency psychology support asked for on ${formatDate(r.requested_on)}: no first session yet`,
    href: psychologyPath(r.id),
  }));
}

export const extraSupportDueRules: DueRule[] = [
  {
    id: 'extra-support.emergency-psychology',
    title: 'Emergency psychology support begins',
    cites: `${SUPPORT_STANDARD}; ${ACTION_7_3}; ${EMERGENCY_RULE}`,
    countsFrom: 'the date emergency psychology support was asked for',
    period: `within ${EMERGENCY_WORKING_DAYS} working days`,
    audience: ['head_of_fostering', 'service_manager', 'team_manager', 'supervising_social_worker'],
    recordType: PSYCHOLOGY_RECORD,
    affectedBy: {
      household: (ids) => sql`select id from psychology_requests where due_on is not null and household_id in ${ids}`,
    },
    compute: (db, ids) => emergenciesWaiting(db, ids),
  },
];
