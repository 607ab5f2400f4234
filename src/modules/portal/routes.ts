import type { FastifyPluginAsync } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { notesForCarer } from '../supervision/notes-queries.ts';
import { openMattersForCarer } from '../concerns/index.ts';
import { carerStageNames } from '../concerns/stage.ts';

const flashes: Record<string, string> = {
  password: 'Your password has been changed',
  acknowledged: 'Thank you: you have confirmed you received the notes',
};

/** The carer portal: a foster carer's own household, and nothing else. */
export const portalRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: { changed?: string; done?: string } }>(
    '/portal',
    { config: { access: { permission: 'portal.use' } } },
    async (request, reply) => {
      const notes = await notesForCarer(db, request.user!);
      for (const householdId of new Set(notes.map((n) => n.householdId))) {
        await recordAudit(db, request.actor(), {
          action: 'view',
          recordType: 'household',
          recordId: householdId,
          detail: { page: 'portal' },
        });
      }
      // Open allegations and concerns about the household: only that one is open, its stage and who supports the carer.
      const matters = await openMattersForCarer(db, request.user!);
      for (const matter of matters) {
        await recordAudit(db, request.actor(), {
          action: 'view',
          recordType: 'concern',
          recordId: matter.id,
          detail: { page: 'portal' },
        });
      }
      const flash =
        flashes[request.query.done ?? ''] ?? (request.query.changed ? flashes[request.query.changed] : undefined);
      return reply.page('portal-home.njk', {
        title: 'Your household',
        notes,
        matters: matters.map((m) => ({
          stage: carerStageNames[m.stage as keyof typeof carerStageNames] ?? 'Open',
          support: m.support_by
            ? `${m.support_by}${m.support_organisation ? `, ${m.support_organisation}` : ''}`
            : null,
        })),
        flash,
      });
    },
  );
};
