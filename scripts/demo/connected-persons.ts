/**
 * Connected persons in the demo: about a third of the family and friends households in assessment
 * (at least one at every scale; at the smallest, an enquiry when none is in assessment) took in a
 * child of their family who came into care in the last five months, placed with them the same day
 * under temporary approval (regulation 24). The paperwork was given and the delegated authority
 * signed within days; each child had their initial health assessment when it was due, and has
 * been visited as regulation 28(4) asks: weekly until their first review (20 working days after
 * coming into care), then every 3 or 4 weeks. An approval close to running out has been extended
 * by up to 8 weeks, after seeking the panel's views. None has run out. New children only, so no
 * other record of the demo changes; a random stream of its own. Made-up records only.
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
import { dayOf, isoOf, timestampOf } from './days.ts';
import { boysNames, girlsNames } from './names.ts';
import type { Random } from './random.ts';

const officers = ['Nadia Karim', 'Graham Holt', 'Priya Sethi', 'Martin Doyle'] as const;
const notes = [
  'Settling in well with their grandparents. Contact with mum agreed for Saturdays.',
  'Happy to be with their aunt and cousins. School transport arranged from the new address.',
  'Says they feel safe here. Bedroom shared with a cousin for now; the assessor is looking at space.',
  'Quiet but content. Grandad takes them to football on Saturdays.',
] as const;

interface Connected {
  id: string;
  name: string;
  area_id: string;
  manager_id: string | null;
  worker_id: string | null;
  status: string;
}

/** Writes the children, their approvals, placements, health assessments and visits; returns how many approvals. */
export async function writeDemoConnectedPersons(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const households = await queryRows<Connected>(
    tx,
    sql`select h.id, h.name, t.area_id, h.status,
        coalesce((select u.id from users u where u.role = 'team_manager' and u.team_id = h.team_id order by u.username limit 1),
          (select u.id from users u where u.role = 'head_of_fostering' order by u.username limit 1)) as manager_id,
        (select u.id from users u where u.role = 'childrens_social_worker' and u.active
          order by u.area_id = t.area_id desc, u.username limit 1) as worker_id
      from households h join teams t on t.id = h.team_id
      where h.household_type = 'family_and_friends' and h.status in ('in_assessment', 'applicant', 'enquiry')
      order by h.status = 'in_assessment' desc, h.status = 'applicant' desc, h.reference`,
  );
  const assessed = households.filter((h) => h.status === 'in_assessment');
  const chosen = (assessed.length ? assessed : households.slice(0, 1)).filter(
    (h, i) => h.manager_id && h.worker_id && (i === 0 || random.chance(1 / 3)),
  );
  const [last] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(reference from 3)::int), 0) as n from children where reference ~ '^C-[0-9]{6}$'`,
  );
  let reference = Number(last?.n ?? 0);
  const approvals: (typeof temporaryApprovals.$inferInsert)[] = [];
  const visits: (typeof childVisits.$inferInsert)[] = [];
  const health: (typeof healthAssessments.$inferInsert)[] = [];
  const documents: (typeof placementDocuments.$inferInsert)[] = [];
  const authorities: (typeof delegatedAuthorities.$inferInsert)[] = [];
  for (const household of chosen) {
    const approvedOn = isoOf(dayOf(today) - random.int(14, 150));
    const girl = random.chance(0.5);
    reference += 1;
    const [child] = await tx
      .insert(children)
      .values({
        reference: `C-${String(reference).padStart(6, '0')}`,
        firstName: random.pick(girl ? girlsNames : boysNames),
        lastName: household.name,
        dateOfBirth: isoOf(dayOf(approvedOn) - random.int(365, 13 * 365)),
        gender: girl ? 'female' : 'male',
        legalStatus: random.pick(['interim_care_order', 's20_accommodated'] as const),
        lookedAfterSince: approvedOn,
        areaId: household.area_id,
        allocatedSocialWorkerId: household.worker_id,
      })
      .returning({ id: children.id });
    const childId = child!.id;
    const worker = household.worker_id!;
    const expiresOn = expiresOnFor(approvedOn);
    const extend = dayOf(today) > dayOf(expiresOn) - 14;
    const extendedOn = isoOf(dayOf(expiresOn) - random.int(7, 20));
    approvals.push({
      householdId: household.id,
      childId,
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
    const [placed] = await tx
      .insert(placements)
      .values({
        childId,
        householdId: household.id,
        placementType: 'short_term',
        startDate: approvedOn,
        placementPlanOn: approvedOn,
        createdBy: household.manager_id,
      })
      .returning({ id: placements.id });
    // The paperwork given to the connected person within days, and the delegated authority signed.
    const signedOn = addWorkingDays(approvedOn, random.int(1, 4));
    for (const kind of ['referral', 'risk_assessment', 'placement_arrangements', 'delegated_authority'] as const) {
      documents.push({ placementId: placed!.id, kind, givenOn: signedOn, recordedBy: worker });
    }
    authorities.push({
      placementId: placed!.id,
      medicalHolder: 'shared',
      educationHolder: 'foster_carer',
      socialHolder: 'foster_carer',
      religiousHolder: 'parent',
      culturalHolder: 'shared',
      signedBy: 'Foster carer, social worker, parent',
      signedOn,
      copyGivenToCarerOn: signedOn,
      updatedBy: worker,
    });
    // The initial health assessment, within the 20 working days (when they have passed).
    const assessedOn = addWorkingDays(approvedOn, random.int(10, 19));
    if (assessedOn <= today) health.push({ childId, kind: 'initial', completedOn: assessedOn, recordedBy: worker });
    // Regulation 28(4): weekly until the first review, then at most 4 weeks (a little under, mostly).
    const firstReview = dayOf(addWorkingDays(approvedOn, 20));
    for (let day = dayOf(approvedOn) + random.int(1, 6); day <= dayOf(today);) {
      visits.push({
        childId,
        placementId: placed!.id,
        visitedOn: isoOf(day),
        visitedBy: worker,
        childSeen: true,
        seenAlone: true,
        place: 'placement',
        note: random.pick(notes),
        recordedBy: worker,
        recordedAt: new Date(timestampOf(day, 16)),
      });
      day += day < firstReview ? random.int(5, 7) : random.int(20, 28);
    }
  }
  await insertRows(tx, temporaryApprovals, approvals);
  await insertRows(tx, healthAssessments, health);
  await insertRows(tx, placementDocuments, documents);
  await insertRows(tx, delegatedAuthorities, authorities);
  await insertRows(tx, childVisits, visits);
  return approvals.length;
}
