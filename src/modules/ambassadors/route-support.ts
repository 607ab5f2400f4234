/**
 * What Carer Ambassadors' route files share: the permissions routes name, the household or the
 * ambassador of the address found in the user's scope (404) and checked against what they may do
 * (403), a view of the household written for each form, and the two kinds of page every form is
 * drawn on: a form of fields, and a removal with why.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, dateField, formFields, type Field } from '../../platform/views/fields.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who, type Result } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, householdAbilities, type HouseholdRecord } from '../households/scope.ts';
import { activityKindNames, activityKinds } from './labels.ts';
import { householdAmbassadorsPath } from './paths.ts';
import { findAmbassador, type AmbassadorRow } from './queries.ts';

export const view = { config: { access: { permission: 'ambassadors.view' as const } } };
export const record = { config: { access: { permission: 'ambassadors.record' as const } } };
export const appoint = { config: { access: { permission: 'ambassadors.appoint' as const } } };
export type Access = typeof view | typeof record | typeof appoint;

export type WithId = { Params: { id: string } };
export type Values = Record<string, unknown>;
export type May = (user: SignedInUser) => boolean;

export const crumbs = (h: Pick<HouseholdRecord, 'id' | 'name'>, own = true) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
  ...(own ? [{ text: 'Carer Ambassadors', href: householdAmbassadorsPath(h.id) }] : []),
];

/** "3 March 2026 to now", or to the day they stopped. */
export const period = (a: Pick<AmbassadorRow, 'startedOn' | 'endedOn'>) =>
  `${formatDate(a.startedOn)} to ${a.endedOn ? formatDate(a.endedOn) : 'now'}`;

/** The fields of an activity after whose it is: the day, what it was, a note; "they" for staff, "you" in the portal. */
export const activityFields = (person: 'they' | 'you'): Field[] => [
  dateField('onDate', 'Date of the activity'),
  {
    type: 'radios',
    name: 'kind',
    label: person === 'they' ? 'What they did' : 'What you did',
    choices: choicesOf(activityKinds, activityKindNames),
  },
  {
    type: 'textarea',
    name: 'note',
    label: 'Note (optional)',
    hint: `Where it was, and who ${person} spoke with or supported`,
    rows: 3,
  },
];

/** What a form route works on: the household, and the ambassador or activity of the address. */
export interface Target {
  household: HouseholdRecord;
  ambassador?: AmbassadorRow;
}
export type Found<T> = { target: T } | { answer: unknown };

export interface FormPage {
  heading: string;
  intro: string[];
  fields: Field[];
  button: string;
}

export type Row = { key: string; value: string };

