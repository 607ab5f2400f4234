/**
 * A household's extra support: its page (its hub family, or the households it supports as one; its
 * activity breaks; its requests for psychology support) and the forms that change them. Thin: parse,
 * call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, type Field, dateField } from '../../platform/views/fields.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { BREAK_DATES, breakForm, END_DATES, endForm, hubLinkForm, hubStartForm, START_DATES } from './forms.ts';
import { breakKindNames, breakKinds, centreNames, centres, HUB_SUPPORTS_UP_TO, urgencyNames } from './labels.ts';
import {
  changeHubFamilyPath,
  changeHubLinkPath,
  householdSupportPath,
  hubFamilyPath,
  hubLinkPath,
  newBreakPath,
  removeHubFamilyPath,
  removeHubLinkPath,
  newPsychologyPath,
  psychologyPath,
  removeBreakPath,
} from './paths.ts';
import { findBreak, hubFamiliesInArea, supportOfHousehold } from './queries.ts';
import {
  changeable,
  crumbs,
  householdOf,
  hubs,
  mayManageHubOf,
  mayRecordOn,
  record,
  refusedUnless,
  showForm,
  view,
  type Values,
  type WithId,
} from './route-support.ts';
import { endHubFamily, endHubLink, startHubFamily, startHubLink } from './hubs.ts';
import { recordBreak, removeBreak } from './service.ts';
import { breakRow, linkRow, period, requestStatus } from './views.ts';

const flashes: Record<string, string> = {
  'hub-started': 'The household is now a hub family',
  'hub-ended': 'The household is no longer a hub family, and the support it gave has ended',
  'link-started': 'The household is now supported by the hub family',
  'link-ended': 'The hub family’s support has ended',
  'link-removed': 'The link to the hub family has been removed',
  'hub-removed': 'The household is no longer recorded as a hub family',
  'hub-start-changed': 'The day the household became a hub family has been changed',
  'link-start-changed': 'The day the hub family’s support started has been changed',
  'break-recorded': 'The activity break has been recorded',
  'break-removed': 'The activity break has been removed',
  'request-recorded': 'The request for psychology support has been recorded',
  'request-removed': 'The request for psychology support has been removed',
};

export function householdSupportRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId & { Querystring: { done?: string } }>(householdSupportPath(':id'), view, async (request, reply) => {
    const user = request.user!;
    const household = await householdOf(db, user, request.params.id);
    if (!household) return reply.callNotFound();
    const support = await supportOfHousehold(db, household.id);
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: household.id,
      detail: { part: 'extra-support' },
    });
    const mayRecord = mayRecordOn(user, household);
    const mayHub = mayManageHubOf(user, household);
    // The hub family's own page is linked only for a viewer who may open it (another team's, in the area, they may not).
    const hubOpens = support.link ? Boolean(await householdOf(db, user, support.link.householdId)) : false;
    return reply.page('extra-support-household.njk', {
      title: `Extra support: ${household.name}`,
      household,
      hub: support.hub ? { since: support.hub.startedOn } : null,
      pastHub: support.hubPeriods.filter((p) => p.endedOn !== null).map((p) => period(p.startedOn, p.endedOn)),
      supported: support.supported.map(linkRow),
      supportingNow: support.supported.filter((l) => l.endedOn === null).length,
      supportsUpTo: HUB_SUPPORTS_UP_TO,
      link: support.link
        ? { ...linkRow(support.link), href: hubOpens ? householdSupportPath(support.link.householdId) : null }
        : null,
      pastLinks: support.links.filter((l) => l.endedOn !== null).map(linkRow),
      breaks: support.breaks.map((b) => ({ ...breakRow(b), removeHref: mayRecord ? removeBreakPath(b.id) : null })),
      breaksCut: support.totals.breaks > support.breaks.length ? support.totals.breaks : null,
      requests: support.requests.map((r) => ({
        href: psychologyPath(r.id),
        requestedOn: r.requestedOn,
        who: r.childName ?? 'The carers',
        urgency: named(urgencyNames, r.urgency),
        status: requestStatus(r),
      })),
      requestsCut: support.totals.requests > support.requests.length ? support.totals.requests : null,
      hubHref: mayHub ? hubFamilyPath(household.id) : null,
      linkHref: mayRecord && !support.hub ? hubLinkPath(household.id) : null,
      removeLinkHref: mayRecord && support.link ? removeHubLinkPath(household.id) : null,
      changeLinkHref: mayRecord && support.link ? changeHubLinkPath(household.id) : null,
      changeHubHref: mayHub && support.hub ? changeHubFamilyPath(household.id) : null,
      // A hub family made in error, that never supported a household, may be removed; one that did is ended.
      removeHubHref: mayHub && support.hub && support.supported.length === 0 ? removeHubFamilyPath(household.id) : null,
      breakHref: mayRecord ? newBreakPath(household.id) : null,
      requestHref: mayRecord ? newPsychologyPath(household.id) : null,
      flash: flashes[request.query.done ?? ''],
      breadcrumbs: crumbs(household, false),
    });
  });

  // Making the household a hub family, or ending it: the form is the one its state needs.
  const hubPage = async (household: HouseholdRecord) => {
    const { hub } = await supportOfHousehold(db, household.id);
    return hub
      ? {
          hub,
          heading: 'The household stops being a hub family',
          intro: [
            `A hub family since ${formatDate(hub.startedOn)}.`,
            'The support it gives each household ends on the same day.',
          ],
          fields: [dateField('endedOn', 'Date it stopped')],
          action: hubFamilyPath(household.id),
          button: 'Save',
        }
      : {
          hub,
          heading: 'Make the household a hub family',
          intro: [
            'A hub family is an experienced household that supports 3 or 4 other carers of young people with complex needs in its area, with emergency and ongoing support.',
          ],
          fields: [dateField('startedOn', 'Date it became a hub family')],
          action: hubFamilyPath(household.id),
          button: 'Make it a hub family',
        };
  };
  app.get<WithId>(hubFamilyPath(':id'), hubs, async (request, reply) => {
    const found = await changeable(db, request, reply, mayManageHubOf);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, await hubPage(household), {});
  });
  app.post<WithId>(hubFamilyPath(':id'), hubs, async (request, reply) => {
    const found = await changeable(db, request, reply, mayManageHubOf);
    if ('answer' in found) return found.answer;
    const { household } = found;
    const page = await hubPage(household);
    const today = todayInLondon();
    const back = (errors: FormErrors) => showForm(reply, household, page, request.body as Values, errors);
    if (page.hub) {
      const form = parseDatedForm(endForm(today, 'Date it stopped', page.hub.startedOn), request.body, END_DATES);
      if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
      const result = await endHubFamily(db, who(request), household.id, form.value.endedOn);
      return answerForm(reply, result, `${householdSupportPath(household.id)}?done=hub-ended`, back);
    }
    const form = parseDatedForm(hubStartForm(today), request.body, START_DATES);
    if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
    const result = await startHubFamily(db, who(request), household.id, form.value.startedOn);
    return answerForm(reply, result, `${householdSupportPath(household.id)}?done=hub-started`, back);
  });

  // Linking the household to a hub family of its area, or ending the link.
  const linkPage = async (household: HouseholdRecord) => {
    const { link, hub } = await supportOfHousehold(db, household.id);
    if (hub) {
      return {
        link,
        heading: 'Link the household to a hub family',
        intro: ['This household is a hub family itself, so it is not supported by another.'],
        fields: [],
        action: hubLinkPath(household.id),
        button: 'Save',
      };
    }
    if (link) {
      return {
        link,
        heading: 'End the hub family’s support',
        intro: [`Supported by ${link.householdName} since ${formatDate(link.startedOn)}.`],
        fields: [dateField('endedOn', 'Date the support ended')],
        action: hubLinkPath(household.id),
        button: 'Save',
      };
    }
    const choices = await hubFamiliesInArea(db, household.areaId, household.id);
    return {
      link,
      heading: 'Link the household to a hub family',
      intro: choices.length
        ? [`The hub families of ${household.areaName}. Each supports 3 or 4 households.`]
        : [
            `${household.areaName} has no hub family yet. A manager makes a household a hub family from its extra support page.`,
          ],
      fields: choices.length
        ? [
            {
              type: 'radios',
              name: 'hubFamilyId',
              label: 'Hub family',
              choices: choices.map((c) => ({
                value: c.id,
                text: c.name,
                hint: `Supporting ${c.supporting} ${c.supporting === 1 ? 'household' : 'households'} now${
                  c.supporting >= HUB_SUPPORTS_UP_TO ? ' (the most the plan asks of one)' : ''
                }`,
              })),
            } satisfies Field,
            dateField('startedOn', 'Date the hub family’s support started'),
          ]
        : [],
      action: hubLinkPath(household.id),
      button: 'Save',
    };
  };
  app.get<WithId>(hubLinkPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, await linkPage(household), {});
  });
  app.post<WithId>(hubLinkPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    const page = await linkPage(household);
    const today = todayInLondon();
    const back = (errors: FormErrors) => showForm(reply, household, page, request.body as Values, errors);
    if (page.link) {
      const form = parseDatedForm(
        endForm(today, 'Date the support ended', page.link.startedOn),
        request.body,
        END_DATES,
      );
      if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
      const result = await endHubLink(db, who(request), household.id, form.value.endedOn);
      return answerForm(reply, result, `${householdSupportPath(household.id)}?done=link-ended`, back);
    }
    const form = parseDatedForm(hubLinkForm(today), request.body, START_DATES);
    if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
    const result = await startHubLink(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdSupportPath(household.id)}?done=link-started`, back);
  });

  // Recording an activity break.
  const breakPage = (household: HouseholdRecord) => ({
    heading: 'Record an activity break',
    intro: [
      'A day or a residential weekend at an outdoor activity centre: a break for the carers and new experiences for the children.',
    ],
    fields: [
      { type: 'radios', name: 'centre', label: 'Activity centre', choices: choicesOf(centres, centreNames) },
      { type: 'radios', name: 'kind', label: 'Day or weekend', choices: choicesOf(breakKinds, breakKindNames) },
      dateField('fromOn', 'Date of the break'),
      {
        type: 'date',
        name: 'toOn',
        label: 'Last day of the break',
        hint: 'For a residential weekend. For example, 16 11 2026',
      },
      { type: 'text', name: 'children', label: 'How many children went', width: 2 },
      {
        type: 'textarea',
        name: 'note',
        label: 'Note (optional)',
        hint: 'What the family did, and how it went',
        rows: 3,
      },
    ] satisfies Field[],
    action: newBreakPath(household.id),
    button: 'Save the break',
  });
  app.get<WithId>(newBreakPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, breakPage(household), {});
  });
  app.post<WithId>(newBreakPath(':id'), record, async (request, reply) => {
    const found = await changeable(db, request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    const page = breakPage(household);
    const form = parseDatedForm(breakForm(todayInLondon()), request.body, BREAK_DATES);
    if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
    const result = await recordBreak(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdSupportPath(household.id)}?done=break-recorded`, (errors) =>
      showForm(reply, household, page, request.body as Values, errors),
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
    const refusal = refusedUnless(reply, request.user!, b.household, mayRecordOn);
    if (refusal) return refusal;
    return showRemove(reply, b, {});
  });
  app.post<WithId>(removeBreakPath(':id'), record, async (request, reply) => {
    const b = await breakOf(request.user!, request.params.id);
    if (!b) return reply.callNotFound();
    const refusal = refusedUnless(reply, request.user!, b.household, mayRecordOn);
    if (refusal) return refusal;
    const form = parseForm(removeForm, request.body);
    if (!form.ok) return showRemove(reply, b, form.input, form.errors);
    const result = await removeBreak(db, who(request), b.found.id, form.value.reason);
    return answerForm(reply, result, `${householdSupportPath(b.household.id)}?done=break-removed`, (errors) =>
      showRemove(reply, b, request.body as Values, errors),
    );
  });
}
