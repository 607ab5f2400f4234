/**
 * Out-of-hours calls in the demo: over the last 13 months, about one household with a child placed
 * in thirty calls the out-of-hours service each month (3 calls a month at the fewest), on a day a
 * child was placed there, on weekday evenings and at weekends to the area's service, after midnight
 * to the County Out of Hours team; recorded by the household's supervising social worker. Most are
 * for advice; a few are about an emergency placement. The note says what happened and what was done. A random stream of its own, so the rest of the demo stays the same.
 * Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import type { Outcome, Reason } from '../../src/modules/out-of-hours/labels.ts';
import { outOfHoursCalls } from '../../src/modules/out-of-hours/tables.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf, type Day } from './days.ts';
import type { Random } from './random.ts';

const SHARE = 1 / 30;
const FEWEST = 3;
const MONTHS = 13;

/** What the caller said, by what the call was about. */
const situations: Record<Reason, string> = {
  advice: 'Carer wanted advice about contact arrangements at the weekend.',
  behaviour: 'Young person refusing to come in and shouting in the street.',
  'placement-at-risk': 'Carer says they cannot go on after tonight.',
  missing: 'Young person not home by the agreed time and not answering their phone.',
  health: 'Child fell and hurt their arm.',
  'emergency-placement': 'Police asked for an emergency bed for a child from custody.',
  other: 'Carer locked out of the house with the children.',
};

/** What was done, in the note's words. */
const actions: Record<Outcome, string> = {
  'advice-given': 'Talked it through on the phone and agreed what to do tonight.',
  visited: 'The worker on call visited and stayed until things were calm.',
  'placed-in-house': 'Rang our emergency carers until one agreed to take the child tonight.',
  'placed-elsewhere': 'None of our carers could take the child; an agency bed was found.',
  'passed-to-day-team': 'Supported by phone; passed to the day team to follow up tomorrow.',
  'passed-to-police': 'Carer told to report to the police, as the plan says; the police are dealing with it.',
};

const outcomesFor: Record<Reason, readonly (readonly [Outcome, number])[]> = {
  advice: [
    ['advice-given', 9],
    ['passed-to-day-team', 1],
  ],
  behaviour: [
    ['advice-given', 6],
    ['visited', 2],
    ['passed-to-day-team', 2],
  ],
  'placement-at-risk': [
    ['advice-given', 3],
    ['visited', 3],
    ['passed-to-day-team', 4],
  ],
  missing: [
    ['passed-to-police', 6],
    ['advice-given', 3],
    ['visited', 1],
  ],
  health: [
    ['advice-given', 8],
    ['visited', 2],
  ],
  'emergency-placement': [
    ['placed-in-house', 6],
    ['placed-elsewhere', 4],
  ],
  other: [
    ['advice-given', 8],
    ['passed-to-day-team', 2],
  ],
};

const reasonWeights: readonly (readonly [Reason, number])[] = [
  ['advice', 10],
  ['behaviour', 6],
  ['placement-at-risk', 3],
  ['missing', 3],
  ['health', 3],
  ['emergency-placement', 3],
  ['other', 1],
];

/** A time of the call: the area's hours on a weekday evening or at a weekend, or after midnight for the county. */
function timeOf(random: Random, day: Day): { at: string; answeredBy: 'area' | 'county' } {
  const weekend = [0, 6].includes(new Date(`${isoOf(day)}T12:00:00Z`).getUTCDay());
  const county = random.chance(0.2);
  const hour = county ? random.int(0, 7) : weekend ? random.int(8, 23) : random.int(17, 23);
  return {
    at: `${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
    answeredBy: county ? 'county' : 'area',
  };
}

/** Writes the demo's out-of-hours calls, dated back from `today`; returns how many. */
export async function writeDemoOutOfHours(tx: DbOrTx, random: Random, todayIso: IsoDate): Promise<number> {
  const today = dayOf(todayIso);
  const from = today - Math.round(MONTHS * 30.4);
  // Placements with the service's carers running in the months counted: a call is about a household with a child there that day.
  const placements = await queryRows<{
    household_id: string;
    ssw: string | null;
    start_date: IsoDate;
    end_date: IsoDate | null;
  }>(
    tx,
    sql`select p.household_id, h.allocated_ssw_id as ssw, p.start_date::text as start_date, p.end_date::text as end_date
      from placements p join households h on h.id = p.household_id
      where p.placement_type <> 'staying_put' and (p.end_date is null or p.end_date > ${isoOf(from)}::date)
        and p.start_date < ${todayIso}::date
      order by p.id`,
  );
  if (placements.length === 0) return 0;
  const households = new Set(placements.map((p) => p.household_id)).size;
  const perMonth = Math.max(FEWEST, Math.round(households * SHARE));
  const rows: (typeof outOfHoursCalls.$inferInsert)[] = [];
  for (let n = 0; n < perMonth * MONTHS; n += 1) {
    const placement = random.pick(placements);
    const first = Math.max(from, dayOf(placement.start_date));
    const last = Math.min(today - 1, placement.end_date ? dayOf(placement.end_date) - 1 : today - 1);
    if (last < first) continue;
    const day = random.int(first, last);
    const reason = random.weighted(reasonWeights);
    const outcome = random.weighted(outcomesFor[reason]);
    const { at, answeredBy } = timeOf(random, day);
    rows.push({
      householdId: placement.household_id,
      calledOn: isoOf(day),
      calledAt: at,
      caller: random.weighted([
        ['carer', 8],
        ['young-person', 1],
        ['police', reason === 'emergency-placement' ? 6 : 1],
        ['other', 1],
      ] as const),
      answeredBy,
      reason,
      outcome,
      note: `${situations[reason]} ${actions[outcome]}`,
      recordedBy: placement.ssw,
    });
  }
  await insertRows(tx, outOfHoursCalls, rows, 500);
  return rows.length;
}
