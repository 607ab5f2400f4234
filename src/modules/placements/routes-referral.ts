import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { refused, type Result } from '../../platform/views/results.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { childPath } from '../children/paths.ts';
import { referralForm, referralQueueQuery, returnForm } from './forms.ts';
import { referralPath, referralStepPath } from './paths.ts';
import { referralStatuses } from './labels.ts';
import { mayPlaceWithAgency } from './agency.ts';
import {
  findReferral,
  latestMatch,
  referralHistory,
  referralQueue,
  REFERRALS_PAGE_SIZE,
  type ReferralRecord,
} from './queries.ts';
import {
  acceptReferral,
  canReferFor,
  createReferral,
  resubmitReferral,
  returnReferral,
  viewReferral,
  withdrawReferral,
} from './referrals.ts';
import {
  childSummary,
  lastReturnReasons,
  referralFormItems,
  referralValues,
  referralWords,
  timelineItems,
} from './present.ts';
import { selectItems } from '../children/labels.ts';

type WithId = { Params: { id: string } };

const doneMessages: Record<string, string> = {
  resubmitted: 'The referral has been sent again for review',
  accepted: 'The referral has been accepted: find a household on the matching page',
  returned: 'The referral has been returned to the social worker with your reasons',
  withdrawn: 'The referral has been withdrawn',
  matched: 'The match has been recorded',
  agency: 'The agency placement has been recorded and the referral closed as placed',
  'placement-removed':
    'The placement has been removed and the referral reopened: the child can be placed from it again',
};

