import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { roleNames } from '../../platform/access/roles.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { refused } from '../../platform/views/results.ts';
import { isUuid } from '../../platform/views/params.ts';
import { findRoleMapping, listRoleMappings, removeRoleMapping } from '../../platform/auth/oidc/mappings.ts';
import { findWaiting, listWaiting, type WaitingPerson } from '../../platform/auth/oidc/identities.ts';
import { linkByVerifiedEmail, staffPasswordsChange, staffPasswordsRefused } from '../../platform/auth/oidc/settings.ts';
import { areaOptions, teamOptions } from '../../platform/auth/organisation.ts';
import { giveRoleForm, listPageQuery, roleMappingForm, staffPasswordsForm } from './sign-in-forms.ts';
import { addMapping, giveRoleToWaiting, switchStaffPasswords } from './sign-in-service.ts';
import { areaItems, roleItems, signInCrumbs, teamItems } from './views.ts';
import { councilAccountRoutes } from './routes-council-account.ts';

type WithId = { Params: { id: string } };
const PAGE_SIZE = 25;

/** Success messages after a change (post/redirect/get passes a key, never text). */
const doneMessages: Record<string, string> = {
  'staff-passwords-refused':
    'Staff now sign in only with their council account. Staff signed in with a password have been signed out',
  'staff-passwords-allowed': 'Staff can sign in with a Hearth password again',
  added: 'The role for the group has been added. It applies from each person’s next sign-in',
  removed: 'The role for the group has been removed. People in the group lose it when they next sign in',
  given: 'The role has been given. They can sign in with their council account now',
  linked: 'Their council account has been linked to their Hearth account. They can sign in with it now',
  'link-by-email-on': 'A first sign-in is now linked to the account with the same verified email address',
  'link-by-email-off': 'A first sign-in is no longer linked by email address',
};
const doneMessage = (done: unknown) => (typeof done === 'string' ? doneMessages[done] : undefined);

/** Staff roles for a select: foster carers sign in with passwords. */
const staffRoleItems = (selected: unknown) => roleItems(selected).filter((item) => item.value !== 'foster_carer');

/**
 * The administrator's pages for signing in with council accounts: the role each of the identity
 * provider's groups gives, the people waiting for a role, and whether staff may still use passwords.
 */
