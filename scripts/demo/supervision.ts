/**
 * Carer supervision in the demo: for each approved household with an allocated supervising social
 * worker (or, with none, its team manager), its signed supervision agreements (renewed yearly) and
 * two years of supervision visits by that worker, only while the household was approved. Most households are visited within 6 weeks,
 * have an unannounced visit each year and get their notes within 5 working days; some slip, as in a
 * real service, so "My work" and the scorecard show a realistic few overdue.
 */
import { addYears } from '../../src/platform/dates/index.ts';
import { addWorking, ageOn, dayOf, isoOf, isWorking, timestampOf, type Day } from './days.ts';
import type { UnitModel } from './children.ts';
import type { HouseholdModel } from './households.ts';
import type { Random } from './random.ts';
import type { StaffModel } from './staff.ts';
import * as text from './supervision-text.ts';
import type { Value } from './bulk.ts';

/** Where the rows go: the bulk writers of these tables (or, in tests, lists). */
export type SupervisionSink = Record<
  'supervision_agreements' | 'supervisions' | 'supervision_children' | 'supervision_actions',
  { add(...values: Value[]): Promise<void> }
>;

/** How far back visits go: two years, so each month of the scorecard's 12-month trend has a full year behind it. */
export const SUPERVISION_HISTORY_DAYS = 730;

/** A child's stay with a household: placed from `start` to `end` (both included, as the app reads them). */
export interface Stay {
  childId: string;
  dateOfBirth: Day;
  start: Day;
  end: Day | null;
}

/** Every child's stays, by household index. */
export function staysByHousehold(units: UnitModel[]): Map<number, Stay[]> {
  const stays = new Map<number, Stay[]>();
  for (const unit of units) {
    for (const s of unit.segments) {
      if (s.householdIdx < 0) continue;
      let list = stays.get(s.householdIdx);
      if (!list) stays.set(s.householdIdx, (list = []));
      for (const c of unit.children)
        list.push({ childId: c.id, dateOfBirth: c.dateOfBirth, start: s.start, end: s.end });
    }
  }
  return stays;
}

/**
 * The households not visited for 7 to 8 weeks, so the demo always shows a supervision overdue:
 * the demo carer's (whose next visit the `ssw` is late for; the browser tests record it) and one
 * other household of `ssw` (else `ssw2`), approved for a while.
 */
export function overdueScenario(households: HouseholdModel[], staff: StaffModel, today: Day): Set<string> {
  const carerHome = staff.byUsername.get('carer')?.householdId;
  const overdue = new Set<string>(carerHome ? [carerHome] : []);
  for (const username of ['ssw', 'ssw2']) {
    const worker = staff.byUsername.get(username)?.id;
    const h = households.find(
      (h) =>
        h.status === 'approved' &&
        h.allocatedSswId === worker &&
        h.id !== carerHome &&
        h.approvedOn! < today - 120 &&
        h.events.at(-1)!.on < today - 120,
    );
    if (h) return overdue.add(h.id);
  }
  return overdue;
}

/** The household's approved spells, [from, until) (until Infinity while still approved). */
function approvedSpells(h: HouseholdModel): [Day, Day][] {
  const spells: [Day, Day][] = [];
  h.events.forEach((e, n) => {
    if (e.to === 'approved') spells.push([e.on, h.events[n + 1]?.on ?? Infinity]);
  });
  return spells;
}

const earlierWorking = (day: Day) => {
  let d = day;
  while (!isWorking(d)) d -= 1;
  return d;
};
const laterWorking = (day: Day) => {
  let d = day;
  while (!isWorking(d)) d += 1;
  return d;
};

/** How a household's worker keeps up: some are late more often than others. */
interface Habits {
  /** Chance that the gap to the next visit is longer than 6 weeks. */
  late: number;
  /** Chance that the notes go within 5 working days. */
  notesOnTime: number;
  /** Days between unannounced visits: most about 8 to 10 months, some more than a year. */
  unannouncedGap: () => number;
}

