/**
 * Out-of-hours calls in the demo: over the last 13 months, about one approved household in thirty
 * calls the out-of-hours service each month (about 30 calls a month at county scale, 3 at the
 * fewest), on weekday evenings and at weekends to the area's service, after midnight to the County
 * Out of Hours team. Most are for advice; a few need an emergency placement, most of them found with
 * the service's own carers. A random stream of its own, so the rest of the demo stays the same.
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

const notes: Record<Reason, string> = {
  advice: 'Carer wanted advice about contact arrangements at the weekend; talked it through and agreed a plan.',
  behaviour: 'Young person refusing to come in and shouting in the street; carer supported by phone until settled.',
  'placement-at-risk': 'Carer says they cannot go on after tonight; calmed things down, day team to visit tomorrow.',
  missing: 'Young person not home by the agreed time; carer told to report to the police, as the plan says.',
  allegation: 'Young person said the carer pushed them; safeguarding steps followed, passed to the day team and LADO.',
  health: 'Child fell and hurt their arm; carer taking them to A and E, consent under delegated authority confirmed.',
  'emergency-placement': 'Police asked for an emergency bed for a child from custody; carers rung until one agreed.',
  other: 'Carer locked out of the house with the children; spare key arranged through the family.',
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
  allegation: [
    ['passed-to-day-team', 8],
    ['passed-to-police', 2],
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
  ['allegation', 1],
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
  const households = await queryRows<{ id: string; approved_on: IsoDate }>(
    tx,
    sql`select h.id, coalesce(h.approved_on, h.status_since)::text as approved_on
      from households h where h.status = 'approved' order by h.reference`,
  );
  if (households.length === 0) return 0;
  const perMonth = Math.max(FEWEST, Math.round(households.length * SHARE));
  const rows: (typeof outOfHoursCalls.$inferInsert)[] = [];
  for (let n = 0; n < perMonth * MONTHS; n += 1) {
    const day = today - 1 - random.int(0, Math.round(MONTHS * 30.4) - 1);
    const household = random.pick(households);
    if (dayOf(household.approved_on) > day) continue;
    const reason = random.weighted(reasonWeights);
    const { at, answeredBy } = timeOf(random, day);
    rows.push({
      householdId: household.id,
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
      outcome: random.weighted(outcomesFor[reason]),
      note: notes[reason],
    });
  }
  await insertRows(tx, outOfHoursCalls, rows, 500);
  return rows.length;
}
