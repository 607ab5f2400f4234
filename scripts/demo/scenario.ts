/**
 * What the demo sign-ins rely on, at every scale: `carer` belongs to an approved East Kent Team 1
 * household with a child placed; `ssw` supervises 15-20 East Kent Team 1 households (one with a
 * child placed this week, paperwork to do, checks due, a supervision overdue: see supervision.ts);
 * `ssw2` some West Kent Team 1 households; `cicsw` holds about 12 children, some with open
 * referrals; `manager` manages East Kent Team 1.
 */
import { birthday, type Day, YEAR } from './days.ts';
import { setExpiry } from './household-people.ts';
import { isAllocatable, type HouseholdModel } from './households.ts';
import type { ChildMaker, ChildModel, UnitModel } from './children.ts';
import type { Random } from './random.ts';
import type { ScalePlan } from './scales.ts';
import type { StaffModel } from './staff.ts';

const EAST_1 = 'East Kent Fostering Team 1';
const WEST_1 = 'West Kent Fostering Team 1';

export interface Scenario {
  carerHousehold: number;
  recentHousehold: number;
  /** Approved about ten months ago: its carers' TSD standards are due in the coming months. */
  newlyApproved: number;
}

/** How long ago the scenario's newly approved household was approved: its TSD deadline is about two months off. */
const NEWLY_APPROVED_DAYS = 300;

function teamIdx(staff: StaffModel, name: string): number {
  return staff.teams.findIndex((t) => t.name === name);
}

/** Picks the two East Kent Team 1 households the scenarios use and makes their terms roomy. */
export function pickScenarioHouseholds(households: HouseholdModel[], staff: StaffModel, today: Day): Scenario {
  const east1 = teamIdx(staff, EAST_1);
  const usable = households
    .map((h, i) => [h, i] as const)
    .filter(([h]) => h.teamIdx === east1 && h.status === 'approved' && !h.restricted && h.approvedOn! < today - 30);
  if (usable.length < 2) throw new Error('the demo needs two approved East Kent Fostering Team 1 households');
  const settled = usable.find(([h]) => h.approvedOn! <= today - 500) ?? usable[0]!;
  const other = usable.find(([, i]) => i !== settled[1])!;
  for (const [h] of [settled, other]) {
    Object.assign(h, {
      places: Math.max(h.places, 2),
      ageMin: 0,
      ageMax: 17,
      genderPreference: 'any',
      disability: true,
    });
  }
  const [h] = settled;
  Object.assign(h.carers[0]!, { firstName: 'Jordan', lastName: 'Ellis', email: 'jordan.ellis@example.com' });
  h.name = [...new Set(h.carers.map((c) => c.lastName))].join(' and ');
  const newlyApproved = approveRecently(households, [settled[1], other[1], east1], today);
  return { carerHousehold: settled[1], recentHousehold: other[1], newlyApproved };
}

/**
 * Re-dates one long-approved mainstream household outside the demo worker's team to an approval
 * ten months ago, so every scale has carers whose TSD standards are still to come (the training
 * journey records them, on time). Its road to approval keeps its length; a later spell on hold is
 * dropped. The panel that recommended it and the decision that approved it are written with the
 * other approvals of the year (panel.ts).
 */
function approveRecently(households: HouseholdModel[], [a, b, team]: number[], today: Day): number {
  const idx = households.findIndex(
    (h, i) =>
      i !== a &&
      i !== b &&
      h.teamIdx !== team &&
      h.status === 'approved' &&
      h.type === 'mainstream' &&
      !h.restricted &&
      h.approvedOn! < today - 2 * YEAR,
  );
  if (idx < 0)
    throw new Error('the demo needs a long-approved mainstream household outside East Kent Fostering Team 1');
  const h = households[idx]!;
  const on = today - NEWLY_APPROVED_DAYS;
  const shift = on - h.approvedOn!;
  const approval = h.events.findIndex((e) => e.to === 'approved');
  h.events = h.events.slice(0, approval + 1).map((e) => ({ ...e, on: e.on + shift }));
  Object.assign(h, { approvedOn: on, statusSince: on, placeFrom: on, mentorName: 'Grace Adebayo' });
  return idx;
}

/** The child placed with the demo carer, and a child placed three days ago (paperwork due). */
export function scenarioUnits(
  maker: ChildMaker,
  households: HouseholdModel[],
  scenario: Scenario,
  staff: StaffModel,
  today: Day,
): UnitModel[] {
  const east = staff.areas.findIndex((a) => a.name === 'East Kent');
  const carerHome = households[scenario.carerHousehold]!;
  const settledFrom = Math.max(today - 400, carerHome.approvedOn! + 1);
  const entered = settledFrom - 300;
  const dob = today - Math.floor(9 * YEAR) - 40;
  const settled = maker.child(east, dob, 'Marsh', entered, null);
  const first = maker.segments(entered, null, null, dob)[0]!;
  Object.assign(first, {
    type: 'short_term',
    end: settledFrom,
    ending: 'planned',
    endReason: 'Planned move to long-term carers',
  });
  const unitA: UnitModel = {
    children: [settled],
    segments: [
      first,
      {
        start: settledFrom,
        end: null,
        type: 'long_term',
        ending: null,
        endReason: null,
        householdIdx: -1,
        continuation: false,
        pending: false,
      },
    ],
    fixed: [-1, scenario.carerHousehold],
  };
  const arrived = today - 3;
  const recent = maker.child(east, birthday(today, -6) - 100, 'Ashby', arrived, null);
  Object.assign(recent, { disability: false, uasc: false });
  const unitB: UnitModel = {
    children: [recent],
    segments: [
      {
        start: arrived,
        end: null,
        type: 'emergency',
        ending: null,
        endReason: null,
        householdIdx: -1,
        continuation: false,
        pending: true,
      },
    ],
    fixed: [scenario.recentHousehold],
  };
  return [unitA, unitB];
}

