/**
 * The deadlines of carer supervision, registered with platform/due by registerSupervisionDueRules().
 * They apply to every approved household, whether or not a child is placed: supervision and the
 * yearly unannounced visit are owed to every approved foster carer (Fostering Services (England)
 * Regulations 2011, regulation 17; NMS 21). One query per rule, scoped by householdVisibleTo.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addMonths, addWorkingDays } from '../../platform/dates/index.ts';
import { registerDueRule, type DueItem, type DueWindow } from '../../platform/due/index.ts';
import { children } from '../children/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';

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

interface Row {
  record_id: string;
  household_id: string;
  label: string;
  due_on: string;
  detail: string | null;
  team_id: string;
  team_name: string;
  area_id: string;
  owner_id: string | null;
  owner_name: string | null;
}

/** Approved households the viewer may see, with `select` columns, joined to their team and SSW. */
function householdItems(viewer: SignedInUser, select: SQL, extraJoin: SQL = sql``, where: SQL = sql`true`) {
  return sql`select ${select},
      ${households.id} as household_id, ${households.teamId} as team_id, ${teams.name} as team_name,
      ${teams.areaId} as area_id, ${households.allocatedSswId} as owner_id, ${users.displayName} as owner_name
    from ${households}
    join ${teams} on ${teams.id} = ${households.teamId}
    left join ${users} on ${users.id} = ${households.allocatedSswId}
    ${extraJoin}
    where ${households.status} = 'approved' and ${householdVisibleTo(viewer)} and ${where}`;
}

const householdLabel = sql`${households.name} || ' (' || ${households.reference} || ')'`;
const approvedFrom = sql`coalesce(${households.approvedOn}, ${households.statusSince})`;

function toItem(ruleId: string, recordType: string, href: (row: Row) => string) {
  return (row: Row): DueItem => ({
    ruleId,
    recordType,
    recordId: row.record_id,
    label: row.label,
    detail: row.detail ?? undefined,
    href: href(row),
    dueOn: row.due_on,
    teamId: row.team_id,
    teamName: row.team_name,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    ownerName: row.owner_name,
  });
}

/** The latest finalised visit matching `which`, per household, as a date or null. */
const lastVisit = (which: SQL) => sql`(select max(s.visit_date) from ${supervisions} s
  where s.household_id = ${households.id} and s.status = 'final' and ${which})`;

async function nextVisit(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const due = sql`coalesce(${lastVisit(sql`true`)}, ${approvedFrom}) + 42`;
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${householdItems(
      viewer,
      sql`${households.id} as record_id, ${householdLabel} as label, to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${lastVisit(sql`true`)} is null then 'No supervision recorded since approval'
          else 'Last supervision ' || to_char(${lastVisit(sql`true`)}, 'YYYY-MM-DD') end as detail`,
    )}) items where due_on <= ${window.until}`,
  );
  return rows.map(toItem('supervision.next-visit', 'household', (r) => `/households/${r.household_id}/supervision`));
}

async function unannouncedVisit(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const last = lastVisit(sql`not s.announced`);
  const due = sql`(coalesce(${last}, ${approvedFrom}) + interval '1 year')::date`;
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${householdItems(
      viewer,
      sql`${households.id} as record_id, ${householdLabel} as label, to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${last} is null then 'No unannounced visit since approval'
          else 'Last unannounced visit ' || to_char(${last}, 'YYYY-MM-DD') end as detail`,
    )}) items where due_on <= ${window.until}`,
  );
  return rows.map(
    toItem('supervision.unannounced-visit', 'household', (r) => `/households/${r.household_id}/supervision`),
  );
}

