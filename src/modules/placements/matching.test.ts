import { describe, expect, it } from 'vitest';
import { districtDistanceKm, postcodeDistrict } from './distance.ts';
import {
  fitOf,
  rankCandidates,
  type MatchChild,
  type MatchHousehold,
  type MatchReferral,
  type RankedCandidates,
} from './matching.ts';

/** Every ranked household in words, those that fit first. */
const inOrder = (ranked: RankedCandidates<MatchHousehold>) => [
  ...ranked.fitting(0, ranked.fittingTotal),
  ...ranked.misses(0, ranked.missesTotal),
];

/** A 9-year-old girl on 1 September 2025 (born 10 March 2016), no special needs, school in CT1. */
const child: MatchChild = {
  dateOfBirth: '2016-03-10',
  gender: 'female',
  disability: false,
  uasc: false,
  schoolPostcode: 'CT1',
};
const referral: MatchReferral = {
  placementType: 'long_term',
  urgency: 'planned',
  neededFrom: '2025-09-01',
  siblingGroupSize: 1,
};
/** Approved for 2 children aged 0 to 17, nothing else; none placed; in Canterbury (CT2). */
function household(overrides: Partial<MatchHousehold> = {}): MatchHousehold {
  return {
    id: 'h1',
    name: 'Ashdown',
    postcode: 'CT2 7NZ',
    approvedPlaces: 2,
    placed: 0,
    ageMin: 0,
    ageMax: 17,
    genderPreference: 'any',
    siblingGroups: false,
    disability: false,
    uasc: false,
    emergency: false,
    shortBreaks: false,
    stayingPut: false,
    ...overrides,
  };
}

describe('matching fit rules', () => {
  it('fits a plain referral, saying why', () => {
    const fit = fitOf(child, referral, household({ placed: 1 }));
    expect(fit.fits).toBe(true);
    expect(fit.misses).toEqual([]);
    expect(fit.vacancies).toBe(1);
    expect(fit.reasons).toEqual([
      '1 vacancy (1 of 2 approved places filled)',
      'Aged 9 on 1 September 2025: approved for ages 0 to 17',
    ]);
  });

  it('has no fit without a vacancy', () => {
    const fit = fitOf(child, referral, household({ approvedPlaces: 2, placed: 2 }));
    expect(fit.fits).toBe(false);
    expect(fit.misses).toEqual(['No vacancy (2 of 2 approved places filled)']);
  });

  it('counts age on the needed-from date, the birthday itself included', () => {
    const nine = { ...child, dateOfBirth: '2016-09-01' }; // 9th birthday on the day needed
    const eight = { ...child, dateOfBirth: '2016-09-02' }; // 9 the day after
    const fromNine = household({ ageMin: 9 });
    expect(fitOf(nine, referral, fromNine).fits).toBe(true);
    expect(fitOf(eight, referral, fromNine).misses).toEqual([
      'Aged 8 on 1 September 2025: approved for ages 9 to 17 only',
    ]);
    const upToNine = household({ ageMax: 9 });
    expect(fitOf({ ...child, dateOfBirth: '2015-09-02' }, referral, upToNine).fits).toBe(true); // still 9
    expect(fitOf({ ...child, dateOfBirth: '2015-09-01' }, referral, upToNine).misses).toEqual([
      'Aged 10 on 1 September 2025: approved for ages 0 to 9 only',
    ]);
  });

  it('lets Staying Put go up to the 21st birthday, with a Staying Put approval', () => {
    const stayingPut = { ...referral, placementType: 'staying_put' };
    const twenty = { ...child, dateOfBirth: '2004-09-02' }; // 21 on 2 September 2025
    const twentyOne = { ...child, dateOfBirth: '2004-09-01' };
    const host = household({ stayingPut: true });
    expect(fitOf(twenty, stayingPut, host)).toMatchObject({
      fits: true,
      reasons: [
        '2 vacancies (0 of 2 approved places filled)',
        'Aged 20 on 1 September 2025: approved for ages 0 to 20 (Staying Put)',
        'Approved for Staying Put',
      ],
    });
    expect(fitOf(twentyOne, stayingPut, host).misses).toEqual([
      'Aged 21 on 1 September 2025: approved for ages 0 to 20 (Staying Put) only',
    ]);
    expect(fitOf(twenty, stayingPut, household()).misses).toEqual(['Not approved for Staying Put']);
    // Not Staying Put: 20 is over the approved range.
    expect(fitOf(twenty, referral, host).misses).toEqual([
      'Aged 20 on 1 September 2025: approved for ages 0 to 17 only',
    ]);
  });

  it('needs a sibling-group approval and a vacancy for every sibling', () => {
    const three = { ...referral, siblingGroupSize: 3 };
    expect(fitOf(child, three, household({ approvedPlaces: 3, placed: 1 })).misses).toEqual([
      'Only 2 vacancies for a group of 3 siblings (1 of 3 approved places filled)',
      'Not approved for sibling groups (3 siblings to place together)',
    ]);
    expect(fitOf(child, three, household({ approvedPlaces: 3, placed: 1, siblingGroups: true })).misses).toEqual([
      'Only 2 vacancies for a group of 3 siblings (1 of 3 approved places filled)',
    ]);
    const fits = fitOf(child, three, household({ approvedPlaces: 4, placed: 1, siblingGroups: true }));
    expect(fits.fits).toBe(true);
    expect(fits.reasons).toContain('Approved for sibling groups (3 siblings)');
    expect(fits.reasons).toContain('3 vacancies (1 of 4 approved places filled)');
  });

  it('respects a gender preference', () => {
    expect(fitOf(child, referral, household({ genderPreference: 'female' })).reasons).toContain('Approved for girls');
    expect(fitOf({ ...child, gender: 'male' }, referral, household({ genderPreference: 'female' })).misses).toEqual([
      'Approved for girls only',
    ]);
    expect(fitOf({ ...child, gender: 'other' }, referral, household({ genderPreference: 'male' })).fits).toBe(false);
  });

  it('needs disability and UASC approvals for those needs, and only for them', () => {
    const needs = { ...child, disability: true, uasc: true };
    expect(fitOf(needs, referral, household()).misses).toEqual([
      'Not approved for children with disabilities',
      'Not approved for unaccompanied asylum-seeking children',
    ]);
    expect(fitOf(needs, referral, household({ disability: true, uasc: true })).fits).toBe(true);
    expect(fitOf(child, referral, household({ disability: true })).reasons).not.toContain(
      'Approved for children with disabilities',
    );
  });

  it('needs an emergency approval for an emergency by urgency or by type', () => {
    expect(fitOf(child, { ...referral, urgency: 'emergency' }, household()).misses).toEqual([
      'Not approved for emergency placements',
    ]);
    expect(fitOf(child, { ...referral, placementType: 'emergency' }, household()).misses).toEqual([
      'Not approved for emergency placements',
    ]);
    expect(fitOf(child, { ...referral, urgency: 'emergency' }, household({ emergency: true })).fits).toBe(true);
    expect(fitOf(child, { ...referral, urgency: 'urgent' }, household()).fits).toBe(true);
  });

  it('needs a short-breaks approval for a short break', () => {
    const shortBreak = { ...referral, placementType: 'short_break' };
    expect(fitOf(child, shortBreak, household()).misses).toEqual(['Not approved for short breaks']);
    expect(fitOf(child, shortBreak, household({ shortBreaks: true })).fits).toBe(true);
  });
});

