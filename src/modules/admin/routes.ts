import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { refused } from '../../platform/views/results.ts';
import { newUserForm, userDetailsForm, userListQuery } from './forms.ts';
import { findUser, listUsers, USERS_PAGE_SIZE, type UserRecord } from './queries.ts';
import { areaOptions, teamOptions } from '../../platform/auth/organisation.ts';
import {
  createUser,
  deactivateUser,
  reactivateUser,
  resetPassword,
  resetSecondFactor,
  updateUser,
  viewUser,
} from './service.ts';
import { signInAdminRoutes } from './routes-sign-in.ts';
import { councilAccountsOf } from '../../platform/auth/oidc/links.ts';
import { listWaiting } from '../../platform/auth/oidc/identities.ts';
import { temporaryPasswordHandover } from './temporary-password.ts';
import {
  areaItems,
  bankHolidaysHeld,
  doneMessage,
  isFiltered,
  roleItems,
  sortColumns,
  statusItems,
  teamItems,
} from './views.ts';
import { temporaryPasswordPath, userActionPath, userPath } from './paths.ts';

type WithId = { Params: { id: string } };

/** What each confirmation page asks, and where its form posts. */
const confirmations = {
  deactivate: {
    title: 'Deactivate',
    question: 'Are you sure you want to deactivate this account?',
    lines: ['They will be signed out everywhere straight away and will not be able to sign in.'],
    button: 'Deactivate account',
    warning: true,
  },
  reactivate: {
    title: 'Reactivate',
    question: 'Are you sure you want to reactivate this account?',
    lines: ['They will be able to sign in again with their password.'],
    button: 'Reactivate account',
    warning: false,
  },
  'reset-password': {
    title: 'Reset the password of',
    question: 'Are you sure you want to reset this user’s password?',
    lines: [
      'Their current password will stop working and they will be signed out everywhere.',
      'You will see a temporary password once, to give to them. They must choose their own when they next sign in.',
    ],
    button: 'Reset password',
    warning: true,
  },
  'reset-second-factor': {
    title: 'Reset the second factor of',
    question: 'Are you sure you want to reset this user’s second factor?',
    lines: [
      'Their authenticator app and recovery codes will stop working and they will be signed out everywhere.',
      'When they next sign in with their password, they will set up their authenticator app again.',
    ],
    button: 'Reset second factor',
    warning: true,
  },
} as const;
type Confirmation = keyof typeof confirmations;

