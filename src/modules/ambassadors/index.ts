/**
 * Carer Ambassadors (business plan action 3.2: "30 Carer Ambassadors recruited"): experienced
 * carers who speak for fostering at recruitment events and to people thinking of fostering, and
 * support applicants and new carers. A household's ambassadors and what they did (linked from its
 * page), the service's list against the plan's 30, the carers' own on the portal, the year's on the
 * annual review; two measures. A carer leaving the household, or its approval ending, ends their
 * time as an ambassador.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { ambassadorMeasures } from './measures.ts';
import { ambassadorsPath, householdAmbassadorsPath } from './paths.ts';
import { carerAmbassadorSection } from './portal.ts';
import { reviewAmbassadorSection } from './sections.ts';
import { ambassadorRoutes } from './routes.ts';
import { ambassadorsFollowHousehold } from './household-changes.ts';

export const ambassadors: HearthModule = {
  name: 'ambassadors',
  routes: ambassadorRoutes,
  navigation: [
    {
      text: 'Carer Ambassadors',
      href: ambassadorsPath(),
      group: 'Carers and households',
      describes: 'carers who speak for fostering and support new carers, against the plan’s 30',
      permission: 'ambassadors.view',
      order: 18,
    },
  ],
  whenHouseholdChanges: ambassadorsFollowHousehold,
  measures: ambassadorMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Carer Ambassadors',
      href: householdAmbassadorsPath,
      permission: 'ambassadors.view',
      order: 27,
    },
  ],
  pageSections: [
    {
      on: 'annual-review',
      order: 12.5,
      // Whoever reads the review, the reviewing officer too: the carers' year includes their work for the service.
      permission: 'reviews.view',
      load: reviewAmbassadorSection,
      template: 'ambassadors-annual-review.njk',
    },
    {
      on: 'portal-home',
      order: 9.6,
      permission: 'portal.use',
      load: carerAmbassadorSection,
      template: 'ambassadors-portal.njk',
    },
  ],
};
