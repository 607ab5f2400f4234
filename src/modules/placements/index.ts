/** Referrals, matching, placements (in-house and agency) and delegated authority. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { placementsDueRules } from './due.ts';
import { keptPlacementFacts } from './facts.ts';
import { placementMeasures } from './measures.ts';
import { placementRecordTypes } from './records.ts';
import { placementsRoutes } from './routes.ts';
import {
  carerChildrenSection,
  childAgencySection,
  householdChildrenSection,
  referralsWaitingSection,
} from './sections.ts';

export const placements: HearthModule = {
  name: 'placements',
  routes: placementsRoutes,
  navigation: [
    {
      text: 'Referrals',
      href: '/referrals',
      group: 'Children',
      primary: true,
      describes: 'referrals for a placement, from sent to matched',
      permission: 'referrals.list',
      order: 25,
    },
  ],
  recordTypes: placementRecordTypes,
  dueRules: placementsDueRules,
  measures: placementMeasures,
  keptFacts: [keptPlacementFacts],
  pageSections: [
    { on: 'my-work', order: 10, load: referralsWaitingSection, template: 'placements-my-work.njk' },
    { on: 'household', order: 10, load: householdChildrenSection, template: 'placements-household.njk' },
    { on: 'child', order: 10, load: childAgencySection, template: 'placements-child.njk' },
    {
      on: 'portal-home',
      order: 8,
      permission: 'portal.use',
      load: carerChildrenSection,
      template: 'placements-portal.njk',
    },
  ],
};
