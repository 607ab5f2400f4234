/**
 * The scorecard measure of disability enhancements (Target 6 of the business plan; NMS 28.5): one
 * row per enhancement current at the end of the month, counted in SQL for the engine to aggregate
 * by team, area and service, and listed the same.
 */
import { sql } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { NMS_28, REVIEW_MONTHS, TARGET_6 } from './labels.ts';
import { placementRunningOn } from '../placements/scope.ts';

/** Enhancements (e) current on the period's last day (or today), with the placement (p), child (c), household (h) and team (t). */
const currentAtEnd = (p: Period) => sql`payment_enhancements e
  join placements pl on pl.id = e.placement_id
  join children c on c.id = pl.child_id
  join households h on h.id = pl.household_id
  join teams t on t.id = h.team_id
  where e.agreed_on <= ${p.asAt}::date and (e.ended_on is null or e.ended_on > ${p.asAt}::date)
    and ${placementRunningOn('pl', p.asAt)}`;

/** Agreed or reviewed within the 12 months before: its review not yet overdue on the day. */
const reviewed = (p: Period) => sql`e.review_due_on >= ${p.asAt}::date`;

export const enhancementsReviewed: Measure = {
  id: 'payments.enhancements-reviewed',
  title: 'Disability enhancements reviewed within 12 months',
  definition:
    'Of the disability enhancements being paid for children placed with the service’s carers on the last day of ' +
    `the month (today, for the current month), the percentage agreed or reviewed at the funding panel in the ${REVIEW_MONTHS} ` +
    'months before that day: their yearly review is not overdue. A child placed with an agency or in a Staying Put ' +
    'arrangement has no enhancement here.',
  standard: NMS_28,
  planTarget: TARGET_6,
  unit: 'percentage',
  direction: 'higher',
  amberMargin: 10,
  target: 100,
  metLabel: 'Reviewed within 12 months',
  missedLabel: 'Review overdue',
  order: 150,
  count: (p) => sql`select h.team_id, t.area_id, ${reviewed(p)} as met from ${currentAtEnd(p)}`,
  records: (p) =>
    sql`select 'payment-enhancement' as record_type, e.id as record_id,
        'Disability enhancement: ' || coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name
          || ' (' || c.reference || ')' as label,
        '/payments/enhancements/' || e.id as href, h.team_id, t.area_id, ${reviewed(p)} as met,
        'Agreed ' || e.agreed_on::text || '; review due ' || e.review_due_on::text as detail,
        h.restricted, e.review_due_on::text || ' ' || c.reference as sort_key
      from ${currentAtEnd(p)}`,
};

export const paymentMeasures: Measure[] = [enhancementsReviewed];
