/**
 * Lifelong Links in the demo (business plan action 7.4): about 60 children at county scale (in
 * proportion to the children at other scales, 6 at the smallest) identified over the last two years,
 * the pilot's first year in the demo's first area (East Kent) and then across the areas, more each
 * month as it grew. Each child's work goes as far as the time since allows: the child's agreement
 * (a young child not asked), people found and contacted, a family network meeting some months on,
 * a plan agreed and the work closed; a few children stop wanting it, a few leave care, a few find
 * no one to take part. Most ended work ends with a plan. A random stream of its own, so the rest of
 * the demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import { lifelongLinks } from '../../src/modules/lifelong-links/tables.ts';
import { insertRows } from './bulk.ts';
import { ageOn, dayOf, isoOf, timestampOf, type Day } from './days.ts';
import type { Random } from './random.ts';

/** Children in the pilot at county scale (1,400 children), and the fewest at any scale. */
const COUNTY_CHILDREN = 1400;
const COUNTY_WORK = 60;
const FEWEST = 6;
/** How far back the pilot goes, and how long its first year stayed in the first area. */
const PILOT_DAYS = 730;
const FIRST_AREA_DAYS = 365;

const coordinators = [
  'Dana Whitfield',
  'Marcus Osei',
  'Gemma Lowry',
  'Tomasz Nowak',
  'Aisha Rahman',
  'Owen Prescott',
] as const;

const plans = [
  'Monthly video calls with her grandmother; summer visits to her aunt’s family; cards at birthdays and Christmas.',
  'Letterbox contact with his older brother; a day out twice a year with his uncle; his former teacher keeps in touch.',
  'Weekly calls with his grandad; a family day each school holiday, arranged by his aunt with the carers.',
  'Regular contact with her cousin; her godmother visits every two months and is named as a lifelong support.',
  'A memory book with the family network; visits with his nan and great-aunt every half term.',
] as const;

interface Candidate {
  id: string;
  dob: IsoDate;
  looked_after_since: IsoDate;
  left_care_on: IsoDate | null;
  area_id: string;
  worker: string | null;
}

/** Children chosen for the pilot stay in care a while: none who left within this many days of being identified. */
const SETTLED_DAYS = 180;

/** The `n`th of `count` days identified, spread over the pilot's days, later ones closer together (it grew). */
function pilotDay(random: Random, start: Day, n: number, count: number): Day {
  const share = Math.pow((n + random.next()) / count, 0.6);
  return start + Math.min(PILOT_DAYS - 1, Math.floor(PILOT_DAYS * share));
}

/** Whether the child may be identified on the day: in care, aged 5 to 16, and not leaving care soon after. */
function fits(child: Candidate, day: Day): boolean {
  const dob = dayOf(child.dob);
  const left = child.left_care_on ? dayOf(child.left_care_on) : null;
  return (
    dayOf(child.looked_after_since) <= day &&
    (left === null || left > day + SETTLED_DAYS) &&
    ageOn(dob, day) >= 5 &&
    ageOn(dob, day) < 17
  );
}

/** Writes the demo's Lifelong Links work, dated back from `today`; returns how many. */
export async function writeDemoLifelongLinks(
  tx: DbOrTx,
  random: Random,
  todayIso: IsoDate,
  firstAreaId: string,
): Promise<number> {
  const today = dayOf(todayIso);
  const start = today - PILOT_DAYS;
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select c.id, c.date_of_birth::text as dob, c.looked_after_since::text as looked_after_since,
        c.left_care_on::text as left_care_on, c.area_id, c.allocated_social_worker_id as worker
      from children c order by c.reference`,
  );
  const count = Math.max(FEWEST, Math.round((candidates.length * COUNTY_WORK) / COUNTY_CHILDREN));
  const pool = random.shuffle(candidates);
  const chosen = new Set<string>();
  const rows: (typeof lifelongLinks.$inferInsert)[] = [];
  for (let n = 0; n < count; n += 1) {
    const identified = pilotDay(random, start, n, count);
    // The first year in the first area (but for a child or two), then across the areas.
    const firstAreaOnly = identified < start + FIRST_AREA_DAYS ? random.chance(0.95) : random.chance(0.35);
    const child = pool.find(
      (c) => !chosen.has(c.id) && (!firstAreaOnly || c.area_id === firstAreaId) && fits(c, identified),
    );
    if (!child) continue;
    chosen.add(child.id);
    rows.push(workOf(random, child, identified, today));
  }
  await insertRows(tx, lifelongLinks, rows, 500);
  return rows.length;
}

/** One child's work from the day they were identified, as far as today (or the day they left care) allows. */
function workOf(random: Random, child: Candidate, identified: Day, today: Day): typeof lifelongLinks.$inferInsert {
  const dob = dayOf(child.dob);
  const left = child.left_care_on ? dayOf(child.left_care_on) : null;
  const until = Math.min(today, left ?? today);
  const by = child.worker;
  const row: typeof lifelongLinks.$inferInsert = {
    childId: child.id,
    identifiedOn: isoOf(identified),
    identifiedBy: by,
    coordinator: random.chance(0.85) ? random.pick(coordinators) : null,
  };
  const end = (day: Day, reason: string, note: string | null = null) => {
    Object.assign(row, { endedOn: isoOf(day), endReason: reason, endNote: note, endedBy: by });
    return row;
  };
  const leftCare = () => (left !== null && left <= today ? end(left, 'left-care') : row);

  const agreement = identified + random.int(5, 35);
  if (agreement > until) return leftCare();
  if (ageOn(dob, identified) < 8) row.notAskedReason = 'too-young';
  else if (random.chance(0.06)) row.notAskedReason = 'not-appropriate';
  else row.agreedOn = isoOf(agreement);
  row.agreementRecordedBy = by;

  // People found as the coordinator searches: about in step with the time to the meeting.
  const outcome = random.weighted([
    ['plan', 84],
    ['withdrew', 8],
    ['no-one', 5],
    ['moved', 3],
  ] as const);
  const meeting = agreement + random.int(80, 200);
  const found = random.int(3, 12);
  const share = Math.min(1, (Math.min(until, meeting) - agreement) / (meeting - agreement));
  row.peopleFound = Math.round(found * share);
  row.peopleContacted = Math.round(row.peopleFound * (0.4 + 0.6 * share));
  row.peopleRecordedBy = by;
  row.peopleRecordedAt = new Date(timestampOf(Math.min(until, meeting), 15));

  if (outcome === 'withdrew' || outcome === 'moved') {
    const stop = agreement + random.int(20, 150);
    if (stop > until) return leftCare();
    return outcome === 'withdrew'
      ? end(stop, 'child-withdrew')
      : end(stop, 'left-care', 'Moved to a placement with relatives out of the county.');
  }
  if (outcome === 'no-one') {
    const stop = agreement + random.int(180, 260);
    if (stop > until) return leftCare();
    return end(stop, 'other', 'No one the coordinator found was able to take part; the social worker keeps looking.');
  }
  if (meeting > until) return leftCare();
  Object.assign(row, { meetingOn: isoOf(meeting), meetingRecordedBy: by });
  const plan = meeting + random.lowInt(7, 60);
  if (plan > until) return leftCare();
  Object.assign(row, { planAgreedOn: isoOf(plan), planNote: random.pick(plans), planRecordedBy: by });
  const close = plan + random.int(14, 90);
  return close > until ? leftCare() : end(close, 'plan-agreed');
}