/** The helpers of the routes of `app`: finding what an address names, and drawing and answering forms. */
export function routeKit(app: FastifyInstance, db: Db) {
  /** A form shows whose ambassadors it changes: a view of the household's, on its trail. */
  const viewed = (request: FastifyRequest, householdId: string) =>
    recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: householdId,
      detail: { part: 'ambassadors' },
    });
  /** The household, if the user reads it in full (else a 404) and `may` change its ambassadors (else a 403). */
  const checked = (reply: FastifyReply, user: SignedInUser, household: HouseholdRecord | null, may: May) => {
    if (!household) return { answer: reply.callNotFound() };
    if (may(user) && householdAbilities(user, household).change) return null;
    return { answer: refused(reply, forbidden, { backHref: householdAmbassadorsPath(household.id) }) };
  };
  const householdOf = (user: SignedInUser, id: string) =>
    isUuid(id) ? findHouseholdReadInFull(db, user, id) : Promise.resolve(null);

  const byHousehold =
    (may: May) =>
    async (request: FastifyRequest<WithId>, reply: FastifyReply): Promise<Found<Target>> => {
      const household = await householdOf(request.user!, request.params.id);
      return checked(reply, request.user!, household, may) ?? { target: { household: household! } };
    };
  const byAmbassador =
    (may: May) =>
    async (request: FastifyRequest<WithId>, reply: FastifyReply): Promise<Found<Target>> => {
      const ambassador = await findAmbassador(db, request.user!, request.params.id);
      const household = ambassador ? await householdOf(request.user!, ambassador.householdId) : null;
      return (
        checked(reply, request.user!, household, may) ?? { target: { household: household!, ambassador: ambassador! } }
      );
    };

  const showForm = (
    reply: FastifyReply,
    t: Target,
    page: FormPage,
    action: string,
    values: Values,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('record-form.njk', {
      title: `${page.heading}: ${t.household.name}`,
      caption: `${t.household.name} (${t.household.reference})`,
      ...page,
      fields: formFields(page.fields, values),
      action,
      cancel: householdAmbassadorsPath(t.household.id),
      backText: 'the household’s Carer Ambassadors',
      errors,
      breadcrumbs: crumbs(t.household),
    });

  /** A form's page and post: the target found and checked, the form parsed (what was typed kept), the service's answer. */
  const form = <S extends z.ZodType>(spec: {
    path: (id: string) => string;
    access: Access;
    find: (request: FastifyRequest<WithId>, reply: FastifyReply) => Promise<Found<Target>>;
    page: (t: Target) => Promise<FormPage> | FormPage;
    schema: (today: IsoDate, t: Target) => S;
    dates: readonly string[];
    /** What the form shows filled in when opened (a record put right); empty otherwise. */
    initial?: (t: Target) => Values;
    save: (request: FastifyRequest<WithId>, t: Target, value: z.infer<S>) => Promise<Result>;
    done: string;
  }) => {
    app.get<WithId>(spec.path(':id'), spec.access, async (request, reply) => {
      const found = await spec.find(request, reply);
      if ('answer' in found) return found.answer;
      await viewed(request, found.target.household.id);
      const values = spec.initial?.(found.target) ?? {};
      return showForm(reply, found.target, await spec.page(found.target), spec.path(request.params.id), values);
    });
    app.post<WithId>(spec.path(':id'), spec.access, async (request, reply) => {
      const found = await spec.find(request, reply);
      if ('answer' in found) return found.answer;
      const { target } = found;
      const page = await spec.page(target);
      const action = spec.path(request.params.id);
      const parsed = parseDatedForm(spec.schema(todayInLondon(), target), request.body, spec.dates);
      if (!parsed.ok) return showForm(reply, target, page, action, parsed.input, parsed.errors);
      const result = await spec.save(request, target, parsed.value);
      return answerForm(reply, result, `${householdAmbassadorsPath(target.household.id)}?done=${spec.done}`, (errors) =>
        showForm(reply, target, page, action, request.body as Values, errors),
      );
    });
  };

  /** A removal with why: the page (remove-with-reason.njk) and its post. */
  const removal = (spec: {
    path: (id: string) => string;
    access: Access;
    what: string;
    find: (request: FastifyRequest<WithId>, reply: FastifyReply) => Promise<Found<Target & { rows: Row[] }>>;
    heading: string;
    intro: string;
    hint: string;
    button: string;
    remove: (db: Db, w: ReturnType<typeof who>, id: string, reason: string) => Promise<Result>;
    done: string;
  }) => {
    const reasonForm = removalForm(spec.what);
    const show = (reply: FastifyReply, t: Target & { rows: Row[] }, id: string, values: Values, errors?: FormErrors) =>
      reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
        title: `${spec.heading}: ${t.household.name}`,
        caption: `${t.household.name} (${t.household.reference})`,
        heading: spec.heading,
        intro: spec.intro,
        rows: t.rows,
        what: spec.what,
        hint: spec.hint,
        button: spec.button,
        values,
        errors,
        action: spec.path(id),
        cancel: householdAmbassadorsPath(t.household.id),
        breadcrumbs: crumbs(t.household),
      });
    app.get<WithId>(spec.path(':id'), spec.access, async (request, reply) => {
      const found = await spec.find(request, reply);
      if ('answer' in found) return found.answer;
      await viewed(request, found.target.household.id);
      return show(reply, found.target, request.params.id, {});
    });
    app.post<WithId>(spec.path(':id'), spec.access, async (request, reply) => {
      const found = await spec.find(request, reply);
      if ('answer' in found) return found.answer;
      const parsed = parseForm(reasonForm, request.body);
      if (!parsed.ok) return show(reply, found.target, request.params.id, parsed.input, parsed.errors);
      const result = await spec.remove(db, who(request), request.params.id, parsed.value.reason);
      return answerForm(
        reply,
        result,
        `${householdAmbassadorsPath(found.target.household.id)}?done=${spec.done}`,
        (errors) => show(reply, found.target, request.params.id, request.body as Values, errors),
      );
    });
  };
  type Row = { key: string; value: string };

  return { viewed, checked, householdOf, byHousehold, byAmbassador, form, removal };
}
