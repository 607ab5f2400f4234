/** Carer supervision: visits, the foster carer agreement, notes sent to carers. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { supervisionDueRules } from './due.ts';
import { childSeenFacts, childSeenVisits, householdSupervisionFacts } from './facts.ts';
import { supervisionMeasures } from './measures.ts';
import { supervisionRecordTypes } from './records.ts';
import { supervisionRoutes } from './routes.ts';
import { householdSupervisionPath } from './paths.ts';
import { carerNotesSection } from './sections.ts';

export const supervision: HearthModule = {
  name: 'supervision',
  routes: async (app, { db, mailer, config }) => {
    await app.register(supervisionRoutes, { db, mailer, mailFrom: config.MAIL_FROM, publicUrl: config.publicUrl });
  },
  navigation: [
    {
      text: 'Notes to carers',
      href: '/supervision/outbox',
      group: 'Carers and households',
      describes: 'the notes of supervision visits sent to carers',
      permission: 'supervision.view',
      order: 15,
    },
  ],
  recordTypes: supervisionRecordTypes,
  dueRules: supervisionDueRules,
  measures: supervisionMeasures,
  keptFacts: [householdSupervisionFacts, childSeenFacts, childSeenVisits],
  recordLinks: [
    {
      on: 'household',
      text: 'Supervision and agreement',
      href: (id) => householdSupervisionPath(id),
      permission: 'supervision.view',
      order: 20,
    },
  ],
  pageSections: [
    {
      on: 'portal-home',
      order: 10,
      permission: 'portal.use',
      load: carerNotesSection,
      template: 'supervision-portal.njk',
    },
  ],
};
