import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client.ts';
import { recordType } from '../access/registry.ts';
import { auditTrailFor } from './trail.ts';
import { recordAudit } from './service.ts';
import { pagination } from '../views/pagination.ts';
import { pageFrom } from '../views/params.ts';

const PAGE_SIZE = 50;

/** "Who has seen or changed this record": for any registered record type, within the viewer's scope. */
export const auditRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Params: { type: string; id: string }; Querystring: { page?: string } }>(
    '/records/:type/:id/audit',
    { config: { access: { permission: 'audit.view' } } },
    async (request, reply) => {
      const viewer = request.user!;
      const type = recordType(request.params.type);
      const record = type ? await type.describe(db, request.params.id) : null;
      if (!type || !record || !(await type.inScope(db, viewer, request.params.id))) {
        return reply.callNotFound();
      }
      // Who has read a record is itself part of the record's trail.
      await recordAudit(db, request.actor(), {
        action: 'view',
        recordType: type.type,
        recordId: request.params.id,
        detail: { part: 'trail' },
      });
      const page = pageFrom(request.query.page);
      const trail = await auditTrailFor(db, type.type, request.params.id, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return reply.page('record-audit.njk', {
        title: `Who has seen or changed this record: ${record.label}`,
        record,
        trail,
        pagination: pagination(request.url, page, PAGE_SIZE, trail.total),
        backLink: { href: record.href },
      });
    },
  );
};
