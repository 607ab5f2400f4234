/**
 * Six-monthly reviews (business plan actions 1.1, 1.2, 3.2 and 6.3): the summary of children's
 * feedback for each area, the review of allegations and complaints, the retention of foster
 * carers and what local agencies pay, each written every half-year of the financial year with
 * the figures Hearth counted for it (frozen when it is completed); each one's deadline, one month
 * after its half-year ends (the service's own rule); and the measure of reviews completed on time.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { serviceReviewsDueRules } from './due.ts';
import { serviceReviewsMeasures } from './measures.ts';
import { serviceReviewsPath } from './paths.ts';
import { serviceReviewRecordTypes } from './records.ts';
import { serviceReviewsRoutes } from './routes.ts';

export const serviceReviews: HearthModule = {
  name: 'service-reviews',
  routes: serviceReviewsRoutes,
  navigation: [
    {
      text: 'Six-monthly reviews',
      href: serviceReviewsPath(),
      group: 'Performance and planning',
      describes: 'the reviews of children’s feedback, allegations and complaints, retention and agencies’ payments',
      permission: 'service-reviews.view',
      order: 36,
    },
  ],
  recordTypes: serviceReviewRecordTypes,
  dueRules: serviceReviewsDueRules,
  measures: serviceReviewsMeasures,
};
