/**
 * Demo children in care, in "units" (a child, or brothers and sisters placed together), each
 * with a care episode and the plan of its placements over up to five years: emergency, short-term
 * and long-term placements, moves (an ending plus a new placement), and Staying Put at 18.
 * Households are chosen later (placements.ts); a placement may also be with an agency (not recorded).
 */
import { ageOn, birthday, type Day, YEAR } from './days.ts';
import {
  boysNames,
  ethnicityWeights,
  girlsNames,
  leftCarePlanned,
  leftCareUnplanned,
  movePlanned,
  moveUnplanned,
  surnames,
  teamTowns,
} from './names.ts';
import type { IdMaker, Random } from './random.ts';
import type { StaffModel } from './staff.ts';

export interface ChildModel {
  id: string;
  reference: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: Day;
  gender: string;
  ethnicity: string;
  legalStatus: string;
  lookedAfterSince: Day;
  leftCareOn: Day | null;
  areaIdx: number;
  socialWorkerId: string | null;
  disability: boolean;
  uasc: boolean;
  cseRisk: boolean;
  missingRisk: boolean;
  schoolPostcode: string | null;
}

export interface SegmentModel {
  start: Day;
  /** null: the placement is still open. */
  end: Day | null;
  type: string;
  ending: 'planned' | 'unplanned' | null;
  endReason: string | null;
  /** Index into the households, or -1 for an agency placement (not in Hearth). */
  householdIdx: number;
  /** Staying Put with the same carers after the 18th birthday. */
  continuation: boolean;
  /** Paperwork still to do (the demo's recent placements). */
  pending: boolean;
}

export interface UnitModel {
  children: ChildModel[];
  segments: SegmentModel[];
  /** Households fixed in advance for the demo users' scenarios, by segment. */
  fixed?: number[];
}

const childReference = (n: number) => `C-${String(n).padStart(6, '0')}`;

export class ChildMaker {
  private count = 0;
  /** Postcode districts of each area's towns, for school postcodes. */
  private readonly districts: string[][];
  /** Children's social workers each area's children are shared between (the demo `cicsw` gets a set caseload). */
  private readonly workerPools: string[][];

  constructor(
    private readonly random: Random,
    private readonly ids: IdMaker,
    private readonly staff: StaffModel,
    private readonly today: Day,
    /** Relative numbers of children per area (default: even). */
    private readonly areaWeights?: readonly number[],
  ) {
    this.districts = staff.areas.map((_, a) =>
      staff.teams.filter((t) => t.areaIdx === a).flatMap((t) => teamTowns[t.name]!.flatMap(([, d]) => [...d])),
    );
    const cicsw = staff.byUsername.get('cicsw')?.id;
    this.workerPools = staff.childrensWorkers.map((workers) =>
      workers.length > 1 ? workers.filter((id) => id !== cicsw) : workers,
    );
  }

  /** A child with identity and needs; dates of care filled in by the caller. */
  child(
    areaIdx: number,
    dateOfBirth: Day,
    lastName: string,
    lookedAfterSince: Day,
    leftCareOn: Day | null,
  ): ChildModel {
    const { random, today } = this;
    this.count += 1;
    const gender = random.weighted([
      ['female', 48],
      ['male', 50],
      ['other', 2],
    ] as const);
    const firstName = random.pick(
      gender === 'female' ? girlsNames : gender === 'male' ? boysNames : random.pick([girlsNames, boysNames]),
    );
    const ageAtEntry = ageOn(dateOfBirth, lookedAfterSince);
    const uasc = ageAtEntry >= 14 && random.chance(0.18);
    const until = leftCareOn ?? today;
    const schoolAge = ageOn(dateOfBirth, until) >= 4 && ageOn(dateOfBirth, until) <= 17;
    const pool = this.workerPools[areaIdx]!;
    return {
      id: this.ids.next(),
      reference: childReference(this.count),
      firstName,
      lastName: uasc ? random.pick(surnames) : lastName,
      preferredName: random.chance(0.04) ? random.pick(gender === 'female' ? girlsNames : boysNames) : null,
      dateOfBirth,
      gender,
      ethnicity: uasc
        ? random.pick([
            'Other ethnic group: Arab',
            'Black, Black British, Caribbean or African: African',
            'Asian or Asian British: any other Asian background',
          ])
        : random.weighted(ethnicityWeights),
      legalStatus: uasc
        ? 's20_accommodated'
        : random.weighted([
            ['s31_care_order', 55],
            ['interim_care_order', 15],
            ['s20_accommodated', 18],
            ['placement_order', 5],
            ['remand', 2],
            ['other', 5],
          ] as const),
      lookedAfterSince,
      leftCareOn,
      areaIdx,
      socialWorkerId: pool.length > 0 ? random.pick(pool) : null,
      disability: random.chance(0.08),
      uasc,
      cseRisk: ageAtEntry >= 11 && random.chance(0.1),
      missingRisk: ageAtEntry >= 11 && random.chance(0.12),
      schoolPostcode: schoolAge && random.chance(0.75) ? random.pick(this.districts[areaIdx]!) : null,
    };
  }

