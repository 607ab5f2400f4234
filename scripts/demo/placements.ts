/**
 * Chooses a household for every planned placement: one approved at the time, whose approval
 * terms fit the children (age, gender, disability, UASC, siblings), with a free place for the
 * whole of the placement. A household never holds more children than its approved places, and a
 * move goes to a different household. When nothing fits, the child goes to an agency placement.
 */
import { ageFits, type HouseholdModel } from './households.ts';
import type { ChildModel, SegmentModel, UnitModel } from './children.ts';
import type { Random } from './random.ts';

const AREA_PROBES = 40;
const COUNTY_PROBES = 15;
/** Share of placements made with independent agencies (not in Hearth). */
const AGENCY_SHARE = 0.12;

export class PlacementFinder {
  private readonly byArea: number[][];
  private readonly all: number[];

  constructor(
    private readonly households: HouseholdModel[],
    private readonly random: Random,
  ) {
    this.all = households.flatMap((h, i) => (h.placeFrom !== null ? [i] : []));
    const areas = Math.max(0, ...households.map((h) => h.areaIdx)) + 1;
    this.byArea = Array.from({ length: areas }, (_, a) => this.all.filter((i) => households[i]!.areaIdx === a));
  }

  /** Children already placed with the household during [start, end). */
  private overlapping(h: HouseholdModel, start: number, end: number): number {
    let n = 0;
    for (const o of h.occupied) if (o.start < end && start < o.end) n += 1;
    return n;
  }

  hasRoom(h: HouseholdModel, start: number, end: number, size: number): boolean {
    return (
      h.placeFrom !== null &&
      h.placeFrom <= start &&
      end <= h.placeUntil &&
      this.overlapping(h, start, end) + size <= h.places
    );
  }

  private fits(h: HouseholdModel, children: ChildModel[], segment: SegmentModel, strictEmergency: boolean): boolean {
    const end = segment.end ?? Infinity;
    if (!this.hasRoom(h, segment.start, end, children.length)) return false;
    if (children.length > 1 && !h.siblingGroups) return false;
    if (strictEmergency && segment.type === 'emergency' && !h.emergency) return false;
    for (const child of children) {
      if (!ageFits(h, child.dateOfBirth, segment.start)) return false;
      if (h.genderPreference !== 'any' && h.genderPreference !== child.gender) return false;
      if (child.disability && !h.disability) return false;
      if (child.uasc && !h.uasc) return false;
    }
    return true;
  }

  reserve(householdIdx: number, unit: UnitModel, segment: SegmentModel): void {
    const h = this.households[householdIdx]!;
    for (let n = 0; n < unit.children.length; n += 1)
      h.occupied.push({ start: segment.start, end: segment.end ?? Infinity });
    segment.householdIdx = householdIdx;
  }

  /** A household that fits the children for the placement, or -1. */
  find(children: ChildModel[], segment: SegmentModel, previous = -1): number {
    const { random } = this;
    const strictEmergency = random.chance(0.5);
    const area = this.byArea[children[0]!.areaIdx] ?? [];
    const tries: [number[], number][] = [
      [area, AREA_PROBES],
      [this.all, COUNTY_PROBES],
    ];
    for (const [pool, probes] of tries) {
      if (pool.length === 0) continue;
      for (let n = 0; n < probes; n += 1) {
        const idx = pool[Math.floor(random.next() * pool.length)]!;
        if (idx !== previous && this.fits(this.households[idx]!, children, segment, strictEmergency)) return idx;
      }
    }
    return -1;
  }

  /** Places a unit's whole episode, segment by segment. */
  place(unit: UnitModel): void {
    let previous = -1;
    unit.segments.forEach((segment, n) => {
      const fixed = unit.fixed?.[n];
      let idx = -1;
      if (fixed !== undefined && fixed >= 0) {
        idx = fixed;
      } else if (segment.continuation) {
        const h = previous >= 0 ? this.households[previous]! : null;
        idx = h && this.hasRoom(h, segment.start, segment.end ?? Infinity, unit.children.length) ? previous : -1;
      } else if (!this.random.chance(AGENCY_SHARE)) {
        idx = this.find(unit.children, segment, previous);
      }
      if (idx >= 0) this.reserve(idx, unit, segment);
      previous = idx;
    });
    // Staying Put with nobody to stay with is no placement at all.
    unit.segments = unit.segments.filter((s) => !(s.continuation && s.householdIdx < 0));
  }
}
