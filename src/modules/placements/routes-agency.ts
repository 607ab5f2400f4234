import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { answerForm, refused, who, type Result } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { findChild } from '../children/scope.ts';
import { childPath } from '../children/paths.ts';
import { agencyEndDates, agencyEndForm, agencyPlacementDates, agencyPlacementForm } from './agency-forms.ts';
import {
  canChangeAgencyPlacement,
  endAgencyPlacement,
  findAgencyPlacement,
  mayPlaceWithAgency,
  placeWithAgency,
  type AgencyPlacementRecord,
} from './agency.ts';
import {
  agencyReopenRefusals,
  agencyStartViewed,
  changeAgencyStart,
  correctAgencyEnding,
  reopenAgencyPlacement,
} from './agency-corrections.ts';
import { agencyEndingPath, agencyStartPath, referralPath, referralStepPath } from './paths.ts';
import { placementTypeItems } from './present.ts';
import { findReferral, type ReferralRecord } from './queries.ts';

type WithId = { Params: { id: string } };

/**
 * Placements with independent fostering agencies: recorded from a referral the service's own
 * carers could not take (same access as placing a child in-house from a referral), and ended,
 * or put right when recorded wrongly (agency-corrections.ts), by whoever may change the child's
 * placements.
 */
export function agencyPlacementRoutes(app: FastifyInstance, db: Db): void {
  const review: RouteShorthandOptions = { config: { access: { permission: 'referrals.review' } } };
  const change: RouteShorthandOptions = { config: { access: { permission: 'placements.change' } } };

  /** The agency placement's form: recording one, or one recorded, filled in to put it right. */
  function showAgencyForm(
    reply: FastifyReply,
    page: Record<string, unknown>,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('placements-agency-form.njk', {
      ...page,
      values,
      errors: errors && linkDateErrors(errors, agencyPlacementDates),
      typeItems: placementTypeItems(values.placementType),
    });
  }

  function showPlaceForm(
    reply: FastifyReply,
    referral: ReferralRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const name = `${referral.childFirstName} ${referral.childLastName}`;
    const page = {
      title: `Record an agency placement: ${name}`,
      child: { name, reference: referral.childReference },
      action: referralStepPath(referral.id, 'agency-placement'),
      cancel: referralPath(referral.id),
      breadcrumbs: [
        { text: 'Referrals', href: '/referrals' },
        { text: `Referral: ${name}`, href: referralPath(referral.id) },
      ],
    };
    return showAgencyForm(reply, page, values, errors);
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

  /** A correction's answer: back to the child's page when saved, else the form again with why (or the refusal). */
  function answerCorrection(
    reply: FastifyReply,
    user: SignedInUser,
    placement: AgencyPlacementRecord,
    result: Result,
    done: string,
    show: (errors: FormErrors) => unknown,
  ) {
    if (result.ok) return backToChild(reply, user, placement, done);
    return answerForm(reply, result, childPath(placement.childId), show);
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
    return answerCorrection(reply, request.user!, placement, result, 'agency-ending-corrected', (errors) =>
      showEndForm(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  // What the recording form holds (the agency, the start date, the type), put right on it, filled in.
  const startPage = (placement: AgencyPlacementRecord) => {
    const name = `${placement.childFirstName} ${placement.childLastName}`;
    const ended = placement.endDate
      ? ` It ended on ${formatDate(placement.endDate)}: it cannot start later than that, and its end date is corrected on its ending.`
      : '';
    return {
      title: `Change the agency placement: ${name}`,
      child: { name, reference: placement.childReference },
      heading: 'Change the agency placement',
      intro: `Put right the agency, the start date or the type of placement, if they were recorded wrongly.${ended} The audit trail keeps what it said before.`,
      action: agencyStartPath(placement.id),
      cancel: childPath(placement.childId),
      button: 'Save the changes',
      backLink: { href: childPath(placement.childId) },
    };
  };

  app.get<WithId>(agencyStartPath(':id'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    await agencyStartViewed(db, who(request), placement);
    const { agencyName, placementType, startDate } = placement;
    const values = { agencyName, placementType, ...dateBoxes('startDate', startDate) };
    return showAgencyForm(reply, startPage(placement), values);
  });

  app.post<WithId>(agencyStartPath(':id'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseDatedForm(agencyPlacementForm(todayInLondon()), request.body, agencyPlacementDates);
    if (!form.ok) return showAgencyForm(reply, startPage(placement), form.input, form.errors);
    const result = await changeAgencyStart(db, who(request), placement, form.value);
    return answerCorrection(reply, request.user!, placement, result, 'agency-start-changed', (errors) =>
      showAgencyForm(reply, startPage(placement), request.body as Record<string, unknown>, errors),
    );
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
    return answerCorrection(reply, request.user!, placement, result, 'agency-reopened', (errors) =>
      showReopen(reply, placement, errors),
    );
  });
}
