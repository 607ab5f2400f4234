import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.ts';
import { areas, teams, users } from '../../src/platform/auth/tables.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { recordAudit, systemActor } from '../../src/platform/audit/service.ts';
import { rebuildDueItems } from '../../src/platform/due/index.ts';
import { allKeptFacts, registerAllModules } from '../../src/modules/index.ts';
import { dayOf, isoOf, today as londonToday } from './days.ts';
import { seedDemoPlan } from './plan.ts';
import { writeDemoLeavingReasons } from './leaving.ts';
import { writeAgencyPlacements } from './agency-placements.ts';
import { rebuildFacts } from '../../src/platform/measures/facts.ts';
import { Paperwork, type OpenStatus } from './paperwork.ts';
import { stream } from './random.ts';
import { overdueScenario, SupervisionWriter } from './supervision.ts';
import { writeNotesMessages } from './notes.ts';
import { seedTrainingDemo } from './training.ts';
import { writeDemoReviews } from './reviews.ts';
import { writeDemoConcerns } from './concerns.ts';
import { writeDemoStaffFolderAudits } from './staff-folder-audits.ts';
import { writeDemoJointTraining } from './joint-training.ts';
import { writeDemoTeamMeetings } from './team-meetings.ts';
import { writeDemoAgencyTransfers } from './agency-transfers.ts';
import { writeDemoStaffSupervision } from './staff-supervision.ts';
import { writeDemoAudits } from './audits.ts';
import { writeDemoRecruitment } from './recruitment.ts';
import { writeDemoPanel } from './panel.ts';
import { writeDemoPayments } from './payments.ts';
import { writeDemoRecordsRequests } from './records-requests.ts';
import { writeDemoSaferCarePlans } from './safer-care.ts';
import { writeDemoChangeNotices } from './change-notices.ts';
import { writeDemoChildVisits } from './child-visits.ts';
import { writeDemoIndependence } from './independence.ts';
import { writeDemoLifelongLinks } from './lifelong-links.ts';
import { writeDemoMissing } from './missing.ts';
import { writeDemoOutOfHours } from './out-of-hours.ts';
import { writeDemoExtraSupport } from './extra-support.ts';
import { writeDemoAmbassadors } from './ambassadors.ts';
import { writeDemoTrainingPlaces } from './training-places.ts';
import { writeDemoServiceReviews } from './service-reviews.ts';
import { writeDemoConnectedPersons } from './connected-persons.ts';
import { writeDemoConnectedPersonsHistory } from './connected-persons-history.ts';
import { buildDemo } from './model.ts';
import type { StaffModel as SeedStaff } from './staff.ts';
import { writeChild, writeHealth, writeHouseholds } from './records.ts';
import type { Scale } from './scales.ts';
import { demoTables, flushAll, makeWriters } from './writers.ts';

export interface SeedOptions {
  password: string;
  /** small for tests, county for the demo, national for load testing. */
  scale: Scale;
  /** Progress lines (no personal data). Default: printed for county and national, silent for small. */
  onProgress?: (line: string) => void;
  /** The address in the links of the demo's messages to carers (Hearth's PUBLIC_URL). */
  publicUrl?: string;
  /** The day the demo is dated from (YYYY-MM-DD); default today in London. */
  today?: string;
}

export interface SeedResult {
  users: number;
  households: number;
  children: number;
  placements: number;
  seconds: number;
}

/** True when the database holds no users yet: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Whether the load may skip per-row foreign key checks: only a superuser may, and only when no
 * table the demo writes has a trigger of its own (replica mode would skip that too).
 */
async function maySkipKeyChecks(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ su: boolean; triggers: number }>(
    db,
    sql`select (select rolsuper from pg_roles where rolname = current_user) as su,
          (select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid
           where not t.tgisinternal and c.relname = any(${`{${demoTables.join(',')}}`}::text[])) as triggers`,
  );
  return row?.su === true && Number(row.triggers) === 0;
}

/** Share of children in care today with a referral still open (besides the demo's own). */
const OPEN_REFERRAL_SHARE = 0.035;

