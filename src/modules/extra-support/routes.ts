/**
 * Extra support's pages: the service's overview (the hub families and whom they support, the
 * emergency requests waiting, the year's counts), a request for psychology support and its progress,
 * an activity break removed; a household's own pages are in routes-household.ts. Thin: parse, call
 * the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { recordAudits } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { ModuleContext } from '../../platform/modules/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, householdAbilities, type HouseholdRecord } from '../households/scope.ts';
import { PROGRESS_DATES, progressForm } from './forms.ts';
import { HUB_FAMILIES_TARGET, HUB_SUPPORTS_UP_TO } from './labels.ts';
import { extraSupportPath, householdSupportPath, psychologyPath, removeBreakPath } from './paths.ts';
import { findBreak, findRequest, OVERVIEW_PAGE_SIZE, supportOverview, type PsychologyRow } from './queries.ts';
import { householdSupportRoutes } from './routes-household.ts';
import { mayRecordSupport } from './scope.ts';
import { PSYCHOLOGY_RECORD, recordProgress, removeBreak } from './service.ts';
import { breakRow, requestRows } from './views.ts';

const view = { config: { access: { permission: 'extra-support.view' as const } } };
const record = { config: { access: { permission: 'extra-support.record' as const } } };

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;

const progressFields: Field[] = [
  {
    type: 'date',
    name: 'firstSessionOn',
    label: 'Date of the first session (optional)',
    hint: 'For example, 14 11 2026',
  },
  {
    type: 'date',
    name: 'endedOn',
    label: 'Date the support ended (optional)',
    hint: 'When the sessions finished, or the day the request was withdrawn. For example, 14 12 2026',
  },
];

export const extraSupportRoutes: FastifyPluginAsync<ModuleContext> = async (app, { db }) => {
  const mayChange = (user: SignedInUser, h: HouseholdRecord) =>
    mayRecordSupport(user) && householdAbilities(user, h).change;

  app.get<{ Querystring: { page?: string } }>(extraSupportPath(), view, async (request, reply) => {
    const page = pageNumber.parse(request.query?.page);
    const today = todayInLondon();
    const year = financialYearOf(today);
    const overview = await supportOverview(db, request.user!, year.start, page);
    await recordAudits(
      db,
      who(request).actor,
      overview.waiting.map((r) => ({
        action: 'view',
        recordType: PSYCHOLOGY_RECORD,
        recordId: r.id,
        detail: { page: 'list' },
      })),
    );
    return reply.page('extra-support-list.njk', {
      title: page > 1 ? `Extra support for carers (page ${page})` : 'Extra support for carers',
      hubs: overview.hubs.map((h) => ({
        ...h,
        href: householdSupportPath(h.householdId),
        supportingText: `${h.supporting} ${h.supporting === 1 ? 'household' : 'households'}`,
        full: h.supporting >= HUB_SUPPORTS_UP_TO,
      })),
      hubTotal: overview.hubTotal,
      hubTarget: HUB_FAMILIES_TARGET,
      waiting: overview.waiting.map((r) => ({
        href: psychologyPath(r.id),
        household: r.householdName,
        who: r.childName ?? 'The carers',
        requestedOn: r.requestedOn,
        dueOn: r.dueOn,
        overdue: r.dueOn !== null && r.dueOn < today,
      })),
      year: { from: year.start, ...overview.year },
      pagination: pagination(request.url, page, OVERVIEW_PAGE_SIZE, overview.hubTotal),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  /** The request, and its household read in full, if the user may read them. */
  const requestOf = async (user: SignedInUser, id: string) => {
    const found = await findRequest(db, user, id);
    if (!found) return null;
    const household = await findHouseholdReadInFull(db, user, found.householdId);
    return household ? { request: found, household } : null;
  };

  const showRequest = (
    reply: FastifyReply,
    user: SignedInUser,
    found: { request: PsychologyRow; household: HouseholdRecord },
    values: Values,
    errors?: FormErrors,
    flash?: string,
  ) =>
    reply.code(errors ? 400 : 200).page('extra-support-request.njk', {
      title: `Psychology support: ${found.household.name}`,
      household: found.household,
      rows: requestRows(found.request),
      fields: mayChange(user, found.household) ? formFields(progressFields, values) : null,
      action: psychologyPath(found.request.id),
      errors,
      flash,
      backHref: householdSupportPath(found.household.id),
      breadcrumbs: [
        { text: 'Households', href: '/households' },
        { text: found.household.name, href: householdPath(found.household.id) },
        { text: 'Extra support', href: householdSupportPath(found.household.id) },
      ],
    });

  app.get<WithId & { Querystring: { done?: string } }>(psychologyPath(':id'), view, async (request, reply) => {
    const found = await requestOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    await recordAudits(db, who(request).actor, [
      { action: 'view', recordType: PSYCHOLOGY_RECORD, recordId: found.request.id, detail: { page: 'request' } },
    ]);
    const values = {
      ...dateBoxes('firstSessionOn', found.request.firstSessionOn),
      ...dateBoxes('endedOn', found.request.endedOn),
    };
    const flash = request.query.done === 'saved' ? 'The request has been updated' : undefined;
    return showRequest(reply, request.user!, found, values, undefined, flash);
  });

  app.post<WithId>(psychologyPath(':id'), record, async (request, reply) => {
    const found = await requestOf(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (!mayChange(request.user!, found.household)) {
      return refused(reply, forbidden, { backHref: psychologyPath(found.request.id) });
    }
    const form = parseDatedForm(progressForm(todayInLondon(), found.request.requestedOn), request.body, PROGRESS_DATES);
    if (!form.ok) return showRequest(reply, request.user!, found, form.input, form.errors);
    const result = await recordProgress(db, who(request), found.request.id, form.value);
    return answerForm(reply, result, `${psychologyPath(found.request.id)}?done=saved`, (errors) =>
      showRequest(reply, request.user!, found, request.body as Values, errors),
    );
  });

  // Removing an activity break recorded in error.
  const removeForm = removalForm('break');
  /** The break and its household, if the user reads it; null (a 404) otherwise. */
  const breakOf = async (user: SignedInUser, id: string) => {
    const found = await findBreak(db, user, id);
    const household = found ? await findHouseholdReadInFull(db, user, found.householdId) : null;
    return found && household ? { found, household } : null;
  };
  /** A 403 for a break on a household the user reads but may not change. */
  const mayNotRemove = (reply: FastifyReply, user: SignedInUser, b: { household: HouseholdRecord }) =>
    mayChange(user, b.household) ? null : refused(reply, forbidden, { backHref: householdSupportPath(b.household.id) });
  const showRemove = (
    reply: FastifyReply,
    b: NonNullable<Awaited<ReturnType<typeof breakOf>>>,
    values: Values,
    errors?: FormErrors,
  ) => {
    const shown = breakRow(b.found);
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the activity break: ${b.household.name}`,
      caption: `${b.household.name} (${b.household.reference})`,
      heading: `Remove the activity break on ${formatDate(b.found.fromOn)}`,
      intro:
        'Remove a break only if it was recorded in error: on the wrong household, or a break that did not happen. The audit trail keeps who removed it and why.',
      rows: [
        { key: 'When', value: shown.when },
        { key: 'What', value: shown.what },
        { key: 'Children who went', value: shown.children },
      ],
      what: 'break',
      hint: 'For example, recorded on the wrong household.',
      button: 'Remove the break',
      values,
      errors,
      action: removeBreakPath(b.found.id),
      cancel: householdSupportPath(b.household.id),
      breadcrumbs: [{ text: 'Extra support', href: householdSupportPath(b.household.id) }],
    });
  };
  app.get<WithId>(removeBreakPath(':id'), record, async (request, reply) => {
    const b = await breakOf(request.user!, request.params.id);
    if (!b) return reply.callNotFound();
    const refusal = mayNotRemove(reply, request.user!, b);
    if (refusal) return refusal;
    return showRemove(reply, b, {});
  });
  app.post<WithId>(removeBreakPath(':id'), record, async (request, reply) => {
    const b = await breakOf(request.user!, request.params.id);
    if (!b) return reply.callNotFound();
    const refusal = mayNotRemove(reply, request.user!, b);
    if (refusal) return refusal;
    const form = parseForm(removeForm, request.body);
    if (!form.ok) return showRemove(reply, b, form.input, form.errors);
    const result = await removeBreak(db, who(request), b.found.id, form.value.reason);
    return answerForm(reply, result, `${householdSupportPath(b.household.id)}?done=break-removed`, (errors) =>
      showRemove(reply, b, request.body as Values, errors),
    );
  });

  householdSupportRoutes(app, db);
};
