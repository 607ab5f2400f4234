/**
 * The whole demo service in memory, before anything is written: staff, households, children
 * and their placements, allocations and the demo users' scenarios. Pure and deterministic for a
 * scale and a day, so it can be checked without a database.
 */
import { ChildMaker, type ChildModel, type UnitModel } from './children.ts';
import type { Day } from './days.ts';
import { buildHouseholds, type HouseholdModel } from './households.ts';
import { carersSeparate, membersComeAndGo } from './household-people.ts';
import { PlacementFinder } from './placements.ts';
import { IdMaker, stream } from './random.ts';
import { scalePlans, type Scale, type ScalePlan } from './scales.ts';
import { allocate, allocateCicsw, pickScenarioHouseholds, scenarioChecks, scenarioUnits } from './scenario.ts';
import { buildStaff, type StaffModel } from './staff.ts';

export interface DemoModel {
  scale: Scale;
  plan: ScalePlan;
  today: Day;
  ids: IdMaker;
  staff: StaffModel;
  households: HouseholdModel[];
  /** The demo users' scenario units come first (the carer's child, then a child placed this week). */
  units: UnitModel[];
  finder: PlacementFinder;
  cicswCaseload: ChildModel[];
  /** The household approved ten months ago whose carers' TSD standards are still to be evidenced. */
  newlyApprovedId: string;
  childCount: number;
  placementCount: number;
}

export function buildDemo(scale: Scale, today: Day): DemoModel {
  const plan = scalePlans[scale];
  const ids = new IdMaker(scale);
  const staff = buildStaff(scale, plan, ids);
  const households = buildHouseholds(plan, staff, stream(scale, 'households'), ids, today);
  membersComeAndGo(stream(scale, 'household-members'), today, households);
  const scenario = pickScenarioHouseholds(households, staff, today);
  const scenarioIds = new Set(
    [scenario.carerHousehold, scenario.recentHousehold, scenario.newlyApproved].map((i) => households[i]!.id),
  );
  carersSeparate(stream(scale, 'carers-leaving'), today, households, scenarioIds);
  const maker = new ChildMaker(stream(scale, 'children'), ids, staff, today, plan.childAreaWeights);
  const units: UnitModel[] = scenarioUnits(maker, households, scenario, staff, today);
  let childCount = units.reduce((n, u) => n + u.children.length, 0);
  while (childCount < plan.children) {
    const unit = maker.unit();
    units.push(unit);
    childCount += unit.children.length;
  }
  const finder = new PlacementFinder(households, stream(scale, 'placements'));
  for (const unit of units) finder.place(unit);
  allocate(households, staff, plan, scenario, stream(scale, 'allocation'), today);
  scenarioChecks(households, staff, today);
  const cicswCaseload = allocateCicsw(units, households, staff, plan);
  // The demo carer's account is Jordan Ellis's, the first carer of that household.
  const carerAccount = staff.byUsername.get('carer')!;
  carerAccount.householdId = households[scenario.carerHousehold]!.id;
  carerAccount.carerId = households[scenario.carerHousehold]!.carers[0]!.id;
  const placementCount = units.reduce(
    (n, u) => n + u.segments.filter((s) => s.householdIdx >= 0).length * u.children.length,
    0,
  );
  const newlyApprovedId = households[scenario.newlyApproved]!.id;
  return {
    scale,
    plan,
    today,
    ids,
    staff,
    households,
    units,
    finder,
    cicswCaseload,
    newlyApprovedId,
    childCount,
    placementCount,
  };
}
