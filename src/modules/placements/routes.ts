import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { agencyPlacementRoutes } from './agency-routes.ts';
import { matchingRoutes } from './matching-routes.ts';
import { placementRoutes } from './placement-routes.ts';
import { referralRoutes } from './referral-routes.ts';

/** Referrals, matching, placements and delegated authority. */
export const placementsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  referralRoutes(app, db);
  matchingRoutes(app, db);
  placementRoutes(app, db);
  agencyPlacementRoutes(app, db);
};
