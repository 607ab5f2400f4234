import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { roleNames, type Role } from '../../platform/access/roles.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { restrictedAccessForm } from './forms.ts';
import { restrictedAccessList } from './queries.ts';
import { type HouseholdRecord } from './scope.ts';
import { nameManager, removeManager } from './service.ts';
import {
  allocateAccess,
  householdCrumbs,
  openHousehold,
  pageErrors,
  refused,
  who,
  type WithId,
} from './route-support.ts';
import { selectItems } from './views.ts';
import { restrictedAccessPath } from './paths.ts';

/** The head of fostering's list of managers who may see a restricted household. */
export function restrictedAccessRoutes(app: FastifyInstance, db: Db): void {
  async function showAccessList(reply: FastifyReply, household: HouseholdRecord, errors?: FormErrors, done?: string) {
    const list = await restrictedAccessList(db, household.id);
    const describe = (m: { role: string; teamName: string | null; areaName: string | null }) =>
      [roleNames[m.role as Role] ?? m.role, m.teamName ?? m.areaName].filter(Boolean).join(', ');
    return reply.code(errors ? 400 : 200).page('households-restricted-access.njk', {
      title: `Who may see this restricted household: ${household.name}`,
      household,
      named: list.named.map((m) => ({ ...m, description: describe(m) })),
      managerItems: selectItems(
        list.available.map((m) => ({ value: m.id, text: `${m.displayName} (${describe(m)})` })),
        'Select a manager',
        undefined,
      ),
      errors,
      flash: done,
      breadcrumbs: householdCrumbs(household),
    });
  }

  app.get<WithId & { Querystring: { done?: string } }>(
    '/households/:id/restricted-access',
    allocateAccess,
    async (request, reply) => {
      const household = await openHousehold(db, request, reply, 'restricted-access', 'restricted-access');
      if (!household) return reply;
      const done = {
        added: 'The manager can now see this household',
        removed: 'The manager has been removed from the list',
      };
      return showAccessList(reply, household, undefined, done[request.query.done as keyof typeof done]);
    },
  );

  app.post<WithId>('/households/:id/restricted-access', allocateAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'restricted-access', 'restricted-access');
    if (!household) return reply;
    const form = parseForm(restrictedAccessForm, request.body);
    if (!form.ok) return showAccessList(reply, household, pageErrors(form.errors));
    const result = await nameManager(db, who(request), household.id, form.value.userId);
    if (result.ok) return reply.redirect(`${restrictedAccessPath(household.id)}?done=added`, 303);
    if (result.reason === 'invalid') return showAccessList(reply, household, pageErrors(result.errors));
    return refused(reply, result.reason, household);
  });

  app.post<WithId>('/households/:id/restricted-access/remove', allocateAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'restricted-access', 'restricted-access');
    if (!household) return reply;
    const form = parseForm(restrictedAccessForm, request.body);
    if (!form.ok) return showAccessList(reply, household, pageErrors(form.errors));
    const result = await removeManager(db, who(request), household.id, form.value.userId);
    if (!result.ok) return refused(reply, result.reason === 'invalid' ? 'not-found' : result.reason, household);
    return reply.redirect(`${restrictedAccessPath(household.id)}?done=removed`, 303);
  });
}
