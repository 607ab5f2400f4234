import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { enhancementRoutes } from './routes-enhancements.ts';
import { ratesRoutes } from './routes-rates.ts';

/** Payments to carers: the published rates and the disability enhancements, and putting them right. */
export const paymentsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  ratesRoutes(app, db);
  enhancementRoutes(app, db);
  correctionRoutes(app, db);
};
