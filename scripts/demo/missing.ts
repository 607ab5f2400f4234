/**
 * Children missing from care in the demo: about one child in fourteen of those aged 11 and over
 * placed with the service's carers in the last year goes missing once or a few times (about 100
 * children at county scale, 4 at the fewest), each time reported to the police, most back the same
 * day or the next. An independent return interview is offered, mostly within 72 hours; some late, a
 * few of the last month's never; most are held, some declined. A child or two is missing today, and
 * the returns of the last few days wait for their interview. Nothing is left overdue for longer
 * than a month. A random stream of its own, so the rest of the demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import { missingEpisodes } from '../../src/modules/missing/tables.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf, type Day } from './days.ts';
import type { Random } from './random.ts';

/** The share of the children placed in the year who go missing, and the fewest at any scale. */
const SHARE = 1 / 14;
const FEWEST = 4;
const YEAR_DAYS = 365;

const circumstances = [
  'Did not come home from school; friends say she went into town.',
  'Left the house after an argument about screen time; phone switched off.',
  'Went out to meet a friend and did not come back by the agreed time.',
  'Not in his room in the morning; the window was open.',
  'Missed the school bus home; not answering calls.',
] as const;

const returns = [
  'Came back by himself late in the evening; tired but unhurt.',
  'Found by the police at a friend’s house.',
  'Her carer collected her from the town centre after she rang.',
  'Returned the next morning; says he stayed with an older friend.',
  'Found at the bus station by the police; taken home by her carer.',
] as const;

interface Candidate {
  placement_id: string;
  child_id: string;
  household_id: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

/** Writes the demo's missing from care episodes, dated back from `today`; returns how many. */
export async function writeDemoMissing(tx: DbOrTx, random: Random, todayIso: IsoDate): Promise<number> {
  const today = dayOf(todayIso);
  const yearAgo = isoOf(today - YEAR_DAYS);
  // Each child's latest placement in care with the service's carers running in the last year, aged 11 or over today.
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select distinct on (p.child_id) p.id as placement_id, p.child_id, p.household_id,
        p.start_date::text as start_date, p.end_date::text as end_date
      from placements p join children c on c.id = p.child_id
      where p.placement_type not in ('staying_put', 'short_break')
        and (p.end_date is null or p.end_date > ${yearAgo}::date) and p.start_date <= ${todayIso}::date
        and c.date_of_birth <= (${todayIso}::date - interval '11 years')
      order by p.child_id, p.start_date desc`,
  );
  const count = Math.max(FEWEST, Math.round(candidates.length * SHARE));
  const rows: (typeof missingEpisodes.$inferInsert)[] = [];
  let missingNow = 0;
  for (const placement of random.shuffle(candidates).slice(0, count)) {
    const from = Math.max(dayOf(placement.start_date), today - YEAR_DAYS + 1);
    const until = placement.end_date ? Math.min(dayOf(placement.end_date) - 1, today) : today;
    if (until < from) continue;
    const times = random.weighted([
      [1, 6],
      [2, 2],
      [3, 1],
      [4, 1],
    ] as const);
    const days = [...new Set(Array.from({ length: times }, () => random.int(from, until)))].sort((a, b) => a - b);
    let free = from;
    for (const [n, day] of days.entries()) {
      if (day < free) continue;
      const last = n === days.length - 1;
      // The last episode of a child placed now, begun in the last two days, may still be open (two at most).
      const open = last && placement.end_date === null && day >= today - 1 && missingNow < 2 && random.chance(0.6);
      const back = open
        ? null
        : Math.min(
            until,
            day +
              random.weighted([
                [0, 5],
                [1, 3],
                [2, 1],
                [3, 1],
              ] as const),
          );
      if (open) missingNow += 1;
      rows.push(episodeOf(random, placement, day, back, today));
      free = (back ?? today) + 1;
    }
  }
  await insertRows(tx, missingEpisodes, rows, 500);
  return rows.length;
}

/** One episode: missing on `day`, back on `back` (null: missing now), with its return interview as far as today allows. */
function episodeOf(
  random: Random,
  placement: Candidate,
  day: Day,
  back: Day | null,
  today: Day,
): typeof missingEpisodes.$inferInsert {
  const row: typeof missingEpisodes.$inferInsert = {
    childId: placement.child_id,
    placementId: placement.placement_id,
    householdId: placement.household_id,
    missingOn: isoOf(day),
    reportedToPolice: random.chance(0.95),
    circumstances: random.pick(circumstances),
    returnedOn: back === null ? null : isoOf(back),
    returnNote: back === null ? null : random.pick(returns),
  };
  if (back === null) return row;
  // Offered within 72 hours mostly, some late; a few of the last month's never (and the last 3 days' not yet).
  const offerAfter = random.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
    [random.int(4, 7), 1],
  ] as const);
  const neverOffered = back >= today - 30 && random.chance(0.1);
  if (neverOffered || back + offerAfter > today || back >= today - 2) return row;
  const offered = back + offerAfter;
  row.interviewOfferedOn = isoOf(offered);
  const outcome = random.weighted([
    ['held', 7],
    ['declined', 2],
  ] as const);
  if (outcome === 'declined') row.interviewDeclined = true;
  else if (offered + 3 <= today) row.interviewHeldOn = isoOf(offered + random.int(0, 3));
  return row;
}
