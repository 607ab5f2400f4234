/** The recruitment pipeline, the enquiry form, and the information events. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { bodyOf, formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { forbidden, refused, who, type Invalid, type Refusal } from '../../platform/views/results.ts';
import { choicesOf, formFields, yesNo, type Field } from '../../platform/views/fields.ts';
import { teamOptions, areaOptions } from '../../platform/auth/organisation.ts';
import { statusNames, type HouseholdStatus } from '../households/labels.ts';
import { enquiryForm, eventForm, pipelineQuery, type PipelineQuery } from './forms.ts';
import { interestNames, interests, pipelineStages, sourceNames, sources } from './labels.ts';
import { attendeeOptions, eventList, EVENTS_PAGE_SIZE, pipeline, PIPELINE_PAGE_SIZE } from './lists.ts';
import { newEnquiryPath, recruitmentPath } from './paths.ts';
import { teamsUserMayChange } from '../households/scope.ts';
import { recordEvent, recordNewEnquiry } from './service.ts';
import { panelDueBy } from './settings.ts';
import { enquiriesBySource } from './sources.ts';
import { statusTag } from './views.ts';

const view = { config: { access: { permission: 'recruitment.view' as const } } };
const record = { config: { access: { permission: 'recruitment.record' as const } } };
const pipelineCrumbs = [{ text: 'Recruitment pipeline', href: '/recruitment' }];

function hrefWith(query: PipelineQuery, changes: Partial<PipelineQuery>) {
  const merged = { ...query, ...changes, page: 1 };
  const params = new URLSearchParams();
  for (const key of ['stage', 'area', 'source'] as const) if (merged[key]) params.set(key, merged[key]!);
  const text = params.toString();
  return text ? `/recruitment?${text}` : '/recruitment';
}

const options = (items: { value: string; text: string }[], selected: string | null, all: string) => [
  { value: '', text: all, selected: !selected },
  ...items.map((i) => ({ ...i, selected: i.value === selected })),
];

function enquiryFields(teams: { id: string; name: string }[]): Field[] {
  return [
    { type: 'date', name: 'enquiredOn', label: 'Date of the enquiry' },
    { type: 'text', name: 'carerFirstName', label: 'First name', width: 20 },
    { type: 'text', name: 'carerLastName', label: 'Last name', width: 20 },
    { type: 'text', name: 'secondName', label: 'Name of a second applicant (optional)', width: 20 },
    { type: 'text', name: 'email', label: 'Email address (optional)' },
    { type: 'text', name: 'phone', label: 'Telephone (optional)', width: 20 },
    { type: 'text', name: 'addressLine1', label: 'Address line 1' },
    { type: 'text', name: 'addressLine2', label: 'Address line 2 (optional)' },
    { type: 'text', name: 'town', label: 'Town or city', width: 20 },
    { type: 'text', name: 'postcode', label: 'Postcode', width: 10 },
    {
      type: 'select',
      name: 'teamId',
      label: 'Team nearest to them (sets the area)',
      choices: teams.map((t) => ({ value: t.id, text: t.name })),
    },
    { type: 'radios', name: 'source', label: 'How did they hear of us?', choices: choicesOf(sources, sourceNames) },
    {
      type: 'checkboxes',
      name: 'interests',
      label: 'What interests them?',
      choices: choicesOf(interests, interestNames),
    },
  ];
}

async function eventFields(db: Db, request: FastifyRequest): Promise<Field[]> {
  const people = await attendeeOptions(db, request.user!);
  return [
    { type: 'date', name: 'heldOn', label: 'Date of the event' },
    { type: 'text', name: 'place', label: 'Where', hint: 'The venue, or the online meeting' },
    { type: 'radios', name: 'online', label: 'Was it online?', choices: yesNo, inline: true },
    {
      type: 'checkboxes',
      name: 'attendees',
      label: 'Who came',
      hint: 'Households at enquiry or application, newest enquiry first',
      choices: people.map((p) => ({
        value: p.id,
        text: `${p.name} (${p.reference}), enquired ${formatDate(p.enquiredOn)}`,
      })),
    },
  ];
}

function formPage(
  reply: FastifyReply,
  page: {
    title: string;
    action: string;
    cancel: string;
    fields: Field[];
    values: Record<string, unknown>;
    errors?: FormErrors;
    crumbs: { text: string; href: string }[];
  },
) {
  return reply.code(page.errors ? 400 : 200).page('recruitment-form.njk', {
    title: page.title,
    action: page.action,
    cancel: page.cancel,
    fields: formFields(page.fields, page.values),
    errors: page.errors,
    breadcrumbs: page.crumbs,
  });
}

const errorsOf = (result: Invalid | Refusal, dates: string[]) =>
  result.reason === 'invalid' ? linkDateErrors(formErrors(result.errors), dates) : null;

export function listRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: Record<string, string> }>('/recruitment', view, async (request, reply) => {
    const query = pipelineQuery.parse(request.query);
    const { rows, total, page, byStage } = await pipeline(db, request.user!, query);
    const areas = await areaOptions(db);
    const bySource = await enquiriesBySource(db, request.user!, query.area);
    // "Record an enquiry" only for those with a team to record it in (the form refuses the others).
    const mayRecordEnquiry =
      can(request.user!.role, 'recruitment.record') &&
      teamsUserMayChange(request.user!, await teamOptions(db)).length > 0;
    return reply.page('recruitment-pipeline.njk', {
      title: 'Recruitment pipeline',
      canRecord: mayRecordEnquiry,
      flash: request.query.done === 'enquiry' ? 'Enquiry recorded' : undefined,
      stages: pipelineStages.map((s) => ({
        text: statusNames[s as HouseholdStatus],
        count: byStage[s] ?? 0,
        href: hrefWith(query, { stage: s }),
        current: query.stage === s,
      })),
      filters: {
        stage: options(
          pipelineStages.map((s) => ({ value: s, text: statusNames[s as HouseholdStatus] })),
          query.stage,
          'Any stage',
        ),
        area: options(
          areas.map((a) => ({ value: a.id, text: a.name })),
          query.area,
          'Any area',
        ),
        source: options(choicesOf(sources, sourceNames), query.source, 'Any'),
      },
      rows: rows.map((r) => [
        {
          html: `<a class="govuk-link" href="${recruitmentPath(r.id)}">${escape(r.name)}</a><br><span class="govuk-body-s">${r.reference}</span>`,
        },
        { html: `<strong class="govuk-tag ${statusTag(r.status).classes}">${statusTag(r.status).text}</strong>` },
        { text: formatDate(r.enquiredOn) },
        { text: named(sourceNames, r.source) },
        { text: r.areaName },
        { text: r.appliedOn ? formatDate(r.appliedOn) : '' },
        { text: nextText(r) },
      ]),
      total,
      bySource,
      areaName: areas.find((a) => a.id === query.area)?.name ?? null,
      pagination: pagination(request.url, page, PIPELINE_PAGE_SIZE, total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  /** The enquiry form: the teams offered are those the user may record in (one is chosen for them). */
  async function enquiryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    // The teams the user may record an enquiry in (a team manager: their own).
    const teams = teamsUserMayChange(request.user!, await teamOptions(db));
    if (teams.length === 0) return refused(reply, forbidden, { backHref: '/recruitment' });
    return formPage(reply, {
      title: 'Record an enquiry',
      action: newEnquiryPath,
      cancel: '/recruitment',
      fields: enquiryFields(teams),
      values: teams.length === 1 ? { teamId: teams[0]!.id, ...values } : values,
      errors,
      crumbs: pipelineCrumbs,
    });
  }

  app.get(newEnquiryPath, record, async (request, reply) =>
    enquiryPage(request, reply, dateBoxes('enquiredOn', todayInLondon())),
  );

  app.post(newEnquiryPath, record, async (request, reply) => {
    const parsed = parseDatedForm(enquiryForm, request.body, ['enquiredOn']);
    const result = parsed.ok ? await recordNewEnquiry(db, who(request), parsed.value) : null;
    if (result?.ok) return reply.redirect(`${recruitmentPath(result.id)}?done=enquiry`, 303);
    const errors = parsed.ok ? errorsOf(result as Invalid | Refusal, ['enquiredOn']) : parsed.errors;
    if (!errors) return refused(reply, result as Refusal, { backHref: '/recruitment' });
    return enquiryPage(request, reply, bodyOf(request.body), errors);
  });

  app.get<{ Querystring: Record<string, string> }>('/recruitment/events', view, async (request, reply) => {
    const { rows, total, page } = await eventList(db, request.user!, pageFrom(request.query.page));
    return reply.page('recruitment-events.njk', {
      title: 'Information events',
      canRecord: can(request.user!.role, 'recruitment.record'),
      flash: request.query.done === 'event' ? 'Information event recorded' : undefined,
      rows: rows.map((r) => [
        { text: formatDate(r.heldOn) },
        { text: r.place },
        { text: r.online ? 'Yes' : 'No' },
        { text: r.came ? `${r.came}: ${r.names ?? ''}` : 'Nobody recorded' },
      ]),
      total,
      pagination: pagination(request.url, page, EVENTS_PAGE_SIZE, total),
      breadcrumbs: pipelineCrumbs,
    });
  });

  const eventsCrumbs = [...pipelineCrumbs, { text: 'Information events', href: '/recruitment/events' }];
  app.get('/recruitment/events/new', record, async (request, reply) =>
    formPage(reply, {
      title: 'Record an information event',
      action: '/recruitment/events/new',
      cancel: '/recruitment/events',
      fields: await eventFields(db, request),
      values: dateBoxes('heldOn', todayInLondon()),
      crumbs: eventsCrumbs,
    }),
  );

  app.post('/recruitment/events/new', record, async (request, reply) => {
    const parsed = parseDatedForm(eventForm, request.body, ['heldOn']);
    const result = parsed.ok ? await recordEvent(db, who(request), parsed.value) : null;
    if (result?.ok) return reply.redirect('/recruitment/events?done=event', 303);
    const errors = parsed.ok ? errorsOf(result as Invalid | Refusal, ['heldOn']) : parsed.errors;
    if (!errors) return refused(reply, result as Refusal, { backHref: '/recruitment/events' });
    return formPage(reply, {
      title: 'Record an information event',
      action: '/recruitment/events/new',
      cancel: '/recruitment/events',
      fields: await eventFields(db, request),
      values: bodyOf(request.body),
      errors,
      crumbs: eventsCrumbs,
    });
  });
}

function nextText(r: {
  status: string;
  answeredOn: string | null;
  appliedOn: string | null;
  completedOn: string | null;
}) {
  if (r.status === 'enquiry') return r.answeredOn ? 'Application' : 'Answer the enquiry';
  if (r.status === 'applicant') return 'Start the assessment';
  if (r.status === 'in_assessment') {
    return r.completedOn ? 'Ready for panel' : `Panel by ${formatDate(panelDueBy(r.appliedOn!))}`;
  }
  return '';
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
