/**
 * The next statutory visit to each child placed now (with the service's carers or an agency), kept
 * by platform/due: regulation 28(2) as rule.ts counts it, from the start of the placement and the
 * last visit during it in which the child was seen. One item per placement not ended yet (a planned
 * one is shown from its first day, an ending one until its last), scoped by the child, so whoever
 * reads the child sees it; the child's social worker's work, in the team of the household the child
 * lives with (none for an agency).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { VISITS_CITE } from './labels.ts';
import { visitsPath } from './paths.ts';
import {
  dueDetail,
  lastSeenVisit,
  nextVisitDue,
  notEndedBy,
  placementArea,
  timedPlacements,
  visitStage,
  type VisitStage,
} from './rule.ts';
import { VISIT_RECORD } from './service.ts';

/**
 * Who is shown the visits due: the children's social workers whose work they are, and those who
 * manage and oversee it (team and service managers, the head, the assistant director). Not
 * supervising social workers: the carers' supervision is theirs, the child's visits are not.
 */
export const visitDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'childrens_social_worker',
];

interface VisitDueRow {
  child_id: string;
  reference: string;
  first_name: string;
  last_name: string;
  owner_id: string | null;
  left_care_on: string | null;
  team_id: string | null;
  area_id: string;
  start_date: string;
  end_date: string | null;
  last_on: string | null;
  due_on: string;
  stage: VisitStage;
}

async function nextVisits(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const rows = await queryRows<VisitDueRow>(
    db,
    sql`select c.id as child_id, c.reference, c.first_name, c.last_name, c.allocated_social_worker_id as owner_id,
        c.left_care_on::text as left_care_on, pl.team_id, ${placementArea} as area_id,
        pl.start_date::text as start_date, pl.end_date::text as end_date, seen.last_on::text as last_on,
        ${nextVisitDue}::text as due_on, ${visitStage} as stage
      from ${timedPlacements(notEndedBy(today))}
      join children c on c.id = pl.child_id
      ${lastSeenVisit()}
      where (c.left_care_on is null or c.left_care_on > ${today}::date) and ${recordsIn(sql`c.id`, ids)}`,
  );
  return rows.map((row) => {
    const ends = [row.end_date, row.left_care_on].filter((d): d is string => d !== null).sort()[0] ?? null;
    return {
      recordId: row.child_id,
      label: `${row.first_name} ${row.last_name} (${row.reference})`,
      detail: dueDetail(row.stage, row.start_date, row.last_on),
      href: visitsPath(row.child_id),
      dueOn: row.due_on,
      // A planned placement's first visit is shown from its first day; an ending one's until its last.
      shownFrom: row.start_date > today ? row.start_date : null,
      shownUntil: ends,
      teamId: row.team_id,
      areaId: row.area_id,
      ownerUserId: row.owner_id,
      householdId: null,
      childId: row.child_id,
    };
  });
}

/** The children whose visits a change to these records moves. */
const byChildOf = (table: string) => (ids: SQL) => sql`select child_id from ${sql.raw(table)} where id in ${ids}`;

export const childVisitsDueRules: DueRule[] = [
  {
    id: 'child-visits.statutory-visit',
    title: 'Visit by the child’s social worker',
    cites: VISITS_CITE,
    countsFrom:
      'the start of the placement (with our carers or an agency), then the last visit during it in which the child was ' +
      'seen; not for Staying Put, where the young person is an adult, or short breaks, visited at intervals agreed ' +
      'with the IRO and the parents (regulation 48)',
    period:
      'within 1 week of the start; then within 6 weeks of the last visit while that visit was in the first year of ' +
      'the placement; after that, within 3 months for a long-term placement (intended to last until the child is 18) ' +
      'and within 6 weeks for any other; with a connected person under temporary approval, every week until the ' +
      'child’s first review and then within 4 weeks',
    audience: visitDeadlineAudience,
    recordType: 'child',
    // 2: regulation 28(4), under a connected person's temporary approval.
    version: 2,
    affectedBy: {
      [VISIT_RECORD]: byChildOf('child_visits'),
      placement: byChildOf('placements'),
      'agency-placement': byChildOf('agency_placements'),
      // A household moving team moves its placed children's visits with it.
      household: (ids) => sql`select child_id from placements where household_id in ${ids} and end_date is null`,
      // A temporary approval given, extended or ended moves the child's visits (regulation 28(4)).
      'temporary-approval': byChildOf('temporary_approvals'),
    },
    compute: nextVisits,
  },
];
