/** The words of out-of-hours calls, shared by the form, the pages and the measures. */

export const OUT_OF_HOURS_STANDARD =
  'Fostering Services: National Minimum Standards (2011), standard 21.3 (foster carers have access to support and advice out of hours)';
export const ACTION_7_2 =
  'Target 7, action 7.2: an effective out-of-hours service for foster carers, with more emergency placements for the county';

export const callers = ['carer', 'young-person', 'police', 'other'] as const;
export type Caller = (typeof callers)[number];
export const callerNames: Record<Caller, string> = {
  carer: 'A foster carer',
  'young-person': 'A young person placed with the household',
  police: 'The police',
  other: 'Someone else',
};

export const answerers = ['area', 'county'] as const;
export type Answerer = (typeof answerers)[number];
export const answererNames: Record<Answerer, string> = {
  area: 'The area’s fostering out-of-hours service',
  county: 'The County Out of Hours team',
};
export const answererHints: Record<Answerer, string> = {
  area: 'Weekdays from 5pm to midnight, weekends and bank holidays',
  county: 'After midnight',
};

/**
 * What a call may be about. Not an allegation against a carer or a concern about their care: that
 * is recorded as an allegation (concerns module), read only by those who handle allegations, with
 * its own clock (the LADO told within a working day).
 */
export const reasons = [
  'advice',
  'behaviour',
  'placement-at-risk',
  'missing',
  'health',
  'emergency-placement',
  'other',
] as const;
export type Reason = (typeof reasons)[number];
export const reasonNames: Record<Reason, string> = {
  advice: 'Advice or support',
  behaviour: 'A child’s behaviour',
  'placement-at-risk': 'A placement at risk of ending',
  missing: 'A child missing',
  health: 'A child’s health or an accident',
  'emergency-placement': 'A child needing an emergency placement',
  other: 'Something else',
};

export const outcomes = [
  'advice-given',
  'visited',
  'placed-in-house',
  'placed-elsewhere',
  'passed-to-day-team',
  'passed-to-police',
] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeNames: Record<Outcome, string> = {
  'advice-given': 'Advice given on the phone',
  visited: 'Someone visited the household',
  'placed-in-house': 'The child was placed with one of our foster carers',
  'placed-elsewhere': 'The child was placed elsewhere (an agency, emergency bed or semi-independent)',
  'passed-to-day-team': 'Passed to the day team to follow up',
  'passed-to-police': 'Passed to the police',
};
