/**
 * The deadlines of carer supervision, registered with platform/due by registerSupervisionDueRules().
 * They apply to every approved household, whether or not a child is placed: supervision and the
 * yearly unannounced visit are owed to every approved foster carer (Fostering Services (England)
 * Regulations 2011, regulation 17; NMS 21). One query per rule; items are shown to those who may
 * see the household.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { teams } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addWorkingDays, type IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule } from '../../platform/due/rule.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';
import { householdSupervisionPath, supervisionPath } from './paths.ts';
import { childInCarePlacement } from '../placements/scope.ts';

/** Who is shown supervision deadlines: the supervising team and those above it. */
export const supervisionDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
];

const CITED =
  'Fostering Services (England) Regulations 2011, regulation 17 (support, training and information for foster parents); Fostering Services: National Minimum Standards (2011), standard 21 (supervision of foster carers, including at least one unannounced visit a year)';

type Row = Omit<HouseholdDueRow, 'href'>;

/**
 * Approved households (of these ids, or all) with `select` columns, joined to their team; with
 * `anyStatus`, households in any status (what is owed for a child placed there, or for a visit
 * made, is owed whether or not the household is on hold, as the scorecard counts it).
 */
function householdItems(ids: SQL, select: SQL, extraJoin: SQL = sql``, where: SQL = sql`true`, anyStatus = false) {
  const status = anyStatus ? sql`true` : sql`${households.status} = 'approved'`;
  return sql`select ${select},
      ${households.id} as household_id, ${households.teamId} as team_id,
      ${teams.areaId} as area_id, ${households.allocatedSswId} as owner_id
    from ${households}
    join ${teams} on ${teams.id} = ${households.teamId}
    ${extraJoin}
    where ${status} and ${ids} and ${where}`;
}

const householdLabel = sql`${households.name} || ' (' || ${households.reference} || ')'`;
const approvedFrom = sql`coalesce(${households.approvedOn}, ${households.statusSince})`;

/** An item scoped by its household: shown to those who may see the household. */
const toItem = (href: (row: Row) => string) => (row: Row) => householdDueItem({ ...row, href: href(row) });

const supervisionPage = (r: Row) => householdSupervisionPath(r.household_id);

/** The latest finalised visit matching `which`, per household, as a date or null. */
const lastVisit = (which: SQL) => sql`(select max(s.visit_date) from ${supervisions} s
  where s.household_id = ${households.id} and s.status = 'final' and ${which})`;

/** A visit changes its household's items. */
const householdAffectedBy = {
  supervision: (ids: SQL) =>
    sql`select ${supervisions.householdId} from ${supervisions} where ${supervisions.id} in ${ids}`,
};

async function nextVisit(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const due = sql`coalesce(${lastVisit(sql`true`)}, ${approvedFrom}) + 42`;
  const rows = await queryRows<Row>(
    db,
    householdItems(
      recordsIn(households.id, ids),
      sql`${households.id} as record_id, ${householdLabel} as label, to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${lastVisit(sql`true`)} is null then 'No supervision recorded since approval'
          else 'Last supervision ' || to_char(${lastVisit(sql`true`)}, 'YYYY-MM-DD') end as detail`,
    ),
  );
  return rows.map(toItem(supervisionPage));
}

async function unannouncedVisit(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const last = lastVisit(sql`not s.announced`);
  const due = sql`(coalesce(${last}, ${approvedFrom}) + interval '1 year')::date`;
  const rows = await queryRows<Row>(
    db,
    householdItems(
      recordsIn(households.id, ids),
      sql`${households.id} as record_id, ${householdLabel} as label, to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${last} is null then 'No unannounced visit since approval'
          else 'Last unannounced visit ' || to_char(${last}, 'YYYY-MM-DD') end as detail`,
    ),
  );
  return rows.map(toItem(supervisionPage));
}

async function agreementRenewal(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const review = sql`(select a.review_on from ${supervisionAgreements} a where a.household_id = ${households.id}
    order by a.signed_on desc, a.created_at desc limit 1)`;
  const rows = await queryRows<Row>(
    db,
    householdItems(
      recordsIn(households.id, ids),
      sql`${households.id} as record_id, ${householdLabel} as label,
        to_char(coalesce(${review}, ${approvedFrom}), 'YYYY-MM-DD') as due_on,
        case when ${review} is null then 'No signed supervision agreement'
          else 'Agreement due for review on ' || to_char(${review}, 'YYYY-MM-DD') end as detail`,
    ),
  );
  return rows.map(toItem(supervisionPage));
}

/**
 * Each child placed with a household, in any status (one item per placement not ended before today; not
 * Staying Put, where the young person is an adult, no longer a child in placement),
 * due 3 months after the child was last seen at a finalised supervision there (or the start of the
 * placement); shown from the start of the placement to its last day.
 */