async function agreementRenewal(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const review = sql`(select a.review_on from ${supervisionAgreements} a where a.household_id = ${households.id}
    order by a.signed_on desc, a.created_at desc limit 1)`;
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${householdItems(
      viewer,
      sql`${households.id} as record_id, ${householdLabel} as label,
        to_char(coalesce(${review}, ${approvedFrom}), 'YYYY-MM-DD') as due_on,
        case when ${review} is null then 'No signed supervision agreement'
          else 'Agreement due for review on ' || to_char(${review}, 'YYYY-MM-DD') end as detail`,
    )}) items where due_on <= ${window.until}`,
  );
  return rows.map(
    toItem('supervision.agreement-renewal', 'household', (r) => `/households/${r.household_id}/supervision`),
  );
}

async function childSeen(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  // The last finalised visit to this household at which the child was seen (alone or not),
  // looked up once per placed child.
  const lastSeen = sql`last_seen.visit_date`;
  // Children seen since then cannot be due by the end of the window: left out before the lookup.
  // (A week's margin: adding 3 months to a month's last days can land up to 3 days short.)
  const seenSince = addDays(addMonths(window.until, -3), 7);
  const due = sql`(coalesce(${lastSeen}, ${placements.startDate}) + interval '3 months')::date`;
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${householdItems(
      viewer,
      sql`${children.id} as record_id,
        ${children.firstName} || ' ' || ${children.lastName} || ' (' || ${children.reference} || '), placed with ' || ${householdLabel} as label,
        to_char(${due}, 'YYYY-MM-DD') as due_on,
        case when ${lastSeen} is null then 'Not seen at a supervision since placed on ' || to_char(${placements.startDate}, 'YYYY-MM-DD')
          else 'Last seen ' || to_char(${lastSeen}, 'YYYY-MM-DD') end as detail`,
      sql`join ${placements} on ${placements.householdId} = ${households.id}
        join ${children} on ${children.id} = ${placements.childId}
        left join lateral (select max(s.visit_date) as visit_date from ${supervisionChildren} sc
          join ${supervisions} s on s.id = sc.supervision_id
          where sc.child_id = ${children.id} and sc.seen in ('seen', 'seen_alone')
            and s.household_id = ${households.id} and s.status = 'final') last_seen on true`,
      sql`${placements.startDate} <= ${window.today}
        and (${placements.endDate} is null or ${placements.endDate} >= ${window.today})
        and not exists (select 1 from ${supervisionChildren} sc join ${supervisions} s on s.id = sc.supervision_id
          where sc.child_id = ${children.id} and sc.seen in ('seen', 'seen_alone')
            and s.household_id = ${households.id} and s.status = 'final' and s.visit_date > ${seenSince})`,
    )}) items where due_on <= ${window.until}`,
  );
  return rows.map(toItem('supervision.child-seen', 'child', (r) => `/households/${r.household_id}/supervision`));
}

async function notesSent(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]> {
  const rows = await queryRows<Row & { visit_date: string }>(
    db,
    sql`${householdItems(
      viewer,
      sql`${supervisions.id} as record_id, ${householdLabel} as label,
        to_char(${supervisions.visitDate}, 'YYYY-MM-DD') as visit_date, null as due_on,
        'Notes of the visit on ' || to_char(${supervisions.visitDate}, 'YYYY-MM-DD') as detail`,
      sql`join ${supervisions} on ${supervisions.householdId} = ${households.id}`,
      sql`${supervisions.notesSentOn} is null and ${supervisions.visitDate} <= ${window.until}`,
    )}`,
  );
  return rows
    .map((row) => ({ ...row, due_on: addWorkingDays(row.visit_date, 5) }))
    .filter((row) => row.due_on <= window.until)
    .map(toItem('supervision.notes-sent', 'supervision', (r) => `/supervision/${r.record_id}`));
}

/** Registers the supervision module's deadlines with platform/due. */
export function registerSupervisionDueRules(): void {
  registerDueRule({
    id: 'supervision.next-visit',
    title: 'Carer supervision',
    cites: CITED,
    countsFrom: 'the latest finalised supervision visit of each approved household (or its approval, when none)',
    period: 'within 6 weeks (42 days)',
    audience: supervisionDeadlineAudience,
    items: nextVisit,
  });
  registerDueRule({
    id: 'supervision.unannounced-visit',
    title: 'Unannounced supervision visit',
    cites: CITED,
    countsFrom: 'the latest finalised unannounced visit of each approved household (or its approval, when none)',
    period: 'within 12 months',
    audience: supervisionDeadlineAudience,
    items: unannouncedVisit,
  });
  registerDueRule({
    id: 'supervision.agreement-renewal',
    title: 'Supervision agreement signed or renewed',
    cites: CITED,
    countsFrom: 'the review date of the household’s latest signed agreement (or its approval, when none is signed)',
    period: 'every 12 months, at the annual review',
    audience: supervisionDeadlineAudience,
    items: agreementRenewal,
  });
  registerDueRule({
    id: 'supervision.child-seen',
    title: 'Placed child seen at supervision',
    cites:
      'Fostering Services: National Minimum Standards (2011), standard 21.8 (the supervising social worker sees each child in placement, alone where appropriate)',
    countsFrom:
      'the latest finalised supervision at which each child placed with an approved household was seen (or the start of the placement, when none)',
    period: 'within 3 months',
    audience: supervisionDeadlineAudience,
    items: childSeen,
  });
  registerDueRule({
    id: 'supervision.notes-sent',
    title: 'Supervision notes sent to the carers',
    cites: CITED,
    countsFrom: 'the date of each supervision visit whose notes have not been sent',
    period: 'within 5 working days',
    audience: supervisionDeadlineAudience,
    items: notesSent,
  });
}
