/**
 * The six-monthly reviews' deadlines, kept by platform/due, one rule for each kind: for each kind
 * (and area), every half-year that has ended, from the first whose reviews are expected (slots.ts
 * firstExpectedSql: the first the service wrote a review of in Hearth, or the last three ended
 * before it has written one, as the reviews list shows them), when its review is not completed, is
 * due one month after it ended (settings.ts), the work of whoever writes it: the area's service
 * manager (the head of fostering while the area has none), the head, or the recruitment
 * coordinator (the head while there is none). The reviews name no household or child, so each item
 * is scoped by the member of staff whose work it is (as the yearly review of the rates is), and
 * shown to them and to the head.
 *
 * An item is shown from the day after its half-year ends until the review is completed, overdue
 * once its due date has passed, however many half-years have ended since: a statutory review left
 * unfinished stays in its writer's work until it is done, as it stays on the list and counts as late.
 * Only a half-year before the first the service wrote a review of leaves, on the day it is no longer
 * among the last three ended (when the list stops showing it too).
 *
 * Nothing is written when a half-year ends, so the rule renews daily (the engine replaces its items
 * with what it works out for the day) and its items are also kept ahead, for a server stopped over a
 * half-year's end: each half-year from the latest ended to KEPT_AHEAD after it has its item, shown
 * from the day after it ends. Saving or completing a review refreshes its item in the same
 * transaction (service.ts), and the later half-years' items (the first review written may change
 * how long they are shown); an account made, changed or closed refreshes them all (its owner may
 * change).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { citation, reviewKinds, type Owner, type ReviewKind } from './kinds.ts';
import { latestEnded, LISTED_FOR_MONTHS } from './periods.ts';
import { SERVICE_REVIEW_RECORD } from './service.ts';
import { firstExpectedSql, firstWrittenSql, slotHalfYear, slotHref, slotsSql, slotTitle } from './slots.ts';

/** How many half-years after the latest ended have their items kept ahead (two years' worth). */
const KEPT_AHEAD = 4;

const firstActive = (role: string, where: SQL = sql`true`) => sql`(select u.id from users u
  where u.role = ${role} and u.active and ${where} order by u.display_name, u.id limit 1)`;

const head = firstActive('head_of_fostering');

/** Whose work a review is, over a place `s`. */
const ownerOf: Record<Owner, SQL> = {
  head,
  'area-service-manager': sql`coalesce(${firstActive('service_manager', sql`u.area_id = s.area_id`)}, ${head})`,
  'recruitment-coordinator': sql`coalesce(${firstActive('recruitment_coordinator')}, ${head})`,
};

interface Row {
  id: string;
  area_id: string | null;
  due_on: IsoDate;
  shown_from: IsoDate;
  shown_until: IsoDate | null;
  owner_id: string | null;
  label: string;
  detail: string;
  href: string;
}

async function reviewsDue(
  db: DbOrTx,
  kind: ReviewKind,
  ids: readonly string[] | null,
  today: IsoDate,
): Promise<KeptDueItem[]> {
  const last = addMonths(latestEnded(today), 6 * KEPT_AHEAD);
  // Shown until completed; a half-year before the first the service wrote a review of, only while listed.
  const rows = await queryRows<Row>(
    db,
    sql`select s.id, s.area_id, s.due_on::text as due_on, (s.period_end + 1)::text as shown_from,
        case when s.period_start >= ${firstWrittenSql} then null
          else (s.period_start + make_interval(months => ${LISTED_FOR_MONTHS}))::date::text end as shown_until,
        ${ownerOf[kind.owner]} as owner_id, ${slotTitle('s')} as label,
        ${slotHalfYear('s')} || ': not yet completed' as detail, ${slotHref('s')} as href
      from ${slotsSql(firstExpectedSql(today), last, [kind])} s
      left join service_reviews r on r.id = s.id
      where r.completed_at is null and ${recordsIn(sql`s.id`, ids)}`,
  );
  return rows
    .filter((r) => r.owner_id !== null)
    .map((r) => ({
      recordId: r.id,
      dueOn: r.due_on,
      shownFrom: r.shown_from,
      shownUntil: r.shown_until,
      teamId: null,
      areaId: r.area_id,
      ownerUserId: r.owner_id,
      householdId: null,
      childId: null,
      staffUserId: r.owner_id,
      label: r.label,
      detail: r.detail,
      href: r.href,
    }));
}

/** The last half-year whose items an account's or a review's change may move: three years ahead (more than are kept). */
const farAhead = sql`make_date(extract(year from current_date)::int + 3, 4, 1)`;

/**
 * An account changed is (now) one that may own a review: every place of the kind from two years
 * back (or the first half-year a review was saved of, when earlier) to three ahead (more than are
 * kept) is worked out again.
 */
const byAccount = (kind: ReviewKind) => (ids: SQL) =>
  sql`select s.id from ${slotsSql(
    sql`least(make_date(extract(year from current_date)::int - 2, 4, 1), (select min(period_start) from service_reviews))`,
    farAhead,
    [kind],
  )} s where exists (select 1 from users c where c.id in ${ids}
    and c.role in ('head_of_fostering', 'service_manager', 'recruitment_coordinator'))`;

/**
 * A review saved or completed: the places of the kind from its half-year on are worked out again,
 * as the first review the service wrote decides whether a later one not completed leaves My work
 * with the list's last three half-years or stays until it is completed.
 */
const byReview = (kind: ReviewKind) => (ids: SQL) =>
  sql`select s.id from ${slotsSql(
    sql`(select min(w.period_start) from service_reviews w where w.id in ${ids})`,
    farAhead,
    [kind],
  )} s`;

const owners: Record<Owner, string> = {
  head: 'the head of fostering',
  'area-service-manager': 'the area’s service manager (the head of fostering while the area has none)',
  'recruitment-coordinator': 'the recruitment coordinator (the head of fostering while there is none)',
};

/** Who is shown the items: whoever writes the review, and the head of fostering. */
const audienceOf: Record<Owner, readonly Role[]> = {
  head: ['head_of_fostering'],
  'area-service-manager': ['head_of_fostering', 'service_manager'],
  'recruitment-coordinator': ['head_of_fostering', 'recruitment_coordinator'],
};

export const serviceReviewsDueRules: DueRule[] = reviewKinds.map((kind) => ({
  id: `service-reviews.${kind.key}`,
  title: `Six-monthly review: ${kind.title}`,
  cites: citation(kind),
  countsFrom: `the end of the half-year (30 September or 31 March), until ${owners[kind.owner]} completes the review`,
  period: 'by the end of the following month (31 October or 30 April)',
  audience: audienceOf[kind.owner],
  recordType: SERVICE_REVIEW_RECORD,
  affectedBy: { [ACCOUNT_RECORD]: byAccount(kind), [SERVICE_REVIEW_RECORD]: byReview(kind) },
  // 1: an unfinished review is kept until completed, not only until the next half-year's is due.
  version: 1,
  renewDaily: true,
  compute: (db, ids, today) => reviewsDue(db, kind, ids, today),
}));
