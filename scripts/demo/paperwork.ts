/**
 * The paper trail of each placement: the referral (some returned and re-submitted), the match,
 * the placement with its plan, the documents given to the carer and the delegated authority form;
 * and referrals still open today (waiting for quality assurance, returned, accepted, matched).
 */
import { addWorking, isoOf, timestampOf, type Day } from './days.ts';
import type { ChildModel, SegmentModel, UnitModel } from './children.ts';
import type { HouseholdModel } from './households.ts';
import { matchReasons, referralNeeds, returnReasons, supportPackages } from './names.ts';
import type { PlacementFinder } from './placements.ts';
import type { Random } from './random.ts';
import type { StaffModel } from './staff.ts';
import type { Writers } from './writers.ts';

export type OpenStatus = 'submitted' | 'returned' | 'accepted' | 'matched';
const NO_MATCH = 'No in-house match: placed with an independent fostering agency';
/**
 * The papers given to the carer, and the delegated authority's copy: that copy is recorded on the
 * delegated authority form (below), not as a paper, but its draw is kept so the demo stays the same.
 */
const DOCUMENTS = ['referral', 'risk_assessment', 'placement_arrangements', 'delegated_authority'] as const;

export class Paperwork {
  private readonly head: string;

  constructor(
    private readonly w: Writers,
    private readonly households: HouseholdModel[],
    private readonly staff: StaffModel,
    private readonly random: Random,
    private readonly today: Day,
    private readonly newId: () => string,
    private readonly finder: PlacementFinder,
  ) {
    this.head = staff.byUsername.get('head')!.id;
  }

  private manager(teamIdx: number): string {
    return this.staff.teamManagers[teamIdx] ?? this.head;
  }

  /** Writes a referral and its events, spread from `created` to `last`. Returns its id. */
  private async referral(
    child: ChildModel,
    o: {
      type: string;
      urgency: string;
      neededFrom: Day;
      size: number;
      status: string;
      kinds: string[];
      created: Day;
      last: Day;
      teamIdx: number;
    },
  ): Promise<{ id: string; at: Map<string, string> }> {
    const id = this.newId();
    const manager = this.manager(o.teamIdx);
    const worker = child.socialWorkerId;
    const steps = o.kinds.length - 1;
    const times = o.kinds.map((_, i) =>
      timestampOf(o.created + (steps === 0 ? 0 : Math.floor(((o.last - o.created) * i) / steps)), 9 + i, i * 7),
    );
    const at = new Map(o.kinds.map((kind, i) => [kind, times[i]!]));
    const returns = o.kinds.filter((k) => k === 'returned').length;
    await this.w.referrals.add(
      id,
      child.id,
      worker,
      o.type,
      o.urgency,
      isoOf(o.neededFrom),
      this.random.pick(referralNeeds),
      o.size,
      o.status,
      returns,
      times[0]!,
      times[steps]!,
    );
    for (const [i, kind] of o.kinds.entries()) {
      const byManager = kind === 'returned' || kind === 'accepted' || kind === 'matched' || kind === 'withdrawn';
      const reason = kind === 'returned' ? this.random.pick(returnReasons) : kind === 'withdrawn' ? NO_MATCH : null;
      await this.w.referral_events.add(this.newId(), id, kind, reason, byManager ? manager : worker, times[i]!);
    }
    return { id, at };
  }

  private returns(): string[] {
    const n = this.random.weighted([
      [0, 78],
      [1, 18],
      [2, 4],
    ] as const);
    return Array.from({ length: n }, () => ['returned', 'resubmitted']).flat();
  }

  private async match(referralId: string, householdId: string, teamIdx: number, at: string): Promise<void> {
    const { random } = this;
    await this.w.matches.add(
      this.newId(),
      referralId,
      householdId,
      random.pick(matchReasons),
      random.pick(supportPackages),
      this.manager(teamIdx),
      at,
    );
  }

