/** Lifelong Links' reads: a child's work, one work found within the viewer's access, the list, and this year's count. */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import { isUuid } from '../../platform/views/params.ts';
import type { ListQuery } from './forms.ts';
import type { Stage } from './labels.ts';
import { workChildVisibleTo } from './scope.ts';

export interface WorkRow {
  id: string;
  childId: string;
  identifiedOn: IsoDate;
  identifiedByName: string | null;
  coordinator: string | null;
  agreedOn: IsoDate | null;
  notAskedReason: string | null;
  agreementRecordedByName: string | null;
  peopleFound: number;
  peopleContacted: number;
  peopleRecordedByName: string | null;
  /** The day the counts were last recorded (London), or null when never. */
  peopleRecordedOn: IsoDate | null;
  meetingOn: IsoDate | null;
  meetingRecordedByName: string | null;
  planAgreedOn: IsoDate | null;
  planNote: string | null;
  planRecordedByName: string | null;
  endedOn: IsoDate | null;
  endReason: string | null;
  endNote: string | null;
  endedByName: string | null;
  stage: Stage;
}

/** The stage of a work (w), from the latest step recorded. */
export const stageSql = sql`case when w.ended_on is not null then 'ended'
  when w.plan_agreed_on is not null then 'plan'
  when w.meeting_on is not null then 'meeting'
  when w.agreed_on is not null or w.not_asked_reason is not null then 'finding'
  else 'identified' end`;

const nameOf = (column: string) => sql.raw(`(select u.display_name from users u where u.id = w.${column})`);

const workColumns = sql`w.id, w.child_id as "childId", w.identified_on::text as "identifiedOn",
  ${nameOf('identified_by')} as "identifiedByName", w.coordinator,
  w.agreed_on::text as "agreedOn", w.not_asked_reason as "notAskedReason",
  ${nameOf('agreement_recorded_by')} as "agreementRecordedByName",
  w.people_found as "peopleFound", w.people_contacted as "peopleContacted",
  ${nameOf('people_recorded_by')} as "peopleRecordedByName",
  (w.people_recorded_at at time zone 'Europe/London')::date::text as "peopleRecordedOn",
  w.meeting_on::text as "meetingOn", ${nameOf('meeting_recorded_by')} as "meetingRecordedByName",
  w.plan_agreed_on::text as "planAgreedOn", w.plan_note as "planNote",
  ${nameOf('plan_recorded_by')} as "planRecordedByName",
  w.ended_on::text as "endedOn", w.end_reason as "endReason", w.end_note as "endNote",
  ${nameOf('ended_by')} as "endedByName", ${stageSql} as stage`;

/** Every work of a child, the open one first, then the latest first (a handful). No access check: the caller scoped the child. */
export function worksOfChild(db: DbOrTx, childId: string): Promise<WorkRow[]> {
  return queryRows<WorkRow>(
    db,
    sql`select ${workColumns} from lifelong_links w where w.child_id = ${childId}
      order by w.ended_on is not null, w.identified_on desc, w.id`,
  );
}

/** The child of a work, as its pages show them. */
export interface WorkChild {
  id: string;
  firstName: string;
  lastName: string;
  reference: string;
  dateOfBirth: IsoDate;
}

/**
 * A work with its child, if the user may read the child (children/scope.ts); null otherwise (out of
 * scope looks the same as missing). The role's permission is the route's.
 */
export async function findWork(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<{ work: WorkRow; child: WorkChild } | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<WorkRow & { child: WorkChild | string }>(
    db,
    sql`select ${workColumns}, json_build_object('id', children.id, 'firstName', children.first_name,
        'lastName', children.last_name, 'reference', children.reference,
        'dateOfBirth', children.date_of_birth::text) as child
      from lifelong_links w join children on children.id = w.child_id
      where w.id = ${id} and ${workChildVisibleTo(user)}`,
  );
  if (!row) return null;
  const { child, ...work } = row;
  return { work, child: typeof child === 'string' ? (JSON.parse(child) as WorkChild) : child };
}

export const LIST_PAGE_SIZE = 25;

export interface ListRow {
  id: string;
  childId: string;
  childName: string;
  reference: string;
  areaName: string;
  stage: Stage;
  identifiedOn: IsoDate;
  agreedOn: IsoDate | null;
  notAskedReason: string | null;
  peopleFound: number;
  peopleContacted: number;
  meetingOn: IsoDate | null;
  planAgreedOn: IsoDate | null;
  endedOn: IsoDate | null;
  endReason: string | null;
}

/**
 * The work of the children the user may read, filtered by the child's area and the stage: open work
 * first, the longest open first, then ended work, the latest ended first; a page at a time, counted.
 */
export async function listWorks(db: DbOrTx, user: SignedInUser, query: ListQuery) {
  const filters: SQL[] = [workChildVisibleTo(user)];
  if (query.area) filters.push(sql`children.area_id = ${query.area}`);
  if (query.stage) filters.push(sql`${stageSql} = ${query.stage}`);
  const from = sql`lifelong_links w join children on children.id = w.child_id
    where ${sql.join(filters, sql` and `)}`;
  const rows = await queryRows<ListRow>(
    db,
    sql`select w.id, w.child_id as "childId", children.first_name || ' ' || children.last_name as "childName",
        children.reference, (select a.name from areas a where a.id = children.area_id) as "areaName",
        ${stageSql} as stage, w.identified_on::text as "identifiedOn", w.agreed_on::text as "agreedOn",
        w.not_asked_reason as "notAskedReason", w.people_found as "peopleFound",
        w.people_contacted as "peopleContacted", w.meeting_on::text as "meetingOn",
        w.plan_agreed_on::text as "planAgreedOn", w.ended_on::text as "endedOn", w.end_reason as "endReason"
      from ${from}
      order by w.ended_on is not null, case when w.ended_on is null then w.identified_on end,
        w.ended_on desc, children.last_name, w.id
      limit ${LIST_PAGE_SIZE} offset ${(query.page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * The children who joined the pilot in the financial year up to the day, across the service (a
 * count, no personal record): a child with work identified in the year counts once.
 */
export async function childrenJoinedInYear(db: DbOrTx, day: IsoDate): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct w.child_id)::int as n from lifelong_links w
      where w.identified_on between ${financialYearOf(day).start}::date and ${day}::date`,
  );
  return Number(row?.n ?? 0);
}
