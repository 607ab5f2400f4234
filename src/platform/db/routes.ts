import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { migrationLevel } from './migrate.ts';

/** GET /health: database reachability and migration level, as JSON, for load balancers and monitoring. */
export const healthRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  app.get('/health', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      const migrations = await migrationLevel(database);
      const ok = migrations.upToDate;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'migrations pending',
        database: { reachable: true, engine: database.kind },
        migrations,
      });
    } catch {
      return reply
        .code(503)
        .send({ status: 'database unreachable', database: { reachable: false, engine: database.kind } });
    }
  });
};
