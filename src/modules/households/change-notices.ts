/**
 * Changes in a household the carers tell the service about from their portal: someone coming to
 * live there or leaving, or another change in their circumstances, as their foster care agreement
 * asks. Each is owed to their supervising social worker, who records what it changes (a member
 * added or leaving, on the household's page) and marks it dealt with, within 5 working days (the
 * service's local rule): a deadline kept with the others.
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import { addWorkingDays, type IsoDate } from '../../platform/dates/index.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, refreshDueItems, type KeptDueItem } from '../../platform/due/index.ts';
import { householdDueItem } from '../../platform/due/household-item.ts';
import { notFound, type Result, type Who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { ChangeNoticeInput } from './forms.ts';
import { CHANGE_NOTICE_WORKING_DAYS, changeNoticeNames, type ChangeNoticeKind } from './labels.ts';
import { householdPath } from './paths.ts';
import { findVisibleHousehold, householdFor } from './scope.ts';
import { householdChangeNotices } from './tables.ts';

/** What the deadline cites. */
export const CHANGE_NOTICE_RULE = `Fostering Services (England) Regulations 2011, Schedule 5 (the foster care agreement: the carers tell the service of any change in their household or circumstances); the service’s local rule: their supervising social worker deals with it within ${CHANGE_NOTICE_WORKING_DAYS} working days`;

/** One change the carers told the service about, in words for either side. */
export function changeNoticeText(notice: {
  kind: string;
  personName: string | null;
  onDate: string | null;
  details: string | null;
}): string {
  const on = notice.onDate ? ` on ${formatDate(notice.onDate)}` : '';
  const who = notice.personName ?? '';
  const what =
    notice.kind === 'moved_in'
      ? `${who} coming to live in the household${on}`
      : notice.kind === 'leaving'
        ? `${who} leaving the household${on}`
        : `${changeNoticeNames[notice.kind as ChangeNoticeKind] ?? 'A change'}${on}`;
  return notice.details ? `${what}: ${notice.details}` : what;
}

/** A change the carers told the service about, as a household's pages read it. */
export interface ChangeNotice {
  id: string;
  kind: string;
  personName: string | null;
  onDate: string | null;
  details: string | null;
  toldOn: IsoDate;
  dealtWithOn: IsoDate | null;
  dealtWithBy: string | null;
}

/**
 * A household's latest notices, newest first, with who dealt with each, as one JSON array: a
 * column of the household page's one query (householdPeople) and of the portal's.
 */
export function changeNoticesJson(householdId: string): SQL {
  const day = (column: string) => sql.raw(`to_char(n.${column} at time zone 'Europe/London', 'YYYY-MM-DD')`);
  return sql`(select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'personName', n.person_name,
      'onDate', n.on_date::text, 'details', n.details, 'toldOn', ${day('told_at')},
      'dealtWithOn', ${day('dealt_with_at')}, 'dealtWithBy', u.display_name) order by n.told_at desc), '[]')
    from (select * from household_change_notices where household_id = ${householdId} order by told_at desc limit 20) n
    left join users u on u.id = n.dealt_with_by)`;
}

/** A household's latest notices (see `changeNoticesJson`). */
export async function changeNoticesOf(db: DbOrTx, householdId: string): Promise<ChangeNotice[]> {
  const [row] = await queryRows<{ notices: ChangeNotice[] }>(
    db,
    sql`select ${changeNoticesJson(householdId)} as notices`,
  );
  return row!.notices;
}

/** The carers tell the service about a change in their own household. */
export async function tellOfChange(db: Db, who: Who, input: ChangeNoticeInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const householdId = who.user.householdId;
    const household = householdId ? await findVisibleHousehold(tx, who.user, householdId) : null;
    if (!household) return notFound;
    const [notice] = await tx
      .insert(householdChangeNotices)
      .values({ ...input, householdId: household.id, toldBy: who.user.id })
      .returning({ id: householdChangeNotices.id });
    await refreshDueItems(tx, 'household', [household.id]);
    await recordAudit(tx, who.actor, {
      action: 'record',
      recordType: 'household',
      recordId: household.id,
      detail: { part: 'change-notice', noticeId: notice!.id, kind: input.kind },
    });
    return { ok: true, id: notice!.id };
  });
}

/**
 * Their supervising social worker (or anyone who may change the household) marks a notice dealt
 * with; or, marked in error, not dealt with again (`reopen`): it is owed again from the day the
 * carers told us, and the trail keeps both steps.
 */
export async function dealWithChange(
  db: Db,
  who: Who,
  householdId: string,
  noticeId: string,
  reopen = false,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, householdId, 'change');
    if (!access.ok) return access;
    const done = await tx
      .update(householdChangeNotices)
      .set(reopen ? { dealtWithAt: null, dealtWithBy: null } : { dealtWithAt: new Date(), dealtWithBy: who.user.id })
      .where(
        and(
          eq(householdChangeNotices.id, noticeId),
          eq(householdChangeNotices.householdId, householdId),
          reopen ? isNotNull(householdChangeNotices.dealtWithAt) : isNull(householdChangeNotices.dealtWithAt),
        ),
      )
      .returning({ id: householdChangeNotices.id });
    if (!done.length) return notFound;
    await refreshDueItems(tx, 'household', [householdId]);
    await recordAudit(tx, who.actor, {
      action: reopen ? 'reopen' : 'deal-with',
      recordType: 'household',
      recordId: householdId,
      detail: { part: 'change-notice', noticeId },
    });
    return { ok: true, id: noticeId };
  });
}

interface NoticeRow {
  household_id: string;
  label: string;
  kind: string;
  person_name: string | null;
  on_date: string | null;
  told_on: IsoDate;
  team_id: string;
  area_id: string;
  owner_id: string | null;
}

/** Each notice not yet dealt with: due within 5 working days of the day the carers told us. */
export async function noticesToDealWith(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<NoticeRow>(
    db,
    sql`select n.household_id, h.name || ' (' || h.reference || ')' as label, n.kind, n.person_name,
        n.on_date::text as on_date,
        to_char(n.told_at at time zone 'Europe/London', 'YYYY-MM-DD') as told_on,
        h.team_id, t.area_id, h.allocated_ssw_id as owner_id
      from household_change_notices n
      join households h on h.id = n.household_id
      join teams t on t.id = h.team_id
      where n.dealt_with_at is null and ${recordsIn(sql`n.household_id`, ids)}`,
  );
  return rows.map((row) =>
    householdDueItem({
      record_id: row.household_id,
      household_id: row.household_id,
      label: row.label,
      due_on: addWorkingDays(row.told_on, CHANGE_NOTICE_WORKING_DAYS),
      detail: `The carers told us on ${formatDate(row.told_on)}: ${changeNoticeText({
        kind: row.kind,
        personName: row.person_name,
        onDate: row.on_date,
        details: null,
      })}`,
      team_id: row.team_id,
      area_id: row.area_id,
      owner_id: row.owner_id,
      href: `${householdPath(row.household_id)}#changes-told`,
    }),
  );
}
