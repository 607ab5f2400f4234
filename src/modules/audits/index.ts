/**
 * Case-file audits (issue 13, Target 4 of the business plan): each month's sample of files per
 * team and the central sample, picked in SQL; one audit template across the county, its grade
 * computed (a missing delegated authority makes it inadequate); inadequate audits put right within
 * 5 working days and confirmed; a safeguarding concern raised as a concern record at once; the
 * head's monthly summary with themes.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { auditsDueRules } from './due.ts';
import { auditMeasures } from './measures.ts';
import { householdAuditsPath } from './paths.ts';
import { auditRecordTypes } from './records.ts';
import { auditsRoutes } from './routes.ts';

export const audits: HearthModule = {
  name: 'audits',
  routes: auditsRoutes,
  navigation: [
    {
      text: 'Audits',
      href: '/audits',
      group: 'Safeguarding and quality',
      describes: 'the month’s case-file audits and their findings',
      permission: 'audits.view',
      order: 17,
    },
  ],
  recordTypes: auditRecordTypes,
  dueRules: auditsDueRules,
  measures: auditMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Case-file audits',
      href: householdAuditsPath,
      permission: 'audits.view',
      order: 35,
    },
  ],
};
