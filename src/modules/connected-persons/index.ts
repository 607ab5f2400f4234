/**
 * Connected persons (family and friends carers): temporary approval of a relative, friend or other
 * person connected with a child as that child's foster carer for up to 16 weeks before their full
 * assessment, its one extension and its end (Care Planning, Placement and Case Review (England)
 * Regulations 2010, regulations 24 and 25); the placements module lets a child be placed with a
 * household approved so for them. Its deadline (the assessment decided before the approval runs
 * out), the scorecard's measure of assessments decided in time, sections on the child's and the
 * household's pages, and the list of approvals still to be decided.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { connectedPersonsDueRules } from './due.ts';
import { connectedPersonsMeasures } from './measures.ts';
import { connectedPersonsPath } from './paths.ts';
import { approvalRecordTypes } from './records.ts';
import { connectedPersonsRoutes } from './routes.ts';
import { childApprovalsSection, householdApprovalsSection } from './sections.ts';

export const connectedPersons: HearthModule = {
  name: 'connected-persons',
  routes: connectedPersonsRoutes,
  navigation: [
    {
      text: 'Connected persons',
      href: connectedPersonsPath(),
      group: 'Carers and households',
      describes: 'relatives and friends with temporary approval for a child, and when each runs out',
      permission: 'connected-persons.view',
      order: 14.5,
    },
  ],
  recordTypes: approvalRecordTypes,
  dueRules: connectedPersonsDueRules,
  measures: connectedPersonsMeasures,
  pageSections: [
    {
      on: 'child',
      order: 21,
      permission: 'connected-persons.view',
      load: childApprovalsSection,
      template: 'connected-persons-child.njk',
    },
    {
      on: 'household',
      order: 12,
      permission: 'connected-persons.view',
      load: householdApprovalsSection,
      template: 'connected-persons-household.njk',
    },
  ],
};
