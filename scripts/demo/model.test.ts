import { describe, expect, it } from 'vitest';
import { dayOf } from './days.ts';
import { buildDemo } from './model.ts';

/** A fixed day, so the figures below are the same whenever the test runs. */
const TODAY = dayOf('2026-03-16');

describe('the county demo (built in memory)', () => {
  const demo = buildDemo('county', TODAY);
  const { staff, households, units } = demo;
  const team = (name: string) => staff.teams.findIndex((t) => t.name === name);
  const usersWithRole = (role: string) => staff.users.filter((u) => u.role === role);

  it('has three areas, six teams, a manager for each and about 40 supervising and 25 children’s social workers', () => {
    expect(staff.areas).toHaveLength(3);
    expect(staff.teams).toHaveLength(6);
    expect(usersWithRole('team_manager')).toHaveLength(6);
    expect(new Set(usersWithRole('team_manager').map((u) => u.teamIdx)).size).toBe(6);
    expect(usersWithRole('supervising_social_worker')).toHaveLength(40);
    expect(usersWithRole('childrens_social_worker')).toHaveLength(25);
    expect(new Set(staff.users.map((u) => u.username)).size).toBe(staff.users.length);
  });

  it('has 900 approved households, about 150 on their way and 200 that have ended', () => {
    const by = (status: string) => households.filter((h) => h.status === status).length;
    expect(by('approved')).toBe(900);
    expect(by('enquiry') + by('applicant') + by('in_assessment')).toBe(150);
    expect(by('deregistered') + by('withdrawn') + by('refused')).toBe(200);
    expect(new Set(households.map((h) => h.reference)).size).toBe(households.length);
  });

  it('has about 1,400 children, most in care today, with five years of placements and moves', () => {
    expect(demo.childCount).toBeGreaterThanOrEqual(1400);
    expect(demo.childCount).toBeLessThanOrEqual(1402);
    const children = units.flatMap((u) => u.children);
    const inCare = children.filter((c) => c.leftCareOn === null).length;
    expect(inCare / children.length).toBeGreaterThan(0.6);
    expect(Math.min(...children.map((c) => c.lookedAfterSince))).toBeLessThan(TODAY - 5 * 365);
    const moves = units.flatMap((u) => u.segments.filter((s) => s.householdIdx >= 0 && s.ending !== null));
    expect(moves.filter((s) => s.ending === 'unplanned').length).toBeGreaterThan(100);
    expect(demo.placementCount).toBeGreaterThan(1500);
  });

  it('never places more children with a household than its approved places, on any day', () => {
    for (const h of households) {
      for (const { start } of h.occupied) {
        const there = h.occupied.filter((o) => o.start <= start && start < o.end).length;
        expect(there, h.reference).toBeLessThanOrEqual(h.places);
      }
    }
  });

  it('gives ssw 15 to 20 East Kent Team 1 households, ssw2 some West Kent Team 1 ones, cicsw 12 children', () => {
    const caseload = (username: string) =>
      households.filter((h) => h.allocatedSswId === staff.byUsername.get(username)!.id);
    const ssw = caseload('ssw');
    expect(ssw.length).toBeGreaterThanOrEqual(15);
    expect(ssw.length).toBeLessThanOrEqual(20);
    expect(ssw.every((h) => h.teamIdx === team('East Kent Fostering Team 1'))).toBe(true);
    expect(ssw.filter((h) => h.occupied.some((o) => o.end === Infinity)).length).toBeGreaterThanOrEqual(8);
    const ssw2 = caseload('ssw2');
    expect(ssw2.length).toBeGreaterThanOrEqual(5);
    expect(ssw2.every((h) => h.teamIdx === team('West Kent Fostering Team 1'))).toBe(true);
    const cicsw = staff.byUsername.get('cicsw')!.id;
    expect(units.flatMap((u) => u.children).filter((c) => c.socialWorkerId === cicsw)).toHaveLength(12);
  });

  it('is the same every time it is built', () => {
    const again = buildDemo('county', TODAY);
    expect(again.households.map((h) => `${h.reference} ${h.name}`)).toEqual(
      households.map((h) => `${h.reference} ${h.name}`),
    );
    expect(again.units.flatMap((u) => u.children.map((c) => `${c.reference} ${c.firstName} ${c.lastName}`))).toEqual(
      units.flatMap((u) => u.children.map((c) => `${c.reference} ${c.firstName} ${c.lastName}`)),
    );
  });
});
