/**
 * Links without an account: the reviewing officer makes one (emailed, or shown once as a QR code
 * and a short address to hand over), and the child or their social worker opens it, answers and
 * sends it, once. A link that is unknown, used, replaced or expired shows one clear page and nothing else.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { who } from '../../platform/views/results.ts';
import { childViewsForm, isUuid, linkForm, socialWorkerFeedbackForm } from './forms.ts';
import {
  ageGroups,
  childForms,
  questionText,
  socialWorkerQuestions,
  socialWorkerScale,
  type AgeGroup,
} from './labels.ts';
import { formOf, makeLink, openLink, submitThroughLink, type OpenedLink } from './links.ts';
import { reviewDetails, type ReviewRecord } from './queries.ts';
import { bodyOf, linkAccess, refusedRun, reviewCrumbs, runAccess } from './route-support.ts';
import { reviewToChange } from './service.ts';
import { LINK_DAYS_TEXT } from './settings.ts';
import { reviewPath } from './paths.ts';

type WithId = { Params: { id: string }; Querystring: { kind?: string; childId?: string } };
type WithToken = { Params: { token: string } };

/** Pages reached by a link: never cached or stored, and no address sent on to another site. */
function privatePage(reply: FastifyReply) {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

export function linkRoutes(
  app: FastifyInstance,
  { db, mailer, publicUrl }: { db: Db; mailer: Mailer; publicUrl: string },
) {
  async function newLinkPage(
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const details = await reviewDetails(db, record.review.id);
    const child = details.children.find((c) => c.childId === values.childId);
    const kind = values.kind === 'social_worker_feedback' ? 'social_worker_feedback' : 'child_views';
    if (!child) return reply.callNotFound();
    return reply.code(errors ? 400 : 200).page('reviews-link-new.njk', {
      title: `${kind === 'child_views' ? 'Ask for a child’s views' : 'Ask for a social worker’s feedback'}: ${record.household.name}`,
      record,
      child,
      kind,
      form: ageGroups[child.ageGroup],
      values: {
        delivery: kind === 'child_views' ? 'handed' : 'email',
        email: child.socialWorkerEmail ?? '',
        ...values,
      },
      mailMode: mailer.mode,
      linkDays: LINK_DAYS_TEXT,
      errors,
      breadcrumbs: reviewCrumbs(record),
    });
  }

  app.get<WithId>('/reviews/:id/links/new', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id) || !isUuid(request.query.childId)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'run');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    return newLinkPage(reply, found.record, { kind: request.query.kind, childId: request.query.childId });
  });

  app.post<WithId>('/reviews/:id/links/new', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'run');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseForm(linkForm, request.body);
    if (!parsed.ok) return newLinkPage(reply, found.record, parsed.input, parsed.errors);
    const result = await makeLink(db, mailer, who(request), request.params.id, parsed.value, publicUrl);
    if (!result.ok) {
      if (result.reason === 'invalid')
        return newLinkPage(reply, found.record, bodyOf(request.body), formErrors(result.errors));
      return refusedRun(reply, result, reviewPath(request.params.id));
    }
    // The link is shown this once (Hearth keeps only its fingerprint): no redirect, never cached.
    return privatePage(reply).page('reviews-link-made.njk', {
      title: `Link made: ${found.record.household.name}`,
      record: found.record,
      kind: parsed.value.kind,
      link: result,
      email: parsed.value.email,
      mailMode: mailer.mode,
      linkDays: LINK_DAYS_TEXT,
      breadcrumbs: reviewCrumbs(found.record),
    });
  });

  publicForms(app, db);
}

/** The scale answers and text boxes of a child's form, with the carers' first names in place. */
function childQuestions(ageGroup: AgeGroup, carers: string) {
  const form = childForms[ageGroup];
  return {
    scales: form.scales.map((q) => ({
      key: q.key,
      text: questionText(q.text, carers),
      answers: q.scale.answers.map((text, i) => ({ value: String(i + 1), text })),
    })),
    words: form.words.map((q) => ({ key: q.key, text: questionText(q.text, carers) })),
  };
}

function publicForms(app: FastifyInstance, db: Db) {
  const gone = (reply: FastifyReply, found: OpenedLink | null) =>
    privatePage(reply)
      .code(found ? 410 : 404)
      .page('reviews-link-gone.njk', { title: 'This link does not work' });

  function formPage(
    reply: FastifyReply,
    token: string,
    found: OpenedLink,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    privatePage(reply).code(errors ? 400 : 200);
    if (found.link.kind === 'social_worker_feedback') {
      return reply.page('reviews-sw-form.njk', {
        title: `Feedback about foster carers ${found.carers}`,
        carers: found.carers,
        token,
        questions: socialWorkerQuestions,
        rating: socialWorkerScale.answers.map((text, i) => ({ value: String(i + 1), text })),
        values,
        errors,
      });
    }
    const ageGroup = formOf(found.link);
    return reply.page('reviews-child-form.njk', {
      title: `What it is like living with ${found.carers}`,
      carers: found.carers,
      token,
      young: ageGroup === 'under_8',
      ...childQuestions(ageGroup, found.carers),
      values,
      errors,
    });
  }

  app.get('/r/thank-you', linkAccess, async (_request, reply) =>
    privatePage(reply).page('reviews-thank-you.njk', { title: 'Thank you' }),
  );

  app.get<WithToken>('/r/:token', linkAccess, async (request, reply) => {
    const found = await openLink(db, request.params.token);
    if (!found || found.state !== 'open') return gone(reply, found);
    return formPage(reply, request.params.token, found, {});
  });

  app.post<WithToken>('/r/:token', linkAccess, async (request, reply) => {
    const found = await openLink(db, request.params.token);
    if (!found || found.state !== 'open') return gone(reply, found);
    let given;
    if (found.link.kind === 'social_worker_feedback') {
      const parsed = parseForm(socialWorkerFeedbackForm, request.body);
      if (!parsed.ok) return formPage(reply, request.params.token, found, parsed.input, parsed.errors);
      given = { answers: parsed.value.answers, givenBy: `${parsed.value.name}, children’s social worker` };
    } else {
      const parsed = parseForm(childViewsForm(formOf(found.link)), request.body);
      if (!parsed.ok) return formPage(reply, request.params.token, found, parsed.input, parsed.errors);
      given = { answers: parsed.value, givenBy: parsed.value.helped ? 'the child, with help' : 'the child' };
    }
    const outcome = await submitThroughLink(db, request.actor(), request.params.token, given);
    if (outcome === 'gone') return gone(reply, found);
    return reply.redirect('/r/thank-you', 303);
  });
}
