/** A child's visits by their social worker: the list (paged) and "Record a visit". */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { childPath } from '../children/paths.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { removeVisitForm, seenChoiceOf, VISIT_DATES, visitForm, visitsListQuery } from './forms.ts';
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
import { newVisitPath, removeVisitPath, visitPath, visitsPath } from './paths.ts';
import {
  nextVisitOf,
  recordedVisit,
  untimedPlacementOf,
  visitorOptions,
  visitsOfChild,
  VISITS_PAGE_SIZE,
  type RecordedVisit,
} from './queries.ts';
import { mayRecordVisits } from './scope.ts';
import { auditVisitsViewed, changeVisit, recordVisit, removeVisit } from './service.ts';
import { nextVisitView, visitView } from './views.ts';

type WithId = { Params: { id: string } };
type WithVisit = { Params: { id: string; visitId: string } };
const viewAccess = { config: { access: { permission: 'child-visits.view' as const } } };
const recordAccess = { config: { access: { permission: 'child-visits.record' as const } } };

/** What the list says after a visit was changed or removed. */
const doneMessages = { changed: 'The visit has been changed', removed: 'The visit has been removed' } as const;

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
        visits: list.rows.map((v) => ({
          ...visitView(v),
          changeHref: mayRecordVisits(user) ? visitPath(child.id, v.id) : null,
        })),
        pagination: pagination(request.url, list.page, VISITS_PAGE_SIZE, list.total),
        recordHref: mayRecordVisits(user) ? newVisitPath(child.id) : null,
        flash: query.done ? doneMessages[query.done] : null,
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
    visit?: RecordedVisit,
  ) {
    const visitors = await visitorOptions(db, user, child, visit?.visitedBy ?? null);
    return reply.code(errors ? 400 : 200).page('child-visits-form.njk', {
      title: `${visit ? 'Change the visit' : 'Record a visit'}: ${childName(child)}`,
      heading: visit ? 'Change the visit' : 'Record a visit',
      child,
      values,
      errors,
      action: visit ? visitPath(child.id, visit.id) : newVisitPath(child.id),
      cancel: visit ? visitsPath(child.id) : childPath(child.id),
      removeHref: visit ? removeVisitPath(child.id, visit.id) : null,
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

  /** The child (within the user's access) and one of their visits, or null for a 404. */
  async function childAndVisit(request: FastifyRequest<WithVisit>) {
    const child = await findChild(db, request.user!, request.params.id);
    const visit = child && (await recordedVisit(db, child.id, request.params.visitId));
    return child && visit ? { child, visit } : null;
  }

  app.get<WithVisit>('/children/:id/visits/:visitId', recordAccess, async (request, reply) => {
    const found = await childAndVisit(request);
    if (!found) return reply.callNotFound();
    const { child, visit } = found;
    const values = {
      ...dateBoxes('visitedOn', visit.visitedOn),
      visitedBy: visit.visitedBy,
      seen: seenChoiceOf(visit),
      notAloneReason: visit.notAloneReason,
      place: visit.place,
      note: visit.note,
    };
    return showForm(reply, request.user!, child, values, undefined, visit);
  });

  app.post<WithVisit>('/children/:id/visits/:visitId', recordAccess, async (request, reply) => {
    const found = await childAndVisit(request);
    if (!found) return reply.callNotFound();
    const { child, visit } = found;
    const user = request.user!;
    const form = parseDatedForm(visitForm(todayInLondon(), child.dateOfBirth), request.body, VISIT_DATES);
    if (!form.ok) return showForm(reply, user, child, form.input, form.errors, visit);
    const result = await changeVisit(db, who(request), child, visit, form.value);
    return answerForm(reply, result, `${visitsPath(child.id)}?done=changed`, (errors) =>
      showForm(reply, user, child, request.body as Record<string, unknown>, linkDateErrors(errors, VISIT_DATES), visit),
    );
  });

  async function showRemove(
    reply: FastifyReply,
    child: ChildRecord,
    visit: RecordedVisit,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the visit: ${childName(child)}`,
      caption: `${childName(child)} (${child.reference})`,
      heading: `Remove the visit on ${formatDate(visit.visitedOn)}`,
      intro:
        'Remove a visit only if it was recorded in error: for the wrong child, or a visit that did not happen. To correct its date or what happened, change the visit instead. The next visit due is worked out again without it, and the audit trail keeps who removed it and why.',
      what: 'visit',
      hint: 'For example, recorded for the wrong child.',
      button: 'Remove the visit',
      values,
      errors,
      action: removeVisitPath(child.id, visit.id),
      cancel: visitPath(child.id, visit.id),
      breadcrumbs: crumbs(child),
    });
  }

  app.get<WithVisit>('/children/:id/visits/:visitId/remove', recordAccess, async (request, reply) => {
    const found = await childAndVisit(request);
    if (!found) return reply.callNotFound();
    return showRemove(reply, found.child, found.visit, {});
  });

  app.post<WithVisit>('/children/:id/visits/:visitId/remove', recordAccess, async (request, reply) => {
    const found = await childAndVisit(request);
    if (!found) return reply.callNotFound();
    const { child, visit } = found;
    const form = parseForm(removeVisitForm, request.body);
    if (!form.ok) return showRemove(reply, child, visit, form.input, form.errors);
    const result = await removeVisit(db, who(request), child, visit, form.value.reason);
    return answerForm(reply, result, `${visitsPath(child.id)}?done=removed`, (errors) =>
      showRemove(reply, child, visit, request.body as Record<string, unknown>, errors),
    );
  });
};
