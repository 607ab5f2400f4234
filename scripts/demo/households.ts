/**
 * Demo fostering households: status and its history, approval terms, address, carers, members
 * and checks. Placements are added later (placements.ts) within each household's approved places.
 */
import { formatHouseholdReference } from '../../src/modules/households/reference.ts';
import { birthday, type Day, YEAR } from './days.ts';
import {
  makeCarers,
  makeChecks,
  makeMembers,
  type CarerModel,
  type CheckModel,
  type MemberModel,
} from './household-people.ts';
import {
  inwardLetters,
  mensNames,
  pets,
  profileAbout,
  profileHome,
  profileLikes,
  statusReasons,
  streets,
  surnames,
  teamTowns,
  womensNames,
} from './names.ts';
import type { IdMaker, Random } from './random.ts';
import type { ScalePlan } from './scales.ts';
import type { StaffModel } from './staff.ts';

export interface StatusEventModel {
  id: string;
  from: string | null;
  to: string;
  on: Day;
  reason: string | null;
  byUserId: string | null;
}

export interface HouseholdModel {
  id: string;
  reference: string;
  name: string;
  teamIdx: number;
  areaIdx: number;
  addressLine1: string;
  town: string;
  postcode: string;
  /** The outward code, for matching children to nearby homes. */
  district: string;
  status: string;
  statusSince: Day;
  type: string;
  approvedOn: Day | null;
  /** Placements may run from placeFrom up to placeUntil (Infinity: still approved). */
  placeFrom: Day | null;
  placeUntil: Day;
  places: number;
  ageMin: number;
  ageMax: number;
  genderPreference: string;
  siblingGroups: boolean;
  disability: boolean;
  uasc: boolean;
  emergency: boolean;
  shortBreaks: boolean;
  stayingPut: boolean;
  skillLevel: number;
  allocatedSswId: string | null;
  firstYearLeadId: string | null;
  mentorName: string | null;
  restricted: boolean;
  restrictedAccess: string[];
  profile: { about: string; likes: string; home: string } | null;
  pets: string | null;
  carers: CarerModel[];
  members: MemberModel[];
  checks: CheckModel[];
  events: StatusEventModel[];
  /** Children placed: [start, end) per child, end Infinity while the placement is open. */
  occupied: { start: Day; end: Day }[];
}

const ENDED = new Set(['deregistered', 'withdrawn', 'refused']);

/** The (team, status) of every household, in reference order. */
function householdPlan(plan: ScalePlan, staff: StaffModel, random: Random): [number, string][] {
  if (plan.smallPlan)
    return plan.smallPlan.map(([team, status]) => [staff.teams.findIndex((t) => t.name === team), status]);
  const list: [number, string][] = [];
  for (const [status, count] of Object.entries(plan.households)) {
    for (let n = 0; n < count; n += 1) list.push([n % staff.teams.length, status]);
  }
  return random.shuffle(list);
}

/** Dates of the steps before `until`: enquiry, applicant, in assessment (as far as `lastStep`). */
function pipeline(random: Random, until: Day, lastStep: string): [string, Day][] {
  const steps: [string, Day][] = [];
  let day = until;
  const order = ['in_assessment', 'applicant', 'enquiry'];
  for (const step of order.slice(order.indexOf(lastStep))) {
    day -= step === 'in_assessment' ? random.int(120, 240) : random.int(14, 75);
    steps.unshift([step, day]);
  }
  return steps;
}

function terms(random: Random, type: string) {
  const places =
    type === 'family_and_friends'
      ? random.int(1, 2)
      : random.weighted([
          [1, 25],
          [2, 45],
          [3, 22],
          [4, 8],
        ] as const);
  const [ageMin, ageMax] =
    type === 'family_and_friends'
      ? [0, 17]
      : random
          .weighted([
            ['0-17', 35],
            ['0-11', 15],
            ['0-4', 8],
            ['5-17', 15],
            ['11-17', 17],
            ['2-12', 10],
          ] as const)
          .split('-')
          .map(Number);
  const skillLevel =
    type === 'specialist_disability'
      ? random.int(2, 3)
      : random.weighted([
          [1, 55],
          [2, 33],
          [3, 12],
        ] as const);
  return {
    places,
    ageMin: ageMin!,
    ageMax: ageMax!,
    genderPreference: random.weighted([
      ['any', 86],
      ['female', 7],
      ['male', 7],
    ] as const),
    siblingGroups: places >= 2 && random.chance(0.55),
    disability: type === 'specialist_disability' || random.chance(0.12),
    uasc: ageMax === 17 && random.chance(0.12),
    emergency: random.chance(0.18),
    shortBreaks: type === 'short_breaks' || random.chance(0.05),
    stayingPut: ageMax === 17 && random.chance(0.2),
    skillLevel,
  };
}

