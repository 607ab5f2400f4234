/**
 * What every module's services return and how every module's routes answer it: one result and
 * refusal type, a transaction a refusal rolls back, `who(request)` for the acting person, and one
 * page for a refused change.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../auth/sessions.ts';
import type { Actor } from '../audit/service.ts';
import type { Db, Tx } from '../db/client.ts';
import { formErrors, type FormErrors } from './forms.ts';

/** Who is acting: the signed-in user (for scope) and the actor (for the audit trail). */
export interface Who {
  user: SignedInUser;
  actor: Actor;
}

/** The acting person of a signed-in request. */
export function who(request: FastifyRequest): Who {
  return { user: request.user!, actor: request.actor() };
}

export type FieldError = { field: string; message: string };

/** Why a change was not made: the routes turn these into a 404, a 403 page or the form again. */
export type Refusal = { ok: false; reason: 'not-found' } | { ok: false; reason: 'forbidden' };
export type Invalid = { ok: false; reason: 'invalid'; errors: FieldError[] };
/** A service's answer: done (with what the caller needs), refused, or the form's errors. */
export type Result<T extends object = { id: string }> = ({ ok: true } & T) | Refusal | Invalid;

export const notFound: Refusal = { ok: false, reason: 'not-found' };
export const forbidden: Refusal = { ok: false, reason: 'forbidden' };
export const invalid = (...errors: FieldError[]): Invalid => ({ ok: false, reason: 'invalid', errors });

/** Thrown inside a transaction to roll it back and answer with the form's errors (see `inTransaction`). */
export class Refused extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Runs `work` in a transaction; a `Refused` thrown in it rolls it back and becomes the form's errors. */
export async function inTransaction<T extends object>(
  db: Db,
  work: (tx: Tx) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refused) return invalid(...error.errors);
    throw error;
  }
}

/**
 * Answers a refusal: a 404 for a record the user may not see (it does not exist for them), a 403
 * page saying who may make the change and a way back. Returns null for the form's errors, which
 * the route shows on the form with what the user typed.
 */
export function refused(
  reply: FastifyReply,
  result: Refusal | Invalid,
  page: { backHref: string; lines?: string[]; title?: string },
) {
  if (result.reason === 'not-found') return reply.callNotFound();
  if (result.reason === 'forbidden') {
    return reply.code(403).page('error.njk', {
      title: page.title ?? 'You cannot make this change',
      lines: page.lines ?? ['Your role does not allow this change. Ask your team manager if you think it should.'],
      backLink: { href: page.backHref },
    });
  }
  return null;
}

/**
 * Answers a form's post from its service's result: done, a 303 on to `next`; the form's errors, the
 * form again through `show`; a refusal, as `refused` does (its 403 page leads back to `back`, by
 * default `next` without its query).
 */
export function answerForm<T extends object>(
  reply: FastifyReply,
  result: Result<T>,
  next: string,
  show: (errors: FormErrors) => unknown,
  back = next.split('?')[0]!,
) {
  if (result.ok) return reply.redirect(next, 303);
  if (result.reason === 'invalid') return show(formErrors(result.errors));
  return refused(reply, result, { backHref: back });
}
