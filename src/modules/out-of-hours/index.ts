/**
 * The out-of-hours service for foster carers (business plan action 7.2; NMS 21.3): each call from a
 * household, when, who called and who answered, what it was about, what was done and a note for the
 * day team; a household's calls (linked from its page); the calls across the service by month and
 * area, the month's sample the plan asks for; the measures of calls and of out-of-hours placements
 * with the service's own carers. No statutory timescale applies, so it has no deadline.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { outOfHoursMeasures } from './measures.ts';
import { householdCallsPath, outOfHoursPath } from './paths.ts';
import { callRecordTypes } from './records.ts';
import { outOfHoursRoutes } from './routes.ts';

export const outOfHours: HearthModule = {
  name: 'out-of-hours',
  routes: outOfHoursRoutes,
  navigation: [
    {
      text: 'Out-of-hours calls',
      href: outOfHoursPath(),
      group: 'Carers and households',
      describes: 'calls from foster carers to the out-of-hours service, by month and area',
      permission: 'out-of-hours.view',
      order: 16,
    },
  ],
  recordTypes: callRecordTypes,
  measures: outOfHoursMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Out-of-hours calls',
      href: householdCallsPath,
      permission: 'out-of-hours.view',
      order: 25,
    },
  ],
};
