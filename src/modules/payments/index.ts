/**
 * Payments to carers (NMS 28; Target 6 of the business plan): the rates the service publishes each
 * year (allowances by the child's age band, fees by the household's skill level, day care against
 * the recommended Living Wage), the disability enhancements agreed at the funding panel and
 * reviewed yearly, their deadlines and measure, and what a carer is paid on the portal. Payments
 * themselves are made by the council's finance system.
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { paymentsDueRules } from './due.ts';
import { paymentMeasures } from './measures.ts';
import { carerPaymentsSection } from './portal.ts';
import { paymentRecordTypes } from './records.ts';
import { paymentsRoutes } from './routes.ts';

export const payments: HearthModule = {
  name: 'payments',
  routes: paymentsRoutes,
  navigation: [
    {
      text: 'Payments',
      href: '/payments',
      group: 'Carers and households',
      describes: 'published rates and disability enhancements',
      permission: 'payments.view',
      order: 38,
    },
  ],
  recordTypes: paymentRecordTypes,
  dueRules: paymentsDueRules,
  measures: paymentMeasures,
  pageSections: [
    {
      on: 'portal-home',
      order: 9,
      permission: 'portal.use',
      load: carerPaymentsSection,
      template: 'payments-portal.njk',
    },
  ],
};
