import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/access/policy.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { answerForm } from '../../platform/views/results.ts';

import { findChild, type ChildRecord } from '../children/scope.ts';
import { childPath } from '../children/paths.ts';
import { emergencyPlacementPath, placementCorrectionPath, placementPath } from './paths.ts';
import { delegatedAuthorityForm, documentDateNames, endForm, moveForm, paperworkForm, placementForm } from './forms.ts';
import { endings, isPlanned, isStayingPut, placementTypes } from './labels.ts';
import { recordPaperwork, saveDelegatedAuthority } from './paperwork.ts';
import { endPlacement, movePlacement, placeInEmergency, viewPlacement } from './placing.ts';
import {
  delegatedAuthorityItems,
  delegatedAuthorityValues,
  delegatedAuthorityView,
  documentRows,
  endingItems,
  householdItems,
  placementTypeItems,
  sawProfileItems,
  sawProfileText,
  sawProfileValue,
} from './present.ts';
import {
  delegatedAuthorityOf,
  documentsOf,
  HOUSEHOLD_CHOICES,
  householdChoices,
  latestMatch,
  openPlacementOf,
  type PlacementRecord,
  visibleHouseholdIdByReference,
} from './queries.ts';
import { canChangePlacement } from './scope.ts';
import { changeablePlacement, placedChildName, placementCrumbs } from './placement-pages.ts';

type WithId = { Params: { id: string } };

/** The corrections offered on a placement's page to those who may change it (routes-corrections.ts). */
function correctionLinks(p: PlacementRecord) {
  return [
    p.endDate
      ? { text: 'Correct the ending', href: placementCorrectionPath(p.id, 'ending') }
      : { text: 'Change the start', href: placementCorrectionPath(p.id, 'start') },
    { text: 'Remove this placement', href: placementCorrectionPath(p.id, 'remove') },
  ];
}

const doneMessages: Record<string, string> = {
  placed: 'The placement has been recorded',
  paperwork: 'The placement plan and documents have been saved',
  'delegated-authority': 'The delegated authority has been saved',
  ended: 'The placement has been ended',
  moved: 'The move has been recorded: the old placement has ended and this one has started',
  'start-changed': 'The start of the placement has been changed',
  'ending-corrected': 'The ending has been corrected',
  reopened: 'The ending has been undone: the placement is current again',
};