describe('distance and ranking', () => {
  it('reads postcode districts from full and partial postcodes', () => {
    expect(postcodeDistrict('ct2 7nz')).toBe('CT2');
    expect(postcodeDistrict('ME14')).toBe('ME14');
    expect(postcodeDistrict('TN23 1AA')).toBe('TN23');
    expect(postcodeDistrict('not a postcode')).toBeNull();
  });

  it('measures great-circle km between district centres (worked by hand from the data file)', () => {
    // CT1 (51.279, 1.080) to CT2 (51.300, 1.065): 2.34 km north, 1.04 km west.
    expect(districtDistanceKm('CT1', 'CT2 7NZ')).toBeCloseTo(2.56, 1);
    // CT1 to ME14 (51.285, 0.540): 0.67 km north, 37.5 km west.
    expect(districtDistanceKm('CT1', 'ME14 1AA')).toBeCloseTo(37.6, 0);
    expect(districtDistanceKm('CT1', 'ZZ9 9ZZ')).toBeNull();
    expect(districtDistanceKm(null, 'CT2')).toBeNull();
  });

  it('puts households that fit first, then the nearest to school, unknown distances last', () => {
    const ranked = inOrder(
      rankCandidates(child, referral, [
        household({ id: 'far', name: 'Beech', postcode: 'ME14 1AA' }),
        household({ id: 'unknown', name: 'Alder', postcode: '' }),
        household({ id: 'near-full', name: 'Cedar', postcode: 'CT2 7NZ', placed: 2 }),
        household({ id: 'middle', name: 'Damson', postcode: 'CT20 1AA' }),
        household({ id: 'near', name: 'Elm', postcode: 'CT1 2AB' }),
      ]),
    );
    expect(ranked.map((c) => c.id)).toEqual(['near', 'middle', 'far', 'unknown', 'near-full']);
    expect(ranked[0]!.distanceKm).toBe(0);
    expect(ranked.at(-1)!.fits).toBe(false);
  });

  it('sorts by name when the school postcode is not known', () => {
    const ranked = inOrder(
      rankCandidates({ ...child, schoolPostcode: null }, referral, [
        household({ id: 'b', name: 'Birch', postcode: 'CT1 1AA' }),
        household({ id: 'a', name: 'Ash', postcode: 'ME14 1AA' }),
      ]),
    );
    expect(ranked.map((c) => c.id)).toEqual(['a', 'b']);
  });
});
