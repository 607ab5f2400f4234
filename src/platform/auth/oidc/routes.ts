import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Db } from '../../db/client.ts';
import { destroySession } from '../sessions.ts';
import { signInCookie } from './sign-in-cookie.ts';
import { signInThroughProvider, useSignInState } from './identities.ts';

/** Only local paths: never send someone off Hearth after signing in. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.length <= 2000 && /^\/(?![/\\])/.test(value) ? value : '/';
}

/** What went wrong with a sign-in through the provider, in words for the person signing in. */
const problems = {
  expired: {
    status: 400,
    title: 'Your sign-in could not be finished',
    lines: [
      'The sign-in was started more than 10 minutes ago, in another window, or has been used already.',
      'Start again from the sign-in page.',
    ],
  },
  cancelled: {
    status: 401,
    title: 'You did not finish signing in',
    lines: ['The council’s sign-in service did not sign you in. Start again from the sign-in page.'],
  },
  refused: {
    status: 401,
    title: 'Your sign-in could not be checked',
    lines: [
      'Hearth could not confirm your sign-in with the council’s sign-in service, so you have not been signed in.',
      'Start again from the sign-in page. If this keeps happening, tell the service desk.',
    ],
  },
  unavailable: {
    status: 502,
    title: 'The council’s sign-in service is not answering',
    lines: ['Try again in a few minutes. If you have a Hearth password, you can sign in with it instead.'],
  },
  deactivated: {
    status: 403,
    title: 'Your Hearth account has been deactivated',
    lines: ['You cannot use Hearth at the moment. If you think this is wrong, ask the Hearth administrator.'],
  },
} as const;
type Problem = keyof typeof problems;

/** An error's kind and code for the log: never tokens, claims or names. */
function loggable(error: unknown) {
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  return {
    type: typeof e?.name === 'string' ? e.name : typeof error,
    code: typeof e?.code === 'string' ? e.code : undefined,
    message: typeof e?.message === 'string' ? e.message.slice(0, 200) : undefined,
  };
}

/** The provider could not be reached (as opposed to answering with something Hearth refuses). */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || (error as { cause?: unknown })?.cause instanceof TypeError;
}

/**
 * Sign-in through the council's identity provider (OpenID Connect, authorization code flow with
 * PKCE): start, the provider's return, and the page for someone with no role in Hearth yet.
 */
export const oidcRoutes: FastifyPluginAsync<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const provider = app.identityProvider;
  const cookie = signInCookie(config);
  const signInLimit = { max: config.SIGN_IN_LIMIT_PER_MINUTE, timeWindow: '1 minute' };

  function problem(reply: FastifyReply, which: Problem) {
    const { status, title, lines } = problems[which];
    return reply.code(status).page('sign-in-problem.njk', { title, lines });
  }

  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in/oidc',
    { config: { access: 'public', rateLimit: signInLimit } },
    async (request, reply) => {
      if (!provider) return reply.callNotFound();
      if (request.user) return reply.redirect('/', 302);
      let started;
      try {
        started = await provider.client.start();
      } catch (error) {
        request.log.warn({ oidcError: loggable(error) }, 'the identity provider could not be reached');
        return problem(reply, 'unavailable');
      }
      const { url, ...kept } = started;
      cookie.give(reply, { ...kept, returnTo: safeReturnTo(request.query.returnTo) });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/sign-in/oidc/callback',
    { config: { access: 'public', rateLimit: signInLimit } },
    async (request: FastifyRequest, reply) => {
      if (!provider) return reply.callNotFound();
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const params = new URLSearchParams(query);
      const started = cookie.take(request, reply);
      const state = params.get('state');
      // The state must be the one this browser's sign-in was started with, and not used before.
      if (!started || !state || state !== started.state || !(await useSignInState(db, state))) {
        return problem(reply, 'expired');
      }
      if (params.has('error')) return problem(reply, 'cancelled');
      let identity;
      try {
        identity = await provider.client.finish(query, started);
      } catch (error) {
        request.log.warn({ oidcError: loggable(error) }, 'a sign-in through the identity provider was refused');
        return problem(reply, unreachable(error) ? 'unavailable' : 'refused');
      }
      const result = await signInThroughProvider(db, identity, { claim: provider.claim, requestId: request.id });
      if (result.kind === 'waiting') return reply.redirect('/sign-in/no-role', 303);
      if (result.kind === 'deactivated') return problem(reply, 'deactivated');
      // Someone already signed in here (another account): that session ends.
      if (request.user) await destroySession(db, request.user.sessionId);
      reply.setSessionCookie(result.token);
      return reply.redirect(started.returnTo, 303);
    },
  );

  app.get('/sign-in/no-role', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.page('static-page.njk', {
      title: 'Your account has no role in Hearth yet',
      lines: [
        'You signed in with your council account, but Hearth has not been told what your job in the fostering service is, so it cannot show you anything yet.',
        'Your name is on the administrators’ list of people waiting for a role. Ask your manager or the Hearth administrator to give you one, then sign in again.',
      ],
      signInLink: true,
    });
  });
};
