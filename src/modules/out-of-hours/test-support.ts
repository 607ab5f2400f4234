/** For tests: the answers of a call on the form (a carer's call on Saturday 14 November 2026 at 21:30). */
import { dateBoxes } from '../../platform/views/date-input.ts';

export const callAnswers = {
  ...dateBoxes('calledOn', '2026-11-14'),
  calledAt: '21:30',
  caller: 'carer',
  answeredBy: 'area',
  reason: 'emergency-placement',
  outcome: 'placed-in-house',
  note: 'Police asked for a bed for a boy of 14; placed overnight.',
};
