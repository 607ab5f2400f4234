import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';

export const childrenRoutes: FastifyPluginAsync<{ db: Db }> = async () => {};
