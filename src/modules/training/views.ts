/** Records of the training module turned into what its pages show, in words. */
import { formatPence } from '../../platform/views/money.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { formErrors } from '../../platform/views/forms.ts';
import { linkDateErrors } from '../../platform/views/date-input.ts';
import type { FieldError } from '../../platform/views/results.ts';
import {
  attendanceNames,
  audiences,
  categories,
  formats,
  hoursText,
  mandatoryFor,
  occasions,
  organisers,
} from './labels.ts';
import type { SessionRow } from './queries.ts';

const options = (labels: Record<string, string>, selected: unknown, blank?: string) => [
  ...(blank !== undefined ? [{ value: '', text: blank, selected: !selected }] : []),
  ...Object.entries(labels).map(([value, text]) => ({
    value,
    text,
    selected: selected === value,
    checked: selected === value,
  })),
];

export const categoryOptions = (selected: unknown, blank?: string) => options(categories, selected, blank);
export const mandatoryOptions = (selected: unknown) => options(mandatoryFor, selected);
export const formatOptions = (selected: unknown) => options(formats, selected);
export const occasionOptions = (selected: unknown) => options(occasions, selected);
export const audienceOptions = (selected: unknown) => options(audiences, selected);
export const organiserOptions = (selected: unknown) => options(organisers, selected);

/** A session as a line: "Tuesday 3 March 2026 at 10:00 (to 4 March), online". */
export function sessionView(s: SessionRow) {
  const left = Math.max(0, s.capacity - Number(s.booked) - Number(s.others));
  return {
    ...s,
    categoryName: named(categories, s.category),
    formatName: named(formats, s.format),
    hoursText: hoursText(s.hours),
    when:
      formatDate(s.starts_on) +
      (s.start_time ? ` at ${s.start_time}` : '') +
      (s.ends_on !== s.starts_on ? ` to ${formatDate(s.ends_on)}` : ''),
    placesLeft: left,
    placesText:
      s.status === 'cancelled'
        ? 'Cancelled'
        : left === 0
          ? 'Full'
          : `${left} of ${s.capacity} ${s.capacity === 1 ? 'place' : 'places'} left`,
  };
}

export const attendanceName = (value: string | null) => (value ? named(attendanceNames, value) : 'Not recorded');

/**
 * What became of a booking, in words: the session or booking cancelled, booked (until the register
 * is taken, the day of the session included), or attended or not. `cancelledBy` names who cancelled.
 */
export function bookingOutcome(
  b: { session_status: string; status: string; starts_on: string; attendance: string | null },
  today: string,
  cancelledBy: 'You cancelled' | 'Booking cancelled',
): string {
  if (b.session_status === 'cancelled') return 'Session cancelled';
  if (b.status === 'cancelled') return cancelledBy;
  if (!b.attendance && b.starts_on >= today) return 'Booked';
  return attendanceName(b.attendance);
}

/** A service's field errors for the form, each date error linked to its day box. */
export function errorsFor(errors: FieldError[], dateFields: readonly string[] = []): FormErrors {
  return linkDateErrors(formErrors(errors), dateFields);
}

export function flashFor(done: unknown): string | undefined {
  const messages: Record<string, string> = {
    course: 'Course saved',
    session: 'Session added to the calendar',
    'session-changed': 'Session changed: the carers booked on it see the new details in their portal',
    booked: 'Place booked',
    cancelled: 'Booking cancelled',
    register: 'Register saved',
    'session-cancelled': 'Session cancelled: the carers who had booked are no longer booked',
    'other-places': 'Places for the other organisation recorded',
    'other-places-removed': 'Places for the other organisation removed',
    tsd: 'Date the TSD standards were evidenced recorded',
    pdp: 'Personal development plan saved',
    'pdp-changed': 'Personal development plan changed',
    'pdp-removed': 'Personal development plan removed',
    event: 'Event saved',
    'event-changed': 'Event changed',
    'event-removed': 'Event removed, with who attended it',
    attended: 'Attendance recorded',
    removed: 'Taken off the attendance list',
  };
  return typeof done === 'string' ? messages[done] : undefined;
}

/** "3 places at £45.00 each (£135.00)", or "2 places, free". */
export const placesInWords = (places: number, pence: number) =>
  `${places} ${places === 1 ? 'place' : 'places'}${
    pence === 0 ? ', free' : ` at ${formatPence(pence)} each (${formatPence(places * pence)})`
  }`;
