import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { householdRequestRoutes } from './routes-household.ts';
import { recordsRoutes } from './routes-records.ts';

/** Requests for carers' records and how long records are kept. */
export const recordsModuleRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  householdRequestRoutes(app, db);
  recordsRoutes(app, db);
};
