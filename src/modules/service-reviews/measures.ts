/**
 * The scorecard's measure of the six-monthly reviews (business plan actions 1.1, 1.2, 3.2 and 6.3):
 * of the reviews that fell due in the month (31 October, for April to September; 30 April, for
 * October to March), the percentage marked complete by their due date. A review written for an
 * area counts under its area; a service-wide one (allegations and complaints, retention, agencies'
 * payments) counts for the service only (no area, no team), as other service-wide records do.
 */
import { sql } from 'drizzle-orm';
import { addMonths, compareIsoDates } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { halfYearOf, reviewDueOn } from './periods.ts';
import { slotHalfYear, slotHref, slotsSql, slotTitle } from './slots.ts';

/** The half-year whose reviews fell due in the period (by its day), or null when none did. */
function halfYearDueIn(p: Period): string | null {
  const start = addMonths(halfYearOf(p.from), -6);
  const due = reviewDueOn(start);
  const inMonth = compareIsoDates(due, p.from) >= 0 && compareIsoDates(due, p.asAt) <= 0;
  return inMonth ? start : null;
}

/** The places whose review fell due in the period (s), with their saved review if any (r). */
const dueIn = (start: string) => sql`${slotsSql(start, start)} s left join service_reviews r on r.id = s.id`;

const onTime = sql`coalesce(r.completed_on <= s.due_on, false)`;

export const reviewsOnTime: Measure = {
  id: 'service-reviews.completed-on-time',
  title: 'Six-monthly reviews completed on time',
  definition:
    'Of the six-monthly reviews that fell due in the month (up to today, for the current month), the percentage ' +
    'marked complete on or before the day they were due. Reviews are due one month after their half-year ends: ' +
    'by 31 October for April to September, and by 30 April for October to March (the service’s own timescale, ' +
    'from its business plan). Each area’s summary of children’s feedback counts under its area; the reviews ' +
    'written for the whole service (allegations and complaints, retention of foster carers, what local agencies ' +
    'pay) count for the service only.',
  standard:
    'Fostering Services: National Minimum Standards (2011), standard 25.2 (the manager monitors the service and learns from it)',
  planTarget:
    'Business plan actions 1.1, 1.2, 3.2 and 6.3: children’s feedback, allegations and complaints, retention of carers and agencies’ payments reviewed every 6 months (the service’s own timescale)',
  unit: 'percentage',
  direction: 'higher',
  target: 100,
  amberMargin: 20,
  metLabel: 'Completed on time',
  missedLabel: 'Completed late, or not completed',
  order: 210,
  byTeam: false,
  count(p) {
    const start = halfYearDueIn(p);
    return start === null ? null : sql`select null::uuid as team_id, s.area_id, ${onTime} as met from ${dueIn(start)}`;
  },
  records(p) {
    const start = halfYearDueIn(p);
    return start === null
      ? null
      : sql`select 'service-review' as record_type, s.id as record_id,
          ${slotTitle('s')} || ', ' || ${slotHalfYear('s')} as label, ${slotHref('s')} as href,
          null::uuid as team_id, s.area_id, ${onTime} as met,
          'Due by ' || s.due_on::text || '; ' || coalesce('completed ' || r.completed_on::text, 'not completed') as detail,
          false as restricted, s.title || ' ' || coalesce(s.area_name, '') as sort_key
        from ${dueIn(start)}`;
  },
};

export const serviceReviewsMeasures: Measure[] = [reviewsOnTime];