/** Placements: the record page, the paperwork, delegated authority, endings, moves, emergency placements. */
export function placementRoutes(app: FastifyInstance, db: Db, maxDaysAhead: number): void {
  const read: RouteShorthandOptions = { config: { access: { permission: 'children.view' } } };
  const change: RouteShorthandOptions = { config: { access: { permission: 'placements.change' } } };
  const review: RouteShorthandOptions = { config: { access: { permission: 'referrals.review' } } };

  const name = placedChildName;

  /** The households to choose where the child goes from, and whether there are more than are listed. */
  async function choicesFor(user: SignedInUser, childId: string, selected: unknown, leaving?: string) {
    const found = (await householdChoices(db, user, todayInLondon(), childId)).filter((h) => h.id !== leaving);
    return {
      householdItems: householdItems(found.slice(0, HOUSEHOLD_CHOICES), selected),
      moreHouseholds: found.length > HOUSEHOLD_CHOICES,
      householdsListed: HOUSEHOLD_CHOICES,
    };
  }

  /** A household given by its reference rather than chosen from the list: its id put in the form, or what is wrong. */
  async function byReference(
    user: SignedInUser,
    body: unknown,
  ): Promise<{ body: Record<string, unknown>; errors?: FormErrors }> {
    const values = { ...(body as Record<string, unknown>) };
    const reference = typeof values.householdReference === 'string' ? values.householdReference.trim() : '';
    if (!reference) return { body: values };
    const wrong = (message: string) => ({
      body: values,
      errors: formErrors([{ field: 'householdReference', message }]),
    });
    if (values.householdId) return wrong('Choose the household from the list or enter its reference, not both');
    const id = await visibleHouseholdIdByReference(db, user, reference);
    return id
      ? { body: { ...values, householdId: id } }
      : wrong(`No household you can see has the reference ${reference}`);
  }
  const crumbs = placementCrumbs;
  const changeable = (user: SignedInUser, id: string) => changeablePlacement(db, user, id);

  /**
   * The placement whose plan, documents and delegated authority the user may record. A Staying Put
   * arrangement has none: its forms lead back to its page, which says why. Null once answered.
   */
  async function withPaperwork(request: FastifyRequest<WithId>, reply: FastifyReply) {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) await reply.callNotFound();
    else if (isStayingPut(placement)) await reply.redirect(placementPath(placement.id), 303);
    else return placement;
    return null;
  }

  app.get<WithId & { Querystring: { done?: string } }>('/placements/:id', read, async (request, reply) => {
    const user = request.user!;
    const placement = await viewPlacement(db, user, request.actor(), request.params.id);
    if (!placement) return reply.callNotFound();
    const [documents, authority, match] = await Promise.all([
      documentsOf(db, placement.id),
      delegatedAuthorityOf(db, placement.id),
      placement.referralId ? latestMatch(db, placement.referralId) : null,
    ]);
    const open = placement.endDate === null;
    const mayChange = canChangePlacement(user, placement);
    const planned = open && isPlanned(placement, todayInLondon());
    return reply.page('placements-record.njk', {
      title: `Placement: ${name(placement)} with ${placement.householdName}`,
      placement,
      planned,
      typeText: named(placementTypes, placement.placementType),
      endingText: named(endings, placement.ending),
      sawProfile: sawProfileText(placement.childSawProfile),
      documents: documentRows(documents),
      authority: delegatedAuthorityView(placement, authority),
      stayingPut: isStayingPut(placement),
      match: match && match.householdId === placement.householdId ? match : null,
      canChange: mayChange,
      // A planned placement cannot end or move before it starts (an ending is dated today or before).
      canEnd: mayChange && open && !planned,
      corrections: mayChange ? correctionLinks(placement) : [],
      canSeeAudit: can(user.role, 'audit.view'),
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: crumbs(placement).slice(0, 2),
    });
  });

  function showPaperwork(
    reply: FastifyReply,
    placement: PlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('placements-paperwork.njk', {
      title: `Placement plan and documents: ${name(placement)}`,
      placement,
      values,
      errors,
      documents: documentRows([]).map((d) => ({ ...d, field: `given_${d.kind}` })),
      sawProfileItems: sawProfileItems(values.childSawProfile),
      breadcrumbs: crumbs(placement),
    });
  }

  app.get<WithId>('/placements/:id/paperwork', change, async (request, reply) => {
    const placement = await withPaperwork(request, reply);
    if (!placement) return reply;
    const documents = await documentsOf(db, placement.id);
    return showPaperwork(reply, placement, {
      ...dateBoxes('placementPlanOn', placement.placementPlanOn),
      childSawProfile: sawProfileValue(placement.childSawProfile),
      ...Object.assign({}, ...documents.map((d) => dateBoxes(`given_${d.kind}`, d.givenOn))),
    });
  });

  app.post<WithId>('/placements/:id/paperwork', change, async (request, reply) => {
    const placement = await withPaperwork(request, reply);
    if (!placement) return reply;
    const form = parseDatedForm(paperworkForm(todayInLondon()), request.body, [
      'placementPlanOn',
      ...documentDateNames,
    ]);
    if (!form.ok) return showPaperwork(reply, placement, form.input, form.errors);
    const result = await recordPaperwork(db, request.user!, request.actor(), placement, form.value);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=paperwork`, (errors) =>
      showPaperwork(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  function showAuthority(
    reply: FastifyReply,
    placement: PlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('placements-delegated-authority.njk', {
      title: `Delegated authority: ${name(placement)}`,
      placement,
      values,
      errors,
      ...delegatedAuthorityItems(values),
      breadcrumbs: crumbs(placement),
    });
  }

  app.get<WithId>('/placements/:id/delegated-authority', change, async (request, reply) => {
    const placement = await withPaperwork(request, reply);
    if (!placement) return reply;
    return showAuthority(reply, placement, delegatedAuthorityValues(await delegatedAuthorityOf(db, placement.id)));
  });

  app.post<WithId>('/placements/:id/delegated-authority', change, async (request, reply) => {
    const placement = await withPaperwork(request, reply);
    if (!placement) return reply;
    const form = parseDatedForm(delegatedAuthorityForm(todayInLondon()), request.body, [
      'signedOn',
      'copyGivenToCarerOn',
    ]);
    if (!form.ok) return showAuthority(reply, placement, form.input, form.errors);
    const result = await saveDelegatedAuthority(db, request.user!, request.actor(), placement, form.value);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=delegated-authority`, (errors) =>
      showAuthority(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  function showEnd(
    reply: FastifyReply,
    placement: PlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('placements-end.njk', {
      title: `End the placement: ${name(placement)}`,
      placement,
      values,
      errors,
      endingItems: endingItems(values.ending),
      breadcrumbs: crumbs(placement),
    });
  }

  app.get<WithId>('/placements/:id/end', change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (placement.endDate) return reply.redirect(placementPath(placement.id), 303);
    return showEnd(reply, placement, dateBoxes('endDate', todayInLondon()));
  });

  app.post<WithId>('/placements/:id/end', change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseDatedForm(endForm(todayInLondon()), request.body, ['endDate']);
    if (!form.ok) return showEnd(reply, placement, form.input, form.errors);
    const result = await endPlacement(db, request.user!, request.actor(), placement, form.value);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=ended`, (errors) =>
      showEnd(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  async function showMove(
    reply: FastifyReply,
    placement: PlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const choices = await choicesFor(reply.request.user!, placement.childId, values.householdId, placement.householdId);
    return reply.code(errors ? 400 : 200).page('placements-move.njk', {
      title: `Move ${name(placement)} to another household`,
      placement,
      values,
      errors,
      endingItems: endingItems(values.ending),
      ...choices,
      typeItems: placementTypeItems(values.placementType),
      sawProfileItems: sawProfileItems(values.childSawProfile),
      breadcrumbs: crumbs(placement),
    });
  }

  app.get<WithId>('/placements/:id/move', change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (placement.endDate) return reply.redirect(placementPath(placement.id), 303);
    return showMove(reply, placement, {
      ...dateBoxes('endDate', todayInLondon()),
      placementType: placement.placementType,
    });
  });

  app.post<WithId>('/placements/:id/move', change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const given = await byReference(request.user!, request.body);
    if (given.errors) return showMove(reply, placement, given.body, given.errors);
    const form = parseDatedForm(moveForm(todayInLondon()), given.body, ['endDate', 'placementPlanOn']);
    if (!form.ok) return showMove(reply, placement, form.input, form.errors);
    const result = await movePlacement(db, request.user!, request.actor(), placement, form.value);
    return answerForm(reply, result, `${placementPath(result.ok ? result.id : placement.id)}?done=moved`, (errors) =>
      showMove(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  async function showEmergency(
    reply: FastifyReply,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const choices = await choicesFor(reply.request.user!, child.id, values.householdId);
    return reply.code(errors ? 400 : 200).page('placements-form.njk', {
      title: `Place ${child.firstName} ${child.lastName} in an emergency`,
      action: emergencyPlacementPath(child.id),
      maxDaysAhead,
      emergency: true,
      child: { name: `${child.firstName} ${child.lastName}`, reference: child.reference },
      childId: child.id,
      ...choices,
      values,
      errors,
      typeItems: placementTypeItems(values.placementType),
      sawProfileItems: sawProfileItems(values.childSawProfile),
      breadcrumbs: [
        { text: 'Children', href: '/children' },
        { text: `${child.firstName} ${child.lastName}`, href: childPath(child.id) },
      ],
    });
  }

  app.get<WithId>('/children/:id/emergency-placement', review, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const open = await openPlacementOf(db, child.id);
    if (open) return reply.redirect(placementPath(open.id), 303);
    return showEmergency(reply, child, { placementType: 'emergency', ...dateBoxes('startDate', todayInLondon()) });
  });

  app.post<WithId>('/children/:id/emergency-placement', review, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const given = await byReference(request.user!, request.body);
    if (given.errors) return showEmergency(reply, child, given.body, given.errors);
    const form = parseDatedForm(placementForm(todayInLondon(), { withHousehold: true, maxDaysAhead }), given.body, [
      'startDate',
      'placementPlanOn',
    ]);
    if (!form.ok) return showEmergency(reply, child, form.input, form.errors);
    const result = await placeInEmergency(db, request.user!, request.actor(), child, form.value);
    return answerForm(
      reply,
      result,
      `${placementPath(result.ok ? result.id : '')}?done=placed`,
      (errors) => showEmergency(reply, child, request.body as Record<string, unknown>, errors),
      childPath(child.id),
    );
  });
}
