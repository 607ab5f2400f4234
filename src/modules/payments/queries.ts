/** The payments module's reads: rates in force and their history; enhancements, scoped by scope.ts. */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { enhancementHouseholdVisibleTo } from './scope.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';

export interface RateSet {
  id: string;
  effectiveFrom: IsoDate;
  allowance0To4: number;
  allowance5To10: number;
  allowance11To15: number;
  allowance16To17: number;
  feeLevel1: number;
  feeLevel2: number;
  feeLevel3: number;
  dayCareHourly: number;
  livingWageHourly: number;
  recordedByName: string | null;
}

const rateColumns = sql`r.id, r.effective_from::text as "effectiveFrom", r.allowance_0_4 as "allowance0To4",
  r.allowance_5_10 as "allowance5To10", r.allowance_11_15 as "allowance11To15", r.allowance_16_17 as "allowance16To17",
  r.fee_level_1 as "feeLevel1", r.fee_level_2 as "feeLevel2", r.fee_level_3 as "feeLevel3",
  r.day_care_hourly as "dayCareHourly", r.living_wage_hourly as "livingWageHourly",
  (select u.display_name from users u where u.id = r.recorded_by) as "recordedByName"`;

/** The rates in force on a day: the latest set from that day or before; null when none was published by then. */
export async function ratesOn(db: DbOrTx, on: IsoDate): Promise<RateSet | null> {
  const [row] = await queryRows<RateSet>(
    db,
    sql`select ${rateColumns} from payment_rates r where r.effective_from <= ${on}::date
      order by r.effective_from desc limit 1`,
  );
  return row ?? null;
}

/** The most rate sets the history shows (one a year: decades of them). */
const HISTORY = 40;

/** Every set of rates but the one in force, newest first: those to come, then the earlier ones. */
export async function otherRateSets(db: DbOrTx, inForceId: string | null): Promise<RateSet[]> {
  return queryRows<RateSet>(
    db,
    sql`select ${rateColumns} from payment_rates r where r.id is distinct from ${inForceId}::uuid
      order by r.effective_from desc limit ${HISTORY}`,
  );
}

export interface EnhancementRow {
  id: string;
  placementId: string;
  weeklyAmount: number;
  levelOfNeed: string;
  agreedOn: IsoDate;
  reviewDueOn: IsoDate;
  endedOn: IsoDate | null;
  notes: string | null;
  childName: string;
  childReference: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  placementEnded: IsoDate | null;
  recordedByName: string | null;
}

const enhancementColumns = sql`e.id, e.placement_id as "placementId", e.weekly_amount as "weeklyAmount",
  e.level_of_need as "levelOfNeed", e.agreed_on::text as "agreedOn", e.review_due_on::text as "reviewDueOn",
  e.ended_on::text as "endedOn", e.notes, coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as "childName",
  c.reference as "childReference", h.id as "householdId", h.name as "householdName", h.reference as "householdReference",
  p.end_date::text as "placementEnded", (select u.display_name from users u where u.id = e.recorded_by) as "recordedByName"`;

const enhancementJoins = sql`payment_enhancements e join placements p on p.id = e.placement_id
  join children c on c.id = p.child_id join households h on h.id = p.household_id`;

/** Current: not replaced, and the placement not ended by the day. */
const currentOn = (on: IsoDate) => sql`e.ended_on is null and (p.end_date is null or p.end_date > ${on}::date)`;

export const LIST_PAGE_SIZE = 25;
export const enhancementSortKeys = ['review', 'child', 'household', 'amount'] as const;
export type EnhancementSort = (typeof enhancementSortKeys)[number];

const orderOf: Record<EnhancementSort, (dir: SQL) => SQL> = {
  review: (dir) => sql`e.review_due_on ${dir}, c.last_name, e.id`,
  child: (dir) => sql`c.last_name ${dir}, c.first_name ${dir}, e.id`,
  household: (dir) => sql`h.name ${dir}, c.last_name, e.id`,
  amount: (dir) => sql`e.weekly_amount ${dir}, c.last_name, e.id`,
};

