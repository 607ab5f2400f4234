/**
 * Connected persons in the demo: about a third of the family and friends households in assessment
 * (at least one at every scale; at the smallest, an enquiry when none is in assessment) took in a
 * child of their family who came into care in the last five months, placed with them the same day
 * under temporary approval (regulation 24). The paperwork was given and the delegated authority
 * signed within days; each child had their initial health assessment when it was due, and has
 * been visited as regulation 28(4) asks: weekly until their first review (20 working days after
 * coming into care), then every 3 or 4 weeks. An approval close to running out has been extended
 * by up to 8 weeks, after seeking the panel's views. None has run out. New children only, so no
 * other record of the demo changes; a random stream of its own. Made-up records only. Its steps
 * (the child, the placement, paperwork, health, visits) also write connected-persons-history.ts.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addWorkingDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { expiresOnFor, latestExtensionFor } from '../../src/modules/connected-persons/labels.ts';
import { temporaryApprovals } from '../../src/modules/connected-persons/tables.ts';
import { childVisits } from '../../src/modules/child-visits/tables.ts';
import { children, healthAssessments } from '../../src/modules/children/tables.ts';
import { delegatedAuthorities, placementDocuments, placements } from '../../src/modules/placements/tables.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf, timestampOf, type Day } from './days.ts';
import { boysNames, girlsNames } from './names.ts';
import type { Random } from './random.ts';

/** The nominated officers who approve, and extend, temporary approvals (free text: they may not use Hearth). */
const officers = ['Nadia Karim', 'Graham Holt', 'Priya Sethi', 'Martin Doyle'] as const;
const notes = [
  'Settling in well with their grandparents. Contact with mum agreed for Saturdays.',
  'Happy to be with their aunt and cousins. School transport arranged from the new address.',
  'Says they feel safe here. Bedroom shared with a cousin for now; the assessor is looking at space.',
  'Quiet but content. Grandad takes them to football on Saturdays.',
] as const;

/** A connected person's household, with its team manager and the child's social worker to be. */
export interface ConnectedHousehold {
  id: string;
  name: string;
  area_id: string;
  manager_id: string | null;
  worker_id: string | null;
}

interface Connected extends ConnectedHousehold {
  status: string;
}

/** The SQL columns manager_id and worker_id of a household `h` in its team `t`. */
export const managerAndWorker = sql`coalesce((select u.id from users u where u.role = 'team_manager' and u.team_id = h.team_id order by u.username limit 1),
          (select u.id from users u where u.role = 'head_of_fostering' order by u.username limit 1)) as manager_id,
        (select u.id from users u where u.role = 'childrens_social_worker' and u.active
          order by u.area_id = t.area_id desc, u.username limit 1) as worker_id`;

/** The rows written beside the children and their placements, inserted at the end in batches. */
export interface ConnectedRows {
  approvals: (typeof temporaryApprovals.$inferInsert)[];
  visits: (typeof childVisits.$inferInsert)[];
  health: (typeof healthAssessments.$inferInsert)[];
  documents: (typeof placementDocuments.$inferInsert)[];
  authorities: (typeof delegatedAuthorities.$inferInsert)[];
}

/** No rows yet. */
export const connectedRows = (): ConnectedRows => ({
  approvals: [],
  visits: [],
  health: [],
  documents: [],
  authorities: [],
});

/** Inserts the rows, once the children and placements they belong to are in. */
export async function insertConnectedRows(tx: DbOrTx, rows: ConnectedRows): Promise<void> {
  await insertRows(tx, temporaryApprovals, rows.approvals);
  await insertRows(tx, healthAssessments, rows.health);
  await insertRows(tx, placementDocuments, rows.documents);
  await insertRows(tx, delegatedAuthorities, rows.authorities);
  await insertRows(tx, childVisits, rows.visits);
}

