/**
 * Connected persons in the demo: about a third of the family and friends households in assessment
 * (at least one at every scale) took a child of their own area in under temporary approval in the
 * last five months (regulation 24): the child moved from their short-term or emergency foster home
 * on the day of the approval, and has been visited since as regulation 28(4) asks (weekly until the
 * first review, then about every 4 weeks; the demo's children came into care long before, so every
 * 3-4 weeks). An approval close to running out has been extended by up to 8 weeks, after seeking the
 * panel's views. None has run out. A random stream of its own, so the rest of the demo stays the
 * same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addWorkingDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { expiresOnFor, latestExtensionFor } from '../../src/modules/connected-persons/labels.ts';
import { temporaryApprovals } from '../../src/modules/connected-persons/tables.ts';
import { childVisits } from '../../src/modules/child-visits/tables.ts';
import { placements } from '../../src/modules/placements/tables.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf, timestampOf } from './days.ts';
import type { Random } from './random.ts';

const officers = ['Nadia Karim', 'Graham Holt', 'Priya Sethi', 'Martin Doyle'] as const;
const notes = [
  'Settling in well with her grandparents. Contact with mum agreed for Saturdays.',
  'Happy to be with his aunt and cousins. School transport arranged from the new address.',
  'Says she feels safe here. Bedroom shared with a cousin for now; the assessor is looking at space.',
  'Quiet but content. Grandad takes him to football on Saturdays.',
] as const;

interface Connected {
  id: string;
  team_id: string;
  area_id: string;
  manager_id: string | null;
}

interface Candidate {
  child_id: string;
  placement_id: string;
  start_date: IsoDate;
  looked_after_since: IsoDate;
  worker: string | null;
}

/** Writes the temporary approvals, the moves and the visits since; returns how many approvals. */
export async function writeDemoConnectedPersons(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const households = await queryRows<Connected>(
    tx,
    sql`select h.id, h.team_id, t.area_id,
        (select u.id from users u where u.role = 'team_manager' and u.team_id = h.team_id order by u.username limit 1) as manager_id
      from households h join teams t on t.id = h.team_id
      where h.household_type = 'family_and_friends' and h.status = 'in_assessment' order by h.reference`,
  );
  const chosen = households.filter((_, i) => i === 0 || random.chance(1 / 3));
  const taken = new Set<string>();
  const approvals: (typeof temporaryApprovals.$inferInsert)[] = [];
  const visits: (typeof childVisits.$inferInsert)[] = [];
  for (const household of chosen) {
    const approvedOn = isoOf(dayOf(today) - random.int(14, 150));
    // A child of the area in a short-term or emergency foster home since well before, aged under 16.
    const candidates = await queryRows<Candidate>(
      tx,
      sql`select c.id as child_id, p.id as placement_id, p.start_date::text as start_date,
          c.looked_after_since::text as looked_after_since, c.allocated_social_worker_id as worker
        from children c join placements p on p.child_id = c.id and p.end_date is null
        where c.area_id = ${household.area_id} and c.left_care_on is null
          and p.placement_type in ('short_term', 'emergency') and p.start_date < ${approvedOn}::date - 60
          and c.date_of_birth > ${today}::date - interval '16 years' and c.allocated_social_worker_id is not null
        order by c.reference limit 40`,
    );
    const child = random.shuffle(candidates).find((c) => !taken.has(c.child_id));
    if (!child || !household.manager_id) continue;
    taken.add(child.child_id);
    const expiresOn = expiresOnFor(approvedOn);
    const extend = dayOf(today) > dayOf(expiresOn) - 14;
    const extendedOn = isoOf(dayOf(expiresOn) - random.int(7, 20));
    approvals.push({
      householdId: household.id,
      childId: child.child_id,
      approvedOn,
      expiresOn,
      approvedBy: random.pick(officers),
      recordedBy: household.manager_id,
      ...(extend
        ? {
            extendedOn,
            extendedBy: random.pick(officers),
            extensionReason: 'assessment',
            extendedUntil: latestExtensionFor(expiresOn),
            panelViewsSoughtOn: isoOf(dayOf(extendedOn) - random.int(2, 9)),
            iroInformed: true,
            extensionRecordedBy: household.manager_id,
          }
        : {}),
    });
    // The move: the foster placement ends on the day of the approval, the connected person's begins.
    await tx
      .update(placements)
      .set({ endDate: approvedOn, ending: 'planned', endReason: 'Moved to live with a relative or friend' })
      .where(sql`${placements.id} = ${child.placement_id}`);
    const [placed] = await tx
      .insert(placements)
      .values({
        childId: child.child_id,
        householdId: household.id,
        placementType: 'short_term',
        startDate: approvedOn,
        placementPlanOn: approvedOn,
        childSawProfile: null,
        createdBy: household.manager_id,
      })
      .returning({ id: placements.id });
    await tx.execute(
      sql`delete from child_visits where child_id = ${child.child_id} and visited_on >= ${approvedOn}::date`,
    );
    // Regulation 28(4): weekly until the first review, then at most 4 weeks (a little under, mostly).
    const firstReview = dayOf(addWorkingDays(child.looked_after_since, 20));
    for (let day = dayOf(approvedOn) + random.int(1, 6); day <= dayOf(today);) {
      visits.push({
        childId: child.child_id,
        placementId: placed!.id,
        visitedOn: isoOf(day),
        visitedBy: child.worker!,
        childSeen: true,
        seenAlone: true,
        place: 'placement',
        note: random.pick(notes),
        recordedBy: child.worker!,
        recordedAt: new Date(timestampOf(day, 16)),
      });
      day += day < firstReview ? random.int(5, 7) : random.int(20, 28);
    }
  }
  await insertRows(tx, temporaryApprovals, approvals);
  await insertRows(tx, childVisits, visits);
  return approvals.length;
}
