import type { FastifyPluginAsync } from 'fastify';
import { todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { loadPageSections } from '../../platform/views/page-sections.ts';

const flashes: Record<string, string> = {
  password: 'Your password has been changed',
  acknowledged: 'Thank you: you have confirmed you received the notes',
  'change-told': 'Thank you for telling us: your supervising social worker will be in touch about the change',
  'ambassador-activity': 'Thank you: what you did as a Carer Ambassador is recorded',
};

/**
 * The carer portal: a foster carer's own household, and nothing else. What it shows of other
 * modules' records (supervision notes, an open matter about the household) comes as page
 * sections from those modules, which read, check access and audit the view themselves.
 */
export const portalRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: { changed?: string; done?: string } }>(
    '/portal',
    { config: { access: { permission: 'portal.use' } } },
    async (request, reply) => {
      const sections = await loadPageSections('portal-home', {
        db,
        user: request.user!,
        actor: request.actor(),
        record: null,
        today: todayInLondon(),
      });
      const flash =
        flashes[request.query.done ?? ''] ?? (request.query.changed ? flashes[request.query.changed] : undefined);
      return reply.page('portal-home.njk', {
        title: 'Your household',
        sections,
        flash,
        linked: request.user!.householdId !== null,
      });
    },
  );
};