/** The administrator's user management: accounts, roles, teams and areas; no case content. */
export const adminRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  await app.register(signInAdminRoutes, { db });
  const handover = temporaryPasswordHandover(app);
  const manage: RouteShorthandOptions = { config: { access: { permission: 'users.manage' } } };

  const breadcrumbs = (...extra: { text: string; href?: string }[]) => [
    { text: 'Administration', href: '/admin' },
    { text: 'Users', href: '/admin/users' },
    ...extra,
  ];
  const userCrumb = (user: UserRecord) => ({ text: user.displayName, href: userPath(user.id) });

  /** The create or edit form, with the user's input and any errors. */
  async function showForm(
    reply: FastifyReply,
    options: { user?: UserRecord; values: Record<string, unknown>; errors?: FormErrors },
  ) {
    const [teams, areas] = await Promise.all([teamOptions(db), areaOptions(db)]);
    const { user, values } = options;
    return reply.code(options.errors ? 400 : 200).page('admin-user-form.njk', {
      title: user ? `Change details: ${user.displayName}` : 'Add a user',
      user,
      values,
      errors: options.errors,
      roleItems: roleItems(values.role),
      teamItems: teamItems(teams, values.teamId),
      areaItems: areaItems(areas, values.areaId),
      breadcrumbs: user ? breadcrumbs(userCrumb(user)) : breadcrumbs(),
    });
  }

  app.get('/admin', manage, async (_request, reply) => {
    return reply.page('admin-home.njk', { title: 'Administration', bankHolidays: bankHolidaysHeld(todayInLondon()) });
  });

  app.get('/admin/users', manage, async (request, reply) => {
    const query = userListQuery.parse(request.query ?? {});
    const [list, teams, waiting] = await Promise.all([listUsers(db, query), teamOptions(db), listWaiting(db, 1, 1)]);
    return reply.page('admin-users.njk', {
      title: 'Users',
      query,
      list,
      filtered: isFiltered(query),
      waitingCount: waiting.total,
      sort: sortColumns(query),
      pagination: pagination(request.url, list.page, USERS_PAGE_SIZE, list.total),
      roleItems: roleItems(query.role, 'Any role'),
      teamItems: teamItems(teams, query.team, 'Any team'),
      statusItems: statusItems(query.status),
      breadcrumbs: [{ text: 'Administration', href: '/admin' }],
    });
  });

  app.get('/admin/users/new', manage, async (_request, reply) => showForm(reply, { values: {} }));

  app.post('/admin/users/new', manage, async (request, reply) => {
    const form = parseForm(newUserForm, request.body);
    if (!form.ok) return showForm(reply, { values: form.input, errors: form.errors });
    const result = await createUser(db, request.actor(), form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: '/admin/users' });
      return showForm(reply, { values: form.value, errors: formErrors(result.errors) });
    }
    handover.give(reply, request.user!.id, result.id, result.temporaryPassword, 'created');
    return reply.redirect(temporaryPasswordPath(result.id), 303);
  });

  app.get<WithId & { Querystring: { done?: string } }>('/admin/users/:id', manage, async (request, reply) => {
    const user = await viewUser(db, request.actor(), request.params.id);
    if (!user) return reply.callNotFound();
    return reply.page('admin-user.njk', {
      title: `User: ${user.displayName}`,
      user,
      councilAccounts: await councilAccountsOf(db, user.id),
      providerIssuer: app.identityProvider?.issuer,
      isSelf: user.id === request.user!.id,
      flash: doneMessage(request.query.done),
      breadcrumbs: breadcrumbs(),
    });
  });

  app.get<WithId>('/admin/users/:id/edit', manage, async (request, reply) => {
    const user = await findUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    return showForm(reply, { user, values: { ...user, email: user.email ?? '' } });
  });

  app.post<WithId>('/admin/users/:id/edit', manage, async (request, reply) => {
    const user = await findUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    const form = parseForm(userDetailsForm, request.body);
    if (!form.ok) return showForm(reply, { user, values: form.input, errors: form.errors });
    const result = await updateUser(db, request.actor(), user.id, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: userPath(user.id) });
      return showForm(reply, { user, values: form.value, errors: formErrors(result.errors) });
    }
    return reply.redirect(`${userPath(user.id)}?done=${result.changed.length ? 'updated' : 'unchanged'}`, 303);
  });

  for (const action of Object.keys(confirmations) as Confirmation[]) {
    app.get<WithId>(`/admin/users/:id/${action}`, manage, async (request, reply) => {
      const user = await findUser(db, request.params.id);
      if (!user) return reply.callNotFound();
      if (alreadyDone(action, user)) return reply.redirect(userPath(user.id), 302);
      if (user.id === request.user!.id && action !== 'reactivate') return refusedPage(reply, user, action);
      const confirmation = confirmations[action];
      return reply.page('admin-confirm.njk', {
        title: `${confirmation.title} ${user.displayName}`,
        user,
        confirmation,
        action: userActionPath(user.id, action),
        breadcrumbs: breadcrumbs(userCrumb(user)),
      });
    });
  }

  app.post<WithId>('/admin/users/:id/deactivate', manage, async (request, reply) => {
    const result = await deactivateUser(db, request.actor(), request.params.id);
    return afterAccountChange(reply, request.params.id, result, 'deactivate');
  });

  app.post<WithId>('/admin/users/:id/reactivate', manage, async (request, reply) => {
    const result = await reactivateUser(db, request.actor(), request.params.id);
    return afterAccountChange(reply, request.params.id, result, 'reactivate');
  });

  app.post<WithId>('/admin/users/:id/reset-password', manage, async (request, reply) => {
    const result = await resetPassword(db, request.actor(), request.params.id);
    if (!result.ok) return afterAccountChange(reply, request.params.id, result, 'reset-password');
    handover.give(reply, request.user!.id, request.params.id, result.temporaryPassword, 'reset');
    return reply.redirect(temporaryPasswordPath(request.params.id), 303);
  });

  app.post<WithId>('/admin/users/:id/reset-second-factor', manage, async (request, reply) => {
    const result = await resetSecondFactor(db, request.actor(), request.params.id);
    if (!result.ok && result.reason === 'self') {
      const user = (await findUser(db, request.params.id))!;
      return refusedPage(reply, user, 'reset-second-factor');
    }
    if (!result.ok) return afterAccountChange(reply, request.params.id, result, 'reset-second-factor');
    return reply.redirect(`${userPath(request.params.id)}?done=second-factor-reset`, 303);
  });

  app.get<WithId>('/admin/users/:id/temporary-password', manage, async (request, reply) => {
    const user = await findUser(db, request.params.id);
    if (!user) return reply.callNotFound();
    const given = handover.take(request, reply, request.user!.id, user.id);
    return reply.page('admin-temporary-password.njk', {
      title:
        given?.kind === 'created'
          ? `User account created: ${user.displayName}`
          : `Temporary password: ${user.displayName}`,
      user,
      given,
      breadcrumbs: breadcrumbs(userCrumb(user)),
    });
  });

  async function afterAccountChange(
    reply: FastifyReply,
    id: string,
    result: { ok: true } | { ok: false; reason: 'not-found' | 'self' | 'unchanged' },
    action: Confirmation,
  ) {
    if (result.ok) return reply.redirect(`${userPath(id)}?done=${action}d`, 303);
    if (result.reason === 'not-found') return reply.callNotFound();
    if (result.reason === 'unchanged') return reply.redirect(userPath(id), 303);
    const user = (await findUser(db, id))!;
    return refusedPage(reply, user, action === 'reset-password' ? action : 'deactivate');
  }
};

/** Deactivating a deactivated account, or reactivating an active one: nothing to ask. */
function alreadyDone(action: Confirmation, user: UserRecord): boolean {
  return (action === 'deactivate' && !user.active) || (action === 'reactivate' && user.active);
}

/** What an administrator may not do to their own account, and what to do instead. */
const refusals = {
  deactivate: {
    title: 'You cannot deactivate your own account',
    line: 'Ask another administrator to deactivate it.',
  },
  'reset-password': {
    title: 'You cannot reset your own password here',
    line: 'Change your own password from “Change your password” instead.',
  },
  'reset-second-factor': {
    title: 'You cannot reset your own second factor',
    line: 'Ask another administrator to reset it.',
  },
};

function refusedPage(reply: FastifyReply, user: UserRecord, action: keyof typeof refusals) {
  return reply.code(400).page('admin-refused.njk', {
    ...refusals[action],
    user,
    selfPassword: action === 'reset-password',
    backLink: { href: userPath(user.id) },
  });
}
