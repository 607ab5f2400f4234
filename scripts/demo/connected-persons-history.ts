/**
 * Connected persons' history in the demo: about a third of the family and friends households
 * approved as foster carers in the last 18 months (at least one at every scale that has any) began
 * with a child of their family placed with them under temporary approval (regulation 24), some 10
 * to 16 weeks before the panel approved them. About a quarter were extended first (regulation 25:
 * the panel's views sought and the IRO told, by 3 to 8 weeks), and a few were decided only after the
 * approval ran out. Only households with a supervising social worker, seen at a supervision lately,
 * and with a place free for the child on every day since their approval. The child has had their
 * paperwork, delegated authority, health assessments and visits (weekly, then every 4 weeks while
 * the approval stood; every 6 weeks at most since), is listed at the household's supervisions and
 * annual reviews, and still lives there, but for a few who left care under a special guardianship
 * order to their carers. New children only; a random stream of its own. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import { expiresOnFor } from '../../src/modules/connected-persons/labels.ts';
import { reviewHealthAssessmentDue } from '../../src/modules/children/due.ts';
import { supervisionChildren } from '../../src/modules/supervision/tables.ts';
import { reviewContributions, reviewLinks } from '../../src/modules/reviews/tables.ts';
import { insertRows } from './bulk.ts';
import {
  approvalRow,
  childReferences,
  connectedRows,
  insertConnectedChild,
  insertConnectedRows,
  managerAndWorker,
  placeWithConnectedPerson,
  visitOn,
  writeInitialHealth,
  writePaperwork,
  writeTemporaryVisits,
  type ConnectedHousehold,
  type ConnectedRows,
  type ConnectedStay,
} from './connected-persons.ts';
import { ageOn, dayOf, isoOf, type Day } from './days.ts';
import type { Random } from './random.ts';
import { childContributions, writeReviewChildren } from './reviews.ts';

/** How far back the households' approvals go. */
const HISTORY_DAYS = 540;
/** The days of temporary approval (16 weeks, the last day included). */
const APPROVAL_DAYS = 112;

type Outcome = 'in-time' | 'extended' | 'ran-out';

interface Approved extends ConnectedHousehold {
  approved_on: IsoDate;
}

export interface HistoryCounts {
  approvals: number;
  extended: number;
  ranOut: number;
}

/** A quarter extended; the third chosen (so every scale with three shows one) and a few more ran out. */
function outcomeOf(random: Random, n: number): Outcome {
  if (n % 4 === 1) return 'extended';
  return n === 2 || random.chance(0.03) ? 'ran-out' : 'in-time';
}

