/** Out-of-hours calls' reads: a household's calls, one call within the viewer's access, the list of a month. */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import type { ListQuery } from './forms.ts';
import { callHouseholdVisibleTo } from './scope.ts';

export interface CallRow {
  id: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  calledOn: IsoDate;
  calledAt: string;
  caller: string;
  answeredBy: string;
  reason: string;
  outcome: string;
  note: string;
  recordedByName: string | null;
}

const callColumns = sql`o.id, o.household_id as "householdId", households.name as "householdName",
  households.reference as "householdReference", o.called_on::text as "calledOn", o.called_at as "calledAt",
  o.caller, o.answered_by as "answeredBy", o.reason, o.outcome, o.note,
  (select u.display_name from users u where u.id = o.recorded_by) as "recordedByName"`;

/** The most of a household's calls its page lists. */
export const HOUSEHOLD_CALLS_SHOWN = 50;

/** A household's calls, the latest first (50 at most), and how many there are. No access check: the caller scoped the household. */
export async function callsOfHousehold(db: DbOrTx, householdId: string): Promise<{ calls: CallRow[]; total: number }> {
  const calls = await queryRows<CallRow>(
    db,
    sql`select ${callColumns} from out_of_hours_calls o join households on households.id = o.household_id
      where o.household_id = ${householdId}
      order by o.called_on desc, o.called_at desc, o.id limit ${HOUSEHOLD_CALLS_SHOWN}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from out_of_hours_calls where household_id = ${householdId}`,
  );
  return { calls, total: Number(count?.n ?? 0) };
}

/** A call, if the user may read its household; null otherwise (out of scope looks missing). */
export async function findCall(db: DbOrTx, user: SignedInUser, id: string): Promise<CallRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<CallRow>(
    db,
    sql`select ${callColumns} from out_of_hours_calls o join households on households.id = o.household_id
      where o.id = ${id} and ${callHouseholdVisibleTo(user)}`,
  );
  return row ?? null;
}

export const LIST_PAGE_SIZE = 50;

/**
 * The calls of the households the user may read, in a month and an area when asked, the latest
 * first, paged and counted in SQL, with the count by what was done (for a month's sample).
 */
export async function listCalls(db: DbOrTx, user: SignedInUser, query: ListQuery) {
  const filters: SQL[] = [callHouseholdVisibleTo(user)];
  if (query.month) {
    filters.push(sql`o.called_on between ${`${query.month}-01`}::date
      and (${`${query.month}-01`}::date + interval '1 month' - interval '1 day')::date`);
  }
  if (query.area) filters.push(sql`t.area_id = ${query.area}`);
  const from = sql`out_of_hours_calls o join households on households.id = o.household_id
    join teams t on t.id = households.team_id
    where ${sql.join(filters, sql` and `)}`;
  const rows = await queryRows<CallRow & { areaName: string }>(
    db,
    sql`select ${callColumns}, (select a.name from areas a where a.id = t.area_id) as "areaName"
      from ${from}
      order by o.called_on desc, o.called_at desc, o.id
      limit ${LIST_PAGE_SIZE} offset ${(query.page - 1) * LIST_PAGE_SIZE}`,
  );
  const byOutcome = await queryRows<{ outcome: string; n: number }>(
    db,
    sql`select o.outcome, count(*)::int as n from ${from} group by o.outcome`,
  );
  const total = byOutcome.reduce((sum, r) => sum + Number(r.n), 0);
  return { rows, total, byOutcome };
}