export class SupervisionWriter {
  private readonly from: Day;

  constructor(
    private readonly w: SupervisionSink,
    private readonly random: Random,
    private readonly today: Day,
    private readonly newId: () => string,
  ) {
    this.from = today - SUPERVISION_HISTORY_DAYS;
  }

  /**
   * Writes the agreements and visits of every approved household with an allocated worker;
   * `overdue` households (by id) have had no visit for 7 to 8 weeks today.
   */
  async households(
    households: HouseholdModel[],
    units: UnitModel[],
    overdue: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const stays = staysByHousehold(units);
    for (const [i, h] of households.entries()) {
      if (h.status !== 'approved' || h.allocatedSswId === null) continue;
      await this.agreements(h, h.allocatedSswId);
      const until = overdue.has(h.id) ? this.today - this.random.int(45, 56) : this.today;
      await this.visits(h, h.allocatedSswId, stays.get(i) ?? [], until);
    }
  }

  /**
   * Approved households with no worker allocated now (left for the manager to allocate, or in a
   * team with no supervising social worker): their team manager supervises them meanwhile, so
   * none is overdue since its approval, years before anyone now working there joined.
   */
  async unallocated(households: HouseholdModel[], units: UnitModel[], managers: readonly (string | null)[]) {
    const stays = staysByHousehold(units);
    for (const [i, h] of households.entries()) {
      const manager = managers[h.teamIdx] ?? null;
      if (h.status !== 'approved' || h.allocatedSswId !== null || manager === null) continue;
      await this.agreements(h, manager);
      await this.visits(h, manager, stays.get(i) ?? [], this.today);
    }
  }

  private habits(): Habits {
    const { random } = this;
    const diligent = random.chance(0.88);
    return {
      late: random.weighted([
        [0.05, 60],
        [0.2, 30],
        [0.4, 10],
      ] as const),
      notesOnTime: random.weighted([
        [0.93, 50],
        [0.75, 35],
        [0.45, 15],
      ] as const),
      unannouncedGap: () => (diligent ? random.int(220, 320) : random.int(380, 520)),
    };
  }

  /**
   * The agreement signed at approval (or the one current two years ago), then renewed at each
   * annual review: mostly in the weeks before its review date, sometimes weeks after it.
   */
  private async agreements(h: HouseholdModel, sswId: string): Promise<void> {
    const { random, today } = this;
    const approvedOn = h.approvedOn!;
    const carers = h.carers.map((c) => `${c.firstName} ${c.lastName}`).join(' and ');
    let signed = Math.min(
      today,
      approvedOn >= this.from - 366 ? approvedOn + random.int(0, 14) : this.from - random.int(0, 365),
    );
    while (signed <= today) {
      const signedOn = isoOf(signed);
      const reviewOn = addYears(signedOn, 1);
      await this.w.supervision_agreements.add(
        this.newId(),
        h.id,
        signedOn,
        carers,
        sswId,
        reviewOn,
        sswId,
        timestampOf(signed, 14),
      );
      const review = dayOf(reviewOn);
      signed = random.chance(0.12)
        ? laterWorking(review + random.int(3, 75))
        : earlierWorking(review - random.int(0, 21));
    }
  }

