/**
 * Annual reviews of approval: gathering the views (the child's voice by a link without an account),
 * the outcome and the report. First reviews, changes of terms and referrals go to the fostering
 * panel (`panelBusiness`, panel.ts).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { reviewDueRules } from './due.ts';
import { reviewMeasures } from './measures.ts';
import { reviewPanelBusiness } from './panel.ts';
import { householdReviewsPath } from './paths.ts';
import { reviewRecordTypes } from './records.ts';
import { reviewRoutes } from './routes.ts';

export const reviews: HearthModule = {
  name: 'reviews',
  routes: async (app, { db, mailer, config }) => {
    await app.register(reviewRoutes, { db, mailer, publicUrl: config.publicUrl });
  },
  navigation: [
    {
      text: 'Reviews',
      href: '/reviews',
      group: 'Carers and households',
      describes: 'annual reviews of carers’ approval',
      permission: 'reviews.view',
      order: 16,
    },
    { text: 'Your annual reviews', href: '/portal/reviews', group: 'Your work', permission: 'portal.use', order: 5 },
  ],
  recordTypes: reviewRecordTypes,
  dueRules: reviewDueRules,
  measures: reviewMeasures,
  recordLinks: [
    {
      on: 'household',
      text: 'Reviews of approval',
      href: householdReviewsPath,
      permission: 'reviews.view',
      order: 30,
    },
  ],
  panelBusiness: reviewPanelBusiness,
};
