/**
 * Payments in the demo: the rates published for this financial year and the one before (from
 * 1 April each), day care paid below the recommended Living Wage in the latest set, as the business
 * plan says carers are; and disability enhancements for about a third of the children with a
 * disability placed with the service's carers now, agreed at the funding panel over the last 15
 * months (so some reviews are overdue), a few with the agreement their last review replaced.
 * A random stream of its own, so the rest of the demo stays the same. Made-up figures only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, addMonths, type IsoDate } from '../../src/platform/dates/index.ts';
import { paymentEnhancements, paymentRates } from '../../src/modules/payments/tables.ts';
import type { NeedLevel } from '../../src/modules/payments/labels.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

/** The last 1 April on or before the day: the start of its financial year. */
function financialYearStart(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const april = `${year}-04-01`;
  return today >= april ? april : `${year - 1}-04-01`;
}

/** Two years of rates: last year's, and this year's about 3% higher. */
function rateSets(today: IsoDate, recordedBy: string | null) {
  const thisYear = financialYearStart(today);
  const lastYear = addMonths(thisYear, -12);
  return [
    {
      effectiveFrom: lastYear,
      allowance0To4: 18_500,
      allowance5To10: 21_000,
      allowance11To15: 24_000,
      allowance16To17: 28_000,
      feeLevel1: 0,
      feeLevel2: 15_000,
      feeLevel3: 30_000,
      dayCareHourly: 1_100,
      livingWageHourly: 1_260,
      recordedBy,
    },
    {
      effectiveFrom: thisYear,
      allowance0To4: 19_050,
      allowance5To10: 21_650,
      allowance11To15: 24_700,
      allowance16To17: 28_850,
      feeLevel1: 0,
      feeLevel2: 15_450,
      feeLevel3: 30_900,
      dayCareHourly: 1_150,
      livingWageHourly: 1_260,
      recordedBy,
    },
  ];
}

/** Weekly amounts the funding panel agrees for each level of need, in pence. */
const amounts: Record<NeedLevel, number[]> = {
  moderate: [6_000, 7_500, 9_000],
  high: [11_000, 13_500, 15_000],
  complex: [19_000, 22_500, 25_000],
};

/** Writes the demo's rates and enhancements, dated back from `today`; returns how many enhancements. */
export async function writeDemoPayments(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const [officer] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where role = 'payments_officer' order by username limit 1`,
  );
  const recordedBy = officer?.id ?? null;
  await insertRows(tx, paymentRates, rateSets(today, recordedBy));
  const placed = await queryRows<{ id: string; start: IsoDate }>(
    tx,
    sql`select p.id, p.start_date::text as start from placements p join children c on c.id = p.child_id
      where c.disability and p.start_date <= ${today}::date and (p.end_date is null or p.end_date > ${today}::date)
        and p.placement_type <> 'staying_put'
      order by c.reference, p.id`,
  );
  const chosen = placed.filter(() => random.chance(1 / 3));
  if (chosen.length === 0 && placed.length > 0) chosen.push(placed[0]!);
  const rows: (typeof paymentEnhancements.$inferInsert)[] = [];
  for (const placement of chosen) {
    const level = random.weighted<NeedLevel>([
      ['moderate', 5],
      ['high', 3],
      ['complex', 2],
    ]);
    // Agreed over the last 15 months, not before the child was placed (a few weeks after, at the earliest panel).
    const earliest = addDays(placement.start, 21);
    const drawn = addDays(today, -random.int(0, 456));
    const agreedOn = drawn > earliest ? drawn : earliest > today ? today : earliest;
    const current = {
      placementId: placement.id,
      weeklyAmount: random.pick(amounts[level]),
      levelOfNeed: level,
      agreedOn,
      reviewDueOn: addMonths(agreedOn, 12),
      notes: null,
      recordedBy,
    };
    // The agreement its last review replaced, for a placement that had one a year before.
    const before = addMonths(agreedOn, -12);
    if (before >= earliest && random.chance(0.5)) {
      rows.push({
        ...current,
        weeklyAmount: Math.max(current.weeklyAmount - 1_000, 5_000),
        agreedOn: before,
        reviewDueOn: agreedOn,
        endedOn: agreedOn,
      });
    }
    rows.push(current);
  }
  await insertRows(tx, paymentEnhancements, rows);
  return chosen.length;
}
