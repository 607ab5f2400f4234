/**
 * A household's extra support: its page (its hub family, or the households it supports as one; its
 * activity breaks; its requests for psychology support) and the forms that change them. Thin: parse,
 * call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, householdAbilities, type HouseholdRecord } from '../households/scope.ts';
import {
  BREAK_DATES,
  breakForm,
  CARERS,
  END_DATES,
  endForm,
  hubLinkForm,
  hubStartForm,
  psychologyForm,
  REQUEST_DATES,
  START_DATES,
} from './forms.ts';
import {
  breakKindNames,
  breakKinds,
  centreNames,
  centres,
  EMERGENCY_WORKING_DAYS,
  HUB_SUPPORTS_UP_TO,
  urgencies,
  urgencyHints,
  urgencyNames,
} from './labels.ts';
import {
  householdSupportPath,
  hubFamilyPath,
  hubLinkPath,
  newBreakPath,
  newPsychologyPath,
  psychologyPath,
  removeBreakPath,
} from './paths.ts';
import { childrenPlaced, hubFamiliesInArea, supportOfHousehold } from './queries.ts';
import { mayManageHubs, mayRecordSupport } from './scope.ts';
import { endHubFamily, endHubLink, recordBreak, recordRequest, startHubFamily, startHubLink } from './service.ts';
import { breakRow, linkRow, period, requestStatus } from './views.ts';

const view = { config: { access: { permission: 'extra-support.view' as const } } };
const record = { config: { access: { permission: 'extra-support.record' as const } } };
const hubs = { config: { access: { permission: 'extra-support.hubs' as const } } };

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;

const flashes: Record<string, string> = {
  'hub-started': 'The household is now a hub family',
  'hub-ended': 'The household is no longer a hub family, and the support it gave has ended',
  'link-started': 'The household is now supported by the hub family',
  'link-ended': 'The hub family’s support has ended',
  'break-recorded': 'The activity break has been recorded',
  'break-removed': 'The activity break has been removed',
  'request-recorded': 'The request for psychology support has been recorded',
};

const crumbs = (h: Pick<HouseholdRecord, 'id' | 'name'>, support = true) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
  ...(support ? [{ text: 'Extra support', href: householdSupportPath(h.id) }] : []),
];

const dateField = (name: string, label: string): Field => ({
  type: 'date',
  name,
  label,
  hint: 'For example, 14 11 2026',
});

export function householdSupportRoutes(app: FastifyInstance, db: Db) {
  /** The household, if the user reads it in full; null (a 404) otherwise. */
  const householdOf = (user: SignedInUser, id: string) =>
    isUuid(id) ? findHouseholdReadInFull(db, user, id) : Promise.resolve(null);

  const mayRecordOn = (user: SignedInUser, h: HouseholdRecord) =>
    mayRecordSupport(user) && householdAbilities(user, h).change;
  const mayManageHubOf = (user: SignedInUser, h: HouseholdRecord) =>
    mayManageHubs(user) && householdAbilities(user, h).change;

  /**
   * The household, if the user reads it in full (else a 404) and `may` do this to it (else a 403),
   * checked before the form is read.
   */
  const changeable = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    may: (user: SignedInUser, h: HouseholdRecord) => boolean,
  ): Promise<{ household: HouseholdRecord } | { answer: unknown }> => {
    const household = await householdOf(request.user!, request.params.id);
    if (!household) return { answer: reply.callNotFound() };
    if (!may(request.user!, household)) {
      return { answer: refused(reply, forbidden, { backHref: householdSupportPath(household.id) }) };
    }
    return { household };
  };

  /** One form page: the fields, what it is for, where it posts. */
  const showForm = (
    reply: FastifyReply,
    household: HouseholdRecord,
    page: { heading: string; intro: string[]; fields: Field[]; action: string; button: string },
    values: Values,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('extra-support-form.njk', {
      title: `${page.heading}: ${household.name}`,
      household,
      ...page,
      fields: formFields(page.fields, values),
      cancel: householdSupportPath(household.id),
      errors,
      breadcrumbs: crumbs(household),
    });

  app.get<WithId & { Querystring: { done?: string } }>(householdSupportPath(':id'), view, async (request, reply) => {
    const user = request.user!;
    const household = await householdOf(user, request.params.id);
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
    return reply.page('extra-support-household.njk', {
      title: `Extra support: ${household.name}`,
      household,
      hub: support.hub ? { since: support.hub.startedOn } : null,
      pastHub: support.hubPeriods.filter((p) => p.endedOn !== null).map((p) => period(p.startedOn, p.endedOn)),
      supported: support.supported.map(linkRow),
      supportingNow: support.supported.filter((l) => l.endedOn === null).length,
      supportsUpTo: HUB_SUPPORTS_UP_TO,
      link: support.link ? { ...linkRow(support.link), href: householdSupportPath(support.link.householdId) } : null,
      pastLinks: support.links.filter((l) => l.endedOn !== null).map(linkRow),
      breaks: support.breaks.map((b) => ({ ...breakRow(b), removeHref: mayRecord ? removeBreakPath(b.id) : null })),
      breaksCut: support.totals.breaks > support.breaks.length ? support.totals.breaks : null,
      requests: support.requests.map((r) => ({
        href: psychologyPath(r.id),
        requestedOn: r.requestedOn,
        who: r.childName ?? 'The carers',
        urgency: urgencyNames[r.urgency as 'emergency'] ?? r.urgency,
        status: requestStatus(r),
      })),
      requestsCut: support.totals.requests > support.requests.length ? support.totals.requests : null,
      hubHref: mayHub ? hubFamilyPath(household.id) : null,
      linkHref: mayRecord && !support.hub ? hubLinkPath(household.id) : null,
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
    const found = await changeable(request, reply, mayManageHubOf);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, await hubPage(household), {});
  });
  app.post<WithId>(hubFamilyPath(':id'), hubs, async (request, reply) => {
    const found = await changeable(request, reply, mayManageHubOf);
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
    const found = await changeable(request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, await linkPage(household), {});
  });
  app.post<WithId>(hubLinkPath(':id'), record, async (request, reply) => {
    const found = await changeable(request, reply, mayRecordOn);
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
    const found = await changeable(request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, breakPage(household), {});
  });
  app.post<WithId>(newBreakPath(':id'), record, async (request, reply) => {
    const found = await changeable(request, reply, mayRecordOn);
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

  // Recording a request for psychology support.
  const requestPage = async (household: HouseholdRecord) => {
    const placed = await childrenPlaced(db, household.id, todayInLondon());
    return {
      heading: 'Record a request for psychology support',
      intro: [
        'Clinical psychology support for the carers and the children placed with them, in an emergency or planned.',
        `An emergency’s first session is due within ${EMERGENCY_WORKING_DAYS} working days of the request (weekends and bank holidays do not count). This is the service’s own timescale, not law.`,
      ],
      fields: [
        dateField('requestedOn', 'Date support was asked for'),
        {
          type: 'radios',
          name: 'childId',
          label: 'Who the support is for',
          choices: [...placed.map((c) => ({ value: c.id, text: c.name })), { value: CARERS, text: 'The carers' }],
        },
        {
          type: 'radios',
          name: 'urgency',
          label: 'How urgent',
          choices: choicesOf(urgencies, urgencyNames, urgencyHints),
        },
        {
          type: 'textarea',
          name: 'reason',
          label: 'Why support is needed',
          hint: 'What is happening in the placement, and what the carers have asked for',
          rows: 4,
        },
      ] satisfies Field[],
      action: newPsychologyPath(household.id),
      button: 'Save the request',
    };
  };
  app.get<WithId>(newPsychologyPath(':id'), record, async (request, reply) => {
    const found = await changeable(request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    return showForm(reply, household, await requestPage(household), {});
  });
  app.post<WithId>(newPsychologyPath(':id'), record, async (request, reply) => {
    const found = await changeable(request, reply, mayRecordOn);
    if ('answer' in found) return found.answer;
    const { household } = found;
    const page = await requestPage(household);
    const form = parseDatedForm(psychologyForm(todayInLondon()), request.body, REQUEST_DATES);
    if (!form.ok) return showForm(reply, household, page, form.input, form.errors);
    const result = await recordRequest(db, who(request), household.id, form.value);
    return answerForm(reply, result, `${householdSupportPath(household.id)}?done=request-recorded`, (errors) =>
      showForm(reply, household, page, request.body as Values, errors),
    );
  });
}
