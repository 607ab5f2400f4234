import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { recordHouseholdView, viewHousehold } from './access.ts';
import { type FieldError, type Who } from '../../platform/views/results.ts';
import { householdAbilities, householdFor, type Need, findVisibleHousehold, type HouseholdRecord } from './scope.ts';
import { linkDateErrors } from '../../platform/views/date-input.ts';
import { dateFieldNames, isUuid } from './forms.ts';
import { householdPath } from './paths.ts';

export type WithId = { Params: { id: string } };

export const viewAccess: RouteShorthandOptions = { config: { access: { permission: 'households.view' } } };
export const changeAccess: RouteShorthandOptions = { config: { access: { permission: 'households.change' } } };
/** The carers' own pages of the household, in their portal. */
export const portalAccess: RouteShorthandOptions = { config: { access: { permission: 'portal.use' } } };
export const allocateAccess: RouteShorthandOptions = { config: { access: { permission: 'households.allocate' } } };

export function who(request: FastifyRequest): Who {
  return { user: request.user!, actor: request.actor() };
}

/** The 403 page for a household the user can see but not change in this way. */
export function forbiddenPage(reply: FastifyReply, household?: { id: string }) {
  return reply.code(403).page('error.njk', {
    title: 'You cannot make this change',
    lines: [
      'You can see this household, but changing it is for its allocated worker, its team’s manager or the head of fostering.',
      'If you need to change it for your work, ask your manager.',
    ],
    backLink: household ? { href: householdPath(household.id) } : undefined,
  });
}

/** Turns a refusal from the service into a 404 (not in scope) or the 403 page. */
export function refused(reply: FastifyReply, reason: 'not-found' | 'forbidden', household?: { id: string }) {
  return reason === 'not-found' ? reply.callNotFound() : forbiddenPage(reply, household);
}

/** Errors for the page, with date fields linked to their day box. */
export function pageErrors(errors: FormErrors | FieldError[]): FormErrors {
  return linkDateErrors(Array.isArray(errors) ? formErrors(errors) : errors, dateFieldNames);
}

/**
 * Opens a household for one of its pages: 404 when it does not exist or is out of scope, 403
 * when the page needs more than reading. Records a page view (GET) in the audit trail. When it returns
 * null the reply is on its way: the handler should `return reply`.
 */
export async function openHousehold(
  db: Db,
  request: FastifyRequest<WithId>,
  reply: FastifyReply,
  page: string,
  need: Need | 'view' = 'view',
): Promise<HouseholdRecord | null> {
  const id = request.params.id;
  if (!isUuid(id)) {
    reply.callNotFound();
    return null;
  }
  // A page shown is a view; a form sent is audited by the change it makes.
  const shown = request.method === 'GET';
  if (need !== 'view') {
    // The household as the access check found it: not read again.
    const access = await householdFor(db, request.user!, id, need);
    if (!access.ok) {
      void refused(reply, access.reason, { id });
      return null;
    }
    if (shown) await recordHouseholdView(db, who(request), id, page);
    return access.household;
  }
  const household = shown
    ? await viewHousehold(db, who(request), id, page)
    : await findVisibleHousehold(db, request.user!, id);
  if (!household) {
    reply.callNotFound();
    return null;
  }
  return household;
}

export function abilities(request: FastifyRequest, household: HouseholdRecord) {
  return householdAbilities(request.user!, household);
}

/** Breadcrumbs to a household and, optionally, one of its pages. */
export function householdCrumbs(household: { id: string; name: string }) {
  return [
    { text: 'Households', href: '/households' },
    { text: household.name, href: householdPath(household.id) },
  ];
}
