/** The fostering panel and the agency decision (issue 11): the only road to an approval. */
import type { HearthModule } from '../../platform/modules/index.ts';
import { panelDueRules } from './due.ts';
import { panelMeasures } from './measures.ts';
import { panelRecordTypes } from './records.ts';
import { panelRoutes } from './routes.ts';

export const panel: HearthModule = {
  name: 'panel',
  routes: async (app, { db }) => {
    await app.register(panelRoutes, { db });
  },
  navigation: [
    {
      text: 'Panel',
      href: '/panel',
      group: 'Carers and households',
      describes: 'the fostering panel’s meetings, agendas and papers',
      permission: 'panel.view',
      order: 17,
    },
    {
      text: 'Decisions',
      href: '/panel/decisions',
      group: 'Carers and households',
      describes: 'recommendations waiting for the agency decision',
      permission: 'panel.decide',
      order: 18,
    },
    {
      text: 'Your papers',
      href: '/panel/my-papers',
      group: 'Your work',
      describes: 'the papers of the panel meetings you sit on',
      permission: 'panel.sit',
      order: 19,
    },
  ],
  recordTypes: panelRecordTypes,
  dueRules: panelDueRules,
  measures: panelMeasures,
};
