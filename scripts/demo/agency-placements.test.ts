import { describe, expect, it } from 'vitest';
import { dayOf } from './days.ts';
import { agencyPlacementsOf, demoAgencies } from './agency-placements.ts';
import { buildDemo } from './model.ts';

/** A fixed day, so the figures are the same whenever the test runs. */
const TODAY = dayOf('2026-03-16');

describe('the demo’s agency placements', () => {
  const demo = buildDemo('county', TODAY);
  const agency = agencyPlacementsOf(demo);

  it('are the same on every run and named from the made-up agencies', () => {
    expect(agencyPlacementsOf(buildDemo('county', TODAY))).toEqual(agency);
    expect(new Set(agency.map((a) => a.agencyName)).size).toBeGreaterThan(4);
    for (const a of agency) expect(demoAgencies).toContain(a.agencyName);
  });

  it('never overlap a child’s in-house placement, and about a fifth of fostered children are with agencies today', () => {
    const running = (start: number, end: number | null) => start <= TODAY && (end === null || end > TODAY);
    let inHouse = 0;
    for (const unit of demo.units) {
      const own = unit.segments.filter((s) => s.householdIdx >= 0);
      for (const child of unit.children) {
        for (const a of agency.filter((x) => x.childId === child.id)) {
          const clash = own.some((s) => s.start < (a.end ?? Infinity) && a.start < (s.end ?? Infinity));
          expect(clash).toBe(false);
        }
        if (own.some((s) => running(s.start, s.end))) inHouse += 1;
      }
    }
    const withAgency = new Set(agency.filter((a) => running(a.start, a.end)).map((a) => a.childId)).size;
    const share = withAgency / (withAgency + inHouse);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.3);
  });
});
