/**
 * A carer's carer portal account, from their row on the household's page: link an account an
 * administrator made for them, or remove its access (portal-accounts.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/views/params.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { accountOf, accountsToLink, linkPortalAccount, unlinkPortalAccount } from './portal-accounts.ts';
import { findCarer } from './queries.ts';
import type { HouseholdRecord } from './scope.ts';
import { householdPath, portalAccountPath, removePortalAccountPath } from './paths.ts';
import { changeAccess, householdCrumbs, openHousehold, pageErrors, refused, who } from './route-support.ts';

type WithCarer = { Params: { id: string; personId: string } };

export function portalAccountRoutes(app: FastifyInstance, db: Db): void {
  async function accountPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    carer: { id: string; firstName: string; lastName: string },
    chosen: unknown,
    errors?: FormErrors,
  ) {
    const account = await accountOf(db, carer.id);
    const offered = account ? [] : await accountsToLink(db, carer.lastName);
    const name = `${carer.firstName} ${carer.lastName}`;
    return reply.code(errors ? 400 : 200).page('households-portal-account.njk', {
      title: `Carer portal: ${name}, ${household.name}`,
      household,
      carerName: name,
      account,
      accounts: offered.map((a) => ({
        value: a.id,
        text: a.displayName,
        hint: { text: a.email ?? 'No email address' },
        checked: chosen === a.id,
      })),
      action: portalAccountPath(household.id, carer.id),
      removeAction: removePortalAccountPath(household.id, carer.id),
      errors,
      breadcrumbs: householdCrumbs(household),
    });
  }

  /** The household (for those who may change it) and its carer living there, or null once answered. */
  async function open(request: FastifyRequest<WithCarer>, reply: FastifyReply) {
    const household = await openHousehold(db, request, reply, 'carer-portal-account', 'change');
    if (!household) return null;
    const carer = isUuid(request.params.personId) ? await findCarer(db, household.id, request.params.personId) : null;
    if (!carer || carer.leftOn) {
      reply.callNotFound();
      return null;
    }
    return { household, carer };
  }

  app.get<WithCarer>('/households/:id/carers/:personId/portal-account', changeAccess, async (request, reply) => {
    const found = await open(request, reply);
    if (!found) return reply;
    return accountPage(reply, found.household, found.carer, undefined);
  });

  app.post<WithCarer>('/households/:id/carers/:personId/portal-account', changeAccess, async (request, reply) => {
    const found = await open(request, reply);
    if (!found) return reply;
    const userId = (request.body as Record<string, unknown> | undefined)?.userId;
    if (typeof userId !== 'string' || !isUuid(userId)) {
      const errors = pageErrors([{ field: 'userId', message: 'Select the carer’s account from the list' }]);
      return accountPage(reply, found.household, found.carer, userId, errors);
    }
    const result = await linkPortalAccount(db, who(request), found.household.id, found.carer.id, userId);
    if (result.ok) return reply.redirect(`${householdPath(found.household.id)}?done=portal-linked`, 303);
    if (result.reason === 'invalid') {
      return accountPage(reply, found.household, found.carer, userId, pageErrors(result.errors));
    }
    return refused(reply, result.reason, found.household);
  });

  app.post<WithCarer>(
    '/households/:id/carers/:personId/portal-account/remove',
    changeAccess,
    async (request, reply) => {
      const found = await open(request, reply);
      if (!found) return reply;
      const result = await unlinkPortalAccount(db, who(request), found.household.id, found.carer.id);
      if (result.ok) return reply.redirect(`${householdPath(found.household.id)}?done=portal-removed`, 303);
      if (result.reason === 'forbidden') return refused(reply, result.reason, found.household);
      return reply.callNotFound();
    },
  );
}