const hasChildNow = (h: HouseholdModel) => h.occupied.some((o) => o.end === Infinity);

/**
 * Allocates households to supervising social workers (a few approved ones left for the manager
 * to allocate), with the demo workers' caseloads first; first-year lead workers for new carers.
 */
export function allocate(
  households: HouseholdModel[],
  staff: StaffModel,
  plan: ScalePlan,
  scenario: Scenario,
  random: Random,
  today: Day,
): void {
  const demo = new Map([
    [teamIdx(staff, EAST_1), { id: staff.byUsername.get('ssw')!.id, caseload: plan.sswCaseload }],
    [teamIdx(staff, WEST_1), { id: staff.byUsername.get('ssw2')!.id, caseload: plan.ssw2Caseload }],
  ]);
  staff.teams.forEach((_, t) => {
    const inTeam = households.map((h, i) => [h, i] as const).filter(([h]) => h.teamIdx === t && isAllocatable(h));
    const worker = demo.get(t);
    const others = staff.supervisors[t]!.filter((id) => id !== worker?.id);
    let rest = inTeam;
    if (worker) {
      const first = (i: number) => (i === scenario.carerHousehold ? 0 : i === scenario.recentHousehold ? 1 : 2);
      const candidates = inTeam
        .filter(([h]) => !h.restricted)
        .sort(([a, i], [b, j]) => first(i) - first(j) || Number(hasChildNow(b)) - Number(hasChildNow(a)) || i - j);
      // A couple of assessments in progress, as a real caseload has.
      const assessing = candidates
        .filter(([h]) => h.status === 'in_assessment' || h.status === 'applicant')
        .slice(0, 2);
      const mine = [
        ...candidates.filter((pair) => !assessing.includes(pair)).slice(0, worker.caseload - assessing.length),
        ...assessing,
      ];
      for (const [h] of mine) h.allocatedSswId = worker.id;
      rest = inTeam.filter((pair) => !mine.includes(pair));
    }
    let next = 0;
    for (const [h] of rest) {
      if (others.length === 0 || (h.status === 'approved' && random.chance(0.03))) continue;
      h.allocatedSswId = others[next % others.length]!;
      next += 1;
    }
  });
  // A lead worker for most new carers' first year; one in 16 still without one (plan action 10.3's
  // measure). Chosen by count, not by the random stream, so the rest of the demo is drawn as before.
  let newCarers = 0;
  for (const h of households) {
    if (h.status === 'approved' && h.approvedOn! > today - 365 && newCarers++ % 16 !== 7) {
      h.firstYearLeadId = h.allocatedSswId ?? staff.supervisors[h.teamIdx]![0] ?? null;
    }
  }
}

/** Checks the demo `ssw` will see in "My work": one DBS expiring soon, one medical overdue. */
export function scenarioChecks(households: HouseholdModel[], staff: StaffModel, today: Day): void {
  const ssw = staff.byUsername.get('ssw')!.id;
  const caseload = households.filter((h) => h.allocatedSswId === ssw && h.status === 'approved');
  const dbs = caseload[0]?.checks.find((c) => c.kind === 'dbs' && c.carerId === caseload[0]!.carers[0]!.id);
  if (dbs) setExpiry(dbs, today + 20);
  const medical = caseload[2]?.checks.find((c) => c.kind === 'medical' && c.carerId !== null);
  if (medical) setExpiry(medical, today - 10);
}

/**
 * Gives `cicsw` their caseload: the scenario children first, then East Kent children in care,
 * preferring those placed with `ssw`'s households. Returns the children in caseload order.
 */
export function allocateCicsw(
  units: UnitModel[],
  households: HouseholdModel[],
  staff: StaffModel,
  plan: ScalePlan,
): ChildModel[] {
  const cicsw = staff.byUsername.get('cicsw')!;
  const ssw = staff.byUsername.get('ssw')!.id;
  const withSsw = (unit: UnitModel) => {
    const open = unit.segments.find((s) => s.end === null && s.householdIdx >= 0);
    return open ? households[open.householdIdx]!.allocatedSswId === ssw : false;
  };
  const candidates = units
    .map((unit, n) => [unit, n] as const)
    .filter(([unit]) => unit.children[0]!.areaIdx === cicsw.areaIdx && unit.children[0]!.leftCareOn === null)
    .sort(([a, n], [b, m]) => Number(n >= 2) - Number(m >= 2) || Number(withSsw(b)) - Number(withSsw(a)) || n - m);
  const caseload: ChildModel[] = [];
  for (const [unit] of candidates) {
    for (const child of unit.children) {
      if (caseload.length < plan.cicswCaseload) {
        child.socialWorkerId = cicsw.id;
        caseload.push(child);
      }
    }
  }
  return caseload;
}
