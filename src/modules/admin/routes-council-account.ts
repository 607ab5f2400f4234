import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { findWaiting, type WaitingPerson } from '../../platform/auth/oidc/identities.ts';
import {
  councilAccountsOf,
  linkCandidates,
  linkWaitingToAccount,
  unlinkCouncilAccount,
} from '../../platform/auth/oidc/links.ts';
import { linkByVerifiedEmail, setLinkByVerifiedEmail } from '../../platform/auth/oidc/settings.ts';
import { findUser } from './queries.ts';
import { linkAccountForm, linkByEmailForm } from './sign-in-forms.ts';
import { signInCrumbs } from './views.ts';
import { unlinkAccountPath, userPath } from './paths.ts';

type WithIds = { Params: { id: string; accountId: string } };
type WithId = { Params: { id: string } };

/**
 * Linking council accounts (at the identity provider) to Hearth accounts: someone waiting linked
 * by hand to the account they already have, a first sign-in linked by verified email when the
 * administrator has chosen it, and unlinking from a user's page. Each change is audited.
 */
export const councilAccountRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const manage: RouteShorthandOptions = { config: { access: { permission: 'users.manage' } } };

  /** The user and their council account from the address, or null. */
  async function linked(params: WithIds['Params']) {
    if (!isUuid(params.accountId)) return null;
    const user = await findUser(db, params.id);
    const account = user && (await councilAccountsOf(db, user.id)).find((a) => a.id === params.accountId);
    return user && account ? { user, account } : null;
  }

  app.get<WithIds>('/admin/users/:id/council-accounts/:accountId/unlink', manage, async (request, reply) => {
    const found = await linked(request.params);
    if (!found) return reply.callNotFound();
    const { user, account } = found;
    if (user.id === request.user!.id) return unlinkSelf(reply, user.id);
    return reply.page('admin-confirm.njk', {
      title: `Unlink the council account of ${user.displayName}`,
      user,
      confirmation: {
        question: 'Are you sure you want to unlink this council account?',
        lines: [
          `${account.email ?? account.subject} will no longer sign in to this Hearth account, and is signed out of Hearth now.`,
          'The Hearth account stays as it is. The council account goes on the list of people waiting for a role, where it can be linked to another account. If one of its groups has a role, its next sign-in makes a new Hearth account.',
        ],
        button: 'Unlink council account',
        warning: true,
      },
      action: unlinkAccountPath(user.id, account.id),
      breadcrumbs: [
        { text: 'Administration', href: '/admin' },
        { text: 'Users', href: '/admin/users' },
        { text: user.displayName, href: userPath(user.id) },
      ],
    });
  });

  app.post<WithIds>('/admin/users/:id/council-accounts/:accountId/unlink', manage, async (request, reply) => {
    const found = await linked(request.params);
    if (!found) return reply.callNotFound();
    if (found.user.id === request.user!.id) return unlinkSelf(reply, found.user.id);
    await unlinkCouncilAccount(db, request.actor(), found.user.id, found.account.id);
    return reply.redirect(`${userPath(found.user.id)}?done=unlinked`, 303);
  });

  async function showLink(
    reply: FastifyReply,
    person: WaitingPerson,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const candidates = await linkCandidates(db);
    const email = person.email?.toLowerCase();
    const chosen =
      typeof values.userId === 'string'
        ? values.userId
        : candidates.find((c) => email && c.email?.toLowerCase() === email)?.id;
    return reply.code(errors ? 400 : 200).page('admin-link-account.njk', {
      title: `Link ${person.displayName} to their Hearth account`,
      person,
      errors,
      candidateCount: candidates.length,
      items: [
        { value: '', text: 'Select their account', selected: !chosen },
        ...candidates.map((c) => ({
          value: c.id,
          text: `${c.displayName} (${c.username}${c.email ? `, ${c.email}` : ''})`,
          selected: c.id === chosen,
        })),
      ],
      breadcrumbs: signInCrumbs({ text: 'Waiting for a role', href: '/admin/sign-in/waiting' }),
    });
  }

  /** Someone waiting with no Hearth account yet (one who lost access is linked already). */
  async function waitingWithoutAccount(id: string) {
    const person = isUuid(id) ? await findWaiting(db, id) : null;
    return person && !person.hadAccess ? person : null;
  }

  app.get<WithId>('/admin/sign-in/waiting/:id/link', manage, async (request, reply) => {
    const person = await waitingWithoutAccount(request.params.id);
    if (!person) return reply.callNotFound();
    return showLink(reply, person, {});
  });

  app.post<WithId>('/admin/sign-in/waiting/:id/link', manage, async (request, reply) => {
    const person = await waitingWithoutAccount(request.params.id);
    if (!person) return reply.callNotFound();
    const form = parseForm(linkAccountForm, request.body);
    if (!form.ok) return showLink(reply, person, form.input, form.errors);
    const result = await linkWaitingToAccount(db, request.actor(), person.id, form.value.userId);
    if (!result.ok && result.reason === 'not-waiting') return reply.callNotFound();
    if (!result.ok) {
      const message = 'Select an active staff account that has no council account yet';
      return showLink(reply, person, form.value, formErrors([{ field: 'userId', message }]));
    }
    return reply.redirect('/admin/sign-in/waiting?done=linked', 303);
  });

  async function showLinkByEmail(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('admin-link-by-email.njk', {
      title: 'Link by email address',
      values,
      errors,
      breadcrumbs: signInCrumbs(),
    });
  }

  app.get('/admin/sign-in/link-by-email', manage, async (_request, reply) =>
    showLinkByEmail(reply, { linkByEmail: (await linkByVerifiedEmail(db)) ? 'on' : 'off' }),
  );

  app.post('/admin/sign-in/link-by-email', manage, async (request, reply) => {
    const form = parseForm(linkByEmailForm, request.body);
    if (!form.ok) return showLinkByEmail(reply, form.input, form.errors);
    await setLinkByVerifiedEmail(db, request.actor(), form.value.linkByEmail === 'on');
    return reply.redirect(`/admin/sign-in?done=link-by-email-${form.value.linkByEmail}`, 303);
  });
};

/** An administrator does not unlink their own council account: they could lock themselves out. */
function unlinkSelf(reply: FastifyReply, userId: string) {
  return reply.code(400).page('admin-refused.njk', {
    title: 'You cannot unlink your own council account',
    line: 'Ask another administrator to unlink it.',
    user: { id: userId },
  });
}
