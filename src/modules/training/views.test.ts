import { describe, expect, it } from 'vitest';
import type { SessionRow } from './queries.ts';
import { sessionView } from './views.ts';

const session = (capacity: number, booked: number, status = 'scheduled', others = 0): SessionRow => ({
  id: 's1',
  course_id: 'c1',
  title: 'Safer caring and safeguarding',
  category: 'safeguarding',
  hours: '6',
  starts_on: '2026-12-03',
  ends_on: '2026-12-03',
  start_time: '09:30',
  format: 'in_person',
  place: 'Oakwood House, Maidstone',
  capacity,
  trainer: 'Amira Hussain',
  status,
  cancelled_reason: null,
  booked,
  others,
});

describe('a session’s places, in words', () => {
  it('counts the places left out of the session’s places', () => {
    expect(sessionView(session(17, 16)).placesText).toBe('1 of 17 places left');
    expect(sessionView(session(17, 0)).placesText).toBe('17 of 17 places left');
    expect(sessionView(session(1, 0)).placesText).toBe('1 of 1 place left');
  });

  it('says a session is full or cancelled rather than counting', () => {
    expect(sessionView(session(12, 12)).placesText).toBe('Full');
    expect(sessionView(session(12, 3, 'cancelled')).placesText).toBe('Cancelled');
  });

  it('counts the places other organisations took as taken', () => {
    expect(sessionView(session(12, 3, 'scheduled', 4)).placesText).toBe('5 of 12 places left');
    expect(sessionView(session(12, 8, 'scheduled', 4)).placesText).toBe('Full');
  });

  it('writes the date and time of a session over several days', () => {
    expect(sessionView({ ...session(12, 0), ends_on: '2026-12-05' }).when).toBe(
      '3 December 2026 at 09:30 to 5 December 2026',
    );
  });
});
