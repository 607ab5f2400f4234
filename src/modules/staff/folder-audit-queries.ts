/**
 * The reads behind the audits of staff supervision folders (Target 9.1): what a folder holds on a
 * day, a quarter's audits by area, the folders not yet audited, an audit and a folder's audits.
 * Counted, sorted and paged in SQL.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { staffRoleList } from './scope.ts';
import { DEFAULT_SUPERVISION_WEEKS, PDP_CURRENT_MONTHS, renewalValues, SIGN_WITHIN_DAYS } from './settings.ts';

/** The member's area: their team's, or their own for those with no team (a service manager). */
export const memberArea = sql`coalesce(t.area_id, u.area_id)`;

/** What a member's folder holds on a day, as the audit reads it. */
export interface FolderReading {
  agreementSignedOn: string | null;
  frequencyWeeks: number | null;
  lastSessionOn: string | null;
  unsignedSessions: number;
  pdpReviewedOn: string | null;
  coursesLapsed: number;
  teamId: string | null;
  areaId: string | null;
}

/** The five things a complete folder holds (the plan's list), each met or not on the day. */
export interface FolderContents {
  hasAgreement: boolean;
  supervisedInTime: boolean;
  sessionsSigned: boolean;
  pdpCurrent: boolean;
  trainingCurrent: boolean;
}

/**
 * Mandatory courses not done within their renewal period on a day, for a member `u.id`, as SQL:
 * the measures and the audit's reading count the same way.
 */
export const coursesLapsedOn = (
  on: IsoDate,
) => sql`(select count(*) from (values ${sql.raw(renewalValues)}) as c(item, months)
  where not exists (select 1 from staff_training x where x.staff_user_id = u.id and x.item = c.item
    and x.completed_on <= ${on}::date
    and (x.completed_on + make_interval(months => c.months))::date >= ${on}::date))`;

/** The member's folder as it stands on `on`: one query. */
export async function readFolder(db: DbOrTx, memberId: string, on: IsoDate): Promise<FolderReading | null> {
  const [row] = await queryRows<FolderReading>(
    db,
    sql`select a.signed_on::text as "agreementSignedOn", a.frequency_weeks as "frequencyWeeks",
        s.last_on::text as "lastSessionOn", coalesce(s.unsigned, 0)::int as "unsignedSessions",
        p.reviewed_on::text as "pdpReviewedOn", ${coursesLapsedOn(on)}::int as "coursesLapsed",
        u.team_id as "teamId", ${memberArea} as "areaId"
      from users u
      left join teams t on t.id = u.team_id
      left join lateral (select signed_on, frequency_weeks from staff_supervision_agreements
        where staff_user_id = u.id and signed_on <= ${on}::date order by signed_on desc, created_at desc limit 1) a on true
      left join lateral (select max(held_on) as last_on,
          count(*) filter (where held_on > ${addMonths(on, -12)}::date and held_on < ${addDays(on, -SIGN_WITHIN_DAYS)}::date
            and (staff_signed_at is null
              or (staff_signed_at at time zone 'Europe/London')::date > held_on + ${SIGN_WITHIN_DAYS}::int
              or (staff_signed_at at time zone 'Europe/London')::date > ${on}::date)) as unsigned
        from staff_supervision_sessions where staff_user_id = u.id and held_on <= ${on}::date) s on true
      left join lateral (select max(reviewed_on) as reviewed_on from (
          select reviewed_on from staff_pdps where staff_user_id = u.id and reviewed_on <= ${on}::date
          union all
          select held_on from staff_supervision_sessions where staff_user_id = u.id and pdp_reviewed
            and held_on <= ${on}::date) r) p on true
      where u.id = ${memberId} and u.role in (${staffRoleList})`,
  );
  return row ?? null;
}

/** Whether each of the plan's five things is in the folder on `on`. */
export function contentsOf(reading: FolderReading, on: IsoDate): FolderContents {
  const weeks = reading.frequencyWeeks ?? DEFAULT_SUPERVISION_WEEKS;
  return {
    hasAgreement: reading.agreementSignedOn !== null,
    supervisedInTime: reading.lastSessionOn !== null && reading.lastSessionOn >= addDays(on, -weeks * 7),
    sessionsSigned: reading.unsignedSessions === 0,
    pdpCurrent: reading.pdpReviewedOn !== null && reading.pdpReviewedOn >= addMonths(on, -PDP_CURRENT_MONTHS),
    trainingCurrent: reading.coursesLapsed === 0,
  };
}

/** An area's line in a quarter: its folders audited and how many staff it has whose folders were not. */
export interface AreaQuarter {
  areaId: string | null;
  areaName: string;
  audited: number;
  notYetAudited: number;
}