/** Referrals: made by the child's social worker, quality-assured by a team manager. */
export function referralRoutes(app: FastifyInstance, db: Db): void {
  const create: RouteShorthandOptions = { config: { access: { permission: 'referrals.create' } } };
  const review: RouteShorthandOptions = { config: { access: { permission: 'referrals.review' } } };
  const list: RouteShorthandOptions = { config: { access: { permission: 'referrals.list' } } };
  const read: RouteShorthandOptions = { config: { access: { permission: 'children.view' } } };

  const childName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
  const referralCrumbs = (r: ReferralRecord, user: { role: Parameters<typeof can>[0] }) => [
    can(user.role, 'referrals.list')
      ? { text: 'Referrals', href: '/referrals' }
      : { text: 'Children', href: '/children' },
    { text: `${r.childFirstName} ${r.childLastName}`, href: childPath(r.childId) },
  ];

  function showReferralForm(
    reply: FastifyReply,
    options: {
      child: { id: string; firstName: string; lastName: string; reference: string };
      referral?: ReferralRecord;
      values: Record<string, unknown>;
      errors?: FormErrors;
      returnReasons?: string | null;
    },
  ) {
    const { child, referral } = options;
    return reply.code(options.errors ? 400 : 200).page('referrals-form.njk', {
      title: referral
        ? `Change and re-submit the referral: ${childName(child)}`
        : `Make a referral: ${childName(child)}`,
      child,
      referral,
      values: options.values,
      errors: options.errors,
      returnReasons: options.returnReasons,
      ...referralFormItems(options.values),
      breadcrumbs: [
        { text: 'Children', href: '/children' },
        { text: childName(child), href: childPath(child.id) },
      ],
    });
  }

  async function referrableChild(user: Parameters<typeof canReferFor>[0], id: string): Promise<ChildRecord | null> {
    const child = await findChild(db, user, id);
    return child && canReferFor(user, child) ? child : null;
  }

  app.get<WithId>('/children/:id/referral', create, async (request, reply) => {
    const child = await referrableChild(request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    return showReferralForm(reply, { child, values: { siblingGroupSize: '1' } });
  });

  app.post<WithId>('/children/:id/referral', create, async (request, reply) => {
    const child = await referrableChild(request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(referralForm(todayInLondon()), request.body, ['neededFrom']);
    if (!form.ok) return showReferralForm(reply, { child, values: form.input, errors: form.errors });
    const result = await createReferral(db, request.user!, request.actor(), child, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: childPath(child.id) });
      return showReferralForm(reply, {
        child,
        values: request.body as Record<string, unknown>,
        errors: formErrors(result.errors),
      });
    }
    return reply.redirect(`${referralPath(result.id)}?done=submitted`, 303);
  });

  app.get<{ Querystring: Record<string, string> }>('/referrals', list, async (request, reply) => {
    const parsed = referralQueueQuery.parse(request.query ?? {});
    // A reviewer starts with the referrals waiting for review; a social worker with their own open ones.
    const reviews = can(request.user!.role, 'referrals.review');
    const query = { ...parsed, status: parsed.status ?? (reviews ? 'submitted' : 'open') };
    const queue = await referralQueue(db, request.user!, query);
    const today = todayInLondon();
    return reply.page('referrals-queue.njk', {
      title: reviews ? 'Referrals' : 'Your referrals',
      reviews,
      query,
      queue: {
        ...queue,
        referrals: queue.referrals.map((r) => ({ ...r, ...referralWords(r), child: childSummary(r, today) })),
      },
      statusItems: selectItems(
        { open: 'Open (sent, returned, accepted or matched)', ...referralStatuses, all: 'Any status' },
        query.status,
      ),
      pagination: pagination(request.url, queue.page, REFERRALS_PAGE_SIZE, queue.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  app.get<WithId & { Querystring: { done?: string } }>('/referrals/:id', read, async (request, reply) => {
    const user = request.user!;
    const referral = await viewReferral(db, user, request.actor(), request.params.id);
    if (!referral) return reply.callNotFound();
    const [history, match] = await Promise.all([referralHistory(db, referral.id), latestMatch(db, referral.id)]);
    const mayRefer = canReferFor(user, { allocatedSocialWorkerId: referral.childSocialWorkerId });
    const reviews = can(user.role, 'referrals.review');
    const done =
      request.query.done === 'submitted'
        ? 'The referral has been sent to the fostering team'
        : doneMessages[request.query.done ?? ''];
    return reply.page('referrals-record.njk', {
      title: `Referral: ${referral.childFirstName} ${referral.childLastName}`,
      referral,
      ...referralWords(referral),
      child: childSummary(referral, todayInLondon()),
      timeline: timelineItems(history),
      returnReasons: referral.status === 'returned' ? lastReturnReasons(history) : null,
      match,
      canResubmit: mayRefer && referral.status === 'returned',
      canWithdraw: mayRefer && ['submitted', 'returned', 'accepted', 'matched'].includes(referral.status),
      canReview: reviews && referral.status === 'submitted',
      canMatch: reviews && ['accepted', 'matched'].includes(referral.status),
      canPlace: reviews && referral.status === 'matched',
      canPlaceWithAgency: mayPlaceWithAgency(user, referral),
      canSeeAudit: can(user.role, 'audit.view'),
      flash: done,
      breadcrumbs: referralCrumbs(referral, user),
    });
  });

  app.get<WithId>('/referrals/:id/edit', create, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral || !canReferFor(request.user!, { allocatedSocialWorkerId: referral.childSocialWorkerId })) {
      return reply.callNotFound();
    }
    if (referral.status !== 'returned') return reply.redirect(referralPath(referral.id), 303);
    const history = await referralHistory(db, referral.id);
    return showReferralForm(reply, {
      child: referralChild(referral),
      referral,
      values: referralValues(referral),
      returnReasons: lastReturnReasons(history),
    });
  });

  app.post<WithId>('/referrals/:id/edit', create, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const history = await referralHistory(db, referral.id);
    const show = (values: Record<string, unknown>, errors: FormErrors) =>
      showReferralForm(reply, {
        child: referralChild(referral),
        referral,
        values,
        errors,
        returnReasons: lastReturnReasons(history),
      });
    const form = parseDatedForm(referralForm(todayInLondon()), request.body, ['neededFrom']);
    if (!form.ok) return show(form.input, form.errors);
    const result = await resubmitReferral(db, request.user!, request.actor(), referral, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: referralPath(referral.id) });
      return show(request.body as Record<string, unknown>, formErrors(result.errors));
    }
    return reply.redirect(`${referralPath(referral.id)}?done=resubmitted`, 303);
  });

  app.post<WithId>('/referrals/:id/accept', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const result = await acceptReferral(db, request.user!, request.actor(), referral);
    return afterChange(reply, referral, result, `${referralStepPath(referral.id, 'matching')}?done=accepted`);
  });

  function showReturnForm(
    reply: FastifyReply,
    referral: ReferralRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('referrals-return.njk', {
      title: `Return the referral: ${referral.childFirstName} ${referral.childLastName}`,
      referral,
      values,
      errors,
      backLink: { href: referralPath(referral.id) },
    });
  }

  app.get<WithId>('/referrals/:id/return', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    if (referral.status !== 'submitted') return reply.redirect(referralPath(referral.id), 303);
    return showReturnForm(reply, referral, {});
  });

  app.post<WithId>('/referrals/:id/return', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const form = parseForm(returnForm, request.body);
    if (!form.ok) return showReturnForm(reply, referral, form.input, form.errors);
    const result = await returnReferral(db, request.user!, request.actor(), referral, form.value.reasons);
    if (!result.ok && result.reason === 'invalid') {
      return showReturnForm(reply, referral, form.value, formErrors(result.errors));
    }
    return afterChange(reply, referral, result, `${referralPath(referral.id)}?done=returned`);
  });

  app.post<WithId>('/referrals/:id/withdraw', create, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const result = await withdrawReferral(db, request.user!, request.actor(), referral);
    return afterChange(reply, referral, result, `${referralPath(referral.id)}?done=withdrawn`);
  });

  /** After an action from the referral page: on to the next page, or back with the reason it was refused. */
  async function afterChange(reply: FastifyReply, referral: ReferralRecord, result: Result, next: string) {
    if (result.ok) return reply.redirect(next, 303);
    if (result.reason !== 'invalid') return refused(reply, result, { backHref: referralPath(referral.id) });
    return reply.code(409).page('error.njk', {
      title: 'This referral has changed',
      lines: [...result.errors.map((e) => e.message), 'Go back to the referral to see where it has got to.'],
      backLink: { href: referralPath(referral.id) },
    });
  }
}

function referralChild(r: ReferralRecord) {
  return { id: r.childId, firstName: r.childFirstName, lastName: r.childLastName, reference: r.childReference };
}
