/**
 * A household's Carer Ambassadors: its page (its carers' time as ambassadors and what they did) and
 * the forms that change them: a carer made an ambassador, one stopping or removed as recorded in
 * error, an activity recorded or removed. Thin: find the record in the user's scope (404) and check
 * they may (403), parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who, type Result } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, householdAbilities, type HouseholdRecord } from '../households/scope.ts';
import {
  ACTIVITY_DATES,
  activityForm,
  appointForm,
  CHANGE_DATES,
  datesForm,
  END_DATES,
  START_DATES,
  stopForm,
} from './forms.ts';
import { activityKindNames, activityKinds, AMBASSADORS_TARGET, named } from './labels.ts';
import {
  changeAmbassadorPath,
  householdAmbassadorsPath,
  newActivityPath,
  newAmbassadorPath,
  removeActivityPath,
  removeAmbassadorPath,
  stopAmbassadorPath,
} from './paths.ts';
import {
  ambassadorsOfHousehold,
  carersToAppoint,
  findActivity,
  findAmbassador,
  type AmbassadorRow,
} from './queries.ts';
import { mayAppointAmbassadors, mayRecordAmbassadorWork } from './scope.ts';
import {
  APPOINTED_FROM,
  appointAmbassador,
  changeAmbassadorDates,
  recordActivity,
  removeActivity,
  removeAmbassador,
  stopAmbassador,
} from './service.ts';

export const view = { config: { access: { permission: 'ambassadors.view' as const } } };
const record = { config: { access: { permission: 'ambassadors.record' as const } } };
const appoint = { config: { access: { permission: 'ambassadors.appoint' as const } } };
type Access = typeof view | typeof record | typeof appoint;

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
type May = (user: SignedInUser) => boolean;

const flashes: Record<string, string> = {
  appointed: 'The carer is now a Carer Ambassador',
  stopped: 'The carer is no longer a Carer Ambassador',
  'dates-changed': 'The days of their time as a Carer Ambassador have been changed',
  'ambassador-removed': 'The carer is no longer recorded as a Carer Ambassador',
  'activity-recorded': 'The activity has been recorded',
  'activity-removed': 'The activity has been removed',
};

const crumbs = (h: Pick<HouseholdRecord, 'id' | 'name'>, own = true) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
  ...(own ? [{ text: 'Carer Ambassadors', href: householdAmbassadorsPath(h.id) }] : []),
];

const dateField = (name: string, label: string): Field => ({
  type: 'date',
  name,
  label,
  hint: 'For example, 14 11 2026',
});

/** "3 March 2026 to now", or to the day they stopped. */
const period = (a: Pick<AmbassadorRow, 'startedOn' | 'endedOn'>) =>
  `${formatDate(a.startedOn)} to ${a.endedOn ? formatDate(a.endedOn) : 'now'}`;

/** What a form route works on: the household, and the ambassador or activity of the address. */
interface Target {
  household: HouseholdRecord;
  ambassador?: AmbassadorRow;
}
type Found<T> = { target: T } | { answer: unknown };

interface FormPage {
  heading: string;
  intro: string[];
  fields: Field[];
  button: string;
}

