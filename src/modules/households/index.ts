/**
 * Households and carers: the register, each household's record, status, checks and profile. An
 * agency decision on an approval, a change of terms or a deregistration changes the household
 * (`panelBusiness`, decided.ts); recruitment records an enquiry and moves the household through
 * assessment by what this module declares (`householdLifecycle`, lifecycle.ts).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { agencyDecisionPanelBusiness } from './decided.ts';
import { householdDueScope, householdsDueRules } from './due.ts';
import { householdStatusPeriodFacts } from './facts.ts';
import { householdLifecycle } from './lifecycle.ts';
import { householdMeasures } from './measures.ts';
import { carerApprovalSection } from './portal.ts';
import { householdRecordTypes } from './records.ts';
import { householdsRoutes } from './routes.ts';

export const households: HearthModule = {
  name: 'households',
  routes: householdsRoutes,
  navigation: [
    {
      text: 'Households',
      href: '/households',
      group: 'Carers and households',
      primary: true,
      describes: 'fostering households, their carers, checks and approval',
      permission: 'households.view',
      order: 10,
    },
  ],
  recordTypes: householdRecordTypes,
  dueScopes: { household: householdDueScope },
  dueRules: householdsDueRules,
  measures: householdMeasures,
  keptFacts: [householdStatusPeriodFacts],
  panelBusiness: agencyDecisionPanelBusiness,
  householdLifecycle,
  pageSections: [
    {
      on: 'portal-home',
      order: 5,
      permission: 'portal.use',
      load: carerApprovalSection,
      template: 'households-portal.njk',
    },
  ],
};