export const signInAdminRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const provider = app.identityProvider;
  const manage: RouteShorthandOptions = { config: { access: { permission: 'users.manage' } } };
  const crumbs = signInCrumbs;
  await app.register(councilAccountRoutes, { db });

  app.get<{ Querystring: { done?: string } }>('/admin/sign-in', manage, async (request, reply) => {
    const [refused, linkByEmail, change, mappings, waiting] = await Promise.all([
      staffPasswordsRefused(db),
      linkByVerifiedEmail(db),
      staffPasswordsChange(db),
      listRoleMappings(db, 1, 1),
      listWaiting(db, 1, 1),
    ]);
    return reply.page('admin-sign-in.njk', {
      title: 'Sign-in with council accounts',
      provider: provider && { issuer: provider.issuer, claim: provider.claim },
      staffPasswordsRefused: refused && provider !== null,
      linkByEmail,
      change,
      mappingCount: mappings.total,
      waitingCount: waiting.total,
      flash: doneMessage(request.query.done),
      breadcrumbs: [{ text: 'Administration', href: '/admin' }],
    });
  });

  async function showStaffPasswords(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('admin-sign-in-passwords.njk', {
      title: 'How staff sign in',
      values,
      errors,
      providerConfigured: provider !== null,
      breadcrumbs: crumbs(),
    });
  }

  app.get('/admin/sign-in/staff-passwords', manage, async (_request, reply) =>
    showStaffPasswords(reply, { staffPasswords: (await staffPasswordsRefused(db)) ? 'refused' : 'allowed' }),
  );

  app.post('/admin/sign-in/staff-passwords', manage, async (request, reply) => {
    const form = parseForm(staffPasswordsForm, request.body);
    if (!form.ok) return showStaffPasswords(reply, form.input, form.errors);
    const result = await switchStaffPasswords(
      db,
      { ...request.actor(), sessionId: request.user!.sessionId },
      { refused: form.value.staffPasswords === 'refused', providerConfigured: provider !== null },
    );
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: '/admin/sign-in' });
      return showStaffPasswords(reply, form.value, formErrors(result.errors));
    }
    return reply.redirect(`/admin/sign-in?done=staff-passwords-${form.value.staffPasswords}`, 303);
  });

  app.get('/admin/sign-in/mappings', manage, async (request, reply) => {
    const query = listPageQuery.parse(request.query ?? {});
    const list = await listRoleMappings(db, query.page, PAGE_SIZE);
    return reply.page('admin-role-mappings.njk', {
      title: list.total > PAGE_SIZE ? `Roles given by group (page ${list.page})` : 'Roles given by group',
      claim: provider?.claim ?? 'groups',
      list: { ...list, mappings: list.mappings.map((m) => ({ ...m, roleName: roleNames[m.role] })) },
      pagination: pagination(request.url, list.page, PAGE_SIZE, list.total),
      flash: doneMessage(query.done),
      breadcrumbs: crumbs(),
    });
  });

  async function showMappingForm(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) {
    const [teams, areas] = await Promise.all([teamOptions(db), areaOptions(db)]);
    return reply.code(errors ? 400 : 200).page('admin-role-mapping-form.njk', {
      title: 'Add a role for a group',
      claim: provider?.claim ?? 'groups',
      values,
      errors,
      roleItems: staffRoleItems(values.role),
      teamItems: teamItems(teams, values.teamId),
      areaItems: areaItems(areas, values.areaId),
      breadcrumbs: crumbs({ text: 'Roles given by group', href: '/admin/sign-in/mappings' }),
    });
  }

  app.get('/admin/sign-in/mappings/new', manage, async (_request, reply) => showMappingForm(reply, {}));

  app.post('/admin/sign-in/mappings/new', manage, async (request, reply) => {
    const form = parseForm(roleMappingForm, request.body);
    if (!form.ok) return showMappingForm(reply, form.input, form.errors);
    const result = await addMapping(db, request.actor(), form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: '/admin/sign-in/mappings' });
      return showMappingForm(reply, form.value, formErrors(result.errors));
    }
    return reply.redirect('/admin/sign-in/mappings?done=added', 303);
  });

  app.get<WithId>('/admin/sign-in/mappings/:id/remove', manage, async (request, reply) => {
    const mapping = isUuid(request.params.id) ? await findRoleMapping(db, request.params.id) : null;
    if (!mapping) return reply.callNotFound();
    return reply.page('admin-role-mapping-remove.njk', {
      title: `Remove the role for ${mapping.claimValue}`,
      mapping: { ...mapping, roleName: roleNames[mapping.role] },
      breadcrumbs: crumbs({ text: 'Roles given by group', href: '/admin/sign-in/mappings' }),
    });
  });

  app.post<WithId>('/admin/sign-in/mappings/:id/remove', manage, async (request, reply) => {
    const removed = isUuid(request.params.id) && (await removeRoleMapping(db, request.actor(), request.params.id));
    if (!removed) return reply.callNotFound();
    return reply.redirect('/admin/sign-in/mappings?done=removed', 303);
  });

  app.get('/admin/sign-in/waiting', manage, async (request, reply) => {
    const query = listPageQuery.parse(request.query ?? {});
    const list = await listWaiting(db, query.page, PAGE_SIZE);
    return reply.page('admin-waiting.njk', {
      title: list.total > PAGE_SIZE ? `Waiting for a role (page ${list.page})` : 'Waiting for a role',
      claim: provider?.claim ?? 'groups',
      list,
      pagination: pagination(request.url, list.page, PAGE_SIZE, list.total),
      flash: doneMessage(query.done),
      breadcrumbs: crumbs(),
    });
  });

  async function showGiveRole(
    reply: FastifyReply,
    person: WaitingPerson,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const [teams, areas] = await Promise.all([teamOptions(db), areaOptions(db)]);
    return reply.code(errors ? 400 : 200).page('admin-give-role.njk', {
      title: `Give a role to ${person.displayName}`,
      person,
      claim: provider?.claim ?? 'groups',
      values,
      errors,
      roleItems: staffRoleItems(values.role),
      teamItems: teamItems(teams, values.teamId),
      areaItems: areaItems(areas, values.areaId),
      breadcrumbs: crumbs({ text: 'Waiting for a role', href: '/admin/sign-in/waiting' }),
    });
  }

  app.get<WithId>('/admin/sign-in/waiting/:id', manage, async (request, reply) => {
    const person = isUuid(request.params.id) ? await findWaiting(db, request.params.id) : null;
    if (!person) return reply.callNotFound();
    return showGiveRole(reply, person, {});
  });

  app.post<WithId>('/admin/sign-in/waiting/:id', manage, async (request, reply) => {
    const person = isUuid(request.params.id) ? await findWaiting(db, request.params.id) : null;
    if (!person) return reply.callNotFound();
    const form = parseForm(giveRoleForm, request.body);
    if (!form.ok) return showGiveRole(reply, person, form.input, form.errors);
    const result = await giveRoleToWaiting(db, request.actor(), person.id, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: '/admin/sign-in/waiting' });
      return showGiveRole(reply, person, form.value, formErrors(result.errors));
    }
    return reply.redirect('/admin/sign-in/waiting?done=given', 303);
  });
};
