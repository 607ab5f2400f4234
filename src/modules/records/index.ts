/**
 * Records (Fostering Services (England) Regulations 2011, regulation 32): requests for a carer's
 * records from another fostering service provider or an adoption agency, answered within 15 working
 * days (their deadline and measure), and how long the records of a closed household and of a child
 * are kept: the keep-until date on the household's page and the head's list of records past it.
 * Hearth deletes nothing here: the list is for the head of fostering to review.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { recordsDueRules } from './due.ts';
import { recordsMeasures } from './measures.ts';
import { householdRequestsPath, recordsPath } from './paths.ts';
import { recordsRecordTypes } from './records.ts';
import { recordsModuleRoutes } from './routes.ts';
import { householdRetentionSection } from './sections.ts';

export const records: HearthModule = {
  name: 'records',
  routes: recordsModuleRoutes,
  navigation: [
    {
      text: 'Records',
      href: recordsPath(),
      group: 'Safeguarding and quality',
      describes: 'requests for carers’ records and the records past their retention date',
      permission: 'records.oversee',
      order: 39,
    },
  ],
  recordTypes: recordsRecordTypes,
  dueRules: recordsDueRules,
  measures: recordsMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Requests for records',
      href: (id) => householdRequestsPath(id),
      permission: 'records.view',
      order: 60,
    },
  ],
  pageSections: [
    { on: 'household', order: 5, load: householdRetentionSection, template: 'records-household-retention.njk' },
  ],
};
