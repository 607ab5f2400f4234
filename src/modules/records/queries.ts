/** The records module's reads: requests for carers' records and the records past their retention date, scoped by scope.ts. */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { childVisibleTo } from '../children/scope.ts';
import { closedStatuses } from './labels.ts';
import { childKeptUntilSql, householdReadBy, keptUntilSql, requestHouseholdVisibleTo } from './scope.ts';

export interface RequestRow {
  id: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  organisation: string;
  kind: string;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  sentOn: IsoDate | null;
  sentByName: string | null;
  notes: string | null;
  recordedByName: string | null;
}

const requestColumns = sql`r.id, r.household_id as "householdId", h.name as "householdName",
  h.reference as "householdReference", r.organisation, r.kind, r.received_on::text as "receivedOn",
  r.due_on::text as "dueOn", r.sent_on::text as "sentOn", r.notes,
  (select u.display_name from users u where u.id = r.sent_by) as "sentByName",
  (select u.display_name from users u where u.id = r.recorded_by) as "recordedByName"`;

const requestJoins = sql`records_requests r join households h on h.id = r.household_id`;

/** Every request for one household's records, newest first (a handful over a carer's years). */
export async function requestsOf(db: DbOrTx, householdId: string): Promise<RequestRow[]> {
  return queryRows<RequestRow>(
    db,
    sql`select ${requestColumns} from ${requestJoins} where r.household_id = ${householdId}
      order by r.received_on desc, r.recorded_at desc`,
  );
}

/** A request the user may read, or null. */
export async function findVisibleRequest(db: DbOrTx, user: SignedInUser, id: string): Promise<RequestRow | null> {
  const [row] = await queryRows<RequestRow>(
    db,
    sql`select ${requestColumns} from ${requestJoins}
      where r.id = ${id} and ${requestHouseholdVisibleTo(user, sql`r.household_id`)}`,
  );
  return row ?? null;
}

export const LIST_PAGE_SIZE = 25;

/** The open requests the user may read, overdue first (the soonest due first), a page at a time, with the totals. */
export async function openRequests(db: DbOrTx, user: SignedInUser, today: IsoDate, page: number) {
  const where = sql`r.sent_on is null and ${requestHouseholdVisibleTo(user, sql`r.household_id`)}`;
  const rows = await queryRows<RequestRow>(
    db,
    sql`select ${requestColumns} from ${requestJoins} where ${where}
      order by r.due_on, r.received_on, r.id limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number; overdue: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where r.due_on < ${today}::date)::int as overdue
      from ${requestJoins} where ${where}`,
  );
  return { rows, total: total?.n ?? 0, overdue: total?.overdue ?? 0 };
}

/** A closed household's keep-until date (null for a household not closed: its records are kept). */
export async function keptUntilOf(db: DbOrTx, householdId: string) {
  const [row] = await queryRows<{ status: string; closedOn: IsoDate; keptUntil: IsoDate | null }>(
    db,
    sql`select h.status, h.status_since::text as "closedOn", ${keptUntilSql}::text as "keptUntil"
      from households h where h.id = ${householdId}`,
  );
  return row?.keptUntil ? row : null;
}

export interface PastRetentionRow {
  id: string;
  name: string;
  reference: string;
  status: string;
  closedOn: IsoDate;
  keptUntil: IsoDate;
  teamName: string;
}

/** The closed households the user reads whose keep-until date has passed, oldest first, a page at a time, counted. */
export async function householdsPastRetention(db: DbOrTx, user: SignedInUser, today: IsoDate, page: number) {
  const statuses = sql.join(
    closedStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const from = sql`households h join teams t on t.id = h.team_id
    where h.status in (${statuses}) and ${keptUntilSql} < ${today}::date and ${householdReadBy(user, sql`h.id`)}`;
  const rows = await queryRows<PastRetentionRow>(
    db,
    sql`select h.id, h.name, h.reference, h.status, h.status_since::text as "closedOn",
        ${keptUntilSql}::text as "keptUntil", t.name as "teamName"
      from ${from} order by ${keptUntilSql}, h.reference
      limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  return { rows, total: total?.n ?? 0 };
}

/**
 * How many children's case records the user reads are past their keep-until date: the 75th
 * anniversary of the child's birth, or 15 years from the death of a child who died before 18.
 */
export async function childrenPastRetention(db: DbOrTx, user: SignedInUser, today: IsoDate): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from children
      where ${childKeptUntilSql} < ${today}::date and ${childVisibleTo(user)}`,
  );
  return row?.n ?? 0;
}
