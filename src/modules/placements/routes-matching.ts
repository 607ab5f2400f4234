import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { isUuid } from '../../platform/views/params.ts';
import { refused } from '../../platform/views/results.ts';
import { matchForm, placementForm } from './forms.ts';
import { placementPath, referralPath, referralStepPath } from './paths.ts';
import { fitOf, rankCandidates, type Candidate } from './matching.ts';
import {
  findHouseholdForPlacement,
  findReferral,
  householdDetails,
  householdsWithVacancies,
  latestMatch,
  type ReferralRecord,
} from './queries.ts';
import { movingFrom, placeFromMatch } from './placing.ts';
import { recordMatch, viewReferral } from './referrals.ts';
import { childSummary, placementTypeItems, referralWords, sawProfileItems } from './present.ts';
import { pageFrom } from '../../platform/views/params.ts';

type WithId = { Params: { id: string } };
type Pool = Awaited<ReturnType<typeof householdsWithVacancies>>[number];

export const MATCHES_PAGE_SIZE = 20;
/** How many of the households that do not fit are listed (the nearest misses). */
export const NEAREST_MISSES = 25;

/** Matching a referred child with a household, and placing the child with it. */
export function matchingRoutes(app: FastifyInstance, db: Db, maxDaysAhead: number): void {
  const review: RouteShorthandOptions = { config: { access: { permission: 'referrals.review' } } };

  const crumbs = (r: ReferralRecord) => [
    { text: 'Referrals', href: '/referrals' },
    { text: `Referral: ${r.childFirstName} ${r.childLastName}`, href: referralPath(r.id) },
  ];

  async function ranked(referral: ReferralRecord, user: Parameters<typeof householdsWithVacancies>[1]) {
    const pool = await householdsWithVacancies(db, user, todayInLondon());
    return rankCandidates(referral, referral, pool);
  }

  const distanceText = (km: number | null) =>
    km === null ? 'Distance not known' : `About ${Math.round(km)} km from school`;

  /** The candidates on the page, with their reference, town and team. */
  async function describe(candidates: Candidate<Pool>[]) {
    const details = await householdDetails(
      db,
      candidates.map((c) => c.id),
    );
    return candidates.map((c) => ({ ...c, ...details.get(c.id), distanceText: distanceText(c.distanceKm) }));
  }

  app.get<WithId & { Querystring: { page?: string; done?: string } }>(
    '/referrals/:id/matching',
    review,
    async (request, reply) => {
      const user = request.user!;
      const referral = await viewReferral(db, user, request.actor(), request.params.id, 'matching');
      if (!referral) return reply.callNotFound();
      if (!['accepted', 'matched'].includes(referral.status)) return reply.redirect(referralPath(referral.id), 303);
      const [all, match] = await Promise.all([ranked(referral, user), latestMatch(db, referral.id)]);
      const pages = Math.max(1, Math.ceil(all.fittingTotal / MATCHES_PAGE_SIZE));
      const page = Math.min(pages, pageFrom(request.query.page));
      return reply.page('referrals-matching.njk', {
        title: `Matching: ${referral.childFirstName} ${referral.childLastName}`,
        referral,
        ...referralWords(referral),
        child: childSummary(referral, todayInLondon()),
        match,
        fitting: await describe(all.fitting((page - 1) * MATCHES_PAGE_SIZE, page * MATCHES_PAGE_SIZE)),
        fittingTotal: all.fittingTotal,
        misses: await describe(all.misses(0, NEAREST_MISSES)),
        missesTotal: all.missesTotal,
        pagination: pagination(request.url, page, MATCHES_PAGE_SIZE, all.fittingTotal),
        flash: request.query.done === 'accepted' ? 'The referral has been accepted' : undefined,
        breadcrumbs: crumbs(referral),
      });
    },
  );

  async function showMatchForm(
    reply: FastifyReply,
    referral: ReferralRecord,
    householdId: string,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const household = await findHouseholdForPlacement(db, reply.request.user!, householdId, todayInLondon());
    if (!household || household.status !== 'approved') return reply.callNotFound();
    const fit = fitOf(referral, referral, household);
    return reply.code(errors ? 400 : 200).page('referrals-match-form.njk', {
      title: `Match ${referral.childFirstName} ${referral.childLastName} with ${household.name}`,
      referral,
      candidate: { ...household, ...fit, distanceText: distanceText(fit.distanceKm) },
      values,
      errors,
      breadcrumbs: [...crumbs(referral), { text: 'Matching', href: referralStepPath(referral.id, 'matching') }],
    });
  }

  app.get<WithId & { Querystring: { household?: string } }>('/referrals/:id/match', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    const householdId = request.query.household;
    if (!referral || !isUuid(householdId)) return reply.callNotFound();
    if (!['accepted', 'matched'].includes(referral.status)) return reply.redirect(referralPath(referral.id), 303);
    return showMatchForm(reply, referral, householdId, {});
  });

  app.post<WithId>('/referrals/:id/match', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const form = parseForm(matchForm, request.body);
    const householdId = String((request.body as Record<string, unknown>)?.householdId ?? '');
    if (!form.ok) {
      if (!isUuid(householdId)) return reply.callNotFound();
      return showMatchForm(reply, referral, householdId, form.input, form.errors);
    }
    const result = await recordMatch(db, request.user!, request.actor(), referral, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: referralPath(referral.id) });
      return showMatchForm(reply, referral, householdId, form.value, formErrors(result.errors));
    }
    return reply.redirect(referralStepPath(referral.id, 'place'), 303);
  });

  async function showPlaceForm(
    reply: FastifyReply,
    referral: ReferralRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const match = await latestMatch(db, referral.id);
    if (!match) return reply.redirect(referralPath(referral.id), 303);
    const from = await movingFrom(db, reply.request.user!, referral.childId, match.householdId);
    return reply.code(errors ? 400 : 200).page('placements-form.njk', {
      movingFrom: from && { householdName: from.householdName, startDate: from.startDate },
      title: `Place ${referral.childFirstName} ${referral.childLastName} with ${match.householdName}`,
      action: referralStepPath(referral.id, 'place'),
      maxDaysAhead,
      child: childSummary(referral, todayInLondon()),
      childId: referral.childId,
      household: { name: match.householdName, reference: match.householdReference },
      match,
      values,
      errors,
      typeItems: placementTypeItems(values.placementType),
      sawProfileItems: sawProfileItems(values.childSawProfile),
      breadcrumbs: crumbs(referral),
    });
  }

  app.get<WithId>('/referrals/:id/place', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    if (referral.status !== 'matched') return reply.redirect(referralPath(referral.id), 303);
    // A child moving from other carers is placed on the day they move: today, when it is recorded.
    const match = await latestMatch(db, referral.id);
    const moving = match && (await movingFrom(db, request.user!, referral.childId, match.householdId));
    const start = referral.neededFrom > todayInLondon() && !moving ? referral.neededFrom : todayInLondon();
    return showPlaceForm(reply, referral, { placementType: referral.placementType, ...dateBoxes('startDate', start) });
  });

  app.post<WithId>('/referrals/:id/place', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    const form = parseDatedForm(placementForm(todayInLondon(), { withHousehold: false, maxDaysAhead }), request.body, [
      'startDate',
      'placementPlanOn',
    ]);
    if (!form.ok) return showPlaceForm(reply, referral, form.input, form.errors);
    const result = await placeFromMatch(db, request.user!, request.actor(), referral, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: referralPath(referral.id) });
      return showPlaceForm(reply, referral, request.body as Record<string, unknown>, formErrors(result.errors));
    }
    return reply.redirect(`${placementPath(result.id)}?done=placed`, 303);
  });
}