/** Each area's audits in the quarter and its staff not yet audited; staff with no area as "Countywide", when there are any. */
export async function quarterByArea(db: DbOrTx, start: IsoDate, end: IsoDate): Promise<AreaQuarter[]> {
  return queryRows<AreaQuarter>(
    db,
    sql`with audited as (
        select area_id, count(distinct staff_user_id)::int as n from staff_folder_audits
        where audited_on between ${start}::date and ${end}::date group by area_id),
      waiting as (
        select ${memberArea} as area_id, count(*)::int as n from users u left join teams t on t.id = u.team_id
        where u.role in (${staffRoleList}) and u.active and not exists (select 1 from staff_folder_audits fa
          where fa.staff_user_id = u.id and fa.audited_on between ${start}::date and ${end}::date)
        group by 1)
      select * from (
        select ar.id as "areaId", ar.name as "areaName", coalesce(a.n, 0) as audited, coalesce(w.n, 0) as "notYetAudited"
          from areas ar left join audited a on a.area_id = ar.id left join waiting w on w.area_id = ar.id
        union all
        select null::uuid, 'Countywide', coalesce((select n from audited where area_id is null), 0),
          coalesce((select n from waiting where area_id is null), 0)
          where exists (select 1 from waiting where area_id is null) or exists (select 1 from audited where area_id is null)
      ) q order by "areaId" is null, "areaName"`,
  );
}

/**
 * A member of staff in the area (null: countywide) whose folder has not been audited in the quarter,
 * chosen at random but the same for the quarter until audited (ordered by a hash of their id and the
 * quarter), so choosing again does not offer another.
 */
export async function folderNotYetAudited(db: DbOrTx, areaId: string | null, start: IsoDate, end: IsoDate) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select u.id from users u left join teams t on t.id = u.team_id
      where u.role in (${staffRoleList}) and u.active
        and ${areaId ? sql`${memberArea} = ${areaId}` : sql`${memberArea} is null`}
        and not exists (select 1 from staff_folder_audits fa where fa.staff_user_id = u.id
          and fa.audited_on between ${start}::date and ${end}::date)
      order by md5(u.id::text || ${start}) limit 1`,
  );
  return row?.id ?? null;
}

/** An audit as its list and page show it. */
export interface AuditRow extends FolderContents {
  id: string;
  staffUserId: string;
  memberName: string;
  memberRole: string;
  auditorName: string;
  auditedOn: string;
  areaName: string | null;
  teamName: string | null;
  grade: string;
  notesShowAnalysis: boolean;
  notesSignsOfSafety: boolean;
  actionsFollowedUp: boolean;
  findings: string;
  actionsForManager: string | null;
  actionsDoneOn: string | null;
  actionsDoneByName: string | null;
}

const auditColumns = sql`fa.id, fa.staff_user_id as "staffUserId", u.display_name as "memberName", u.role as "memberRole",
  au.display_name as "auditorName", fa.audited_on::text as "auditedOn", ar.name as "areaName", t.name as "teamName",
  fa.grade, fa.has_agreement as "hasAgreement", fa.supervised_in_time as "supervisedInTime",
  fa.sessions_signed as "sessionsSigned", fa.pdp_current as "pdpCurrent", fa.training_current as "trainingCurrent",
  fa.notes_show_analysis as "notesShowAnalysis", fa.notes_signs_of_safety as "notesSignsOfSafety",
  fa.actions_followed_up as "actionsFollowedUp", fa.findings, fa.actions_for_manager as "actionsForManager",
  fa.actions_done_on::text as "actionsDoneOn", dn.display_name as "actionsDoneByName"`;
const auditFrom = sql`staff_folder_audits fa join users u on u.id = fa.staff_user_id join users au on au.id = fa.auditor_id
  left join areas ar on ar.id = fa.area_id left join teams t on t.id = fa.team_id
  left join users dn on dn.id = fa.actions_done_by`;

export async function findFolderAudit(db: DbOrTx, id: string): Promise<AuditRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<AuditRow>(db, sql`select ${auditColumns} from ${auditFrom} where fa.id = ${id}`);
  return row ?? null;
}

export const AUDITS_PAGE_SIZE = 25;

/** A page of the quarter's audits, newest first, and how many there are. */
/** Which of the quarter's audits to list: one area's (or 'countywide', staff with no area), one grade. */
export interface AuditFilter {
  area?: string;
  grade?: string;
}

export async function quarterAudits(db: DbOrTx, start: IsoDate, end: IsoDate, page: number, filter: AuditFilter = {}) {
  const inQuarter = sql.join(
    [
      sql`fa.audited_on between ${start}::date and ${end}::date`,
      filter.area === 'countywide' ? sql`fa.area_id is null` : filter.area ? sql`fa.area_id = ${filter.area}` : null,
      filter.grade ? sql`fa.grade = ${filter.grade}` : null,
    ].filter((c) => c !== null),
    sql` and `,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from staff_folder_audits fa where ${inQuarter}`,
  );
  const rows = await queryRows<AuditRow>(
    db,
    sql`select ${auditColumns} from ${auditFrom} where ${inQuarter}
      order by fa.audited_on desc, fa.created_at desc, fa.id limit ${AUDITS_PAGE_SIZE} offset ${(page - 1) * AUDITS_PAGE_SIZE}`,
  );
  return { total: count?.n ?? 0, rows };
}

export const FOLDER_AUDITS_SHOWN = 5;

/** The latest audits of a member's folder (for the folder's page) and how many there are. */
export async function auditsOfFolder(db: DbOrTx, memberId: string) {
  const rows = await queryRows<AuditRow & { total: number }>(
    db,
    sql`select ${auditColumns}, count(*) over ()::int as total from ${auditFrom} where fa.staff_user_id = ${memberId}
      order by fa.audited_on desc, fa.created_at desc limit ${FOLDER_AUDITS_SHOWN}`,
  );
  return { total: rows[0]?.total ?? 0, rows };
}
