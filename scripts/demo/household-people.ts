/**
 * The people in a demo household (carers and other members) and their checks, with expiry dates
 * spread so that a few are overdue or due soon, as in a real service.
 */
import { addMonthsTo, birthday, type Day, YEAR } from './days.ts';
import { boysNames, girlsNames, mensNames, surnames, womensNames } from './names.ts';
import type { IdMaker, Random } from './random.ts';

export interface CarerModel {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Day;
  email: string | null;
  phone: string | null;
  isStaff: boolean;
  /** Set for a former carer, who left the household (see `carersSeparate`). */
  leftOn?: Day;
}
export interface MemberModel {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Day;
  relationship: string;
  /** Set when they came to live in the household after its enquiry (see `membersComeAndGo`). */
  movedInOn?: Day;
  /** Set for a former member. */
  leftOn?: Day;
}
export interface CheckModel {
  id: string;
  carerId: string | null;
  memberId: string | null;
  kind: 'dbs' | 'medical' | 'reference';
  completedOn: Day;
  expiresOn: Day | null;
  outcome: string | null;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** One or two carers; a couple often shares a surname. */
export function makeCarers(random: Random, ids: IdMaker, today: Day): CarerModel[] {
  const two = random.chance(0.65);
  const firstIsWoman = random.chance(two ? 0.75 : 0.85);
  const surname = random.pick(surnames);
  const carer = (woman: boolean, lastName: string, withEmail: boolean): CarerModel => {
    // 07700 900000 to 900999: numbers Ofcom keeps for drama, never a real phone.
    const contactNumber = random.int(0, 999);
    const firstName = random.pick(woman ? womensNames : mensNames);
    return {
      id: ids.next(),
      firstName,
      lastName,
      dateOfBirth: today - Math.floor(random.int(28, 66) * YEAR) - random.int(0, 364),
      email: withEmail ? `${slug(firstName)}.${slug(lastName)}${contactNumber}@example.com` : null,
      phone: `07700 900${String(contactNumber).padStart(3, '0')}`,
      isStaff: false,
    };
  };
  const carers = [carer(firstIsWoman, surname, true)];
  if (two) {
    const woman = random.chance(0.92) ? !firstIsWoman : firstIsWoman;
    carers.push(carer(woman, random.chance(0.6) ? surname : random.pick(surnames), random.chance(0.6)));
  }
  return carers;
}

/** Birth children and other adults living in the household. */
export function makeMembers(random: Random, ids: IdMaker, today: Day, carers: CarerModel[]): MemberModel[] {
  const count = random.weighted([
    [0, 35],
    [1, 30],
    [2, 25],
    [3, 10],
  ] as const);
  const members: MemberModel[] = [];
  for (let n = 0; n < count; n += 1) {
    const relationship = random.weighted([
      ['birth_child', 60],
      ['adult_child', 25],
      ['grandparent', 6],
      ['lodger', 3],
      ['other_adult', 4],
      ['partner', carers.length === 1 ? 4 : 0],
    ] as const);
    const age =
      relationship === 'birth_child'
        ? random.int(0, 17)
        : relationship === 'adult_child'
          ? random.int(18, 30)
          : relationship === 'grandparent'
            ? random.int(62, 88)
            : random.int(20, 60);
    const young = age < 18;
    const woman = random.chance(0.5);
    const firstName = random.pick(young ? (woman ? girlsNames : boysNames) : woman ? womensNames : mensNames);
    const family = relationship === 'birth_child' || relationship === 'adult_child' || relationship === 'grandparent';
    members.push({
      id: ids.next(),
      firstName,
      lastName: family ? carers[0]!.lastName : random.pick(surnames),
      dateOfBirth: today - Math.floor(age * YEAR) - random.int(0, 364),
      relationship,
    });
  }
  return members;
}

/** A renewable check (DBS every 3 years, medical every 2), current at `today`, some overdue. */
function renewable(random: Random, today: Day, approvedOn: Day, years: number): { completedOn: Day; expiresOn: Day } {
  if (approvedOn > birthday(today, -years) + 120) {
    const completedOn = approvedOn - random.int(30, 150);
    return { completedOn, expiresOn: birthday(completedOn, years) };
  }
  const expiresOn = today + random.int(-25, Math.floor(years * YEAR) - 26);
  return { completedOn: birthday(expiresOn, -years), expiresOn };
}

export function makeChecks(
  random: Random,
  ids: IdMaker,
  today: Day,
  household: { status: string; approvedOn: Day | null; statusSince: Day },
  carers: CarerModel[],
  members: MemberModel[],
): CheckModel[] {
  const checks: CheckModel[] = [];
  const { status, approvedOn } = household;
  const add = (
    who: { carerId?: string; memberId?: string },
    kind: CheckModel['kind'],
    dates: { completedOn: Day; expiresOn: Day | null },
  ) => {
    const outcome = kind === 'dbs' ? 'Clear' : kind === 'medical' ? 'Fit to foster' : 'Satisfactory';
    checks.push({
      id: ids.next(),
      carerId: who.carerId ?? null,
      memberId: who.memberId ?? null,
      kind,
      outcome,
      ...dates,
    });
  };
  if (approvedOn !== null && (status === 'approved' || status === 'on_hold' || status === 'inactive')) {
    for (const carer of carers) {
      add({ carerId: carer.id }, 'dbs', renewable(random, today, approvedOn, 3));
      add({ carerId: carer.id }, 'medical', renewable(random, today, approvedOn, 2));
      add({ carerId: carer.id }, 'reference', { completedOn: approvedOn - random.int(60, 200), expiresOn: null });
    }
    for (const member of members) {
      if (birthday(member.dateOfBirth, 18) > today) continue;
      const dates = renewable(random, today, Math.max(approvedOn, birthday(member.dateOfBirth, 18)), 3);
      add({ memberId: member.id }, 'dbs', dates);
    }
  } else if (status === 'in_assessment') {
    for (const carer of carers) {
      if (random.chance(0.6)) {
        const completedOn = household.statusSince + random.int(7, 60);
        if (completedOn < today)
          add({ carerId: carer.id }, 'dbs', { completedOn, expiresOn: birthday(completedOn, 3) });
      }
      if (random.chance(0.5)) {
        const completedOn = household.statusSince + random.int(14, 90);
        if (completedOn < today) add({ carerId: carer.id }, 'reference', { completedOn, expiresOn: null });
      }
    }
  }
  return checks;
}

/** Moves a check's expiry (keeping its validity period), for the demo users' scenarios. */
export function setExpiry(check: CheckModel, expiresOn: Day): void {
  const months = check.kind === 'dbs' ? 36 : 24;
  check.expiresOn = expiresOn;
  check.completedOn = addMonthsTo(expiresOn, -months);
}

/**
 * People come and go in a household over the years: in an approved household, some grown-up
 * children and lodgers have left since its approval, and some grandparents, partners and other
 * adults came to live there after its enquiry. Drawn from its own stream, so that the rest of the
 * demo stays as it was.
 */
export function membersComeAndGo(
  random: Random,
  today: Day,
  households: { approvedOn: Day | null; events: { on: Day }[]; members: MemberModel[] }[],
): void {
  for (const h of households) {
    if (h.approvedOn === null) continue;
    const enquiry = h.events[0]!.on;
    for (const m of h.members) {
      const leaves = m.relationship === 'adult_child' ? 0.2 : m.relationship === 'lodger' ? 0.4 : 0;
      const joins = ['grandparent', 'partner', 'other_adult'].includes(m.relationship) ? 0.35 : 0;
      if (random.chance(joins)) {
        const from = Math.max(enquiry, birthday(m.dateOfBirth, 18)) + 30;
        if (from < today - 90) m.movedInOn = random.int(from, today - 90);
      }
      if (random.chance(leaves)) {
        const from = Math.max(h.approvedOn, birthday(m.dateOfBirth, 18), m.movedInOn ?? enquiry) + 30;
        if (from < today - 20) m.leftOn = random.int(from, today - 20);
      }
    }
  }
}

/**
 * Couples separate: in about one approved household of two carers in twenty-five, one carer left
 * after its approval (and at least two weeks ago), and the other carries on fostering. Not in the
 * households the demo sign-ins rely on (`skip`). Drawn from its own stream, so that the rest of the
 * demo stays as it was.
 */
export function carersSeparate(
  random: Random,
  today: Day,
  households: { id: string; approvedOn: Day | null; carers: CarerModel[] }[],
  skip: ReadonlySet<string>,
): void {
  for (const h of households) {
    if (h.approvedOn === null || h.carers.length !== 2 || !random.chance(0.04) || skip.has(h.id)) continue;
    const from = h.approvedOn + 60;
    if (from < today - 14) h.carers[1]!.leftOn = random.int(from, today - 14);
  }
}