async function childSeen(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const lastSeen = sql`last_seen.visit_date`;
  const due = sql`(coalesce(${lastSeen}, ${placements.startDate}) + interval '3 months')::date`;
  const rows = await queryRows<Row>(
    db,
    householdItems(
      sql`true`,
      sql`${children.id} as record_id,
        ${children.firstName} || ' ' || ${children.lastName} || ' (' || ${children.reference} || '), placed with ' || ${householdLabel} as label,
        to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${lastSeen} is null then 'Not seen at a supervision since placed on ' || to_char(${placements.startDate}, 'YYYY-MM-DD')
          else 'Last seen ' || to_char(${lastSeen}, 'YYYY-MM-DD') end as detail,
        to_char(${placements.startDate}, 'YYYY-MM-DD') as shown_from,
        to_char(${placements.endDate} + 1, 'YYYY-MM-DD') as shown_until`,
      sql`join ${placements} on ${placements.householdId} = ${households.id}
        join ${children} on ${children.id} = ${placements.childId}
        left join lateral (select max(s.visit_date) as visit_date from ${supervisionChildren} sc
          join ${supervisions} s on s.id = sc.supervision_id
          where sc.child_id = ${children.id} and sc.seen in ('seen', 'seen_alone')
            and s.household_id = ${households.id} and s.status = 'final') last_seen on true`,
      sql`${recordsIn(children.id, ids)} and (${placements.endDate} is null or ${placements.endDate} >= ${today})
        and ${childInCarePlacement('placements')}`,
      true,
    ),
  );
  // Scoped by the child too: the label names them, so only those who may read the child are shown it.
  return rows.map((row) => ({ ...toItem(supervisionPage)(row), childId: row.record_id }));
}

async function notesSent(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row & { visit_date: string }>(
    db,
    householdItems(
      recordsIn(supervisions.id, ids),
      sql`${supervisions.id} as record_id, ${householdLabel} as label,
        to_char(${supervisions.visitDate}, 'YYYY-MM-DD') as visit_date, null as due_on,
        'Notes of the visit on ' || to_char(${supervisions.visitDate}, 'YYYY-MM-DD') as detail`,
      sql`join ${supervisions} on ${supervisions.householdId} = ${households.id}`,
      sql`${supervisions.notesSentOn} is null`,
      true,
    ),
  );
  return rows
    .map((row) => ({ ...row, due_on: addWorkingDays(row.visit_date, 5) }))
    .map(toItem((r) => supervisionPath(r.record_id)));
}

/** The supervision module's deadlines with platform/due. */
export const supervisionDueRules: DueRule[] = [
  {
    id: 'supervision.next-visit',
    title: 'Carer supervision',
    cites: CITED,
    countsFrom: 'the latest finalised supervision visit of each approved household (or its approval, when none)',
    period: 'within 6 weeks (42 days)',
    audience: supervisionDeadlineAudience,
    recordType: 'household',
    affectedBy: householdAffectedBy,
    compute: nextVisit,
  },
  {
    id: 'supervision.unannounced-visit',
    title: 'Unannounced supervision visit',
    cites: CITED,
    countsFrom: 'the latest finalised unannounced visit of each approved household (or its approval, when none)',
    period: 'within 12 months',
    audience: supervisionDeadlineAudience,
    recordType: 'household',
    affectedBy: householdAffectedBy,
    compute: unannouncedVisit,
  },
  {
    id: 'supervision.agreement-renewal',
    title: 'Supervision agreement signed or renewed',
    cites: CITED,
    countsFrom: 'the review date of the household’s latest signed agreement (or its approval, when none is signed)',
    period: 'every 12 months, at the annual review',
    audience: supervisionDeadlineAudience,
    recordType: 'household',
    affectedBy: householdAffectedBy,
    compute: agreementRenewal,
  },
  {
    id: 'supervision.child-seen',
    title: 'Placed child seen at supervision',
    cites:
      'Fostering Services: National Minimum Standards (2011), standard 21.8 (the supervising social worker sees each child in placement, alone where appropriate)',
    countsFrom:
      'the latest finalised supervision at which each child placed with a household was seen (or the start of the placement, when none), also while the household is on hold; not for Staying Put, where the young person is an adult',
    period: 'within 3 months',
    audience: supervisionDeadlineAudience,
    recordType: 'child',
    // 2: Staying Put arrangements left out. 3: households on hold or inactive too. 4: scoped by the child too.
    version: 4,
    affectedBy: {
      placement: (ids) => sql`select ${placements.childId} from ${placements} where ${placements.id} in ${ids}`,
      household: (ids) =>
        sql`select ${placements.childId} from ${placements} where ${placements.householdId} in ${ids}`,
      supervision: (ids) => sql`select ${placements.childId} from ${placements}
        join ${supervisions} on ${supervisions.householdId} = ${placements.householdId}
        where ${supervisions.id} in ${ids}`,
    },
    compute: childSeen,
  },
  {
    id: 'supervision.notes-sent',
    title: 'Supervision notes sent to the carers',
    cites: CITED,
    countsFrom:
      'the date of each supervision visit whose notes have not been sent, whatever the household’s status since',
    period: 'within 5 working days',
    audience: supervisionDeadlineAudience,
    recordType: 'supervision',
    // 2: households no longer approved too.
    version: 2,
    affectedBy: {
      household: (ids) =>
        sql`select ${supervisions.id} from ${supervisions} where ${supervisions.householdId} in ${ids} and ${supervisions.notesSentOn} is null`,
    },
    compute: notesSent,
  },
];
