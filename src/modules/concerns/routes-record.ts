/** Recording a matter: on a household (any kind), or a complaint or compliment about the service alone. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { bodyOf, formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused, who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { householdPath } from '../households/paths.ts';
import { formFields } from '../../platform/views/fields.ts';
import { matterDateFields, matterForm } from './forms.ts';
import { kindNames, kinds, type Kind } from './labels.ts';
import { kindChoices, kindsFor, matterFields, matterInitial } from './matter-form.ts';
import { householdMattersPath, matterPath, newMatterPath } from './paths.ts';
import { worksOn } from './scope.ts';
import { recordMatter } from './service.ts';

type WithId = { Params: { id: string }; Querystring: { kind?: string } };
const record: RouteShorthandOptions = { config: { access: { permission: 'concerns.record' } } };

const isKind = (value: unknown): value is Kind => (kinds as readonly unknown[]).includes(value);
/** Where the matter is recorded: a household's, or the service's (a team chosen on the form). */
interface Where {
  household: HouseholdRecord | null;
  action: string;
  cancel: string;
  caption: string;
  breadcrumbs: { text: string; href: string }[];
}

/** The kinds this user may record here: the household's workers (allegations only for those who see them). */
function kindsMayRecord(user: SignedInUser, where: Where): Kind[] {
  const h = where.household;
  return kindsFor(h !== null).filter((kind) =>
    h
      ? worksOn(user, { kind, householdId: h.id, teamId: h.teamId, areaId: h.areaId, allocatedSswId: h.allocatedSswId })
      : user.role === 'head_of_fostering' || user.teamId !== null || user.areaId !== null,
  );
}

function forbiddenPage(reply: FastifyReply, where: Where) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot record this here',
    lines: [
      'A matter about a household is recorded by its supervising social worker, their team manager or the head of fostering (an allegation is not recorded by a service manager).',
    ],
    backLink: { href: where.cancel },
  });
}

async function showForm(
  db: Db,
  reply: FastifyReply,
  where: Where,
  kind: Kind,
  values: Record<string, unknown>,
  errors?: FormErrors,
) {
  const fields = await matterFields(db, kind, where.household?.id ?? null);
  return reply.code(errors ? 400 : 200).page('concerns-form.njk', {
    title: `Record ${kind === 'allegation' ? 'an' : 'a'} ${kindNames[kind].toLowerCase()}`,
    caption: where.caption,
    lines:
      kind === 'allegation'
        ? [
            'Refer the allegation to the LADO within 1 working day. The notification to Ofsted (within 24 hours) is made with it.',
          ]
        : [],
    action: where.action,
    cancel: where.cancel,
    fields: formFields(fields, values),
    button: 'Save',
    errors,
    breadcrumbs: where.breadcrumbs,
  });
}

function kindPage(reply: FastifyReply, user: SignedInUser, where: Where, url: string) {
  const allowed = new Set(kindsMayRecord(user, where));
  return reply.page('concerns-kind.njk', {
    title: 'What kind of matter is it?',
    caption: where.caption,
    action: url.split('?')[0],
    cancel: where.cancel,
    kindItems: kindChoices(where.household !== null)
      .filter((c) => allowed.has(c.value as Kind))
      .map((c) => ({ value: c.value, text: c.text, hint: c.hint ? { text: c.hint } : undefined })),
    breadcrumbs: where.breadcrumbs,
  });
}

/** The form (or, before a kind is chosen, the choice of kind), and saving it. */
function recordPages(
  app: FastifyInstance,
  db: Db,
  url: string,
  whereOf: (request: FastifyRequest<WithId>) => Promise<Where | null>,
) {
  app.get<WithId>(url, record, async (request, reply) => {
    const where = await whereOf(request);
    if (!where) return reply.callNotFound();
    const allowed = kindsMayRecord(request.user!, where);
    if (!allowed.length) return forbiddenPage(reply, where);
    const kind = request.query.kind;
    if (!isKind(kind)) return kindPage(reply, request.user!, where, request.url);
    if (!allowed.includes(kind)) return forbiddenPage(reply, where);
    return showForm(db, reply, where, kind, matterInitial(kind));
  });

  app.post<WithId>(url, record, async (request, reply) => {
    const where = await whereOf(request);
    if (!where) return reply.callNotFound();
    const kind = bodyOf(request.body).kind;
    if (!isKind(kind)) return kindPage(reply, request.user!, where, request.url);
    if (!kindsMayRecord(request.user!, where).includes(kind)) return forbiddenPage(reply, where);
    const form = parseDatedForm(matterForm, request.body, matterDateFields);
    if (!form.ok) return showForm(db, reply, where, kind, form.input, form.errors);
    const at = where.household ? { householdId: where.household.id } : ({ service: true } as const);
    const result = await recordMatter(db, who(request), at, form.value);
    if (result.ok) return reply.redirect(`${matterPath(result.id)}?done=recorded`, 303);
    if (result.reason === 'invalid')
      return showForm(db, reply, where, kind, bodyOf(request.body), formErrors(result.errors));
    return refused(reply, result, { backHref: where.cancel });
  });
}

export function recordRoutes(app: FastifyInstance, db: Db) {
  recordPages(app, db, '/households/:id/concerns/new', async (request) => {
    if (!isUuid(request.params.id)) return null;
    const household = await findHouseholdReadInFull(db, request.user!, request.params.id);
    if (!household) return null;
    return {
      household,
      action: request.url.split('?')[0]!,
      cancel: householdMattersPath(household.id),
      caption: `${household.name} (${household.reference})`,
      breadcrumbs: [
        { text: 'Households', href: '/households' },
        { text: household.name, href: householdPath(household.id) },
        { text: 'Concerns, complaints and allegations', href: householdMattersPath(household.id) },
      ],
    };
  });
  recordPages(app, db, newMatterPath(), async () => ({
    household: null,
    action: newMatterPath(),
    cancel: '/concerns',
    caption: 'The fostering service',
    breadcrumbs: [{ text: 'Concerns register', href: '/concerns' }],
  }));
}
