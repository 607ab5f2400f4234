import type { FastifyPluginAsync } from 'fastify';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { agencyPlacementRoutes } from './agency-routes.ts';
import { matchingRoutes } from './matching-routes.ts';
import { placementRoutes } from './placement-routes.ts';
import { referralRoutes } from './referral-routes.ts';

/** Referrals, matching, placements and delegated authority. */
export const placementsRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db, config }) => {
  const maxDaysAhead = config.PLACEMENT_MAX_DAYS_AHEAD;
  referralRoutes(app, db);
  matchingRoutes(app, db, maxDaysAhead);
  placementRoutes(app, db, maxDaysAhead);
  agencyPlacementRoutes(app, db);
};