  /** Every placement of a unit's episode, with its referral and paperwork. */
  async unit(unit: UnitModel): Promise<void> {
    for (const segment of unit.segments) {
      if (segment.householdIdx >= 0) await this.placement(unit, segment);
      else if (!segment.continuation && this.random.chance(0.4)) await this.agencyReferral(unit.children, segment);
    }
  }

  private urgencyOf(type: string): string {
    return type === 'emergency' ? 'emergency' : type === 'short_term' && this.random.chance(0.5) ? 'urgent' : 'planned';
  }

  private async agencyReferral(children: ChildModel[], segment: SegmentModel): Promise<void> {
    const child = children[0]!;
    const created = Math.max(child.dateOfBirth + 1, segment.start - this.random.int(1, 20));
    const teamIdx = this.staff.teams.findIndex((t) => t.areaIdx === child.areaIdx);
    const urgency = this.urgencyOf(segment.type);
    const kinds = ['submitted', 'accepted', 'withdrawn'];
    const size = children.length;
    await this.referral(child, {
      type: segment.type,
      urgency,
      neededFrom: segment.start,
      size,
      status: 'withdrawn',
      kinds,
      created,
      last: segment.start,
      teamIdx,
    });
  }

  private async placement(unit: UnitModel, segment: SegmentModel): Promise<void> {
    const { random } = this;
    const h = this.households[segment.householdIdx]!;
    const child = unit.children[0]!;
    let referralId: string | null = null;
    if (!segment.continuation) {
      const urgency = this.urgencyOf(segment.type);
      const lead = urgency === 'emergency' ? 0 : urgency === 'urgent' ? random.int(1, 7) : random.int(14, 70);
      const created = Math.max(child.dateOfBirth + 1, segment.start - lead);
      const kinds = ['submitted', ...(urgency === 'emergency' ? [] : this.returns()), 'accepted', 'matched', 'placed'];
      const size = unit.children.length;
      const r = await this.referral(child, {
        type: segment.type,
        urgency,
        neededFrom: segment.start,
        size,
        status: 'placed',
        kinds,
        created,
        last: segment.start,
        teamIdx: h.teamIdx,
      });
      await this.match(r.id, h.id, h.teamIdx, r.at.get('matched')!);
      referralId = r.id;
    }
    for (const c of unit.children) await this.placementOf(c, h, segment, referralId);
  }

