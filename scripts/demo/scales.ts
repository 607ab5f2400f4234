/**
 * How big each demo is. `small` is spelled out household by household (tests and browser
 * journeys rely on it); `county` and `national` are drawn from these counts.
 */
export type Scale = 'small' | 'county' | 'national';
export const scales: readonly Scale[] = ['small', 'county', 'national'];

export function isScale(value: unknown): value is Scale {
  return typeof value === 'string' && (scales as readonly string[]).includes(value);
}

export interface ScalePlan {
  /** Households by status: how many of each. */
  households: Record<string, number>;
  /** Small only: the team of each household, in order (status order as in `households`). */
  smallPlan?: readonly (readonly [team: string, status: string])[];
  children: number;
  /** Relative numbers of children per area, East, West, North (default: even). */
  childAreaWeights?: readonly number[];
  /** Extra staff beyond the 14 demo users. */
  extraSupervisingSocialWorkers: number;
  extraChildrensSocialWorkers: number;
  /** Share of approved households that are restricted (a carer on the staff). */
  restrictedShare: number;
  /** Households the demo `ssw` and `ssw2` supervise. */
  sswCaseload: number;
  ssw2Caseload: number;
  /** Children allocated to the demo `cicsw`. */
  cicswCaseload: number;
  /** Rows per insert statement. */
  batch: number;
}

const county: ScalePlan = {
  households: {
    approved: 900,
    on_hold: 15,
    inactive: 10,
    enquiry: 45,
    applicant: 40,
    in_assessment: 65,
    deregistered: 140,
    withdrawn: 40,
    refused: 20,
  },
  children: 1400,
  extraSupervisingSocialWorkers: 38,
  extraChildrensSocialWorkers: 24,
  restrictedShare: 0.01,
  sswCaseload: 18,
  ssw2Caseload: 12,
  cicswCaseload: 12,
  batch: 2000,
};

/** About 45,000 households (31,500 approved) and 80,000 children: for load testing. */
const national: ScalePlan = {
  ...county,
  households: Object.fromEntries(Object.entries(county.households).map(([k, n]) => [k, n * 35])),
  children: 80_000,
  extraSupervisingSocialWorkers: 1_400,
  extraChildrensSocialWorkers: 1_400,
  batch: 5000,
};

const E1 = 'East Kent Fostering Team 1';
const E2 = 'East Kent Fostering Team 2';
const W1 = 'West Kent Fostering Team 1';
const W2 = 'West Kent Fostering Team 2';
const N1 = 'North Kent Fostering Team 1';
const N2 = 'North Kent Fostering Team 2';

const smallPlan: readonly (readonly [string, string])[] = [
  [E1, 'approved'], // the demo carer's household
  [E1, 'approved'],
  [E1, 'approved'], // restricted: a carer on the staff
  [E1, 'in_assessment'],
  [E1, 'enquiry'],
  [E2, 'approved'],
  [E2, 'on_hold'],
  [W1, 'approved'],
  [W1, 'applicant'],
  [W2, 'approved'],
  [N1, 'deregistered'],
  [N2, 'approved'],
  [N2, 'withdrawn'],
];

const small: ScalePlan = {
  households: {},
  smallPlan,
  children: 15,
  // Most in East Kent, where the demo's children's social worker works.
  childAreaWeights: [8, 2, 2],
  extraSupervisingSocialWorkers: 0,
  extraChildrensSocialWorkers: 0,
  restrictedShare: 0,
  sswCaseload: 18,
  ssw2Caseload: 12,
  cicswCaseload: 12,
  batch: 1000,
};

export const scalePlans: Record<Scale, ScalePlan> = { small, county, national };
