import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';

export const searchRoutes: FastifyPluginAsync<{ db: Db }> = async () => {};
