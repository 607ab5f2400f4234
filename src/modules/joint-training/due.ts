/**
 * The joint training days' deadlines, kept by platform/due (business plan action 10.2, the
 * service's own rules, shown as local, not law):
 * - the next joint training day is due 12 months after the last one held: one item on each day,
 *   shown from the day after it until the next day recorded is held (or for good, for the latest),
 *   the head of fostering's work, scoped by the head's own record (no household or child);
 * - an attendee with an account gives their evaluation within 2 weeks of the day: one item for each
 *   member of staff recorded as attending who has not given one, theirs, shown from the day until
 *   they give it or 2 months after the day (the evaluation may still be entered later; it is no
 *   longer chased). Panel members are not chased here: their accounts have no staff record to scope
 *   an item by, so they give theirs from the day's page.
 * The calendar moves neither (each item carries the days it is shown), so neither renews daily. The
 * first rule's items are the days' (a day recorded, changed or removed refreshes every day's: the
 * next day held ends the last one's item); the second's are each attendance's, so a group's
 * attendance saved or an evaluation given refreshes only the attendances it added, took off or
 * evaluated, and a day changed refreshes its attendances'.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import {
  EVALUATION_ASKED_FOR_DAYS,
  EVALUATION_RULE,
  EVALUATION_WITHIN_DAYS,
  MONTHS_BETWEEN_DAYS,
  YEARLY_RULE,
} from './labels.ts';
import { dayPath, JOINT_TRAINING } from './paths.ts';
import { ATTENDANCE_RECORD, DAY_RECORD } from './service.ts';

const head = sql`(select u.id from users u where u.role = 'head_of_fostering' and u.active
  order by u.display_name, u.id limit 1)`;

interface DayItemRow {
  id: string;
  held_on: IsoDate;
  next_on: IsoDate | null;
  owner_id: string | null;
  in_words: string;
  title: string;
}

async function nextDayDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<DayItemRow>(
    db,
    sql`select * from (select d.id, d.held_on::text as held_on, d.title, ${dateInWordsSql(sql`d.held_on`)} as in_words,
          (lead(d.held_on) over (order by d.held_on, d.created_at, d.id))::text as next_on, ${head} as owner_id
        from joint_training_days d) d
      where ${recordsIn(sql`d.id`, ids)}`,
  );
  return rows
    .filter((r) => r.owner_id !== null)
    .map((r) => ({
      recordId: r.id,
      dueOn: addMonths(r.held_on, MONTHS_BETWEEN_DAYS),
      shownFrom: addDays(r.held_on, 1),
      shownUntil: r.next_on,
      teamId: null,
      areaId: null,
      ownerUserId: r.owner_id,
      householdId: null,
      childId: null,
      staffUserId: r.owner_id,
      label: 'The next joint training day for fostering staff and panel members',
      detail: `The last was held on ${r.in_words}: ${r.title}`,
      href: JOINT_TRAINING,
    }));
}

interface EvaluationItemRow {
  attendance_id: string;
  day_id: string;
  held_on: IsoDate;
  user_id: string;
  team_id: string | null;
  area_id: string | null;
  name: string;
  in_words: string;
}

async function evaluationsDue(db: DbOrTx, ids: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]> {
  const rows = await queryRows<EvaluationItemRow>(
    db,
    sql`select a.id as attendance_id, d.id as day_id, d.held_on::text as held_on, u.id as user_id, u.team_id,
        coalesce(t.area_id, u.area_id) as area_id, u.display_name as name, ${dateInWordsSql(sql`d.held_on`)} as in_words
      from joint_training_days d join joint_training_attendance a on a.day_id = d.id
        join users u on u.id = a.user_id left join teams t on t.id = u.team_id
      where ${recordsIn(sql`a.id`, ids)} and d.held_on > ${addDays(today, -EVALUATION_ASKED_FOR_DAYS)}::date
        and not exists (select 1 from joint_training_evaluations e where e.attendance_id = a.id)`,
  );
  return rows.map((r) => ({
    recordId: r.attendance_id,
    dueOn: addDays(r.held_on, EVALUATION_WITHIN_DAYS),
    shownFrom: r.held_on,
    shownUntil: addDays(r.held_on, EVALUATION_ASKED_FOR_DAYS),
    teamId: r.team_id,
    areaId: r.area_id,
    ownerUserId: r.user_id,
    householdId: null,
    childId: null,
    staffUserId: r.user_id,
    label: r.name,
    detail: `Evaluation of the joint training day of ${r.in_words} not yet given`,
    href: dayPath(r.day_id),
  }));
}

/** A day recorded or changed moves the last one's item (its next day), so every day's is worked out again: a few a year. */
const everyDay = () => sql`select id from joint_training_days`;

export const jointTrainingDueRules: DueRule[] = [
  {
    id: 'joint-training.next-day',
    title: 'Joint training day for fostering staff and panel members',
    cites: YEARLY_RULE,
    countsFrom: 'the last joint training day held',
    period: `within ${MONTHS_BETWEEN_DAYS} months`,
    audience: ['head_of_fostering'],
    recordType: DAY_RECORD,
    affectedBy: {
      [DAY_RECORD]: everyDay,
      [ACCOUNT_RECORD]: (ids) =>
        sql`select id from joint_training_days where exists (select 1 from users c where c.id in ${ids}
          and c.role = 'head_of_fostering')`,
    },
    compute: (db, ids) => nextDayDue(db, ids),
  },
  {
    id: 'joint-training.evaluation',
    title: 'Evaluation of a joint training day',
    cites: EVALUATION_RULE,
    countsFrom: 'the joint training day, for each member of staff recorded as attending',
    period: `within ${EVALUATION_WITHIN_DAYS} days (asked for until ${EVALUATION_ASKED_FOR_DAYS} days after the day)`,
    // The attendee's own work, and the head's to chase (their manager sees their team's).
    audience: [
      'head_of_fostering',
      'service_manager',
      'team_manager',
      'supervising_social_worker',
      'assessing_social_worker',
    ],
    // Each attendance's own item: a group's attendance saved refreshes only those added or taken off.
    recordType: ATTENDANCE_RECORD,
    affectedBy: {
      // A day changed (its date) moves its attendances' items.
      [DAY_RECORD]: (ids) => sql`select id from joint_training_attendance where day_id in ${ids}`,
    },
    compute: evaluationsDue,
  },
];