/** The current enhancements the user may see, a page at a time, sorted, with the total. */
export async function currentEnhancements(
  db: DbOrTx,
  user: SignedInUser,
  options: { today: IsoDate; sort: EnhancementSort; dir: 'asc' | 'desc'; page: number },
) {
  const where = sql`${currentOn(options.today)} and ${enhancementHouseholdVisibleTo(user, sql`p.household_id`)}`;
  const dir = options.dir === 'desc' ? sql`desc` : sql`asc`;
  const rows = await queryRows<EnhancementRow>(
    db,
    sql`select ${enhancementColumns} from ${enhancementJoins} where ${where}
      order by ${orderOf[options.sort](dir)}
      limit ${LIST_PAGE_SIZE} offset ${(options.page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number; overdue: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where e.review_due_on < ${options.today}::date)::int as overdue
      from ${enhancementJoins} where ${where}`,
  );
  return { rows, total: total?.n ?? 0, overdue: total?.overdue ?? 0 };
}

export interface PlacedChild {
  placementId: string;
  childName: string;
  childReference: string;
  householdName: string;
  householdReference: string;
  placedOn: IsoDate;
}

/** Placed now with one of the service's households (not Staying Put), where the user reads the household. */
const placedNow = (
  user: SignedInUser,
  today: IsoDate,
) => sql`${placementRunningOn('p', today)} and ${childInCarePlacement('p')}
  and ${enhancementHouseholdVisibleTo(user, sql`p.household_id`)}`;

const placedColumns = sql`p.id as "placementId", coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as "childName",
  c.reference as "childReference", h.name as "householdName", h.reference as "householdReference",
  p.start_date::text as "placedOn"`;

/** Children with a disability placed with the service's carers now and no current enhancement, by name, a page at a time. */
export async function childrenWithout(db: DbOrTx, user: SignedInUser, today: IsoDate, page: number) {
  const from = sql`placements p join children c on c.id = p.child_id join households h on h.id = p.household_id
    where c.disability and ${placedNow(user, today)}
      and not exists (select 1 from payment_enhancements e where e.placement_id = p.id and e.ended_on is null)`;
  const rows = await queryRows<PlacedChild>(
    db,
    sql`select ${placedColumns} from ${from} order by c.last_name, c.first_name, p.id
      limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  return { rows, total: total?.n ?? 0 };
}

/** The child with this reference, placed now with a household the user reads, with any current enhancement. */
export async function placedChildByReference(
  db: DbOrTx,
  user: SignedInUser,
  reference: string,
  today: IsoDate,
): Promise<(PlacedChild & { currentId: string | null; currentAgreedOn: IsoDate | null }) | null> {
  const [row] = await queryRows<PlacedChild & { currentId: string | null; currentAgreedOn: IsoDate | null }>(
    db,
    sql`select ${placedColumns}, e.id as "currentId", e.agreed_on::text as "currentAgreedOn"
      from placements p join children c on c.id = p.child_id join households h on h.id = p.household_id
      left join payment_enhancements e on e.placement_id = p.id and e.ended_on is null
      where c.reference = ${reference} and ${placedNow(user, today)}
      order by p.start_date desc limit 1`,
  );
  return row ?? null;
}

/** An enhancement the user may see, or null. */
export async function findVisibleEnhancement(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<EnhancementRow | null> {
  const [row] = await queryRows<EnhancementRow>(
    db,
    sql`select ${enhancementColumns} from ${enhancementJoins}
      where e.id = ${id} and ${enhancementHouseholdVisibleTo(user, sql`p.household_id`)}`,
  );
  return row ?? null;
}

/** Every agreement for a placement, newest first (a handful: one a year). */
export async function agreementsOf(db: DbOrTx, placementId: string): Promise<EnhancementRow[]> {
  return queryRows<EnhancementRow>(
    db,
    sql`select ${enhancementColumns} from ${enhancementJoins} where e.placement_id = ${placementId}
      order by e.agreed_on desc, e.recorded_at desc`,
  );
}

/** A set of rates by its id, or null (the rates hold no personal record: whoever reads the rates reads it). */
export async function rateSetById(db: DbOrTx, id: string): Promise<RateSet | null> {
  const [row] = await queryRows<RateSet>(db, sql`select ${rateColumns} from payment_rates r where r.id = ${id}`);
  return row ?? null;
}
