import { ageOn, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { districtDistanceKm } from './distance.ts';

/**
 * Matching: which households' approval terms fit a referred child. Each rule gives a reason the
 * household fits or a reason it does not; a household fits when no rule fails. Pure functions,
 * so the rules can be tested by hand.
 */

export interface MatchChild {
  dateOfBirth: IsoDate;
  gender: string;
  disability: boolean;
  uasc: boolean;
  schoolPostcode: string | null;
}

export interface MatchReferral {
  placementType: string;
  urgency: string;
  neededFrom: IsoDate;
  siblingGroupSize: number;
}

export interface MatchHousehold {
  id: string;
  name: string;
  postcode: string;
  approvedPlaces: number;
  /** Children placed there now. */
  placed: number;
  ageMin: number;
  ageMax: number;
  genderPreference: string;
  siblingGroups: boolean;
  disability: boolean;
  uasc: boolean;
  emergency: boolean;
  shortBreaks: boolean;
  stayingPut: boolean;
}

export interface Fit {
  fits: boolean;
  /** Why the household fits, rule by rule. */
  reasons: string[];
  /** Why it does not, rule by rule (empty when it fits). */
  misses: string[];
  vacancies: number;
  distanceKm: number | null;
}

/** Staying Put lasts until the young person's 21st birthday. */
export const STAYING_PUT_MAX_AGE = 20;

const genderWords: Record<string, string> = { female: 'girls', male: 'boys' };

/** What every household is measured against: worked out once per search. */
export interface MatchContext {
  /** The child's age on the needed-from date (null when that is before the date of birth). */
  age: number | null;
  /** The needed-from date, in words. */
  on: string;
  stayingPut: boolean;
}

export function matchContext(child: MatchChild, referral: MatchReferral): MatchContext {
  const born = compareIsoDates(referral.neededFrom, child.dateOfBirth) >= 0;
  return {
    age: born ? ageOn(child.dateOfBirth, referral.neededFrom) : null,
    on: formatDate(referral.neededFrom),
    stayingPut: referral.placementType === 'staying_put',
  };
}

/** One rule's verdict on a household, with its reason in words (written only when shown). */
interface Verdict {
  ok: boolean;
  words: () => string;
}

/** Each rule's verdict on this household for this child and referral, in the order they are shown. */
function verdicts(
  child: MatchChild,
  referral: MatchReferral,
  household: MatchHousehold,
  context: MatchContext,
  vacancies: number,
): Verdict[] {
  const out: Verdict[] = [];
  const check = (ok: boolean, yes: () => string, no: () => string) => out.push({ ok, words: ok ? yes : no });

  const places = () => `${household.placed} of ${household.approvedPlaces} approved places filled`;
  const group = referral.siblingGroupSize;
  check(
    vacancies >= group,
    () => `${vacancies} ${vacancies === 1 ? 'vacancy' : 'vacancies'} (${places()})`,
    () =>
      group > 1 && vacancies > 0
        ? `Only ${vacancies} ${vacancies === 1 ? 'vacancy' : 'vacancies'} for a group of ${group} siblings (${places()})`
        : `No vacancy (${places()})`,
  );

  const { age, on, stayingPut } = context;
  if (age === null) {
    out.push({ ok: false, words: () => `Needed from ${on}, before the child’s date of birth` });
  } else {
    const max = stayingPut ? Math.max(household.ageMax, STAYING_PUT_MAX_AGE) : household.ageMax;
    const range = () => `${household.ageMin} to ${max}${stayingPut && max > household.ageMax ? ' (Staying Put)' : ''}`;
    check(
      age >= household.ageMin && age <= max,
      () => `Aged ${age} on ${on}: approved for ages ${range()}`,
      () => `Aged ${age} on ${on}: approved for ages ${range()} only`,
    );
  }

  const preference = household.genderPreference;
  if (preference === 'female' || preference === 'male') {
    check(
      child.gender === preference,
      () => `Approved for ${genderWords[preference]}`,
      () => `Approved for ${genderWords[preference]} only`,
    );
  }

  if (group > 1) {
    check(
      household.siblingGroups,
      () => `Approved for sibling groups (${group} siblings)`,
      () => `Not approved for sibling groups (${group} siblings to place together)`,
    );
  }
  const flag = (ok: boolean, yes: string, no: string) =>
    check(
      ok,
      () => yes,
      () => no,
    );
  if (child.disability) {
    flag(
      household.disability,
      'Approved for children with disabilities',
      'Not approved for children with disabilities',
    );
  }
  if (child.uasc) {
    flag(
      household.uasc,
      'Approved for unaccompanied asylum-seeking children',
      'Not approved for unaccompanied asylum-seeking children',
    );
  }
  if (referral.urgency === 'emergency' || referral.placementType === 'emergency') {
    flag(household.emergency, 'Approved for emergency placements', 'Not approved for emergency placements');
  }
  if (referral.placementType === 'short_break') {
    flag(household.shortBreaks, 'Approved for short breaks', 'Not approved for short breaks');
  }
  if (stayingPut) {
    flag(household.stayingPut, 'Approved for Staying Put', 'Not approved for Staying Put');
  }
  return out;
}

/** How this household's approval terms and vacancies fit this child and referral. */
export function fitOf(
  child: MatchChild,
  referral: MatchReferral,
  household: MatchHousehold,
  context: MatchContext = matchContext(child, referral),
): Fit {
  const vacancies = Math.max(0, household.approvedPlaces - household.placed);
  const all = verdicts(child, referral, household, context, vacancies);
  const misses = all.filter((v) => !v.ok).map((v) => v.words());
  return {
    fits: misses.length === 0,
    reasons: all.filter((v) => v.ok).map((v) => v.words()),
    misses,
    vacancies,
    distanceKm: districtDistanceKm(household.postcode, child.schoolPostcode),
  };
}

export type Candidate<H extends MatchHousehold = MatchHousehold> = H & Fit;

/**
 * Households by fit (those that fit first, then those missing the fewest rules), then by
 * distance from the child's school (unknown distances last), then by name.
 */
export function rankCandidates<H extends MatchHousehold>(
  child: MatchChild,
  referral: MatchReferral,
  households: H[],
): RankedCandidates<H> {
  const context = matchContext(child, referral);
  const byName = new Intl.Collator('en-GB').compare;
  // Ranked on the count of rules missed and the distance; the reasons are put in words only for
  // the households a page shows (a team at national scale has thousands with a vacancy).
  const ranked = households
    .map((h) => {
      const vacancies = Math.max(0, h.approvedPlaces - h.placed);
      const missed = verdicts(child, referral, h, context, vacancies).filter((v) => !v.ok).length;
      return { h, missed, distanceKm: districtDistanceKm(h.postcode, child.schoolPostcode) };
    })
    .sort(
      (a, b) =>
        a.missed - b.missed ||
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        byName(a.h.name, b.h.name) ||
        a.h.id.localeCompare(b.h.id),
    );
  const fitting = ranked.filter((r) => r.missed === 0).map((r) => r.h);
  const missing = ranked.filter((r) => r.missed > 0).map((r) => r.h);
  const described = (list: H[]) => (from: number, to: number) =>
    list.slice(from, to).map((h) => ({ ...h, ...fitOf(child, referral, h, context) }));
  return {
    fittingTotal: fitting.length,
    missesTotal: missing.length,
    fitting: described(fitting),
    misses: described(missing),
  };
}

/** Households ranked for a referral: how many fit and how many do not, and any slice of either in words. */
export interface RankedCandidates<H extends MatchHousehold> {
  fittingTotal: number;
  missesTotal: number;
  fitting: (from: number, to: number) => Candidate<H>[];
  misses: (from: number, to: number) => Candidate<H>[];
}
