/**
 * What extra support's route files share: the permissions routes name, who may record on a
 * household or manage its hub family, the household found for a change (404 out of scope, 403 when
 * the user may not), and the one form page every household form is drawn on.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { forbidden, refused } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { findHouseholdReadInFull, householdAbilities, type HouseholdRecord } from '../households/scope.ts';
import { householdSupportPath } from './paths.ts';
import { mayManageHubs, mayRecordSupport } from './scope.ts';

export const view = { config: { access: { permission: 'extra-support.view' as const } } };
export const record = { config: { access: { permission: 'extra-support.record' as const } } };
export const hubs = { config: { access: { permission: 'extra-support.hubs' as const } } };

export type WithId = { Params: { id: string } };
export type Values = Record<string, unknown>;
export type May = (user: SignedInUser, h: HouseholdRecord) => boolean;

/** Records extra support on the household: the permission, and the household theirs to change. */
export const mayRecordOn: May = (user, h) => mayRecordSupport(user) && householdAbilities(user, h).change;
/** Makes it a hub family or ends it: a manager's, for a household theirs to change. */
export const mayManageHubOf: May = (user, h) => mayManageHubs(user) && householdAbilities(user, h).change;

export const crumbs = (h: Pick<HouseholdRecord, 'id' | 'name'>, support = true) => [
  { text: 'Households', href: '/households' },
  { text: h.name, href: householdPath(h.id) },
  ...(support ? [{ text: 'Extra support', href: householdSupportPath(h.id) }] : []),
];

/** The household, if the user reads it in full; null (a 404) otherwise. */
export const householdOf = (db: Db, user: SignedInUser, id: string) =>
  isUuid(id) ? findHouseholdReadInFull(db, user, id) : Promise.resolve(null);

/** A 403 leading back to the household's support, when the user may not do this to the household; null when they may. */
export const refusedUnless = (reply: FastifyReply, user: SignedInUser, household: HouseholdRecord, may: May) =>
  may(user, household) ? null : refused(reply, forbidden, { backHref: householdSupportPath(household.id) });

/**
 * The household of the address, if the user reads it in full (else a 404) and `may` do this to it
 * (else a 403), checked before the form is read.
 */
export async function changeable(
  db: Db,
  request: FastifyRequest<WithId>,
  reply: FastifyReply,
  may: May,
): Promise<{ household: HouseholdRecord } | { answer: unknown }> {
  const household = await householdOf(db, request.user!, request.params.id);
  if (!household) return { answer: reply.callNotFound() };
  const refusal = refusedUnless(reply, request.user!, household, may);
  return refusal ? { answer: refusal } : { household };
}

export interface FormPage {
  heading: string;
  intro: string[];
  fields: Field[];
  action: string;
  button: string;
  /** Where Cancel leads: the household's support unless said. */
  cancel?: string;
}

/** One form page of a household's support: the fields, what it is for, where it posts. */
export const showForm = (
  reply: FastifyReply,
  household: HouseholdRecord,
  page: FormPage,
  values: Values,
  errors?: FormErrors,
) =>
  reply.code(errors ? 400 : 200).page('record-form.njk', {
    title: `${page.heading}: ${household.name}`,
    caption: `${household.name} (${household.reference})`,
    ...page,
    fields: formFields(page.fields, values),
    cancel: page.cancel ?? householdSupportPath(household.id),
    backText: 'the household’s extra support',
    errors,
    breadcrumbs: crumbs(household),
  });
