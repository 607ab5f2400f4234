import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import { parseForm, formErrors } from '../views/forms.ts';
import { changeOwnPassword, finishSignIn, signIn, signOut } from './service.ts';
import { newPassword } from './password-policy.ts';
import { confirmSetUp, findSecondFactor, recoveryCodesLeft, startSetUp } from './second-factor.ts';
import { recoveryCodesHandover } from './recovery-codes.ts';
import { roleNames } from '../access/roles.ts';
import { oidcRoutes } from './oidc/routes.ts';
import { providerSession } from './oidc/identities.ts';
import { staffPasswordsRefused } from './oidc/settings.ts';

const signInForm = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100, 'Enter a correct username and password'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter a correct username and password'),
  returnTo: z.string().optional(),
});

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword,
    confirmPassword: z.string().min(1, 'Enter your new password again'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

const codeForm = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Enter the 6-digit code from your authenticator app')
    .max(40, 'The code is not correct. Enter the 6-digit code your authenticator app shows now'),
  returnTo: z.string().optional(),
});
const WRONG_CODE =
  'The code is not correct or has been used already. Enter the 6-digit code your authenticator app shows now';
const THROTTLED = 'Too many attempts to sign in. Wait 15 minutes, then try again';

/** Only local paths: never redirect a user off Hearth after sign-in. */
function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

