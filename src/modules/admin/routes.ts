import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { registerNavItem } from '../../platform/views/navigation.ts';

export const adminRoutes: FastifyPluginAsync<{ db: Db }> = async (app) => {
  registerNavItem({ text: 'Administration', href: '/admin', permission: 'users.manage', order: 90 });

  app.get('/admin', { config: { access: { permission: 'users.manage' } } }, async (_request, reply) => {
    return reply.page('admin-home.njk', { title: 'Administration' });
  });
};