/**
 * Who supervises a team's households that have no worker allocated: its manager, else a manager
 * or supervising social worker of another team in the area, else any manager (the small demo has
 * teams with neither).
 */
function coverWorkers(staff: SeedStaff): (string | null)[] {
  const anyManager = staff.teamManagers.find((id) => id !== null) ?? null;
  return staff.teams.map((team, t) => {
    const sameArea = staff.teams
      .map((other, o) => [other, o] as const)
      .filter(([other]) => other.areaIdx === team.areaIdx);
    return (
      staff.teamManagers[t] ??
      sameArea.map(([, o]) => staff.teamManagers[o] ?? staff.supervisors[o]![0] ?? null).find((id) => id !== null) ??
      anyManager
    );
  });
}

/**
 * Loads the demo service: areas, teams, staff, households, children, five years of placements
 * and two years of carer supervision, all made-up people, the same every time for a scale (dated
 * relative to today).
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { scale } = options;
  const log = options.onProgress ?? (scale === 'small' ? () => {} : (line: string) => console.log(`demo: ${line}`));
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const today = options.today ? dayOf(options.today) : londonToday();

  const demo = buildDemo(scale, today);
  const { plan, ids, staff, households, units, finder, cicswCaseload, childCount, placementCount } = demo;
  log(
    `${scale}: ${staff.users.length} staff, ${households.length} households, ${childCount} children, ${placementCount} placements planned (${seconds()} s)`,
  );

  const passwordHash = await hashPassword(options.password);
  const skipKeyChecks = scale !== 'small' && (await maySkipKeyChecks(db));
  await db.transaction(async (tx) => {
    // The generator writes parents before children, so foreign keys hold (the small demo, used by
    // the tests, is loaded with every check on). For the big demos, skipping the per-row key
    // checks halves the load time; only a superuser may, and only inside this transaction.
    if (skipKeyChecks) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.insert(areas).values(staff.areas.map((a) => ({ id: a.id, name: a.name })));
    await tx
      .insert(teams)
      .values(staff.teams.map((t) => ({ id: t.id, name: t.name, areaId: staff.areas[t.areaIdx]!.id })));
    for (let from = 0; from < staff.users.length; from += 1000) {
      await tx.insert(users).values(
        staff.users.slice(from, from + 1000).map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          email: `${u.username}@hearth.example`,
          role: u.role,
          teamId: u.teamIdx === null ? null : staff.teams[u.teamIdx]!.id,
          areaId: u.areaIdx === null ? null : staff.areas[u.areaIdx]!.id,
          householdId: u.householdId,
          carerId: u.carerId ?? null,
          passwordHash,
        })),
      );
    }
    for (const u of staff.users) {
      await recordAudit(tx, systemActor('demo data'), { action: 'create', recordType: 'user', recordId: u.id });
    }
    log(`staff written (${seconds()} s)`);

    const w = makeWriters(tx, plan.batch);
    await writeHouseholds(w, households, staff);
    await flushAll(w);
    log(`households written (${seconds()} s)`);

    const health = stream(scale, 'health');
    const paperwork = new Paperwork(w, households, staff, stream(scale, 'paperwork'), today, () => ids.next(), finder);
    const step = Math.max(1, Math.floor(units.length / 5));
    for (const [n, unit] of units.entries()) {
      for (const child of unit.children) {
        await writeChild(w, child, staff);
        await writeHealth(w, child, health, today, () => ids.next());
      }
      await paperwork.unit(unit);
      if ((n + 1) % step === 0 && n + 1 < units.length)
        log(`children written: ${Math.round(((n + 1) / units.length) * 100)}% (${seconds()} s)`);
    }

    const open = stream(scale, 'open-referrals');
    const scenarioChildren = new Set(units.slice(0, 2).flatMap((u) => u.children.map((c) => c.id)));
    const wanted: OpenStatus[] = ['submitted', 'returned', 'accepted', 'matched'];
    const referred = new Set<string>();
    for (const child of cicswCaseload.filter((c) => !scenarioChildren.has(c.id)).slice(0, wanted.length)) {
      await paperwork.openReferral(child, wanted[referred.size]!);
      referred.add(child.id);
    }
    for (const unit of units) {
      const child = unit.children[0]!;
      if (child.leftCareOn !== null || referred.has(child.id) || scenarioChildren.has(child.id)) continue;
      if (!open.chance(OPEN_REFERRAL_SHARE)) continue;
      await paperwork.openReferral(
        child,
        open.weighted([
          ['submitted', 25],
          ['returned', 15],
          ['accepted', 40],
          ['matched', 20],
        ] as const),
      );
    }
    log(`referrals written (${seconds()} s)`);

    const supervision = new SupervisionWriter(w, stream(scale, 'supervision'), today, () => ids.next());
    await supervision.households(households, units, overdueScenario(households, staff, today));
    // A stream of its own, so the rest of the demo stays as it was.
    const cover = new SupervisionWriter(w, stream(scale, 'supervision-cover'), today, () => ids.next());
    await cover.unallocated(households, units, coverWorkers(staff));
    await flushAll(w);
    log(`supervision written: ${w.supervisions.written} visits (${seconds()} s)`);
    const agency = await writeAgencyPlacements(tx, demo, plan.batch);
    log(`agency placements written: ${agency} (${seconds()} s)`);
    log(`reasons for leaving care written: ${await writeDemoLeavingReasons(tx, stream(scale, 'leaving-reasons'))}`);
    const messages = await writeNotesMessages(
      tx,
      stream(scale, 'notes'),
      today,
      options.publicUrl ?? 'http://localhost:3000',
    );
    log(`notes to carers written: ${messages} messages (${seconds()} s)`);
    const trained = await seedTrainingDemo(tx, {
      scale,
      today,
      carerHouseholdId: staff.byUsername.get('carer')?.householdId ?? null,
      tsdToComeHouseholdId: demo.newlyApprovedId,
      coordinatorId: staff.byUsername.get('training')?.id ?? null,
      batch: plan.batch,
    });
    log(`training written: ${trained.bookings} bookings, ${trained.events} events (${seconds()} s)`);
    // The modules written next read what was written above with lookups per household: planner
    // statistics first, or at national scale they are planned for empty tables (hours, not seconds).
    if (scale !== 'small') await tx.execute(sql`analyze`);
    const reviews = await writeDemoReviews(tx, stream(scale, 'reviews'), today, scale);
    log(`annual reviews written: ${reviews} (${seconds()} s)`);
    const matters = await writeDemoConcerns(tx, stream(scale, 'concerns'), today, scale);
    log(`allegations, concerns, complaints and compliments written: ${matters} (${seconds()} s)`);
    log(
      `staff supervision written: ${await writeDemoStaffSupervision(tx, stream(scale, 'staff-supervision'), today, stream(scale, 'staff-supervision-later'))} sessions`,
    );
    log(`case-file audits written: ${await writeDemoAudits(tx, isoOf(today))} (${seconds()} s)`);
    log(
      `recruitment written: ${await writeDemoRecruitment(tx, stream(scale, 'recruitment'), today, scale)} enquiries (${seconds()} s)`,
    );
    log(`panel written: ${await writeDemoPanel(tx, { scale, today, passwordHash })} meetings (${seconds()} s)`);
    log(
      `payments written: ${await writeDemoPayments(tx, stream(scale, 'payments'), isoOf(today))} enhancements (${seconds()} s)`,
    );
    log(
      `requests for records written: ${await writeDemoRecordsRequests(tx, stream(scale, 'records'), isoOf(today), scale)} (${seconds()} s)`,
    );
    log(
      `safer-care plans written: ${await writeDemoSaferCarePlans(tx, stream(scale, 'safer-care'), isoOf(today))} versions (${seconds()} s)`,
    );
    log(`changes told by the carers written: ${await writeDemoChangeNotices(tx, isoOf(today))}`);
    const visits = await writeDemoChildVisits(tx, stream(scale, 'child-visits'), isoOf(today), plan.batch);
    log(`visits by children's social workers written: ${visits} (${seconds()} s)`);
    log(
      `independence checklists written: ${await writeDemoIndependence(tx, stream(scale, 'independence'), isoOf(today))} (${seconds()} s)`,
    );
    // The pilot began in East Kent, the demo's first area.
    const lifelongLinks = await writeDemoLifelongLinks(
      tx,
      stream(scale, 'lifelong-links'),
      isoOf(today),
      staff.areas[0]!.id,
    );
    log(`Lifelong Links work written: ${lifelongLinks} (${seconds()} s)`);
    log(
      `children missing from care written: ${await writeDemoMissing(tx, stream(scale, 'missing'), isoOf(today))} episodes (${seconds()} s)`,
    );
    log(
      `out-of-hours calls written: ${await writeDemoOutOfHours(tx, stream(scale, 'out-of-hours'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `extra support for carers written: ${await writeDemoExtraSupport(tx, stream(scale, 'extra-support'), isoOf(today))} records (${seconds()} s)`,
    );
    log(
      `training places taken by other organisations written: ${await writeDemoTrainingPlaces(tx, stream(scale, 'training-places'))} (${seconds()} s)`,
    );
    log(
      `Carer Ambassadors and what they did written: ${await writeDemoAmbassadors(tx, stream(scale, 'ambassadors'), isoOf(today))} records (${seconds()} s)`,
    );
    log(
      `six-monthly reviews written: ${await writeDemoServiceReviews(tx, stream(scale, 'service-reviews'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `temporary approvals of connected persons written: ${await writeDemoConnectedPersons(tx, stream(scale, 'connected-persons'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `transfers from fostering agencies written: ${await writeDemoAgencyTransfers(tx, stream(scale, 'agency-transfers'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `staff supervision folder audits written: ${await writeDemoStaffFolderAudits(tx, stream(scale, 'staff-folder-audits'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `joint training days written: ${await writeDemoJointTraining(tx, stream(scale, 'joint-training'), isoOf(today))} (${seconds()} s)`,
    );
    log(
      `learning from serious case reviews written: ${await writeDemoTeamMeetings(tx, stream(scale, 'team-meetings'), isoOf(today))} meetings (${seconds()} s)`,
    );
    const history = await writeDemoConnectedPersonsHistory(
      tx,
      stream(scale, 'connected-persons-history'),
      isoOf(today),
    );
    log(
      `temporary approvals of connected persons now approved written: ${history.approvals} (${history.extended} extended, ${history.ranOut} ran out) (${seconds()} s)`,
    );
    // The demo is written in bulk, not through the services: its kept facts are derived once here.
    for (const facts of allKeptFacts()) await rebuildFacts(tx, facts);
    log(`kept facts derived (${seconds()} s)`);
  });
  await seedDemoPlan(db, { today: isoOf(today) });
  log(`business plan written (${seconds()} s)`);
  // The deadlines are kept from the records: written in bulk above, so computed once here.
  registerAllModules();
  const due = await rebuildDueItems(db, { today: isoOf(today) });
  log(`deadlines kept: ${due.items} items under ${due.rules} rules (${seconds()} s)`);
  if (scale !== 'small') {
    // Fresh planner statistics, so the first pages opened after a load are planned for its size
    // rather than for empty tables; and a vacuum, which folds the bulk-written rows into the name
    // search indexes (a carer's name search at national scale: 141 ms before, 14 ms after) and
    // marks the pages all-visible, so counts read from indexes alone. Autovacuum would get there,
    // but not straight away.
    await db.execute(sql`vacuum analyze`);
    log(`vacuumed and statistics updated (${seconds()} s)`);
  }
  log(`done: ${households.length} households, ${childCount} children, ${placementCount} placements in ${seconds()} s`);
  return {
    users: staff.users.length,
    households: households.length,
    children: childCount,
    placements: placementCount,
    seconds: Number(seconds()),
  };
}
