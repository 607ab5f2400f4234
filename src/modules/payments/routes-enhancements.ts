/** Disability enhancements: the current ones, the children with a disability without one, recording one and its page. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid, pageNumber } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { sortColumns } from '../../platform/views/sorting.ts';
import { enhancementForm } from './forms.ts';
import { needLevelNames, needLevels } from './labels.ts';
import {
  changeEnhancementPath,
  enhancementPath,
  enhancementsPath,
  newEnhancementPath,
  paymentsPath,
  removeEnhancementPath,
} from './paths.ts';
import { childrenWithout, currentEnhancements, enhancementSortKeys, LIST_PAGE_SIZE } from './queries.ts';
import { mayManagePayments } from './scope.ts';
import { recordEnhancement, viewEnhancement } from './service.ts';
import { manageAccess, viewAccess } from './routes-rates.ts';
import { enhancementView } from './views.ts';

const listQuery = z.object({
  view: z.enum(['current', 'without']).catch('current').default('current'),
  sort: z.enum(enhancementSortKeys).catch('review').default('review'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: pageNumber,
  done: z.string().optional().catch(undefined),
});

const crumbs = [{ text: 'Payments to carers', href: paymentsPath() }];

const flashes: Record<string, string> = {
  recorded: 'The enhancement has been recorded',
  changed: 'The enhancement has been changed',
};

export function enhancementRoutes(app: FastifyInstance, db: Db) {
  app.get(enhancementsPath(), viewAccess, async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    const user = request.user!;
    const today = todayInLondon();
    const manage = mayManagePayments(user);
    const common = {
      title: query.view === 'without' ? 'Children with a disability and no enhancement' : 'Disability enhancements',
      view: query.view,
      currentHref: enhancementsPath(),
      withoutHref: enhancementsPath('without'),
      newHref: manage ? newEnhancementPath() : null,
      flash: query.done === 'removed' ? 'The enhancement has been removed' : undefined,
      breadcrumbs: crumbs,
    };
    if (query.view === 'without') {
      const list = await childrenWithout(db, user, today, query.page);
      return reply.page('payments-enhancements.njk', {
        ...common,
        children: list.rows.map((c) => ({
          child: `${c.childName} (${c.childReference})`,
          household: `${c.householdName} (${c.householdReference})`,
          placedOn: formatDate(c.placedOn),
          recordHref: manage ? newEnhancementPath(c.childReference) : null,
        })),
        pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
      });
    }
    const list = await currentEnhancements(db, user, { today, ...query });
    const hrefFor = (change: { sort: string; dir: string }) =>
      `${enhancementsPath()}?sort=${change.sort}&dir=${change.dir}`;
    return reply.page('payments-enhancements.njk', {
      ...common,
      enhancements: list.rows.map((e) => ({
        ...enhancementView(e, today),
        href: enhancementPath(e.id),
        reviewHref: manage ? newEnhancementPath(e.childReference) : null,
      })),
      overdue: list.overdue,
      sort: sortColumns(enhancementSortKeys, query, hrefFor),
      pagination: pagination(request.url, query.page, LIST_PAGE_SIZE, list.total),
    });
  });

  const showForm = (reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('payments-enhancement-form.njk', {
      title: 'Record a disability enhancement',
      action: newEnhancementPath(),
      cancel: enhancementsPath(),
      levels: choicesOf(needLevels, needLevelNames).map((c) => ({ ...c, checked: values.levelOfNeed === c.value })),
      values,
      errors,
      breadcrumbs: [...crumbs, { text: 'Disability enhancements', href: enhancementsPath() }],
    });
  app.get<{ Querystring: { child?: string } }>(newEnhancementPath(), manageAccess, async (request, reply) =>
    showForm(reply, typeof request.query.child === 'string' ? { child: request.query.child.slice(0, 20) } : {}),
  );
  app.post(newEnhancementPath(), manageAccess, async (request, reply) => {
    const form = parseDatedForm(enhancementForm, request.body, ['agreedOn']);
    if (!form.ok) return showForm(reply, form.input, form.errors);
    const result = await recordEnhancement(db, who(request), form.value);
    const next = result.ok ? `${enhancementPath(result.id)}?done=recorded` : enhancementsPath();
    return answerForm(reply, result, next, (errors) =>
      showForm(reply, request.body as Record<string, unknown>, linkDateErrors(errors, ['agreedOn'])),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/payments/enhancements/:id',
    viewAccess,
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const seen = await viewEnhancement(db, who(request), request.params.id);
      if (!seen) return reply.callNotFound();
      const today = todayInLondon();
      const e = enhancementView(seen.record, today);
      const current = !seen.record.endedOn && !seen.record.placementEnded;
      const manage = mayManagePayments(request.user!);
      return reply.page('payments-enhancement.njk', {
        title: `Disability enhancement: ${e.child}`,
        e,
        current,
        agreements: seen.agreements.map((a) => ({ ...enhancementView(a, today), href: enhancementPath(a.id) })),
        reviewHref: current && manage ? newEnhancementPath(seen.record.childReference) : null,
        changeHref: manage ? changeEnhancementPath(seen.record.id) : null,
        removeHref: manage ? removeEnhancementPath(seen.record.id) : null,
        flash: flashes[request.query.done ?? ''],
        breadcrumbs: [...crumbs, { text: 'Disability enhancements', href: enhancementsPath() }],
      });
    },
  );
}
