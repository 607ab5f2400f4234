import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { roleNames } from '../../platform/access/roles.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { loadPageSections } from '../../platform/views/page-sections.ts';
import { allAreasHref, areaListFor, areasFor, headerHoldsEverything } from '../../platform/views/navigation.ts';
import { myWorkQuery } from './forms.ts';
import { roleHomeFor } from './role-home.ts';
import { deadlineRules, myWork } from './queries.ts';

/** Where each role lands after signing in. */
export function homeFor(role: Parameters<typeof can>[0]): string {
  if (can(role, 'users.manage')) return '/admin';
  if (can(role, 'portal.use')) return '/portal';
  // The LADO's work is the county's open allegations (the concerns module's page).
  if (role === 'lado') return '/lado';
  return '/my-work';
}

export const homeRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!;
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`${homeFor(user.role)}${query}`, 302);
  });

  app.get('/my-work', { config: { access: { permission: 'work.view' } } }, async (request, reply) => {
    const user = request.user!;
    const query = myWorkQuery.parse(request.query ?? {});
    const today = todayInLondon();
    const [work, sections] = await Promise.all([
      myWork(db, user, query, today, request.url),
      // What other modules put on My work (the referrals waiting on the viewer).
      loadPageSections('my-work', { db, user, actor: request.actor(), record: null, today }),
    ]);
    return reply.page('my-work.njk', {
      title:
        work.pagination.pages > 1 ? `My work (page ${work.pagination.page} of ${work.pagination.pages})` : 'My work',
      roleName: roleNames[user.role],
      roleHome: roleHomeFor(user.role),
      // A short header lists every area on My work too; a long one sends the user to All areas.
      areas: headerHoldsEverything(user) ? areaListFor(user) : null,
      allAreasHref,
      canSearch: can(user.role, 'search.use'),
      work,
      sections,
      flash: query.changed === 'password' ? 'Your password has been changed' : undefined,
    });
  });

  app.get(allAreasHref, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.page('all-areas.njk', { title: 'All areas', groups: areasFor(request.user!) }),
  );

  app.get('/my-work/rules', { config: { access: { permission: 'work.view' } } }, async (_request, reply) =>
    reply.page('my-work-rules.njk', {
      title: 'Deadlines and where they come from',
      breadcrumbs: [{ text: 'My work', href: '/my-work' }],
      rules: deadlineRules(),
    }),
  );

  app.get('/accessibility', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('static-page.njk', {
      title: 'Accessibility statement for Hearth',
      lines: [
        'Hearth is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page is checked automatically with axe as part of our tests.',
        'It works without JavaScript, with a keyboard alone, and with screen readers, and text can be zoomed to 400% without loss of content.',
        'If you find a part of Hearth you cannot use, tell the fostering service’s system administrator and we will fix it or give you the information another way.',
      ],
    }),
  );

  app.get('/privacy', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('static-page.njk', {
      title: 'Privacy notice',
      lines: [
        'Hearth holds records about foster carers, their households and the children placed with them, for the council’s fostering service to meet its duties under the Fostering Services (England) Regulations 2011.',
        'Access to each record is limited to the staff whose work needs it, and every view and change of a personal record is logged.',
      ],
    }),
  );
};