/** The next free child references (C-000123), one a call. */
export async function childReferences(tx: DbOrTx): Promise<() => string> {
  const [last] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(reference from 3)::int), 0) as n from children where reference ~ '^C-[0-9]{6}$'`,
  );
  let reference = Number(last?.n ?? 0);
  return () => `C-${String((reference += 1)).padStart(6, '0')}`;
}

/** A child of the family, 1 year old up to `oldest` days old, looked after from the day. */
export async function insertConnectedChild(
  tx: DbOrTx,
  random: Random,
  household: ConnectedHousehold,
  reference: () => string,
  lookedAfterSince: IsoDate,
  oldest = 13 * 365,
  extra: Partial<typeof children.$inferInsert> = {},
): Promise<{ id: string; dateOfBirth: IsoDate }> {
  const girl = random.chance(0.5);
  const [child] = await tx
    .insert(children)
    .values({
      reference: reference(),
      firstName: random.pick(girl ? girlsNames : boysNames),
      lastName: household.name,
      dateOfBirth: isoOf(dayOf(lookedAfterSince) - random.int(365, oldest)),
      gender: girl ? 'female' : 'male',
      legalStatus: random.pick(['interim_care_order', 's20_accommodated'] as const),
      lookedAfterSince,
      areaId: household.area_id,
      allocatedSocialWorkerId: household.worker_id,
      ...extra,
    })
    .returning({ id: children.id, dateOfBirth: children.dateOfBirth });
  return child!;
}

/** The child placed with the connected person on the day of the temporary approval. */
export async function placeWithConnectedPerson(
  tx: DbOrTx,
  household: ConnectedHousehold,
  childId: string,
  startDate: IsoDate,
  extra: Partial<typeof placements.$inferInsert> = {},
): Promise<string> {
  const [placed] = await tx
    .insert(placements)
    .values({
      childId,
      householdId: household.id,
      placementType: 'short_term',
      startDate,
      placementPlanOn: startDate,
      createdBy: household.manager_id,
      ...extra,
    })
    .returning({ id: placements.id });
  return placed!.id;
}

/**
 * The temporary approval given on the day, by a nominated officer; extended until `extendedUntil`
 * when given (regulation 25, while the assessment is finished), on the day `extendedOn`, after
 * seeking the panel's views and telling the IRO.
 */
export function approvalRow(
  random: Random,
  household: ConnectedHousehold,
  childId: string,
  approvedOn: IsoDate,
  extendedOn: Day,
  extendedUntil: IsoDate | null,
): typeof temporaryApprovals.$inferInsert {
  return {
    householdId: household.id,
    childId,
    approvedOn,
    expiresOn: expiresOnFor(approvedOn),
    approvedBy: random.pick(officers),
    recordedBy: household.manager_id,
    ...(extendedUntil
      ? {
          extendedOn: isoOf(extendedOn),
          extendedBy: random.pick(officers),
          extensionReason: 'assessment',
          extendedUntil,
          panelViewsSoughtOn: isoOf(extendedOn - random.int(2, 9)),
          iroInformed: true,
          extensionRecordedBy: household.manager_id,
        }
      : {}),
  };
}

/** A child placed, for the rows of their placement: whose visits and paperwork, from which day. */
export interface ConnectedStay {
  childId: string;
  placementId: string;
  worker: string;
  start: IsoDate;
}

/**
 * The paperwork given to the connected person within days, and the delegated authority signed, its
 * copy given the same day (recorded on the delegated authority, not as one of the placement's papers).
 */
export function writePaperwork(random: Random, stay: ConnectedStay, rows: ConnectedRows): void {
  const signedOn = addWorkingDays(stay.start, random.int(1, 4));
  for (const kind of ['referral', 'risk_assessment', 'placement_arrangements'] as const) {
    rows.documents.push({ placementId: stay.placementId, kind, givenOn: signedOn, recordedBy: stay.worker });
  }
  rows.authorities.push({
    placementId: stay.placementId,
    medicalHolder: 'shared',
    educationHolder: 'foster_carer',
    socialHolder: 'foster_carer',
    religiousHolder: 'parent',
    culturalHolder: 'shared',
    signedBy: 'Foster carer, social worker, parent',
    signedOn,
    copyGivenToCarerOn: signedOn,
    updatedBy: stay.worker,
  });
}

/** The initial health assessment, within the 20 working days (when they have passed); its day. */
export function writeInitialHealth(random: Random, stay: ConnectedStay, today: IsoDate, rows: ConnectedRows): IsoDate {
  const assessedOn = addWorkingDays(stay.start, random.int(10, 19));
  if (assessedOn <= today) {
    rows.health.push({ childId: stay.childId, kind: 'initial', completedOn: assessedOn, recordedBy: stay.worker });
  }
  return assessedOn;
}

/** A visit by the child's social worker on the day, the child seen alone at the placement. */
export function visitOn(random: Random, stay: ConnectedStay, day: Day): typeof childVisits.$inferInsert {
  return {
    childId: stay.childId,
    placementId: stay.placementId,
    visitedOn: isoOf(day),
    visitedBy: stay.worker,
    childSeen: true,
    seenAlone: true,
    place: 'placement',
    note: random.pick(notes),
    recordedBy: stay.worker,
    recordedAt: new Date(timestampOf(day, 16)),
  };
}

/**
 * Regulation 28(4): visits weekly until the first review, then at most 4 weeks (a little under,
 * mostly), up to the day `until`; returns the day the next visit falls.
 */
export function writeTemporaryVisits(random: Random, stay: ConnectedStay, until: Day, rows: ConnectedRows): Day {
  const firstReview = dayOf(addWorkingDays(stay.start, 20));
  let day = dayOf(stay.start) + random.int(1, 6);
  while (day <= until) {
    rows.visits.push(visitOn(random, stay, day));
    day += day < firstReview ? random.int(5, 7) : random.int(20, 28);
  }
  return day;
}

/**
 * The last day of an extension: 8, 7 or 6 weeks after the approval's (in turn, with no random draw,
 * so the rest of the demo stays as it was), never beyond regulation 25's 8 weeks, and at least two
 * weeks from today, so none has run out.
 */
function extendedUntilFor(expiresOn: IsoDate, today: IsoDate, n: number): IsoDate {
  const weeks = 8 - (n % 3);
  const latest = dayOf(latestExtensionFor(expiresOn));
  return isoOf(Math.min(latest, Math.max(dayOf(expiresOn) + 7 * weeks, dayOf(today) + 14)));
}

/** Writes the children, their approvals, placements, health assessments and visits; returns how many approvals. */
export async function writeDemoConnectedPersons(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const households = await queryRows<Connected>(
    tx,
    sql`select h.id, h.name, t.area_id, h.status, ${managerAndWorker}
      from households h join teams t on t.id = h.team_id
      where h.household_type = 'family_and_friends' and h.status in ('in_assessment', 'applicant', 'enquiry')
      order by h.status = 'in_assessment' desc, h.status = 'applicant' desc, h.reference`,
  );
  const assessed = households.filter((h) => h.status === 'in_assessment');
  const chosen = (assessed.length ? assessed : households.slice(0, 1)).filter(
    (h, i) => h.manager_id && h.worker_id && (i === 0 || random.chance(1 / 3)),
  );
  const reference = await childReferences(tx);
  const rows = connectedRows();
  for (const [n, household] of chosen.entries()) {
    const approvedOn = isoOf(dayOf(today) - random.int(14, 150));
    const child = await insertConnectedChild(tx, random, household, reference, approvedOn);
    const expiresOn = expiresOnFor(approvedOn);
    const extend = dayOf(today) > dayOf(expiresOn) - 14;
    const extendedOn = dayOf(expiresOn) - random.int(7, 20);
    const until = extend ? extendedUntilFor(expiresOn, today, n) : null;
    rows.approvals.push(approvalRow(random, household, child.id, approvedOn, extendedOn, until));
    const placementId = await placeWithConnectedPerson(tx, household, child.id, approvedOn);
    const stay = { childId: child.id, placementId, worker: household.worker_id!, start: approvedOn };
    writePaperwork(random, stay, rows);
    writeInitialHealth(random, stay, today, rows);
    writeTemporaryVisits(random, stay, dayOf(today), rows);
  }
  await insertConnectedRows(tx, rows);
  return rows.approvals.length;
}
