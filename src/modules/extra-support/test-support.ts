/** For tests: the answers of extra support's forms. */
import { dateBoxes } from '../../platform/views/date-input.ts';

/** A residential weekend at Bewl Water, 13 to 15 November 2026, with 2 children. */
export const breakAnswers = {
  centre: 'bewl-water',
  kind: 'residential',
  ...dateBoxes('fromOn', '2026-11-13'),
  ...dateBoxes('toOn', '2026-11-15'),
  children: '2',
  note: 'Canoeing and a night in the yurts.',
};

/** An emergency request for the carers, asked for on Friday 27 November 2026: the first session due on Tuesday 1 December. */
export const emergencyAnswers = {
  ...dateBoxes('requestedOn', '2026-11-27'),
  childId: 'carers',
  urgency: 'emergency',
  reason: 'The placement is at risk after a week of violent outbursts.',
};