  private async placementOf(
    c: ChildModel,
    h: HouseholdModel,
    s: SegmentModel,
    referralId: string | null,
  ): Promise<void> {
    const { random, today, w } = this;
    const id = this.newId();
    const by = c.socialWorkerId ?? h.allocatedSswId;
    const endOrToday = Math.min(s.end ?? today, today);
    const within = (day: Day | null) => (day !== null && day <= endOrToday ? day : null);
    // Placements that have lasted three months have their paperwork done (a rare gap aside);
    // recent ones are where the work is still to do, as in "My work".
    const settled = s.end === null && today - s.start > 90;
    // A gap in a settled placement's delegated authority is one an audit has just found: in a
    // placement of more than a year it has been put right (every audit and review asks for it).
    // (The random draws below are still made for them, so the rest of the demo stays the same.)
    const longSettled = settled && today - s.start > 365;
    const recent = s.end === null && !settled;
    const roll = random.next();
    const plan = s.pending
      ? null
      : within(
          roll < 0.8
            ? addWorking(s.start, random.int(0, 5))
            : roll < 0.93 || !recent
              ? addWorking(s.start, random.int(6, 15))
              : null,
        );
    const sawProfile = s.continuation
      ? null
      : s.type === 'emergency'
        ? random.chance(0.2)
        : random.weighted([
            [true, 70],
            [false, 20],
            [null, 10],
          ] as const);
    await w.placements.add(
      id,
      c.id,
      h.id,
      referralId,
      s.type,
      isoOf(s.start),
      s.end === null ? null : isoOf(s.end),
      s.ending,
      s.endReason,
      plan === null ? null : isoOf(plan),
      sawProfile,
      by,
      timestampOf(s.start, 12),
    );
    if (s.continuation) return;
    for (const kind of DOCUMENTS) {
      if (s.pending && kind !== 'referral') continue;
      if (!s.pending && !random.chance(settled ? 0.99 : recent ? 0.9 : 0.95)) continue;
      const given = within(
        addWorking(s.start, kind === 'delegated_authority' ? random.int(1, 8) : random.int(0, 3)) -
          (kind === 'referral' ? 1 : 0),
      );
      if (given !== null && kind !== 'delegated_authority') {
        await w.placement_documents.add(this.newId(), id, kind, isoOf(given), by);
      }
    }
    if (!s.pending && !random.chance(settled ? 0.995 : 0.97) && !longSettled) return;
    const signed =
      s.pending || (!random.chance(settled ? 0.995 : recent ? 0.75 : 0.93) && !longSettled)
        ? null
        : within(addWorking(s.start, random.chance(0.8) ? random.int(1, 5) : random.int(6, 20)));
    const copy =
      signed === null || (random.chance(settled ? 0.005 : 0.1) && !longSettled)
        ? null
        : within(signed + random.int(0, 3));
    await w.delegated_authorities.add(
      this.newId(),
      id,
      random.weighted([
        ['shared', 50],
        ['social_worker', 30],
        ['foster_carer', 20],
      ] as const),
      random.weighted([
        ['foster_carer', 70],
        ['shared', 30],
      ] as const),
      random.weighted([
        ['foster_carer', 80],
        ['shared', 20],
      ] as const),
      random.weighted([
        ['parent', 50],
        ['shared', 30],
        ['social_worker', 20],
      ] as const),
      random.weighted([
        ['shared', 60],
        ['parent', 40],
      ] as const),
      signed === null ? null : random.pick(['Foster carer, social worker', 'Foster carer, social worker, parent']),
      signed === null ? null : isoOf(signed),
      copy === null ? null : isoOf(copy),
      by,
      timestampOf(signed ?? s.start, 15),
    );
  }

  /** A referral still open today, for a child in care. */
  async openReferral(child: ChildModel, wanted: OpenStatus): Promise<OpenStatus> {
    const { random, today } = this;
    const type = random.weighted([
      ['long_term', 50],
      ['short_term', 45],
      ['emergency', 5],
    ] as const);
    const urgency = this.urgencyOf(type);
    const neededFrom =
      urgency === 'emergency'
        ? today
        : today + random.int(urgency === 'urgent' ? 1 : 10, urgency === 'urgent' ? 7 : 45);
    let status = wanted;
    let householdIdx = -1;
    if (status === 'matched') {
      householdIdx = this.finder.find([child], {
        start: neededFrom,
        end: null,
        type,
        ending: null,
        endReason: null,
        householdIdx: -1,
        continuation: false,
        pending: false,
      });
      if (householdIdx < 0) status = 'accepted';
    }
    const kinds =
      status === 'submitted'
        ? ['submitted']
        : status === 'returned'
          ? ['submitted', 'returned']
          : ['submitted', ...this.returns(), 'accepted', ...(status === 'matched' ? ['matched'] : [])];
    const created = today - random.int(kinds.length, kinds.length * 5);
    const last = today - random.int(0, 1);
    const teamIdx =
      householdIdx >= 0
        ? this.households[householdIdx]!.teamIdx
        : this.staff.teams.findIndex((t) => t.areaIdx === child.areaIdx);
    const r = await this.referral(child, { type, urgency, neededFrom, size: 1, status, kinds, created, last, teamIdx });
    if (householdIdx >= 0) await this.match(r.id, this.households[householdIdx]!.id, teamIdx, r.at.get('matched')!);
    return status;
  }
}
