/**
 * Moving on to adulthood (Target 11 of the business plan; NMS 12): each young person's
 * independence checklist, started at their review from 15½ and completed by 17½ (the service's own
 * dates, action 11.2), with its eight skill areas; its two deadlines, the child's social worker's;
 * the measures of checklists started and completed on time and of young people who stayed on with
 * their carers at 18 (Staying Put, action 11.1); a section on the child's page and, read-only, on
 * the carer's portal.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { independenceDueRules } from './due.ts';
import { independenceMeasures } from './measures.ts';
import { checklistRecordTypes } from './records.ts';
import { independenceRoutes } from './routes.ts';
import { carerChecklistSection, childChecklistSection } from './sections.ts';

export const independence: HearthModule = {
  name: 'independence',
  routes: independenceRoutes,
  recordTypes: checklistRecordTypes,
  dueRules: independenceDueRules,
  measures: independenceMeasures,
  pageSections: [
    {
      on: 'child',
      order: 20,
      permission: 'children.view',
      load: childChecklistSection,
      template: 'independence-child.njk',
    },
    {
      on: 'portal-home',
      order: 8.5,
      permission: 'portal.use',
      load: carerChecklistSection,
      template: 'independence-portal.njk',
    },
  ],
};
