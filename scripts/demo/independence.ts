/**
 * Independence checklists in the demo: for every young person looked after at some time since
 * their 15th birthday (those in care now and those who left in the demo's five years), a checklist
 * started near 15½ for about four in five (the rest later, at a review after it; a young person who
 * came into care after 15½ a few weeks after arriving), completed by 17½ for about seven in ten of
 * those who reach it, the others later or not at all; in between, the areas are done a few at a
 * time. A young person not yet 15½ has one only when their review came early. A random stream of
 * its own, so the rest of the demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addMonths, addYears, type IsoDate } from '../../src/platform/dates/index.ts';
import { independenceChecklistAreas, independenceChecklists } from '../../src/modules/independence/tables.ts';
import {
  COMPLETE_AGE_MONTHS,
  SKILL_AREA_COUNT,
  skillAreaKeys,
  START_AGE_MONTHS,
} from '../../src/modules/independence/labels.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf, type Day } from './days.ts';
import { uuidFrom, type Random } from './random.ts';

/** Rows per insert statement: both tables have few columns. */
const ROWS_PER_STATEMENT = 2000;

const confirmers = [
  'The young person and their foster carer, at the review',
  'The young person, with their social worker',
  'Foster carer, at the review',
  'The young person and their personal adviser',
  'Social worker, on a visit',
  'Foster carer and supervising social worker',
] as const;

interface Candidate {
  id: string;
  dob: IsoDate;
  looked_after_since: IsoDate;
  left_care_on: IsoDate | null;
  worker: string | null;
}

/** `count` days from `from` to `to` (both included), in order; fewer when the span is shorter. */
function daysBetween(random: Random, from: Day, to: Day, count: number): Day[] {
  const days: Day[] = [];
  for (let n = 0; n < count; n += 1) days.push(to > from ? random.int(from, to) : from);
  return days.sort((x, y) => x - y);
}

/** Writes the demo's checklists and their areas, dated back from `today`; returns how many checklists. */
export async function writeDemoIndependence(tx: DbOrTx, random: Random, todayIso: IsoDate): Promise<number> {
  const today = dayOf(todayIso);
  // Looked after at some time since their 15th birthday, by today.
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select c.id, c.date_of_birth::text as dob, c.looked_after_since::text as looked_after_since,
        c.left_care_on::text as left_care_on, c.allocated_social_worker_id as worker
      from children c
      where (c.date_of_birth + interval '15 years')::date <= ${todayIso}::date
        and (c.left_care_on is null or c.left_care_on > (c.date_of_birth + interval '15 years')::date)
        and c.looked_after_since < (c.date_of_birth + interval '18 years')::date
      order by c.reference`,
  );
  const checklists: (typeof independenceChecklists.$inferInsert)[] = [];
  const areas: (typeof independenceChecklistAreas.$inferInsert)[] = [];
  for (const young of candidates) {
    const fifteen = dayOf(addYears(young.dob, 15));
    const startDue = dayOf(addMonths(young.dob, START_AGE_MONTHS));
    const completeDue = dayOf(addMonths(young.dob, COMPLETE_AGE_MONTHS));
    const eighteen = dayOf(addYears(young.dob, 18));
    const arrived = dayOf(young.looked_after_since);
    const left = young.left_care_on ? dayOf(young.left_care_on) : null;
    // The last day anything is recorded: today, or the day before they left care or turned 18.
    const until = Math.min(today, (left ?? eighteen) - 1, eighteen - 1);
    const earliest = Math.max(fifteen, arrived);
    const onTime = random.chance(0.8);
    let started: Day;
    if (arrived > startDue) started = arrived + random.int(14, 90);
    else if (onTime) started = Math.max(earliest, startDue - random.lowInt(0, 75));
    else started = startDue + random.int(10, 300);
    if (started > until) continue;

    // Completed by 17½ for about seven in ten, some of the rest later, the others not at all.
    const completion = random.weighted([
      ['on-time', 76],
      ['late', 12],
      ['not', 12],
    ] as const);
    let completed: Day | null =
      completion === 'on-time'
        ? completeDue - random.lowInt(0, 150)
        : completion === 'late'
          ? completeDue + random.int(7, 160)
          : null;
    if (completed !== null && (completed <= started + 30 || completed > until)) completed = null;

    const id = uuidFrom(random);
    const worker = young.worker;
    const keys = random.shuffle(skillAreaKeys);
    const confirmer = () => random.pick(confirmers);
    let doneDays: Day[];
    let how: 'all-areas' | 'recorded' | null = null;
    let note: string | null = null;
    if (completed !== null) {
      // One in ten recorded as completed with an area or two not recorded; the rest every area, the last that day.
      if (random.chance(0.1)) {
        how = 'recorded';
        note = 'Agreed at the review that the checklist is complete: the rest is in the pathway plan.';
        doneDays = daysBetween(random, started, completed, SKILL_AREA_COUNT - random.int(1, 2));
      } else {
        how = 'all-areas';
        doneDays = [...daysBetween(random, started, completed - 1, SKILL_AREA_COUNT - 1), completed];
      }
    } else {
      // Areas done so far, about in step with the time from the start to 17½ (never all of them).
      const share = (until - started) / Math.max(1, completeDue - started);
      const count = Math.max(
        0,
        Math.min(SKILL_AREA_COUNT - 1, Math.round(share * SKILL_AREA_COUNT + random.int(-2, 1))),
      );
      doneDays = daysBetween(random, started, until, count);
    }
    checklists.push({
      id,
      childId: young.id,
      startedOn: isoOf(started),
      completedOn: completed === null ? null : isoOf(completed),
      completedHow: how,
      completionNote: note,
      startedBy: worker,
    });
    doneDays.forEach((day, n) =>
      areas.push({
        checklistId: id,
        area: keys[n]!,
        doneOn: isoOf(day),
        confirmedBy: confirmer(),
        recordedBy: worker,
      }),
    );
  }
  await insertRows(tx, independenceChecklists, checklists, ROWS_PER_STATEMENT);
  await insertRows(tx, independenceChecklistAreas, areas, ROWS_PER_STATEMENT);
  return checklists.length;
}