  /** Visits up to the day before `until` (today, or for an overdue household 7 to 8 weeks ago). */
  private async visits(h: HouseholdModel, sswId: string, stays: Stay[], until: Day): Promise<void> {
    const { random, from } = this;
    const habits = this.habits();
    const spells = approvedSpells(h);
    const approvedAt = (d: Day) => spells.some(([a, b]) => a <= d && d < b);
    const firstApproved = spells[0]![0];
    // Where the history starts: visits before it are not written, but set the pace.
    let last: Day;
    let lastUnannounced: Day;
    let unannouncedGap: number;
    if (firstApproved < from) {
      last = from - random.int(0, 41);
      unannouncedGap = habits.unannouncedGap();
      lastUnannounced = from - random.int(0, unannouncedGap);
    } else {
      // New carers: a first visit within weeks, and an early unannounced one.
      last = firstApproved;
      lastUnannounced = firstApproved;
      unannouncedGap = random.int(50, 200);
    }
    for (;;) {
      const late = random.chance(habits.late);
      const visit = late ? laterWorking(last + random.int(43, 80)) : earlierWorking(last + random.int(24, 42));
      if (visit >= until) break;
      if (!approvedAt(visit)) {
        // On hold then: visits start again once approved again.
        const resume = spells.find(([a]) => a > visit)?.[0];
        if (resume === undefined || resume >= until) break;
        last = resume;
        continue;
      }
      const unannounced = visit - lastUnannounced >= unannouncedGap || random.chance(0.03);
      if (unannounced) {
        lastUnannounced = visit;
        unannouncedGap = habits.unannouncedGap();
      }
      await this.visit(h, sswId, visit, !unannounced, habits, stays);
      last = visit;
    }
    // An overdue household's last visit is on the working day before `until`.
    const final = earlierWorking(until - 1);
    if (until < this.today && final > last && approvedAt(final)) {
      await this.visit(h, sswId, final, true, habits, stays);
    }
  }

  private async visit(
    h: HouseholdModel,
    sswId: string,
    visit: Day,
    announced: boolean,
    habits: Habits,
    stays: Stay[],
  ): Promise<void> {
    const { random, today, w } = this;
    const id = this.newId();
    // Finalised within a few working days; a few recent ones are still drafts.
    const f = random.weighted([
      [0, 45],
      [1, 30],
      [2, 15],
      [3, 10],
    ] as const);
    const finalDay = f === 0 ? visit : addWorking(visit, f);
    const draft = finalDay >= today || (today - visit <= 10 && random.chance(0.2));
    const k = random.chance(habits.notesOnTime) ? random.int(f, 5) : random.int(6, 15);
    const sentDay = k === 0 ? visit : addWorking(visit, k);
    const notesSent = draft || sentDay > today ? null : sentDay;
    const updated = Math.min(today - 1, notesSent ?? (draft ? visit : finalDay));
    const attendees = random.pick(h.carers.length > 1 ? text.attendeesBoth : text.attendeesOne);
    await w.supervisions.add(
      id,
      h.id,
      isoOf(visit),
      announced,
      attendees,
      random.pick(text.workingWell),
      random.pick(text.worries),
      random.pick(text.needsToHappen),
      random.pick(text.scalingQuestions),
      random.weighted([
        [4, 5],
        [5, 10],
        [6, 20],
        [7, 30],
        [8, 25],
        [9, 10],
      ] as const),
      draft ? 'draft' : 'final',
      sswId,
      draft ? null : timestampOf(finalDay, 16),
      draft ? null : sswId,
      notesSent === null ? null : isoOf(notesSent),
      timestampOf(visit, 15),
      timestampOf(updated, 16),
    );
    // Each child placed on the visit date: mostly seen, older children often alone.
    const listed = new Set<string>();
    for (const s of stays) {
      if (s.start > visit || (s.end !== null && s.end < visit) || listed.has(s.childId)) continue;
      listed.add(s.childId);
      const seen =
        ageOn(s.dateOfBirth, visit) < 4
          ? random.weighted([
              ['seen', 90],
              ['not_seen', 10],
            ] as const)
          : random.weighted([
              ['seen_alone', 50],
              ['seen', 40],
              ['not_seen', 10],
            ] as const);
      await w.supervision_children.add(id, s.childId, seen);
    }
    const count = random.weighted([
      [0, 15],
      [1, 35],
      [2, 32],
      [3, 18],
    ] as const);
    const chosen = random.shuffle(text.actions).slice(0, count);
    for (const [n, action] of chosen.entries()) {
      await w.supervision_actions.add(
        this.newId(),
        id,
        n + 1,
        action,
        random.pick(text.actionOwners),
        isoOf(visit + random.int(7, 56)),
      );
    }
  }
}
