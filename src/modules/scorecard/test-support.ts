/**
 * The scorecard tests' small world, in an area of its own (Testshire, teams A and B) so the
 * demo data never touches its figures. Every date is in or around June 2026, a month with no
 * bank holiday (Spring bank holiday is Monday 25 May 2026). Made-up people only.
 */
import { areas, teams } from '../../platform/auth/tables.ts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { measureSnapshots } from '../../platform/measures/tables.ts';
import { householdStatusEvents } from '../households/tables.ts';
import { refreshHouseholdFacts } from '../households/facts.ts';
import { healthAssessments } from '../children/tables.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makeDelegatedAuthority, makePlacement } from '../../../test/support/children.ts';

export async function makeScorecardWorld(db: DbOrTx) {
  const [area] = await db.insert(areas).values({ name: 'Testshire' }).returning();
  const [teamA] = await db.insert(teams).values({ name: 'Testshire Team A', areaId: area!.id }).returning();
  const [teamB] = await db.insert(teams).values({ name: 'Testshire Team B', areaId: area!.id }).returning();
  const a = { teamId: teamA!.id };
  const b = { teamId: teamB!.id };

  // Households.
  const h1 = await makeHousehold(db, { ...a, statusSince: '2025-01-10' }); // approved long before June
  const h2 = await makeHousehold(db, { ...a, statusSince: '2026-07-05' }); // approved in July: not yet in June
  const h6 = await makeHousehold(db, { ...a, statusSince: '2026-03-31' }); // approved the day before the financial year
  const h3 = await makeHousehold(db, { ...b, status: 'on_hold', statusSince: '2026-06-15', approvedOn: '2024-05-01' });
  await db.insert(householdStatusEvents).values({ householdId: h3.id, toStatus: 'approved', onDate: '2024-05-01' });
  await refreshHouseholdFacts(db, h3.id); // as the households service does after a status event
  const h4 = await makeHousehold(db, { ...b, status: 'applicant', statusSince: '2026-02-01' });
  const h5 = await makeHousehold(db, { ...b, statusSince: '2026-04-20' }); // a new approval this financial year
  // One household in the demo's East Kent Fostering Team 1: the demo team manager's team.
  const h7 = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1', statusSince: '2020-01-10' });

  const inArea = { areaId: area!.id };
  const child = (lastName: string, extra: Parameters<typeof makeChild>[1] = {}) =>
    makeChild(db, { ...inArea, lastName, ...extra });

  // Placements starting around June.
  const c1 = await child('Placedone');
  const p1 = await makePlacement(db, {
    childId: c1.id,
    householdId: h1.id,
    startDate: '2026-06-08',
    childSawProfile: true,
  });
  await makeDelegatedAuthority(db, { placementId: p1.id, signedOn: '2026-06-10', copyGivenToCarerOn: '2026-06-12' });
  const c2 = await child('Placedtwo');
  const p2 = await makePlacement(db, {
    childId: c2.id,
    householdId: h1.id,
    startDate: '2026-06-08',
    childSawProfile: false,
  });
  const p2da = await makeDelegatedAuthority(db, {
    placementId: p2.id,
    signedOn: '2026-06-10',
    copyGivenToCarerOn: '2026-06-16',
  });
  const c3 = await child('Placedthree');
  const p3 = await makePlacement(db, {
    childId: c3.id,
    householdId: h5.id,
    startDate: '2026-05-22',
    endDate: '2026-06-20',
    ending: 'planned',
  });
  const c4 = await child('Placedfour');
  const p4 = await makePlacement(db, { childId: c4.id, householdId: h5.id, startDate: '2026-06-24' });
  const c5 = await child('Placedfive');
  const p5 = await makePlacement(db, {
    childId: c5.id,
    householdId: h5.id,
    startDate: '2026-05-15',
    endDate: '2026-06-10',
    ending: 'unplanned',
  });
  const c6 = await child('Placedsix');
  const p6 = await makePlacement(db, {
    childId: c6.id,
    householdId: h1.id,
    startDate: '2026-01-05',
    endDate: '2026-06-30',
    ending: 'unplanned',
  });

  // Children new to care, for initial health assessments.
  const k1 = await child('Newone', { lookedAfterSince: '2026-05-18' });
  await db.insert(healthAssessments).values({ childId: k1.id, kind: 'initial', completedOn: '2026-06-16' });
  const k2 = await child('Newtwo', { lookedAfterSince: '2026-05-18' });
  await db.insert(healthAssessments).values({ childId: k2.id, kind: 'initial', completedOn: '2026-06-17' });
  await makePlacement(db, { childId: k2.id, householdId: h1.id, startDate: '2026-05-20' });
  const k3 = await child('Newthree', { lookedAfterSince: '2026-05-18', leftCareOn: '2026-06-01' });
  const k4 = await child('Newfour', { lookedAfterSince: '2026-06-10' });

  // Moves: M had 3 placements in the 12 months to 30 June 2026, N had 2 (a third ended before them).
  const m = await child('Movedthrice');
  await makePlacement(db, { childId: m.id, householdId: h5.id, startDate: '2025-06-01', endDate: '2025-07-15' });
  await makePlacement(db, { childId: m.id, householdId: h5.id, startDate: '2025-07-15', endDate: '2026-01-10' });
  await makePlacement(db, { childId: m.id, householdId: h5.id, startDate: '2026-01-10' });
  const n = await child('Movedtwice');
  await makePlacement(db, { childId: n.id, householdId: h1.id, startDate: '2025-03-01', endDate: '2025-06-30' });
  await makePlacement(db, { childId: n.id, householdId: h1.id, startDate: '2025-06-30', endDate: '2026-02-01' });
  await makePlacement(db, { childId: n.id, householdId: h1.id, startDate: '2026-02-01' });

  // A placement in the demo team manager's team, no delegated authority yet.
  const c7 = await makeChild(db, { lastName: 'Eastkent' });
  const p7 = await makePlacement(db, { childId: c7.id, householdId: h7.id, startDate: '2026-06-08' });

  // The world is written straight to the tables, not through the services that mark the stored
  // counts out of date: the test demo's stored counts (of a service without Testshire) are dropped,
  // so the pages count the months again with it.
  await db.delete(measureSnapshots).where(eq(measureSnapshots.provisional, true));

  return {
    area: area!,
    teamA: teamA!,
    teamB: teamB!,
    households: { h1, h2, h3, h4, h5, h6, h7 },
    placements: { p1, p2, p3, p4, p5, p6, p7 },
    p2da,
    children: { c1, c2, c3, c4, c5, c6, c7, k1, k2, k3, k4, m, n },
  };
}
