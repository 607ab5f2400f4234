/**
 * Carers' training and development (NMS 20) and participation events (business plan Target 1.1):
 * the training calendar, courses, sessions, bookings and registers; the TSD standards; personal
 * development plans; events and who attended; the carer's own view in the portal; the carers'
 * year of training on the annual review (`householdYear`); and the places given up by a carer who
 * leaves their household (`whenHouseholdChanges`).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { placesFollowCarer } from './bookings.ts';
import { trainingDueRules } from './due.ts';
import { trainingMeasures } from './measures.ts';
import { trainingRecordTypes } from './records.ts';
import { trainingInReviewYear } from './review-year.ts';
import { calendarRoutes } from './routes-calendar.ts';
import { carerRoutes } from './routes-carers.ts';
import { eventRoutes } from './routes-events.ts';
import { pdpCorrectionRoutes } from './routes-pdp-corrections.ts';
import { portalTrainingRoutes } from './routes-portal.ts';
import { sessionRoutes } from './routes-sessions.ts';
import { otherPlacesRoutes } from './routes-other-places.ts';
import { householdTrainingPath } from './paths.ts';

export const training: HearthModule = {
  name: 'training',
  routes: async (app, { db }) => {
    for (const routes of [
      calendarRoutes,
      sessionRoutes,
      otherPlacesRoutes,
      carerRoutes,
      pdpCorrectionRoutes,
      eventRoutes,
      portalTrainingRoutes,
    ]) {
      await app.register(routes, { db });
    }
  },
  navigation: [
    {
      text: 'Training',
      href: '/training',
      group: 'Carers and households',
      describes: 'courses, sessions, carers’ training and participation events',
      permission: 'training.view',
      order: 32,
    },
  ],
  recordTypes: trainingRecordTypes,
  dueRules: trainingDueRules,
  measures: trainingMeasures,
  householdYear: [trainingInReviewYear],
  whenHouseholdChanges: placesFollowCarer,
  recordLinks: [
    {
      on: 'household',
      text: 'Training and development',
      href: householdTrainingPath,
      permission: 'training.view',
      order: 30,
    },
  ],
};
