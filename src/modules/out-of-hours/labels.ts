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

/**
 * The hours each answers, in 24-hour London time: the service's own rota under action 7.2 (a local
 * rule, not law). The County Out of Hours team answers every night from midnight until the day
 * begins; the area's fostering out-of-hours service from the evening to midnight on weekdays, and
 * from the start of the day to midnight at weekends and on bank holidays. Between the two on a
 * weekday the day team answers: that is not an out-of-hours call. The form checks who answered
 * against these, and its hints say them (the demo's calls, scripts/demo/out-of-hours.ts, keep to them).
 */
export const ANSWER_HOURS = {
  /** When the County team's night ends: the day team starts on a weekday, the area's service at weekends and on bank holidays. */
  dayFrom: '08:00',
  /** When the area's service takes over from the day team on a weekday. */
  weekdayEveningFrom: '17:00',
} as const;

/** A 24-hour time as the pages say it: "00:00" midnight, "12:00" midday, "09:00" 9am, "17:30" 5:30pm. */
export function clockInWords(time: string): string {
  if (time === '00:00') return 'midnight';
  if (time === '12:00') return 'midday';
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}${hours < 12 ? 'am' : 'pm'}`;
}

const dayFrom = clockInWords(ANSWER_HOURS.dayFrom);
const eveningFrom = clockInWords(ANSWER_HOURS.weekdayEveningFrom);

export const answererHints: Record<Answerer, string> = {
  area: `Weekdays from ${eveningFrom} to midnight; weekends and bank holidays from ${dayFrom} to midnight`,
  county: `Every night from midnight to ${dayFrom}`,
};

/** Who answers when, in a sentence for the form's introduction. */
export const ANSWER_HOURS_IN_WORDS =
  `the area’s fostering service answers from ${eveningFrom} to midnight on weekdays and from ${dayFrom} to midnight ` +
  `at weekends and on bank holidays, the County Out of Hours team every night from midnight to ${dayFrom}`;

/** Why who answered cannot be, under that field: the call was in the other's hours, or in the day team's. */
export const answererRefusals: Record<Answerer | 'day-team', string> = {
  area:
    `The area’s fostering out-of-hours service answers until midnight, the County Out of Hours team from midnight ` +
    `to ${dayFrom}: select the County Out of Hours team, or check the time of the call`,
  county:
    `The County Out of Hours team answers from midnight to ${dayFrom}: select the area’s fostering out-of-hours ` +
    'service, or check the time of the call',
  'day-team': `On weekdays from ${dayFrom} to ${eveningFrom} the day team answers, not the out-of-hours service: check the date and time of the call`,
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