export const authRoutes: FastifyPluginAsync<{ db: Db; config: Config }> = async (app, { db, config }) => {
  await app.register(oidcRoutes, { db, config });
  const provider = app.identityProvider;
  /** Whether staff must sign in through the provider: switched on by an administrator, and only with one set up. */
  const staffUseProvider = async () => provider !== null && (await staffPasswordsRefused(db));

  /** The sign-in page: the council's button (when there is a provider) beside the password form. */
  async function signInPage(
    reply: FastifyReply,
    data: { values: Record<string, unknown>; errors?: ReturnType<typeof formErrors>; expired?: boolean },
  ) {
    const returnTo = safeReturnTo(typeof data.values.returnTo === 'string' ? data.values.returnTo : undefined);
    return reply.page('sign-in.njk', {
      title: 'Sign in',
      ...data,
      provider: provider && {
        buttonText: provider.buttonText,
        href: returnTo === '/' ? '/sign-in/oidc' : `/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`,
        staffOnly: await staffUseProvider(),
      },
    });
  }

  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (request.user) return reply.redirect('/');
      return signInPage(reply, {
        values: { returnTo: safeReturnTo(request.query.returnTo) },
        expired: request.sessionExpired,
      });
    },
  );

  app.post(
    '/sign-in',
    { config: { access: 'public', rateLimit: { max: config.SIGN_IN_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = parseForm(signInForm, request.body);
      if (!form.ok) {
        reply.code(400);
        return signInPage(reply, { errors: form.errors, values: { ...form.input, password: '' } });
      }
      const result = await signIn(db, {
        username: form.value.username,
        password: form.value.password,
        address: request.ip,
        requestId: request.id,
        requireSecondFactor: config.REQUIRE_SECOND_FACTOR,
        staffPasswordsRefused: await staffUseProvider(),
      });
      if (!result.ok) {
        const { message, status } = {
          throttled: { message: THROTTLED, status: 429 },
          invalid: { message: 'Enter a correct username and password', status: 401 },
          'staff-use-provider': {
            message: `Staff sign in with their council account, not a password: use “${provider?.buttonText}”`,
            status: 403,
          },
        }[result.reason];
        reply.code(status);
        return signInPage(reply, {
          errors: formErrors([{ field: 'username', message }]),
          values: { username: form.value.username, returnTo: form.value.returnTo },
        });
      }
      reply.setSessionCookie(result.token);
      const returnTo = safeReturnTo(form.value.returnTo);
      if (result.next !== 'signed-in') {
        const query = returnTo === '/' ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
        return reply.redirect(`/sign-in/${result.next}${query}`, 303);
      }
      return reply.redirect(result.mustChangePassword ? '/account/password' : returnTo, 303);
    },
  );

  // The second step of signing in. These pages are open to a pending sign-in only: someone fully
  // signed in goes home, and someone with no pending sign-in goes back to the password.
  const recoveryHandover = recoveryCodesHandover(config);
  const signInLimit = { max: config.SIGN_IN_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
  const secondStep = () => ({
    config: { access: 'public' as const, rateLimit: signInLimit },
  });
  function wrongStep(request: FastifyRequest, reply: FastifyReply, step: 'code' | 'set-up') {
    if (request.user) return reply.redirect('/', 303);
    const pending = request.pendingSignIn;
    if (!pending) return reply.redirect('/sign-in', 303);
    if (pending.step !== step) return reply.redirect(`/sign-in/${pending.step}`, 303);
    return null;
  }

  async function showSetUp(
    reply: FastifyReply,
    user: { id: string; username: string },
    options: { action: string; pending: boolean; returnTo?: string; errors?: ReturnType<typeof formErrors> },
  ) {
    const details = await startSetUp(db, config.sessionSecret, user);
    if (!details) return reply.redirect(options.pending ? '/sign-in' : '/account', 303);
    return reply.code(options.errors ? 400 : 200).page('second-factor-set-up.njk', {
      title: 'Set up your authenticator app',
      details,
      backLink: options.pending ? undefined : { href: '/account' },
      ...options,
    });
  }

  app.get<{ Querystring: { returnTo?: string } }>('/sign-in/code', secondStep(), async (request, reply) => {
    const wrong = wrongStep(request, reply, 'code');
    if (wrong) return wrong;
    return reply.page('sign-in-code.njk', {
      title: 'Enter the code from your authenticator app',
      returnTo: safeReturnTo(request.query.returnTo),
    });
  });

  app.get<{ Querystring: { returnTo?: string } }>('/sign-in/set-up', secondStep(), async (request, reply) => {
    const wrong = wrongStep(request, reply, 'set-up');
    if (wrong) return wrong;
    const pending = request.pendingSignIn!;
    return showSetUp(
      reply,
      { id: pending.userId, username: pending.username },
      {
        action: '/sign-in/set-up',
        pending: true,
        returnTo: safeReturnTo(request.query.returnTo),
      },
    );
  });

  for (const step of ['code', 'set-up'] as const) {
    app.post(`/sign-in/${step}`, secondStep(), async (request, reply) => {
      const wrong = wrongStep(request, reply, step);
      if (wrong) return wrong;
      const pending = request.pendingSignIn!;
      const form = parseForm(codeForm, request.body);
      const input = (form.ok ? form.value : form.input) as { returnTo?: string };
      const returnTo = safeReturnTo(typeof input.returnTo === 'string' ? input.returnTo : undefined);
      const again = (errors: ReturnType<typeof formErrors>) =>
        step === 'code'
          ? reply.code(400).page('sign-in-code.njk', {
              title: 'Enter the code from your authenticator app',
              returnTo,
              errors,
            })
          : showSetUp(
              reply,
              { id: pending.userId, username: pending.username },
              {
                action: '/sign-in/set-up',
                pending: true,
                returnTo,
                errors,
              },
            );
      if (!form.ok) return again(form.errors);
      const result = await finishSignIn(db, config.sessionSecret, pending, {
        code: form.value.code,
        address: request.ip,
        requestId: request.id,
      });
      if (!result.ok && result.reason === 'throttled') {
        reply.clearSessionCookie().code(429);
        return signInPage(reply, {
          errors: formErrors([{ field: 'username', message: THROTTLED }]),
          values: { username: pending.username },
        });
      }
      if (!result.ok) return again(formErrors([{ field: 'code', message: WRONG_CODE }]));
      reply.setSessionCookie(result.token);
      if (result.recoveryCodes) {
        recoveryHandover.give(reply, pending.userId, result.recoveryCodes, returnTo);
        return reply.redirect('/account/recovery-codes', 303);
      }
      return reply.redirect(returnTo, 303);
    });
  }

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    let providerSignOut: string | null = null;
    if (request.user) {
      // Signed in through the provider: signed out there too, when it offers that (RP-initiated logout).
      const throughProvider = provider ? await providerSession(db, request.user.sessionId) : null;
      await signOut(db, request.actor(), request.user.sessionId);
      if (throughProvider) {
        providerSignOut = await provider!.endSessionUrl(throughProvider.idToken).catch((error: unknown) => {
          request.log.warn({ oidcError: { type: (error as Error)?.name } }, 'no sign-out at the identity provider');
          return null;
        });
      }
    }
    reply.clearSessionCookie();
    return reply.redirect(providerSignOut ?? '/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.page('static-page.njk', {
      title: 'You have signed out',
      lines: ['Close this window if you are using a shared computer.'],
      signInLink: true,
    });
  });

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!;
    const factor = await findSecondFactor(db, user.id);
    const confirmed = factor?.confirmedAt ?? null;
    const throughProvider = provider ? await providerSession(db, user.sessionId) : null;
    return reply.page('account.njk', {
      throughProvider: throughProvider !== null,
      title: 'Your account',
      backLink: { href: '/' },
      user: { ...user, roleName: roleNames[user.role] },
      secondFactorSetUpAt: confirmed,
      recoveryCodesLeft: confirmed ? await recoveryCodesLeft(db, user.id) : 0,
      flash:
        (request.query as { done?: string }).done === 'second-factor' ? 'Your authenticator app is set up' : undefined,
    });
  });

  app.get('/account/second-factor', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!;
    return showSetUp(reply, user, { action: '/account/second-factor', pending: false });
  });

  app.post(
    '/account/second-factor',
    { config: { access: 'signed-in', rateLimit: signInLimit } },
    async (request, reply) => {
      const user = request.user!;
      const form = parseForm(codeForm, request.body);
      const again = (errors: ReturnType<typeof formErrors>) =>
        showSetUp(reply, user, { action: '/account/second-factor', pending: false, errors });
      if (!form.ok) return again(form.errors);
      const result = await confirmSetUp(db, config.sessionSecret, request.actor(), user.id, form.value.code);
      if (!result.ok) return again(formErrors([{ field: 'code', message: WRONG_CODE }]));
      recoveryHandover.give(reply, user.id, result.recoveryCodes, '/account?done=second-factor');
      return reply.redirect('/account/recovery-codes', 303);
    },
  );

  app.get('/account/recovery-codes', { config: { access: 'signed-in' } }, async (request, reply) => {
    const given = recoveryHandover.take(request, reply, request.user!.id);
    return reply.page('recovery-codes.njk', {
      title: 'Your recovery codes',
      given,
    });
  });

  app.get('/account/password', { config: { access: 'signed-in' } }, async (request, reply) => {
    return reply.page('change-password.njk', {
      title: 'Change your password',
      mustChange: request.user?.mustChangePassword ?? false,
    });
  });

  app.post('/account/password', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user;
    if (!user) return reply.redirect('/sign-in', 303);
    const form = parseForm(passwordForm, request.body);
    const show = (errors: ReturnType<typeof formErrors>) =>
      reply
        .code(400)
        .page('change-password.njk', { title: 'Change your password', errors, mustChange: user.mustChangePassword });
    if (!form.ok) return show(form.errors);
    const result = await changeOwnPassword(db, { ...request.actor(), userId: user.id }, form.value);
    if (!result.ok) return show(formErrors([{ field: result.field, message: result.message }]));
    reply.setSessionCookie(result.token);
    return reply.redirect('/?changed=password', 303);
  });
};
