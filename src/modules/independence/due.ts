/**
 * The independence checklist's deadlines, kept by platform/due on the young person's record
 * (recordType 'child', scoped by the child, so the children module's scope says who sees them):
 * the checklist started by the day they are 15½, and completed by the day they are 17½, both the
 * service's own rule (business plan action 11.2), the work of their allocated children's social
 * worker, shown while they are in care (until they leave care or turn 18). A change to the
 * checklist refreshes the child's items (service.ts); a change to the child's record (date of
 * birth, leaving care) refreshes them as every rule on 'child' is; a placement or household
 * change moves the team they count under.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { birthdaySql, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  cameIntoCareAfter15AndAHalf,
  completeDueOn,
  eighteenOn,
  FIRST_REVIEW_RULE,
  LOCAL_RULE,
  NMS_12,
  SKILL_AREA_COUNT,
  startDueOn,
} from './labels.ts';
import { checklistPath } from './paths.ts';

/** Whose work the checklist is (the child's social worker) and who oversees it. */
const audience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'childrens_social_worker',
];

interface YoungPersonRow {
  id: string;
  reference: string;
  first_name: string;
  last_name: string;
  area_id: string;
  owner_id: string | null;
  team_id: string | null;
  date_of_birth: IsoDate;
  looked_after_since: IsoDate;
  left_care_on: IsoDate | null;
  started_on: IsoDate | null;
  areas_done: number;
}

/**
 * The young people in care today (not left care, under 18) of these ids (or all) matching
 * `where`, with their checklist (k, when started) and the team of the household they live with
 * now (none when not placed with the service's carers).
 */
function youngPeople(ids: readonly string[] | null, today: IsoDate, where: SQL): SQL {
  return sql`select c.id, c.reference, c.first_name, c.last_name, c.area_id,
      c.allocated_social_worker_id as owner_id, current_home.team_id,
      c.date_of_birth::text as date_of_birth, c.looked_after_since::text as looked_after_since,
      c.left_care_on::text as left_care_on,
      k.started_on::text as started_on,
      (select count(*)::int from independence_checklist_areas a where a.checklist_id = k.id) as areas_done
    from children c
    left join independence_checklists k on k.child_id = c.id
    left join lateral (
      select h.team_id from placements p join households h on h.id = p.household_id
      where p.child_id = c.id and p.end_date is null
      order by p.start_date desc limit 1
    ) current_home on true
    where (c.left_care_on is null or c.left_care_on > ${today}::date)
      and ${birthdaySql(sql`c.date_of_birth`, 18)} > ${today}::date
      and ${recordsIn(sql`c.id`, ids)}
      and ${where}`;
}

/** An item on the young person, shown until they leave care or turn 18, whichever comes first. */
function item(row: YoungPersonRow, dueOn: IsoDate, detail: string): KeptDueItem {
  const eighteen = eighteenOn(row.date_of_birth);
  const leaves = row.left_care_on && compareIsoDates(row.left_care_on, eighteen) < 0 ? row.left_care_on : eighteen;
  return {
    recordId: row.id,
    label: `${row.first_name} ${row.last_name} (${row.reference})`,
    detail,
    href: checklistPath(row.id),
    dueOn,
    shownUntil: leaves,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: null,
    childId: row.id,
  };
}

async function checklistsToStart(db: DbOrTx, ids: readonly string[] | null, today: IsoDate) {
  const rows = await queryRows<YoungPersonRow>(db, youngPeople(ids, today, sql`k.id is null`));
  return rows.map((row) =>
    item(
      row,
      startDueOn(row.date_of_birth, row.looked_after_since),
      cameIntoCareAfter15AndAHalf(row.date_of_birth, row.looked_after_since)
        ? `Not started: came into care on ${formatDate(row.looked_after_since)}, after 15½; due at their first review`
        : 'Not started: due when they are 15½',
    ),
  );
}

async function checklistsToComplete(db: DbOrTx, ids: readonly string[] | null, today: IsoDate) {
  const rows = await queryRows<YoungPersonRow>(
    db,
    youngPeople(ids, today, sql`k.id is not null and k.completed_on is null`),
  );
  return rows.map((row) =>
    item(
      row,
      completeDueOn(row.date_of_birth),
      `Started ${formatDate(row.started_on)}, ${row.areas_done} of ${SKILL_AREA_COUNT} areas done: to be completed by 17½`,
    ),
  );
}

/** A change to a placement moves its child's team; to a household, its placed children's. */
const affectedBy = {
  placement: (ids: SQL) => sql`select child_id from placements where id in ${ids}`,
  household: (ids: SQL) => sql`select child_id from placements where household_id in ${ids} and end_date is null`,
};

export const independenceDueRules: DueRule[] = [
  {
    id: 'independence.checklist-started',
    // 2: a young person born on 29 February turns 18 on 1 March in a common year (birthdaySql).
    version: 2,
    title: 'Independence checklist started',
    cites: `${NMS_12}; ${LOCAL_RULE}; ${FIRST_REVIEW_RULE}`,
    countsFrom:
      'the young person’s date of birth (or the day they came into care, if after 15½), while they are in care, until their checklist is started',
    period:
      'by the day they are 15½ (local rule); by their first review, 20 working days after coming into care, if that was after 15½',
    audience,
    recordType: 'child',
    affectedBy,
    compute: checklistsToStart,
  },
  {
    id: 'independence.checklist-completed',
    // 2: a young person born on 29 February turns 18 on 1 March in a common year (birthdaySql).
    version: 2,
    title: 'Independence checklist completed',
    cites: `${NMS_12}; ${LOCAL_RULE}`,
    countsFrom: 'the young person’s date of birth, once their checklist is started, while they are in care',
    period: 'by the day they are 17½ (local rule)',
    audience,
    recordType: 'child',
    affectedBy,
    compute: checklistsToComplete,
  },
];
