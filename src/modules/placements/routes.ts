import type { FastifyPluginAsync } from 'fastify';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { agencyPlacementRoutes } from './routes-agency.ts';
import { matchingRoutes } from './routes-matching.ts';
import { placementCorrectionRoutes } from './routes-corrections.ts';
import { placementRoutes } from './routes-placement.ts';
import { referralRoutes } from './routes-referral.ts';

/** Referrals, matching, placements and delegated authority. */
export const placementsRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db, config }) => {
  const maxDaysAhead = config.PLACEMENT_MAX_DAYS_AHEAD;
  referralRoutes(app, db);
  matchingRoutes(app, db, maxDaysAhead);
  placementRoutes(app, db, maxDaysAhead);
  placementCorrectionRoutes(app, db, maxDaysAhead);
  agencyPlacementRoutes(app, db);
};
