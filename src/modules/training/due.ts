/**
 * The deadlines of carers' training and development, kept per carer of an approved household:
 * the TSD standards evidenced, the training their placements require, and the PDP (made soon after
 * approval, then reviewed). One query per rule; items are shown to those who may see the household.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { birthdaySql } from '../../platform/dates/index.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import type { AffectedRecords, DueRule } from '../../platform/due/rule.ts';
import { approvedFrom, coreCompletedOn, firstAttendedOn, lastAttendedOn, tsdDeadline, tsdEvidencedOn } from './sql.ts';
import { carerTrainingPath } from './paths.ts';
import { childInCarePlacement } from '../placements/scope.ts';

/** Who is shown carers' training deadlines: the supervising team, those above it, and the training coordinator. */
export const trainingDeadlineAudience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'training_coordinator',
];

/** Local target: a requirement that comes with a placement is met within 3 months of it starting. */
export const REQUIRED_TRAINING_MONTHS = 3;
/** Local target: core training is shown as due until the second anniversary of approval (then it is taken up at review). */
export const CORE_SHOWN_YEARS = 2;
/** Local target (domain rules): a PDP within 6 weeks of approval. */
export const PDP_WEEKS_AFTER_APPROVAL = 6;
/** Local rule: first aid is renewed every 3 years (a first aid certificate lasts 3 years). */
export const FIRST_AID_RENEWAL_YEARS = 3;

const NMS_20 =
  'Fostering Services: National Minimum Standards (2011), standard 20 (learning and development of foster carers)';
const EVER = sql`'9999-12-31'`;
/** A date as people read it: "26 October 2026". */

interface Row {
  carer_id: string;
  household_id: string;
  label: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  due_on: string;
  detail: string | null;
  shown_from?: string | null;
  shown_until?: string | null;
}

/**
 * The carers (cr) living in approved households (h, t), of these ids or all, with the item's
 * columns: a carer who has left the household owes no more training.
 */
function carerItems(ids: readonly string[] | null, select: SQL, join: SQL = sql``, where: SQL = sql`true`): SQL {
  return sql`select cr.id as carer_id, h.id as household_id,
      cr.first_name || ' ' || cr.last_name || ', ' || h.name || ' (' || h.reference || ')' as label,
      h.team_id, t.area_id, h.allocated_ssw_id as owner_id, ${select}
    from carers cr join households h on h.id = cr.household_id join teams t on t.id = h.team_id
    ${join}
    where h.status = 'approved' and cr.left_on is null and ${recordsIn(sql`cr.id`, ids)} and ${where}`;
}

function toItem(row: Row): KeptDueItem {
  return {
    recordId: row.carer_id,
    label: row.label,
    detail: row.detail,
    href: carerTrainingPath(row.carer_id),
    dueOn: row.due_on,
    shownFrom: row.shown_from ?? null,
    shownUntil: row.shown_until ?? null,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: row.household_id,
    childId: null,
  };
}

async function tsdDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    carerItems(
      ids,
      sql`to_char(${tsdDeadline()}, 'YYYY-MM-DD') as due_on,
        case when h.household_type = 'family_and_friends' then '18 months after approval (family and friends carer)'
          else '12 months after approval' end as detail`,
      sql``,
      sql`${tsdEvidencedOn(sql`cr.id`, EVER)} is null`,
    ),
  );
  return rows.map(toItem);
}

/**
 * One item per carer and requirement not yet met: core training (courses mandatory for new
 * carers) within 12 months of approval; the courses mandatory for carers of a child aged 11 or
 * over, or of a disabled child, within 3 months of such a child being placed (or turning 11 while
 * placed), shown from that day until the placement ends; and first aid, renewed every 3 years
 * (due 3 years after the last first aid session attended, or 12 months after approval if none).
 */
