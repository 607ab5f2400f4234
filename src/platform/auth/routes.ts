import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import { parseForm, formErrors } from '../views/forms.ts';
import { changeOwnPassword, signIn, signOut } from './service.ts';

const signInForm = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100, 'Enter a correct username and password'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter a correct username and password'),
  returnTo: z.string().optional(),
});

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: z
      .string()
      .min(12, 'Your new password must be 12 characters or more')
      .max(200, 'Your new password must be 200 characters or fewer'),
    confirmPassword: z.string().min(1, 'Enter your new password again'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

/** Only local paths: never redirect a user off Hearth after sign-in. */
function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

export const authRoutes: FastifyPluginAsync<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (request.user) return reply.redirect('/');
      return reply.page('sign-in.njk', {
        title: 'Sign in',
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
        return reply
          .code(400)
          .page('sign-in.njk', { title: 'Sign in', errors: form.errors, values: { ...form.input, password: '' } });
      }
      const result = await signIn(db, {
        username: form.value.username,
        password: form.value.password,
        address: request.ip,
        requestId: request.id,
      });
      if (!result.ok) {
        const message =
          result.reason === 'throttled'
            ? 'Too many attempts to sign in. Wait 15 minutes, then try again'
            : 'Enter a correct username and password';
        return reply.code(result.reason === 'throttled' ? 429 : 401).page('sign-in.njk', {
          title: 'Sign in',
          errors: formErrors([{ field: 'username', message }]),
          values: { username: form.value.username, returnTo: form.value.returnTo },
        });
      }
      reply.setSessionCookie(result.token);
      return reply.redirect(result.mustChangePassword ? '/account/password' : safeReturnTo(form.value.returnTo), 303);
    },
  );

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    if (request.user) await signOut(db, request.actor(), request.user.sessionId);
    reply.clearSessionCookie();
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.page('static-page.njk', {
      title: 'You have signed out',
      lines: ['Close this window if you are using a shared computer.'],
      signInLink: true,
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
