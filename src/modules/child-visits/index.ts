/**
 * Visits to a child in care by their social worker (Care Planning, Placement and Case Review
 * (England) Regulations 2010, regulations 28 and 29): each visit during a placement, whether the
 * child was seen and seen alone (or why not), where, and what the child said; the next statutory
 * visit on the child's page and as a deadline; the measure of children whose visits are up to date.
 * Read by whoever reads the child, never by a carer; recorded by those who may change the child's record.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { childVisitsDueRules } from './due.ts';
import { childVisitFacts } from './facts.ts';
import { childVisitMeasures } from './measures.ts';
import { childVisitsRoutes } from './routes.ts';
import { childVisitsSection } from './sections.ts';

export const childVisits: HearthModule = {
  name: 'child-visits',
  routes: childVisitsRoutes,
  dueRules: childVisitsDueRules,
  measures: childVisitMeasures,
  keptFacts: [childVisitFacts],
  pageSections: [
    {
      on: 'child',
      order: 20,
      permission: 'child-visits.view',
      load: childVisitsSection,
      template: 'child-visits-child.njk',
    },
  ],
};
