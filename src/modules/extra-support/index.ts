/**
 * Extra support for carers (business plan action 7.3: more stable placements and fewer moves, and
 * better retention of carers, through three kinds of extra support): hub families, experienced
 * households each supporting 3 or 4 carers of young people with complex needs in their area; day
 * and residential breaks at outdoor activity centres; and clinical psychology support, in an
 * emergency within the service's own timescale. A household's support (linked from its page), the
 * service's overview, the carer's own on the portal, the last 12 months' on the annual review; the deadline of an emergency's first session;
 * four measures. A household's approval ending ends its hub family and the support it had.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { extraSupportDueRules } from './due.ts';
import { extraSupportMeasures } from './measures.ts';
import { extraSupportPath, householdSupportPath } from './paths.ts';
import { carerSupportSection } from './portal.ts';
import { supportRecordTypes } from './records.ts';
import { reviewSupportSection } from './sections.ts';
import { hubsFollowHousehold } from './household-changes.ts';
import { extraSupportRoutes } from './routes.ts';

export const extraSupport: HearthModule = {
  name: 'extra-support',
  routes: extraSupportRoutes,
  navigation: [
    {
      text: 'Extra support for carers',
      href: extraSupportPath(),
      group: 'Carers and households',
      describes: 'hub families, activity breaks and psychology support for carers',
      permission: 'extra-support.view',
      order: 17,
    },
  ],
  recordTypes: supportRecordTypes,
  whenHouseholdChanges: hubsFollowHousehold,
  dueRules: extraSupportDueRules,
  measures: extraSupportMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Extra support',
      href: householdSupportPath,
      permission: 'extra-support.view',
      order: 26,
    },
  ],
  pageSections: [
    {
      on: 'annual-review',
      order: 12,
      // Whoever reads the review, the reviewing officer too: the household's year includes its support.
      permission: 'reviews.view',
      load: reviewSupportSection,
      template: 'extra-support-annual-review.njk',
    },
    {
      on: 'portal-home',
      order: 9.5,
      permission: 'portal.use',
      load: carerSupportSection,
      template: 'extra-support-portal.njk',
    },
  ],
};
