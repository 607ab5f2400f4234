import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm } from '../../platform/views/forms.ts';
import { referenceIn } from '../../platform/views/references.ts';
import { searchForm } from './forms.ts';
import { recordWithReference, searchPeople, type SearchResult } from './queries.ts';

const kindNames: Record<SearchResult['kind'], string> = {
  carer: 'Carer',
  'former carer': 'Former carer',
  'household member': 'Household member',
  'former household member': 'Former household member',
  child: 'Child',
  household: 'Household',
};

/**
 * The search box for staff: a name (typing mistakes forgiven) or an exact reference. The search
 * text travels in the query string, which the logger leaves out: it must never be logged.
 */
export const searchRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: { q?: string } }>(
    '/search',
    { config: { access: { permission: 'search.use' } } },
    async (request, reply) => {
      const user = request.user!;
      const base = { title: 'Search', breadcrumbs: [{ text: 'My work', href: '/my-work' }] };
      if (request.query.q === undefined) return reply.page('search-results.njk', { ...base, values: {} });
      const form = parseForm(searchForm, { q: request.query.q });
      if (!form.ok) {
        return reply
          .code(400)
          .page('search-results.njk', { ...base, errors: form.errors, values: { q: String(request.query.q) } });
      }
      const q = form.value.q;
      let results: SearchResult[] = [];
      if (referenceIn(q)) {
        // A reference goes straight to its record, or finds nothing (hidden or not, the same).
        const record = await recordWithReference(db, user, q);
        if (record) return reply.redirect(record, 303);
      } else {
        results = await searchPeople(db, user, q);
      }
      return reply.page('search-results.njk', {
        ...base,
        title: 'Search results',
        values: { q },
        searched: true,
        results: results.map((r) => ({ ...r, kindName: kindNames[r.kind] })),
      });
    },
  );
};
