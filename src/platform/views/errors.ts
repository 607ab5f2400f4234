import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';

/**
 * What of an error may go in the log: its type, code and stack, but not a database error's
 * message, which quotes the query's parameters (names, dates of birth ...).
 */
export function loggableError(error: Error & { code?: string }) {
  const cause = error.cause instanceof Error ? (error.cause as Error & { code?: string }) : undefined;
  const fromDatabase = 'query' in error || cause !== undefined;
  return {
    type: error.name,
    code: cause?.code ?? error.code,
    message: fromDatabase ? 'database query failed' : error.message,
    stack: fromDatabase ? undefined : error.stack,
  };
}

/** Error pages in the design system: a 4xx says what to do; a 5xx gives the request id, never a stack trace. */
export const errorPagesPlugin = fp(async (app) => {
  app.setNotFoundHandler({}, (request, reply) => {
    return reply.code(404).page('error.njk', {
      title: 'Page not found',
      lines: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
        'If the page should exist, it may have been moved, or you may not have access to it.',
      ],
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return reply.code(403).page('error.njk', {
        title: 'This form could not be sent',
        lines: [
          'The form had expired or did not come from Hearth, so nothing was saved.',
          'Go back, reload the page and try again.',
        ],
      });
    }
    if (status === 429) {
      return reply.code(429).page('error.njk', {
        title: 'Too many requests',
        lines: ['You have sent too many requests in a short time. Wait a minute, then try again.'],
      });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).page('error.njk', {
        title: status === 413 ? 'The file is too large' : 'Sorry, there is a problem with that request',
        lines: ['Check what you sent and try again.'],
      });
    }
    request.log.error({ err: loggableError(error) }, 'request failed');
    return reply.code(500).page('error.njk', {
      title: 'Sorry, there is a problem with the service',
      lines: ['Try again later. Nothing you did caused this.'],
      requestId: request.id,
    });
  });
});
