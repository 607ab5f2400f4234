import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { answerForm, refused, who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { findChild } from '../children/scope.ts';
import { childPath } from '../children/paths.ts';
import { agencyEndDates, agencyEndForm, agencyPlacementDates, agencyPlacementForm } from './agency-forms.ts';
import {
  canChangeAgencyPlacement,
  agencyReopenRefusals,
  correctAgencyEnding,
  endAgencyPlacement,
  findAgencyPlacement,
  mayPlaceWithAgency,
  placeWithAgency,
  reopenAgencyPlacement,
  type AgencyPlacementRecord,
} from './agency.ts';
import { agencyEndingPath, referralPath } from './paths.ts';
import { placementTypeItems } from './present.ts';
import { findReferral, type ReferralRecord } from './queries.ts';

type WithId = { Params: { id: string } };

/**
 * Placements with independent fostering agencies: recorded from a referral the service's own
 * carers could not take (same access as placing a child in-house from a referral), and ended
 * by whoever may change the child's placements.
 */
export function agencyPlacementRoutes(app: FastifyInstance, db: Db): void {
  const review: RouteShorthandOptions = { config: { access: { permission: 'referrals.review' } } };
  const change: RouteShorthandOptions = { config: { access: { permission: 'placements.change' } } };

  function showPlaceForm(
    reply: FastifyReply,
    referral: ReferralRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const name = `${referral.childFirstName} ${referral.childLastName}`;
    return reply.code(errors ? 400 : 200).page('placements-agency-form.njk', {
      title: `Record an agency placement: ${name}`,
      referral,
      child: { name, reference: referral.childReference },
      values,
      errors,
      typeItems: placementTypeItems(values.placementType),
      breadcrumbs: [
        { text: 'Referrals', href: '/referrals' },
        { text: `Referral: ${name}`, href: referralPath(referral.id) },
      ],
    });
  }

  app.get<WithId>('/referrals/:id/agency-placement', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    if (!mayPlaceWithAgency(request.user!, referral)) return reply.redirect(referralPath(referral.id), 303);
    const today = todayInLondon();
    const start = referral.neededFrom > today ? referral.neededFrom : today;
    return showPlaceForm(reply, referral, { placementType: referral.placementType, ...dateBoxes('startDate', start) });
  });

  app.post<WithId>('/referrals/:id/agency-placement', review, async (request, reply) => {
    const referral = await findReferral(db, request.user!, request.params.id);
    if (!referral) return reply.callNotFound();
    if (!mayPlaceWithAgency(request.user!, referral)) return reply.redirect(referralPath(referral.id), 303);
    const form = parseDatedForm(agencyPlacementForm(todayInLondon()), request.body, agencyPlacementDates);
    if (!form.ok) return showPlaceForm(reply, referral, form.input, form.errors);
    const result = await placeWithAgency(db, request.user!, request.actor(), referral, form.value);
    return answerForm(reply, result, `${referralPath(referral.id)}?done=agency`, (errors) =>
      showPlaceForm(reply, referral, request.body as Record<string, unknown>, errors),
    );
  });

  function showEndForm(
    reply: FastifyReply,
    placement: AgencyPlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const name = `${placement.childFirstName} ${placement.childLastName}`;
    const correcting = placement.endDate !== null;
    return reply.code(errors ? 400 : 200).page('placements-agency-end.njk', {
      title: `${correcting ? 'Correct the ending of' : 'End'} the agency placement: ${name}`,
      placement,
      child: { name, reference: placement.childReference },
      values,
      errors,
      ...(correcting
        ? {
            heading: 'Correct the ending of the agency placement',
            intro: `Put right the end date or the reason, if they were recorded wrongly. The placement began on ${formatDate(placement.startDate)}.`,
            reopenPath: agencyEndingPath(placement.id, 'reopen'),
            action: agencyEndingPath(placement.id),
            button: 'Save the ending',
          }
        : {}),
      backLink: { href: childPath(placement.childId) },
    });
  }

  /** The agency placement, if the user may see and change it. */
  async function changeable(user: SignedInUser, id: string) {
    const placement = await findAgencyPlacement(db, user, id);
    return placement && canChangeAgencyPlacement(user, placement) ? placement : null;
  }

  app.get<WithId>('/agency-placements/:id/end', change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (placement.endDate) return reply.redirect(childPath(placement.childId), 303);
    return showEndForm(reply, placement, dateBoxes('endDate', todayInLondon()));
  });

  app.post<WithId>('/agency-placements/:id/end', change, async (request, reply) => {
    const user = request.user!;
    const placement = await changeable(user, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseDatedForm(agencyEndForm(todayInLondon()), request.body, agencyEndDates);
    if (!form.ok) return showEndForm(reply, placement, form.input, form.errors);
    const result = await endAgencyPlacement(db, user, request.actor(), placement, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: childPath(placement.childId) });
      return showEndForm(reply, placement, request.body as Record<string, unknown>, formErrors(result.errors));
    }
    return backToChild(reply, user, placement, 'agency-ended');
  });

  /** Back to the child's page; a manager who sees the child only through their area's referrals goes there. */
  async function backToChild(reply: FastifyReply, user: SignedInUser, placement: AgencyPlacementRecord, done: string) {
    if (await findChild(db, user, placement.childId)) {
      return reply.redirect(`${childPath(placement.childId)}?done=${done}`, 303);
    }
    return reply.redirect(placement.referralId ? referralPath(placement.referralId) : '/referrals', 303);
  }

  // An ended agency placement's ending, corrected.
  app.get<WithId>(agencyEndingPath(':id'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (!placement.endDate) return reply.redirect(childPath(placement.childId), 303);
    return showEndForm(reply, placement, {
      ...dateBoxes('endDate', placement.endDate),
      endReason: placement.endReason,
    });
  });

  app.post<WithId>(agencyEndingPath(':id'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (!placement.endDate) return reply.redirect(childPath(placement.childId), 303);
    const form = parseDatedForm(agencyEndForm(todayInLondon()), request.body, agencyEndDates);
    if (!form.ok) return showEndForm(reply, placement, form.input, form.errors);
    const result = await correctAgencyEnding(db, who(request), placement, form.value);
    if (!result.ok) {
      return answerForm(reply, result, childPath(placement.childId), (errors) =>
        showEndForm(reply, placement, request.body as Record<string, unknown>, errors),
      );
    }
    return backToChild(reply, request.user!, placement, 'agency-ending-corrected');
  });

  // An agency placement's ending recorded in error, undone (as the service's own placements' are).
  async function showReopen(reply: FastifyReply, placement: AgencyPlacementRecord, errors?: FormErrors) {
    const name = `${placement.childFirstName} ${placement.childLastName}`;
    return reply.code(errors ? 400 : 200).page('placements-confirm.njk', {
      title: `Undo the ending of the agency placement: ${name}`,
      caption: `${name} (${placement.childReference}) with ${placement.agencyName}`,
      heading: 'Undo the ending',
      intro: [
        `Undo the ending only if it was recorded in error and ${placement.childFirstName} is still placed with ${placement.agencyName}. The placement becomes current again, and the audit trail keeps the ending that was undone.`,
      ],
      rows: [
        { key: 'Agency', value: placement.agencyName },
        { key: 'Start date', value: formatDate(placement.startDate) },
        { key: 'End date', value: formatDate(placement.endDate) },
        { key: 'Reason', value: placement.endReason ?? 'Not recorded' },
      ],
      refusals: await agencyReopenRefusals(db, placement),
      refusedHeading: 'The ending cannot be undone',
      errors,
      button: 'Undo the ending',
      action: agencyEndingPath(placement.id, 'reopen'),
      cancel: childPath(placement.childId),
      cancelText: 'Back to the child’s record',
      backLink: { href: childPath(placement.childId) },
    });
  }

  app.get<WithId>(agencyEndingPath(':id', 'reopen'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (!placement.endDate) return reply.redirect(childPath(placement.childId), 303);
    return showReopen(reply, placement);
  });

  app.post<WithId>(agencyEndingPath(':id', 'reopen'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const result = await reopenAgencyPlacement(db, who(request), placement);
    if (!result.ok) {
      return answerForm(reply, result, childPath(placement.childId), (errors) => showReopen(reply, placement, errors));
    }
    return backToChild(reply, request.user!, placement, 'agency-reopened');
  });
}
