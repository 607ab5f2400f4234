/** The safer-care module's reads: a household's versions of its plan, newest first. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { memberMovedInSql } from '../households/tables.ts';

export interface PlanRow {
  id: string;
  householdId: string;
  agreedOn: IsoDate;
  reviewBy: IsoDate;
  reason: string;
  covers: string[];
  summary: string;
  copyGivenOn: IsoDate | null;
  recordedByName: string | null;
  /** For the plan in force: the first day the household changed after it was agreed (see `firstChangeSql`), if it has. */
  firstChangeOn?: IsoDate | null;
}

/**
 * Whether the placement (an alias of `placements`) is of a child new to the household after
 * `agreedOn`: no placement of the same child there started on or before that day (a child on short
 * breaks, or moving to Staying Put, is not a change of the household).
 */
const newChild = (placement: string, agreedOn: SQL) => {
  const p = sql.raw(placement);
  return sql`not exists (select 1 from placements earlier where earlier.household_id = ${p}.household_id
    and earlier.child_id = ${p}.child_id and earlier.start_date <= ${agreedOn})`;
};

/**
 * The first day the household (an SQL expression for its id) changed after `agreedOn`: a child
 * placed there for the first time, someone coming to live there (a member, or a carer joining)
 * or someone leaving; null when it has not. Indexed lookups.
 */
export function firstChangeSql(householdId: SQL, agreedOn: SQL): SQL {
  return sql`least(
    (select min(placed.start_date) from placements placed where placed.household_id = ${householdId}
      and placed.start_date > ${agreedOn} and ${newChild('placed', agreedOn)}),
    (select min(${memberMovedInSql('joined')}) from household_members joined where joined.household_id = ${householdId}
      and ${memberMovedInSql('joined')} > ${agreedOn}),
    (select min(gone.left_on) from household_members gone where gone.household_id = ${householdId}
      and gone.left_on > ${agreedOn}),
    (select min(gone_carer.left_on) from carers gone_carer where gone_carer.household_id = ${householdId}
      and gone_carer.left_on > ${agreedOn}),
    (select min(new_carer.joined_on) from carers new_carer where new_carer.household_id = ${householdId}
      and new_carer.joined_on > ${agreedOn}))`;
}

const planColumns = sql`p.id, p.household_id as "householdId", p.agreed_on::text as "agreedOn",
  p.review_by::text as "reviewBy", p.reason, p.covers, p.summary, p.copy_given_on::text as "copyGivenOn",
  (select u.display_name from users u where u.id = p.recorded_by) as "recordedByName"`;

/** Every version of a household's plan, newest first (one or two a year). */
export async function plansOf(db: DbOrTx, householdId: string): Promise<PlanRow[]> {
  return queryRows<PlanRow>(
    db,
    sql`select ${planColumns} from safer_care_plans p where p.household_id = ${householdId}
      order by p.agreed_on desc, p.recorded_at desc`,
  );
}

/** The plan in force (on a day, by default now): the newest version agreed by then, or null when none is. */
export async function currentPlanOf(db: DbOrTx, householdId: string, on?: IsoDate): Promise<PlanRow | null> {
  const [row] = await queryRows<PlanRow>(
    db,
    sql`select ${planColumns}, ${firstChangeSql(sql`p.household_id`, sql`p.agreed_on`)}::text as "firstChangeOn"
      from safer_care_plans p where p.household_id = ${householdId}
      and ${on ? sql`p.agreed_on <= ${on}` : sql`true`}
      order by p.agreed_on desc, p.recorded_at desc limit 1`,
  );
  return row ?? null;
}

/** One version by id, with its household's id (the caller checks the household). */
export async function planById(db: DbOrTx, id: string): Promise<PlanRow | null> {
  const [row] = await queryRows<PlanRow>(db, sql`select ${planColumns} from safer_care_plans p where p.id = ${id}`);
  return row ?? null;
}

/** Something that changed in the household after its plan was agreed: a child placed, someone moving in or leaving. */
export interface HouseholdChange {
  on: IsoDate;
  kind: 'placed' | 'member' | 'left';
  /** The placement's type, the member's relationship (codes: views.ts words them), or 'carer'. */
  detail: string;
  /** The member's name; a child placed is not named on this page. */
  name: string | null;
}

/**
 * What changed in the household after the day its plan in force was agreed, oldest first: the
 * children placed there for the first time since (by the placement's start), the members who came
 * to live there since and those who left; the first of them is `firstChangeSql`'s day. A handful of rows, each by an
 * indexed lookup of the household.
 */
export async function changesSince(db: DbOrTx, householdId: string, agreedOn: IsoDate): Promise<HouseholdChange[]> {
  return queryRows<HouseholdChange>(
    db,
    sql`select * from (
        select p.start_date::text as "on", 'placed' as kind, p.placement_type as detail, null as name
          from placements p where p.household_id = ${householdId} and p.start_date > ${agreedOn}
            and ${newChild('p', sql`${agreedOn}::date`)}
        union all
        select ${memberMovedInSql('m')}::text, 'member', m.relationship, m.first_name || ' ' || m.last_name
          from household_members m where m.household_id = ${householdId} and ${memberMovedInSql('m')} > ${agreedOn}
        union all
        select gone.left_on::text, 'left', gone.relationship, gone.first_name || ' ' || gone.last_name
          from household_members gone where gone.household_id = ${householdId} and gone.left_on > ${agreedOn}
        union all
        select gc.left_on::text, 'left', 'carer', gc.first_name || ' ' || gc.last_name
          from carers gc where gc.household_id = ${householdId} and gc.left_on > ${agreedOn}
        union all
        select jc.joined_on::text, 'member', 'carer', jc.first_name || ' ' || jc.last_name
          from carers jc where jc.household_id = ${householdId} and jc.joined_on > ${agreedOn}
      ) changes order by "on", kind, name`,
  );
}