async function requiredTraining(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const months = sql.raw(`interval '${REQUIRED_TRAINING_MONTHS} months'`);
  // One placement per carer and kind stands for the need: a current one (the first to need the
  // training), else the one that ended last, so a child placed long ago does not date a need today.
  const placed = (kind: string, countsFrom: SQL, which: SQL, detail: string) => sql`(
    select distinct on (cr.id) cr.id as carer_id, ${kind}::text as kind, ${countsFrom} as counts_from,
      case when p.end_date is null then null else p.end_date + 1 end as shown_until, ${detail}::text as detail
    from carers cr join placements p on p.household_id = cr.household_id join children ch on ch.id = p.child_id
    where ${recordsIn(sql`cr.id`, ids)} and ${which}
      and exists (select 1 from training_courses k where k.active and k.mandatory_for = ${kind}::text)
      and ${firstAttendedOn(sql`cr.id`, EVER, sql`c.mandatory_for = ${kind}`)} is null
    order by cr.id, p.end_date is null desc, case when p.end_date is null then ${countsFrom} end, p.end_date desc)`;
  const eleven = birthdaySql(sql`ch.date_of_birth`, 11);
  // A child in care: a young adult Staying Put with their former carers needs neither.
  const inCare = childInCarePlacement('p');
  const renewal = sql.raw(`interval '${FIRST_AID_RENEWAL_YEARS} years'`);
  const rows = await queryRows<Row>(
    db,
    sql`with needs as (
        ${placed('child_11_plus', sql`greatest(p.start_date, ${eleven})`, sql`(p.end_date is null or p.end_date >= ${eleven}) and ${inCare}`, 'CSE and missing training: a child aged 11 or over is placed')}
        union all
        ${placed('child_disability', sql`p.start_date`, sql`ch.disability and ${inCare}`, 'Disability training: a disabled child is placed')}
      )
      ${carerItems(
        null,
        sql`to_char((needs.counts_from + ${months})::date, 'YYYY-MM-DD') as due_on, needs.detail,
          to_char(needs.counts_from, 'YYYY-MM-DD') as shown_from, to_char(needs.shown_until, 'YYYY-MM-DD') as shown_until`,
        sql`join needs on needs.carer_id = cr.id`,
      )}
      union all
      ${carerItems(
        ids,
        sql`to_char((${approvedFrom()} + interval '12 months')::date, 'YYYY-MM-DD') as due_on,
          'Core training: every course mandatory for new carers' as detail, null as shown_from,
          to_char((${approvedFrom()} + interval '${sql.raw(String(CORE_SHOWN_YEARS))} years')::date, 'YYYY-MM-DD') as shown_until`,
        sql``,
        sql`exists (select 1 from training_courses k where k.active and k.mandatory_for = 'new_carers')
          and ${coreCompletedOn(sql`cr.id`, EVER)} is null`,
      )}
      union all
      ${carerItems(
        ids,
        sql`to_char(coalesce((aid.last_on + ${renewal})::date, (${approvedFrom()} + interval '12 months')::date), 'YYYY-MM-DD') as due_on,
          case when aid.last_on is null then 'First aid: not attended yet (renewed every ${sql.raw(String(FIRST_AID_RENEWAL_YEARS))} years)'
            else 'First aid: renewed every ${sql.raw(String(FIRST_AID_RENEWAL_YEARS))} years, last attended ' || ${dateInWordsSql(sql`aid.last_on`)} end as detail,
          null as shown_from, null as shown_until`,
        sql`cross join lateral (select ${lastAttendedOn(sql`cr.id`, EVER, sql`c.category = 'first_aid'`)} as last_on) aid`,
        sql`exists (select 1 from training_courses k where k.active and k.category = 'first_aid')`,
      )}`,
  );
  return rows.map(toItem);
}

async function pdpReview(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    carerItems(
      ids,
      sql`to_char(coalesce(latest.review_by, (${approvedFrom()} + ${sql.raw(String(PDP_WEEKS_AFTER_APPROVAL * 7))})), 'YYYY-MM-DD') as due_on,
        case when latest.review_by is null then 'No personal development plan'
          else 'Plan agreed on ' || ${dateInWordsSql(sql`latest.agreed_on`)} || ': due for review' end as detail`,
      sql`left join lateral (select d.agreed_on, d.review_by from development_plans d where d.carer_id = cr.id
        order by d.agreed_on desc, d.created_at desc limit 1) latest on true`,
    ),
  );
  return rows.map(toItem);
}

