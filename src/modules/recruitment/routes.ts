import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { householdRoutes } from './routes-household.ts';
import { listRoutes } from './routes-lists.ts';

/** The recruitment pipeline, enquiries, information events, and each household's road in and out. */
export const recruitmentRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  listRoutes(app, db);
  householdRoutes(app, db);
};
