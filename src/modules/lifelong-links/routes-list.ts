/**
 * The Lifelong Links page: the children in the pilot whose records the user may read, open work
 * first, filtered by area and stage, paged and counted in SQL; and the service's count this
 * financial year against the plan's target ("32 of 50 children this year").
 */
import type { FastifyInstance } from 'fastify';
import { areaOptions } from '../../platform/auth/organisation.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import { formatDate } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { selectItems } from '../children/labels.ts';
import { listQuery } from './forms.ts';
import { stageNames } from './labels.ts';
import { lifelongLinksPath, workPath } from './paths.ts';
import { childrenJoinedInYear, LIST_PAGE_SIZE, listWorks } from './queries.ts';
import { yearTargetOn } from './settings.ts';
import { listRowView } from './views.ts';

const view = { config: { access: { permission: 'lifelong-links.view' as const } } };

export function listRoutes(app: FastifyInstance, db: Db) {
  app.get(lifelongLinksPath(), view, async (request, reply) => {
    const user = request.user!;
    const query = listQuery.parse(request.query ?? {});
    const today = todayInLondon();
    const [list, joined, areas] = [
      await listWorks(db, user, query),
      await childrenJoinedInYear(db, today),
      await areaOptions(db),
    ];
    const target = yearTargetOn(today);
    const year = financialYearOf(today);
    return reply.page('lifelong-links-list.njk', {
      title: 'Lifelong Links',
      yearCount: `${joined.toLocaleString('en-GB')} of ${target.children} children this year`,
      yearWords: `Children who joined the pilot from ${formatDate(year.start)} to today, across the service, against the plan’s target for ${year.label}${target.set ? '' : ' (the plan sets none for this year: the nearest year’s target is shown)'}.`,
      rows: list.rows.map((r) => ({ ...listRowView(r), href: workPath(r.id) })),
      filtered: Boolean(query.area || query.stage),
      areaItems: selectItems(
        areas.map((a) => ({ value: a.id, text: a.name })),
        query.area,
        'Any area',
      ),
      stageItems: selectItems(
        Object.entries(stageNames).map(([value, text]) => ({ value, text })),
        query.stage,
        'Any stage',
      ),
      pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });
}
