/**
 * The records module's deadline, kept by platform/due: the records asked for by another fostering
 * service provider or an adoption agency are sent within 15 working days of the request (kept on
 * the request as `due_on`), the work of whoever recorded the request while their account is open,
 * seen by the household's managers; scoped by the household. The item goes when the records are sent.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { REG_32_6, requesterKindName, TARGET_6_3 } from './labels.ts';
import { householdRequestsPath } from './paths.ts';

interface RequestDue {
  id: string;
  due_on: string;
  household_id: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  label: string;
  organisation: string;
  kind: string;
  received_on: string;
}

async function requestsOpen(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<RequestDue>(
    db,
    sql`select r.id, r.due_on::text as due_on, r.household_id, h.team_id, t.area_id,
        (select u.id from users u where u.id = r.recorded_by and u.active) as owner_id,
        h.name || ' (' || h.reference || ')' as label, r.organisation, r.kind, r.received_on::text as received_on
      from records_requests r
      join households h on h.id = r.household_id
      join teams t on t.id = h.team_id
      where r.sent_on is null and ${recordsIn(sql`r.id`, ids)}`,
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
    detail: `Records asked for by ${r.organisation} (${requesterKindName(r.kind).toLowerCase()}) on ${formatDate(r.received_on)}`,
    href: householdRequestsPath(r.household_id),
  }));
}

/** The open requests recorded by these accounts (their work passes on, or back, when an account closes or opens). */
const recordedBy = (ids: SQL) => sql`select id from records_requests where sent_on is null and recorded_by in ${ids}`;

export const recordsDueRules: DueRule[] = [
  {
    id: 'records.request-answered',
    title: 'Records sent to the provider that asked',
    cites: `${REG_32_6}; ${TARGET_6_3}`,
    countsFrom: 'the date the request for the carer’s records was received',
    period: 'within 15 working days',
    audience: ['head_of_fostering', 'service_manager', 'team_manager'],
    recordType: 'records-request',
    affectedBy: {
      household: (ids) => sql`select id from records_requests where sent_on is null and household_id in ${ids}`,
      [ACCOUNT_RECORD]: recordedBy,
    },
    compute: (db, ids) => requestsOpen(db, ids),
  },
];