export function buildHouseholds(
  plan: ScalePlan,
  staff: StaffModel,
  random: Random,
  ids: IdMaker,
  today: Day,
): HouseholdModel[] {
  const recruitment = staff.byUsername.get('recruitment')?.id ?? null;
  return householdPlan(plan, staff, random).map(([teamIdx, status], index) => {
    const team = staff.teams[teamIdx]!;
    const manager = staff.teamManagers[teamIdx] ?? null;
    const id = ids.next();
    const steps: [string, Day][] = [];
    let approvedOn: Day | null = null;
    if (status === 'approved' || status === 'on_hold' || status === 'inactive' || status === 'deregistered') {
      const end =
        status === 'approved'
          ? today
          : status === 'deregistered'
            ? today - random.int(1, 1826)
            : today - random.int(5, 300);
      const firstYear = status === 'approved' && random.chance(0.18);
      approvedOn = firstYear ? today - random.int(10, 364) : end - Math.floor((1 + random.next() ** 1.6 * 15) * YEAR);
      if (status === 'deregistered' || status === 'approved')
        approvedOn = Math.min(approvedOn, end - random.int(30, 90));
      steps.push(...pipeline(random, approvedOn, 'in_assessment'), ['approved', approvedOn]);
      if (status === 'approved' && !firstYear && random.chance(0.05)) {
        const hold = random.int(approvedOn + 200, today - 60);
        steps.push(['on_hold', hold], ['approved', Math.min(today - 1, hold + random.int(20, 120))]);
      }
      if (status !== 'approved') steps.push([status, end]);
    } else if (status === 'withdrawn' || status === 'refused') {
      const end = today - random.int(1, 1826);
      const last = status === 'refused' ? 'in_assessment' : random.pick(['enquiry', 'applicant', 'in_assessment']);
      steps.push(...pipeline(random, end, last), [status, end]);
    } else {
      const since = today - random.int(0, status === 'enquiry' ? 90 : status === 'applicant' ? 120 : 240);
      const before =
        status === 'enquiry' ? [] : pipeline(random, since, status === 'applicant' ? 'enquiry' : 'applicant');
      steps.push(...before, [status, since]);
    }
    const statusSince = steps[steps.length - 1]![1];
    const events: StatusEventModel[] = steps.map(([to, on], n) => ({
      id: ids.next(),
      from: n === 0 ? null : steps[n - 1]![0],
      to,
      on,
      reason: statusReasons[to] ? random.pick(statusReasons[to]) : null,
      byUserId: to === 'enquiry' || to === 'applicant' ? recruitment : manager,
    }));

    const everApproved = approvedOn !== null;
    const type = random.weighted([
      ['mainstream', 75],
      ['family_and_friends', 14],
      ['short_breaks', 5],
      ['specialist_disability', 6],
    ] as const);
    const t = terms(random, type);
    const carers = makeCarers(random, ids, today);
    const members = makeMembers(random, ids, today, carers);
    const [town, districts] = random.pick(teamTowns[team.name]!);
    const district = random.pick(districts);
    const letter = () => inwardLetters[random.int(0, inwardLetters.length - 1)];
    const inward = `${random.int(1, 9)}${letter()}${letter()}`;
    const lastNames = [...new Set(carers.map((c) => c.lastName))];
    const restricted = status === 'approved' && (plan.smallPlan ? index === 2 : random.chance(plan.restrictedShare));
    if (restricted) carers[0]!.isStaff = true;
    const household: HouseholdModel = {
      id,
      reference: formatHouseholdReference(index + 1),
      name: lastNames.join(' and '),
      teamIdx,
      areaIdx: team.areaIdx,
      addressLine1: `${random.int(1, 180)} ${random.pick(streets)}`,
      town,
      postcode: `${district} ${inward}`,
      district,
      status,
      statusSince,
      type: everApproved ? type : 'mainstream',
      approvedOn,
      placeFrom: approvedOn,
      placeUntil: status === 'approved' ? Infinity : everApproved ? statusSince : -Infinity,
      ...(everApproved ? t : { ...t, places: 0, ageMin: 0, ageMax: 17, siblingGroups: false, skillLevel: 1 }),
      allocatedSswId: null,
      firstYearLeadId: null,
      mentorName:
        status === 'approved' && approvedOn! > today - 365
          ? `${random.pick(random.chance(0.8) ? womensNames : mensNames)} ${random.pick(surnames)}`
          : null,
      restricted,
      restrictedAccess: restricted && manager ? [manager] : [],
      profile:
        status === 'approved' && random.chance(0.75)
          ? { about: random.pick(profileAbout), likes: random.pick(profileLikes), home: random.pick(profileHome) }
          : null,
      pets: everApproved && random.chance(0.45) ? random.pick(pets) : null,
      carers,
      members,
      checks: [],
      events,
      occupied: [],
    };
    household.checks = makeChecks(random, ids, today, household, carers, members);
    return household;
  });
}

/** Whether a household is one a supervising social worker would hold. */
export function isAllocatable(h: HouseholdModel): boolean {
  return !ENDED.has(h.status) && h.status !== 'enquiry';
}

/** The first day it could take a child of this age: approvals cover whole ages. */
export function ageFits(h: HouseholdModel, dob: Day, on: Day): boolean {
  return on >= birthday(dob, h.ageMin) && on < birthday(dob, h.ageMax + 1);
}