/** A change to a household (approval, type, carers) moves its carers' items. */
const byHousehold: AffectedRecords = (ids) => sql`select id from carers where household_id in ${ids}`;
/** A change to a course (who must attend it, its category) may move every carer's items. */
const everyCarer: AffectedRecords = () =>
  sql`select cr.id from carers cr join households h on h.id = cr.household_id where h.status = 'approved'`;
/** A placement, or a change to a child placed (age, disability), moves the requirements of their carers. */
const byPlacement: AffectedRecords = (ids) =>
  sql`select cr.id from carers cr join placements p on p.household_id = cr.household_id where p.id in ${ids}`;
const byChild: AffectedRecords = (ids) =>
  sql`select cr.id from carers cr join placements p on p.household_id = cr.household_id where p.child_id in ${ids}`;

/** The training module's deadlines with platform/due. */
export const trainingDueRules: DueRule[] = [
  {
    id: 'training.tsd',
    // 2: a carer who has left the household owes nothing more (carerItems).
    // 3: a carer who joined a household already approved counts from the day they joined (approvedFrom).
    version: 3,
    title: 'TSD standards evidenced',
    cites: `${NMS_20}, standard 20.3 (the Training, Support and Development Standards completed within 12 months of approval, 18 months for family and friends foster carers)`,
    countsFrom:
      'the household’s approval (or the day a carer joined it, if later), for each of its carers until the standards are evidenced',
    period: 'within 12 months (18 months for family and friends carers)',
    audience: trainingDeadlineAudience,
    recordType: 'carer',
    affectedBy: { household: byHousehold, 'training-course': everyCarer },
    compute: tsdDue,
  },
  {
    id: 'training.required',
    // 2: a child born on 29 February turns 11 on 1 March in a common year (birthdaySql).
    // 3: a carer who has left the household owes nothing more (carerItems).
    // 4: a carer who joined a household already approved counts from the day they joined (approvedFrom).
    version: 4,
    title: 'Required training',
    cites: `${NMS_20}; the service’s mandatory training (local rules: the training a placement needs within ${REQUIRED_TRAINING_MONTHS} months, core training within 12 months of approval, first aid renewed every ${FIRST_AID_RENEWAL_YEARS} years)`,
    countsFrom:
      'approval (core training); the start of a placement of a child aged 11 or over, or the child’s 11th birthday while placed (CSE and missing training); the start of a placement of a disabled child (disability training); the last first aid session attended, or approval (first aid)',
    period: `within 12 months of approval (core); within ${REQUIRED_TRAINING_MONTHS} months (local target); first aid every ${FIRST_AID_RENEWAL_YEARS} years, the first within 12 months of approval`,
    audience: trainingDeadlineAudience,
    recordType: 'carer',
    affectedBy: { household: byHousehold, placement: byPlacement, child: byChild, 'training-course': everyCarer },
    compute: requiredTraining,
  },
  {
    id: 'training.pdp-review',
    // 2: a carer who has left the household owes nothing more (carerItems).
    // 3: a carer who joined a household already approved counts from the day they joined (approvedFrom).
    version: 3,
    title: 'Personal development plan due for review',
    cites: `${NMS_20}; business plan target 2.1 (a PDP from approval, reviewed every year at the annual review; local rule: within ${PDP_WEEKS_AFTER_APPROVAL} weeks of approval)`,
    countsFrom: 'the review date of the carer’s current PDP, or approval when they have none',
    period: `by the review date (12 months after it was agreed); a first PDP within ${PDP_WEEKS_AFTER_APPROVAL} weeks of approval (local target)`,
    audience: trainingDeadlineAudience.filter((r) => r !== 'training_coordinator'),
    recordType: 'carer',
    affectedBy: { household: byHousehold },
    compute: pdpReview,
  },
];