/** Writes the children, their approvals, placements and the rest; returns how many approvals, extended, ran out. */
export async function writeDemoConnectedPersonsHistory(
  tx: DbOrTx,
  random: Random,
  today: IsoDate,
): Promise<HistoryCounts> {
  const households = await queryRows<Approved>(
    tx,
    sql`select h.id, h.name, t.area_id, h.approved_on::text as approved_on, ${managerAndWorker}
      from households h join teams t on t.id = h.team_id
      where h.household_type = 'family_and_friends' and h.status = 'approved' and h.allocated_ssw_id is not null
        and h.approved_on > ${today}::date - ${HISTORY_DAYS}::int and not h.restricted
        and not exists (select 1 from users u where u.household_id = h.id)
        and exists (select 1 from supervisions s where s.household_id = h.id and s.status = 'final'
          and s.visit_date > ${today}::date - 75)
        and not exists (select 1 from placements q where q.household_id = h.id
          and (select count(*) from placements r where r.household_id = h.id and r.start_date <= q.start_date
            and (r.end_date is null or r.end_date > q.start_date)) >= h.approved_places)
      order by h.reference`,
  );
  const chosen = households.filter((h, i) => h.manager_id && h.worker_id && (i === 0 || random.chance(1 / 3)));
  const reference = await childReferences(tx);
  const rows = connectedRows();
  const seenRows: (typeof supervisionChildren.$inferInsert)[] = [];
  const counts: HistoryCounts = { approvals: 0, extended: 0, ranOut: 0 };
  const day = dayOf(today);
  let settledSoFar = 0;
  for (const [n, household] of chosen.entries()) {
    const approved = dayOf(household.approved_on);
    const outcome = outcomeOf(random, n);
    const extend = outcome === 'extended' || (outcome === 'ran-out' && random.chance(0.5));
    const weeks = extend ? 7 * random.int(3, 8) : 0;
    // Days from the approval's last day to the household's: up to 6 weeks before it (10 to 16 weeks
    // after the temporary approval), within the extension, or 1 to 5 weeks after it ran out.
    const late =
      outcome === 'in-time'
        ? -random.int(0, 41)
        : outcome === 'extended'
          ? random.int(1, weeks)
          : weeks + random.int(7, 35);
    const start = approved - (APPROVAL_DAYS - 1) - late;
    const approvedOn = isoOf(start);
    // A few left care under a special guardianship order to their carers, some months after approval.
    const settled = approved + 120 < day - 30;
    if (settled) settledSoFar += 1;
    const end = settled && settledSoFar % 5 === 2 ? random.int(approved + 90, day - 30) : null;
    // Under 11 to this day, so their carers' CSE training is not yet due (its own demo wrote that).
    const child = await insertConnectedChild(
      tx,
      random,
      household,
      reference,
      approvedOn,
      11 * 365 - (day - start) - 30,
      {
        ...(day - start > 240 && random.chance(0.7) ? { legalStatus: 's31_care_order' } : {}),
        ...(end === null ? {} : { leftCareOn: isoOf(end), leftCareReason: 'sgo' }),
        lastName: household.name.split(' and ')[0]!,
      },
    );
    const extendedOn = dayOf(expiresOnFor(approvedOn)) - random.int(7, 20);
    const until = extend ? isoOf(start + APPROVAL_DAYS - 1 + weeks) : null;
    rows.approvals.push(approvalRow(random, household, child.id, approvedOn, extendedOn, until));
    counts.approvals += 1;
    if (extend) counts.extended += 1;
    if (outcome === 'ran-out') counts.ranOut += 1;
    const placementId = await placeWithConnectedPerson(tx, household, child.id, approvedOn, {
      ...(end === null
        ? {}
        : { endDate: isoOf(end), ending: 'planned', endReason: 'Special guardianship order granted' }),
    });
    const stay: ConnectedStay = { childId: child.id, placementId, worker: household.worker_id!, start: approvedOn };
    const last = Math.min(day, (end ?? Infinity) - 1);
    writePaperwork(random, stay, rows);
    writeReviewHealth(random, stay, child.dateOfBirth, writeInitialHealth(random, stay, today, rows), last, rows);
    // Regulation 28(4) until the household's approval, then regulation 28(2): within 6 weeks.
    for (
      let visit = writeTemporaryVisits(random, stay, approved - 1, rows);
      visit <= last;
      visit += random.int(28, 40)
    ) {
      rows.visits.push(visitOn(random, stay, visit));
    }
    await listAtSupervisions(tx, random, household.id, stay, child.dateOfBirth, end ?? day, seenRows);
  }
  await insertConnectedRows(tx, rows);
  await insertRows(tx, supervisionChildren, seenRows);
  // The household's annual reviews started while the child lived there list them, with their views.
  const childIds = rows.approvals.map((a) => a.childId);
  await writeReviewChildren(tx, childIds);
  const { contributions, links } = await childContributions(tx, random, day, childIds);
  await insertRows(tx, reviewContributions, contributions);
  await insertRows(tx, reviewLinks, links);
  return counts;
}

/** Review health assessments, a little before each falls due, up to the day `last`. */
function writeReviewHealth(
  random: Random,
  stay: ConnectedStay,
  dateOfBirth: IsoDate,
  initial: IsoDate,
  last: Day,
  rows: ConnectedRows,
): void {
  for (let latest = initial; ;) {
    const on = dayOf(reviewHealthAssessmentDue(dateOfBirth, latest)) - random.int(0, 30);
    if (on > last) return;
    latest = isoOf(on);
    rows.health.push({ childId: stay.childId, kind: 'review', completedOn: latest, recordedBy: stay.worker });
  }
}

/** The child at each of the household's supervisions while placed: mostly seen, and at the latest one always. */
async function listAtSupervisions(
  tx: DbOrTx,
  random: Random,
  householdId: string,
  stay: ConnectedStay,
  dateOfBirth: IsoDate,
  until: Day,
  seenRows: (typeof supervisionChildren.$inferInsert)[],
): Promise<void> {
  const visits = await queryRows<{ id: string; visit_date: IsoDate; status: string }>(
    tx,
    sql`select s.id, s.visit_date::text as visit_date, s.status from supervisions s where s.household_id = ${householdId}
      and s.visit_date between ${stay.start}::date and ${isoOf(until)}::date order by s.visit_date`,
  );
  const latest = visits.filter((v) => v.status === 'final').at(-1);
  for (const visit of visits) {
    const young = ageOn(dayOf(dateOfBirth), dayOf(visit.visit_date)) < 4;
    const seen = young || random.chance(0.5) ? 'seen' : 'seen_alone';
    seenRows.push({
      supervisionId: visit.id,
      childId: stay.childId,
      seen: visit === latest || random.chance(0.9) ? seen : 'not_seen',
    });
  }
}