export function householdAmbassadorRoutes(app: FastifyInstance, db: Db) {
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

  app.get<WithId & { Querystring: { done?: string } }>(
    householdAmbassadorsPath(':id'),
    view,
    async (request, reply) => {
      const user = request.user!;
      const household = await householdOf(user, request.params.id);
      if (!household) return reply.callNotFound();
      const [{ ambassadors, activities, activityTotal }, toAppoint] = await Promise.all([
        ambassadorsOfHousehold(db, household.id),
        carersToAppoint(db, household.id),
      ]);
      await recordAudit(db, who(request).actor, {
        action: 'view',
        recordType: 'household',
        recordId: household.id,
        detail: { part: 'ambassadors' },
      });
      const changes = householdAbilities(user, household).change;
      const mayAppoint = changes && mayAppointAmbassadors(user);
      const mayRecord = changes && mayRecordAmbassadorWork(user);
      return reply.page('ambassadors-household.njk', {
        title: `Carer Ambassadors: ${household.name}`,
        household,
        ambassadors: ambassadors.map((a) => ({
          name: a.carerName,
          when: period(a),
          current: a.endedOn === null,
          activities: a.activities,
          stopHref: mayAppoint && a.endedOn === null ? stopAmbassadorPath(a.id) : null,
          changeHref: mayAppoint ? changeAmbassadorPath(a.id) : null,
          // One recorded in error, with nothing done, may be removed; one who did something is stopped.
          removeHref: mayAppoint && a.activities === 0 ? removeAmbassadorPath(a.id) : null,
        })),
        activities: activities.map((x) => ({
          on: x.onDate,
          who: x.carerName,
          what: named(activityKindNames, x.kind),
          note: x.note,
          removeHref: mayRecord ? removeActivityPath(x.id) : null,
        })),
        activitiesCut: activityTotal > activities.length ? activityTotal : null,
        appointHref:
          mayAppoint && APPOINTED_FROM.includes(household.status) && toAppoint.length
            ? newAmbassadorPath(household.id)
            : null,
        activityHref: mayRecord && ambassadors.some((a) => a.endedOn === null) ? newActivityPath(household.id) : null,
        target: AMBASSADORS_TARGET,
        flash: flashes[request.query.done ?? ''],
        breadcrumbs: crumbs(household, false),
      });
    },
  );

  form({
    path: newAmbassadorPath,
    access: appoint,
    find: byHousehold(mayAppointAmbassadors),
    page: async ({ household }) => {
      const carers = await carersToAppoint(db, household.id);
      return {
        heading: 'Make a carer a Carer Ambassador',
        intro: [
          'A Carer Ambassador is an experienced carer who speaks for fostering at recruitment events and to people thinking of fostering, and supports applicants and new carers.',
          `The plan asks for ${AMBASSADORS_TARGET} across the service.`,
        ],
        fields: [
          {
            type: 'radios',
            name: 'carerId',
            label: 'Carer',
            choices: carers.map((c) => ({
              value: c.id,
              text: c.name,
              ...(c.joinedOn ? { hint: `Joined the household on ${formatDate(c.joinedOn)}` } : {}),
            })),
          },
          dateField('startedOn', 'Date they became an ambassador'),
        ],
        button: 'Make them an ambassador',
      };
    },
    schema: (today) => appointForm(today),
    dates: START_DATES,
    save: (request, t, value) => appointAmbassador(db, who(request), t.household.id, value),
    done: 'appointed',
  });

  form({
    path: stopAmbassadorPath,
    access: appoint,
    find: byAmbassador(mayAppointAmbassadors),
    page: ({ ambassador }) => ({
      heading: `${ambassador!.carerName} stops being a Carer Ambassador`,
      intro: [`A Carer Ambassador since ${formatDate(ambassador!.startedOn)}.`],
      fields: [dateField('endedOn', 'Date they stopped')],
      button: 'Save',
    }),
    schema: (today, { ambassador }) => stopForm(today, ambassador!.startedOn),
    dates: END_DATES,
    save: (request, t, value) => stopAmbassador(db, who(request), t.ambassador!.id, value.endedOn),
    done: 'stopped',
  });

  form({
    path: changeAmbassadorPath,
    access: appoint,
    find: byAmbassador(mayAppointAmbassadors),
    page: ({ ambassador }) => ({
      heading: `Change ${ambassador!.carerName}’s time as a Carer Ambassador`,
      intro: ['Put right a day typed wrongly. The audit trail keeps what it said before.'],
      fields: [
        dateField('startedOn', 'Date they became an ambassador'),
        ...(ambassador!.endedOn ? [dateField('endedOn', 'Date they stopped')] : []),
      ],
      button: 'Save',
    }),
    initial: ({ ambassador }) => ({
      ...dateBoxes('startedOn', ambassador!.startedOn),
      ...dateBoxes('endedOn', ambassador!.endedOn),
    }),
    schema: (today, { ambassador }) => datesForm(today, ambassador!.endedOn !== null),
    dates: CHANGE_DATES,
    save: (request, t, value) => changeAmbassadorDates(db, who(request), t.ambassador!.id, value),
    done: 'dates-changed',
  });

  form({
    path: newActivityPath,
    access: record,
    find: byHousehold(mayRecordAmbassadorWork),
    page: async ({ household }) => {
      const { ambassadors } = await ambassadorsOfHousehold(db, household.id);
      return {
        heading: 'Record what a Carer Ambassador did',
        intro: [
          'An event, a talk with someone thinking of fostering, support for a new carer: one activity on one day.',
        ],
        fields: [
          {
            type: 'radios',
            name: 'ambassadorId',
            label: 'Carer Ambassador',
            choices: ambassadors.map((a) => ({ value: a.id, text: a.carerName, hint: `Ambassador ${period(a)}` })),
          },
          dateField('onDate', 'Date of the activity'),
          {
            type: 'radios',
            name: 'kind',
            label: 'What they did',
            choices: choicesOf(activityKinds, activityKindNames),
          },
          {
            type: 'textarea',
            name: 'note',
            label: 'Note (optional)',
            hint: 'Where it was, and who they spoke with or supported',
            rows: 3,
          },
        ],
        button: 'Save the activity',
      };
    },
    schema: (today) => activityForm(today),
    dates: ACTIVITY_DATES,
    save: (request, t, value) => recordActivity(db, who(request), t.household.id, value),
    done: 'activity-recorded',
  });

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

  removal({
    path: removeAmbassadorPath,
    access: appoint,
    what: 'ambassador',
    find: async (request, reply) => {
      const found = await byAmbassador(mayAppointAmbassadors)(request, reply);
      if ('answer' in found) return found;
      const a = found.target.ambassador!;
      if (a.activities > 0) return { answer: reply.callNotFound() };
      return { target: { ...found.target, rows: [{ key: a.carerName, value: `Ambassador ${period(a)}` }] } };
    },
    heading: 'Remove the Carer Ambassador',
    intro:
      'Remove them only if they were recorded as an ambassador in error. No activity of theirs is recorded. If they were an ambassador and have stopped, record the day they stopped instead. The audit trail keeps who removed it and why.',
    hint: 'For example, the wrong carer was chosen.',
    button: 'Remove the ambassador',
    remove: removeAmbassador,
    done: 'ambassador-removed',
  });

  removal({
    path: removeActivityPath,
    access: record,
    what: 'activity',
    find: async (request, reply) => {
      const user = request.user!;
      const activity = await findActivity(db, user, request.params.id);
      const household = activity ? await householdOf(user, activity.householdId) : null;
      const answer = checked(reply, user, household, mayRecordAmbassadorWork);
      if (answer) return answer;
      return {
        target: {
          household: household!,
          rows: [
            { key: 'When', value: formatDate(activity!.onDate) },
            { key: 'Who', value: activity!.carerName },
            { key: 'What', value: named(activityKindNames, activity!.kind) },
          ],
        },
      };
    },
    heading: 'Remove the activity',
    intro:
      'Remove an activity only if it was recorded in error: on the wrong household, or something that did not happen. The audit trail keeps who removed it and why.',
    hint: 'For example, recorded twice.',
    button: 'Remove the activity',
    remove: removeActivity,
    done: 'activity-removed',
  });
}
