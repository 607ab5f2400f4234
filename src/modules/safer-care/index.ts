/**
 * Safer care: each household's safer-care plan, one version for each time it is agreed with the
 * carers (labels.ts says what a plan is); the plan in force on the household's page, at its annual
 * review and on the carer's portal home; and the deadline to agree it again within 12 months (local
 * rule), kept by platform/due.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { saferCareDueRules } from './due.ts';
import { householdPlansPath } from './paths.ts';
import { saferCareRecordTypes } from './records.ts';
import { saferCareRoutes } from './routes.ts';
import { carerPlanSection, householdPlanSection, reviewPlanSection } from './sections.ts';

export const saferCare: HearthModule = {
  name: 'safer-care',
  routes: saferCareRoutes,
  recordTypes: saferCareRecordTypes,
  dueRules: saferCareDueRules,
  recordLinks: [
    {
      on: 'household',
      text: 'Safer-care plan',
      href: (id) => householdPlansPath(id),
      permission: 'safer-care.view',
      order: 15,
    },
  ],
  pageSections: [
    {
      on: 'household',
      order: 11,
      permission: 'safer-care.view',
      load: householdPlanSection,
      template: 'safer-care-household-section.njk',
    },
    {
      on: 'annual-review',
      order: 10,
      permission: 'safer-care.view',
      load: reviewPlanSection,
      template: 'safer-care-annual-review.njk',
    },
    {
      on: 'portal-home',
      order: 12,
      permission: 'portal.use',
      load: carerPlanSection,
      template: 'safer-care-portal.njk',
    },
  ],
};
