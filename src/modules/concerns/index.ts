/**
 * Allegations, standard-of-care concerns, complaints and compliments about the fostering service,
 * the LADO process, the carer's independent support, complaints' statutory stages, and
 * notifications of significant events (issue 13, part A).
 *
 * The fostering panel takes allegations with an outcome as standards of care items (`panelBusiness`,
 * panel.ts); the portal home shows a carer the open matters about their household (`pageSections`,
 * sections.ts); a concern a case audit finds is raised through `raisesConcerns` (service.ts).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { concernsDueRules } from './due.ts';
import { allegationMeasures } from './measures.ts';
import { complaintMeasures } from './measures-complaints.ts';
import { allegationPanelBusiness } from './panel.ts';
import { householdMattersPath } from './paths.ts';
import { concernRecordTypes } from './records.ts';
import { concernsRoutes } from './routes.ts';
import { raiseFoundConcern } from './service.ts';
import { carerMattersSection } from './sections.ts';

export const concerns: HearthModule = {
  name: 'concerns',
  routes: concernsRoutes,
  navigation: [
    {
      text: 'Open allegations',
      href: '/lado',
      group: 'Safeguarding and quality',
      describes: 'the county’s open allegations, by stage and age',
      permission: 'allegations.lado',
      order: 5,
    },
    {
      text: 'Concerns',
      href: '/concerns',
      group: 'Safeguarding and quality',
      describes: 'allegations, concerns, complaints and compliments',
      permission: 'concerns.view',
      order: 16,
    },
  ],
  recordTypes: concernRecordTypes,
  dueRules: concernsDueRules,
  measures: [...allegationMeasures, ...complaintMeasures],
  recordLinks: [
    {
      on: 'household',
      text: 'Concerns, complaints and allegations',
      href: householdMattersPath,
      permission: 'concerns.view',
      order: 30,
    },
  ],
  panelBusiness: allegationPanelBusiness,
  raisesConcerns: raiseFoundConcern,
  pageSections: [
    {
      on: 'portal-home',
      order: 20,
      permission: 'portal.use',
      load: carerMattersSection,
      template: 'concerns-portal.njk',
    },
  ],
};
