/** A child's visits by their social worker: the list (paged) and "Record a visit". */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { childPath } from '../children/paths.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { VISIT_DATES, visitForm, visitsListQuery } from './forms.ts';
import {
  notAloneReasonHints,
  notAloneReasonNames,
  notAloneReasons,
  placeNames,
  places,
  SEEN_ALONE_CITE,
  seenChoices,
  seenHints,
  seenNames,
} from './labels.ts';
import { newVisitPath } from './paths.ts';
import { nextVisitOf, untimedPlacementOf, visitorOptions, visitsOfChild, VISITS_PAGE_SIZE } from './queries.ts';
import { mayRecordVisits } from './scope.ts';
import { auditVisitsViewed, recordVisit } from './service.ts';
import { nextVisitView, visitView } from './views.ts';

type WithId = { Params: { id: string } };
const viewAccess = { config: { access: { permission: 'child-visits.view' as const } } };
const recordAccess = { config: { access: { permission: 'child-visits.record' as const } } };

const childName = (c: ChildRecord) => `${c.firstName} ${c.lastName}`;
const crumbs = (c: ChildRecord) => [
  { text: 'Children', href: '/children' },
  { text: childName(c), href: childPath(c.id) },
];

/** Radios from choices, the one given checked. */
function radios(choices: { value: string; text: string; hint?: string }[], value: unknown) {
  return choices.map((c) => ({
    value: c.value,
    text: c.text,
    checked: c.value === value,
    ...(c.hint ? { hint: { text: c.hint } } : {}),
  }));
}

export const childVisitsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId & { Querystring: Record<string, string> }>(
    '/children/:id/visits',
    viewAccess,
    async (request, reply) => {
      const user = request.user!;
      const child = await findChild(db, user, request.params.id);
      if (!child) return reply.callNotFound();
      const today = todayInLondon();
      const query = visitsListQuery.parse(request.query ?? {});
      const next = await nextVisitOf(db, child.id, today);
      const untimed = next ? null : await untimedPlacementOf(db, child.id, today);
      const list = await visitsOfChild(db, child.id, query.page);
      await auditVisitsViewed(db, who(request), child.id, list.page);
      return reply.page('child-visits-list.njk', {
        title: `Visits by the child’s social worker: ${childName(child)}`,
        child,
        summary: nextVisitView(next, untimed, today),
        visits: list.rows.map(visitView),
        pagination: pagination(request.url, list.page, VISITS_PAGE_SIZE, list.total),
        recordHref: mayRecordVisits(user) ? newVisitPath(child.id) : null,
        breadcrumbs: crumbs(child),
      });
    },
  );

  async function showForm(
    reply: FastifyReply,
    user: SignedInUser,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const visitors = await visitorOptions(db, user, child);
    return reply.code(errors ? 400 : 200).page('child-visits-form.njk', {
      title: `Record a visit: ${childName(child)}`,
      child,
      values,
      errors,
      action: newVisitPath(child.id),
      cancel: childPath(child.id),
      seenAloneCite: SEEN_ALONE_CITE,
      visitorItems: [
        { value: '', text: 'Select who visited', selected: !values.visitedBy },
        ...visitors.map((v) => ({ value: v.id, text: v.name, selected: v.id === values.visitedBy })),
      ],
      seenItems: radios(choicesOf(seenChoices, seenNames, seenHints), values.seen),
      reasonItems: radios(choicesOf(notAloneReasons, notAloneReasonNames, notAloneReasonHints), values.notAloneReason),
      placeItems: radios(choicesOf(places, placeNames), values.place),
      breadcrumbs: crumbs(child),
    });
  }

  app.get<WithId>('/children/:id/visits/new', recordAccess, async (request, reply) => {
    const user = request.user!;
    const child = await findChild(db, user, request.params.id);
    if (!child) return reply.callNotFound();
    // The child's own social worker, unless someone else is recording (a manager may have visited).
    const visitedBy = child.allocatedSocialWorkerId ?? user.id;
    return showForm(reply, user, child, { visitedBy });
  });

  app.post<WithId>('/children/:id/visits/new', recordAccess, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(visitForm(todayInLondon(), child.dateOfBirth), request.body, VISIT_DATES);
    if (!form.ok) return showForm(reply, request.user!, child, form.input, form.errors);
    const result = await recordVisit(db, who(request), child, form.value);
    return answerForm(reply, result, `${childPath(child.id)}?done=visit`, (errors) =>
      showForm(
        reply,
        request.user!,
        child,
        request.body as Record<string, unknown>,
        linkDateErrors(errors, VISIT_DATES),
      ),
    );
  });
};
