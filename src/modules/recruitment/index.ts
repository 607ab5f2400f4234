/**
 * The road in and the road out (issue 11): enquiries, information events, initial visits, the
 * application and its 8-month clock, the Form F assessment with its stage 1 checks, mentor and
 * training, withdrawals, exemptions, leaving with the exit interview, and the post-approval
 * interview. Household status changes go through the households service. Households whose
 * assessment is complete go to the fostering panel for approval (`panelBusiness`, panel.ts).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { recruitmentDueRules } from './due.ts';
import { recruitmentMeasures } from './measures.ts';
import { transferMeasures } from './measures-transfer.ts';
import { roadInPanelBusiness } from './panel.ts';
import { recruitmentPath } from './paths.ts';
import { recruitmentRoutes } from './routes.ts';

export const recruitment: HearthModule = {
  name: 'recruitment',
  routes: recruitmentRoutes,
  navigation: [
    {
      text: 'Recruitment',
      href: '/recruitment',
      group: 'Carers and households',
      describes: 'enquiries and assessments, from first contact to panel',
      permission: 'recruitment.view',
      order: 14,
    },
  ],
  dueRules: recruitmentDueRules,
  measures: [...recruitmentMeasures, ...transferMeasures],
  recordLinks: [
    {
      on: 'household',
      text: 'Recruitment and assessment',
      href: (id) => recruitmentPath(id),
      permission: 'recruitment.view',
      order: 5,
    },
  ],
  panelBusiness: roadInPanelBusiness,
};