  /** A unit drawn at random: in care today (most) or left care within the last five years. */
  unit(): UnitModel {
    const { random, today } = this;
    const areaIdx = this.areaWeights
      ? random.weighted(this.areaWeights.map((w, a) => [a, w] as const))
      : random.int(0, this.staff.areas.length - 1);
    const current = random.chance(0.72);
    const size = random.weighted([
      [1, 87],
      [2, 10],
      [3, 3],
    ] as const);
    const band = random.weighted([
      [[0, 4], 18],
      [[5, 9], 18],
      [[10, 15], 38],
      [[16, 17], 26],
    ] as const);
    const ageDays = Math.floor(band[0] * YEAR) + random.int(0, Math.floor((band[1] - band[0] + 1) * YEAR) - 2);
    let leftCareOn: Day | null = null;
    let dob: Day;
    let reason: 'turned18' | 'planned' | 'unplanned' | null = null;
    if (current) {
      dob = today - ageDays;
    } else {
      leftCareOn = today - random.int(1, 1826);
      reason = size === 1 && random.chance(0.3) ? 'turned18' : random.chance(0.8) ? 'planned' : 'unplanned';
      dob = reason === 'turned18' ? birthday(leftCareOn, -18) : leftCareOn - ageDays;
    }
    const until = leftCareOn ?? today;
    const meanYears = current ? 2.5 : 1.5;
    const inCare = Math.max(1, Math.min(until - dob - 1, Math.floor(-Math.log(1 - random.next()) * meanYears * YEAR)));
    const lookedAfterSince = until - inCare;
    const lastName = random.pick(surnames);
    const children = [this.child(areaIdx, dob, lastName, lookedAfterSince, leftCareOn)];
    for (let n = 1; n < size; n += 1) {
      const younger = dob + random.int(365, 1500);
      if (younger >= lookedAfterSince) break;
      children.push(this.child(areaIdx, younger, lastName, lookedAfterSince, leftCareOn));
    }
    return { children, segments: this.segments(lookedAfterSince, leftCareOn, reason, dob) };
  }

  /** The placements of one care episode, end to end. */
  segments(
    from: Day,
    leftCareOn: Day | null,
    reason: 'turned18' | 'planned' | 'unplanned' | null,
    dob: Day,
  ): SegmentModel[] {
    const { random, today } = this;
    const limit = leftCareOn ?? today;
    const segments: SegmentModel[] = [];
    let type: string = random.weighted([
      ['emergency', 20],
      ['short_term', 50],
      ['long_term', 30],
    ] as const);
    let cursor = from;
    for (let n = 0; ; n += 1) {
      const length =
        type === 'emergency'
          ? random.int(2, 35)
          : type === 'short_term'
            ? random.int(45, 540)
            : random.lowInt(365, 4000);
      const end = cursor + length;
      const last = end >= limit || n === 5;
      const segment: SegmentModel = {
        start: cursor,
        end: null,
        type,
        ending: null,
        endReason: null,
        householdIdx: -1,
        continuation: false,
        pending: false,
      };
      segments.push(segment);
      if (last) {
        if (leftCareOn !== null) {
          segment.end = leftCareOn;
          segment.ending = reason === 'unplanned' ? 'unplanned' : 'planned';
          segment.endReason =
            reason === 'turned18'
              ? 'Turned 18'
              : random.pick(reason === 'unplanned' ? leftCareUnplanned : leftCarePlanned);
          if (reason === 'turned18' && type === 'long_term' && random.chance(0.45)) {
            const stay = leftCareOn + random.int(180, 1000);
            segments.push({
              start: leftCareOn,
              end: stay < today ? stay : null,
              type: 'staying_put',
              ending: stay < today ? 'planned' : null,
              endReason: stay < today ? 'Moved to independent living' : null,
              householdIdx: -1,
              continuation: true,
              pending: false,
            });
          }
        }
        return segments;
      }
      const planned = type === 'emergency' || random.chance(0.6);
      segment.end = end;
      segment.ending = planned ? 'planned' : 'unplanned';
      segment.endReason = random.pick(planned ? movePlanned : moveUnplanned);
      if (type === 'emergency' && planned) segment.endReason = 'Step-down from an emergency placement';
      cursor = end;
      type =
        type === 'emergency'
          ? random.weighted([
              ['short_term', 60],
              ['long_term', 40],
            ] as const)
          : type === 'short_term'
            ? random.weighted([
                ['long_term', 45],
                ['short_term', 45],
                ['emergency', 10],
              ] as const)
            : random.weighted([
                ['long_term', 50],
                ['short_term', 50],
              ] as const);
      if (ageOn(dob, cursor) >= 17) type = 'short_term';
    }
  }
}
