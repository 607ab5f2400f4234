/**
 * Putting right a placement recorded wrongly: its start details, its ending (corrected, or undone),
 * or the whole placement removed with a reason. For those who may end the placement, and answered
 * as the ending is (a 404 to anyone else). Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { answerForm, who } from '../../platform/views/results.ts';

import { childPath } from '../children/paths.ts';
import { findChild } from '../children/scope.ts';
import { householdPath } from '../households/paths.ts';
import { removePlacementForm, startDates, startForm } from './correction-forms.ts';
import { placementLeftOn } from './correction-records.ts';
import { changeStart, correctEnding, placementState, reopenPlacement, reopenRefusals } from './corrections.ts';
import { endForm } from './forms.ts';
import { endings, placementTypes } from './labels.ts';
import { placementCorrectionPath, placementPath, referralPath } from './paths.ts';
import { endingItems, placementTypeItems } from './present.ts';
import { findReferral, type PlacementRecord } from './queries.ts';
import { papersInWords, removalRefusals, removePlacement } from './removal.ts';
import { changeablePlacement, placedChildName, placementCrumbs } from './placement-pages.ts';

type WithId = { Params: { id: string } };

export function placementCorrectionRoutes(app: FastifyInstance, db: Db, maxDaysAhead: number): void {
  const change: RouteShorthandOptions = { config: { access: { permission: 'placements.change' } } };
  const name = placedChildName;
  const caption = (p: PlacementRecord) => `${name(p)} with ${p.householdName}`;
  const crumbs = placementCrumbs;
  const changeable = (user: SignedInUser, id: string) => changeablePlacement(db, user, id);

  /** The placement's summary, as the pages show it. */
  const rows = (p: PlacementRecord) => [
    { key: 'Child', value: `${name(p)} (${p.childReference})` },
    { key: 'Household', value: `${p.householdName} (${p.householdReference})` },
    { key: 'Type', value: named(placementTypes, p.placementType) },
    { key: 'Start date', value: formatDate(p.startDate) },
    ...(p.endDate
      ? [
          { key: 'End date', value: formatDate(p.endDate) },
          { key: 'Ending', value: named(endings, p.ending) },
          { key: 'Reason', value: p.endReason ?? 'Not recorded' },
        ]
      : []),
  ];

  // The start details of a current placement.
  function showStart(reply: FastifyReply, p: PlacementRecord, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('placements-start.njk', {
      title: `Change the start of the placement: ${name(p)}`,
      placement: p,
      caption: caption(p),
      planned: p.startDate > todayInLondon(),
      maxDaysAhead,
      values,
      errors,
      typeItems: placementTypeItems(values.placementType),
      breadcrumbs: crumbs(p),
    });
  }

  app.get<WithId>(placementCorrectionPath(':id', 'start'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (placement.endDate) return reply.redirect(placementPath(placement.id), 303);
    const values = { ...dateBoxes('startDate', placement.startDate), placementType: placement.placementType };
    return showStart(reply, placement, values);
  });

  app.post<WithId>(placementCorrectionPath(':id', 'start'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseDatedForm(startForm, request.body, startDates);
    if (!form.ok) return showStart(reply, placement, form.input, form.errors);
    const result = await changeStart(db, who(request), placement, form.value, maxDaysAhead);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=start-changed`, (errors) =>
      showStart(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  // The ending of an ended placement, corrected.
  function showEnding(reply: FastifyReply, p: PlacementRecord, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('placements-ending.njk', {
      title: `Correct the ending of the placement: ${name(p)}`,
      placement: p,
      caption: caption(p),
      values,
      errors,
      endingItems: endingItems(values.ending),
      reopenPath: placementCorrectionPath(p.id, 'reopen'),
      breadcrumbs: crumbs(p),
    });
  }

  app.get<WithId>(placementCorrectionPath(':id', 'ending'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (!placement.endDate) return reply.redirect(placementPath(placement.id), 303);
    const values = {
      ...dateBoxes('endDate', placement.endDate),
      ending: placement.ending,
      endReason: placement.endReason ?? '',
    };
    return showEnding(reply, placement, values);
  });

  app.post<WithId>(placementCorrectionPath(':id', 'ending'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseDatedForm(endForm(todayInLondon()), request.body, ['endDate']);
    if (!form.ok) return showEnding(reply, placement, form.input, form.errors);
    const result = await correctEnding(db, who(request), placement, form.value);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=ending-corrected`, (errors) =>
      showEnding(reply, placement, request.body as Record<string, unknown>, errors),
    );
  });

  // An ending recorded in error, undone: a page saying what follows, or why it cannot be.
  function showReopen(reply: FastifyReply, p: PlacementRecord, refusals: string[], errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('placements-confirm.njk', {
      title: `Undo the ending of the placement: ${name(p)}`,
      caption: caption(p),
      heading: 'Undo the ending',
      intro: [
        `Undo the ending only if it was recorded in error and ${p.childFirstName} still lives with ${p.householdName}. The placement becomes current again, with its deadlines, and the audit trail keeps the ending that was undone.`,
      ],
      rows: rows(p),
      refusals,
      refusedHeading: 'The ending cannot be undone',
      errors,
      button: refusals.length ? null : 'Undo the ending',
      action: placementCorrectionPath(p.id, 'reopen'),
      cancel: placementPath(p.id),
      breadcrumbs: crumbs(p),
    });
  }

  app.get<WithId>(placementCorrectionPath(':id', 'reopen'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    if (!placement.endDate) return reply.redirect(placementPath(placement.id), 303);
    const refusals = await reopenRefusals(db, placement, await placementState(db, placement.id));
    return showReopen(reply, placement, refusals);
  });

  app.post<WithId>(placementCorrectionPath(':id', 'reopen'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    const result = await reopenPlacement(db, who(request), placement);
    return answerForm(reply, result, `${placementPath(placement.id)}?done=reopened`, async (errors) =>
      showReopen(reply, placement, await reopenRefusals(db, placement, await placementState(db, placement.id)), errors),
    );
  });

  // A placement recorded in error, removed with why; or why it cannot be.
  async function showRemove(
    reply: FastifyReply,
    p: PlacementRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const common = { caption: caption(p), rows: rows(p), cancel: placementPath(p.id), breadcrumbs: crumbs(p) };
    const title = `Remove the placement: ${name(p)}`;
    const refusals = errors ? [] : await removalRefusals(db, p);
    if (refusals.length) {
      return reply.page('placements-confirm.njk', {
        ...common,
        title,
        heading: `Remove the placement with ${p.householdName}`,
        intro: [],
        refusals,
        refusedHeading: 'This placement cannot be removed',
        button: null,
      });
    }
    const papers = await papersInWords(db, p.id);
    const left = await placementLeftOn(db, p.childId, p.id, p.startDate);
    const intro = [
      `Remove it only if it was recorded in error: the wrong child, or the wrong household. To put its dates right, change its start or correct its ending instead.`,
      papers.length ? `Its papers go with it: ${papers.join(' and ')}.` : '',
      p.referralId ? 'The referral it answered is reopened, so the child can be placed from it again.' : '',
      left
        ? `${p.childFirstName}’s placement with ${left.placedWith} ended on ${formatDate(left.endDate)}, when this one began: it stays ended. If ${p.childFirstName} did not leave, undo that ending once this placement is removed.`
        : '',
      'Its deadlines go with it, and the audit trail keeps who removed it and why.',
    ].filter(Boolean);
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      ...common,
      title,
      heading: `Remove the placement with ${p.householdName}`,
      intro: intro.join(' '),
      what: 'placement',
      hint: 'For example, recorded for the wrong child, or with the wrong household.',
      button: 'Remove the placement',
      values,
      errors,
      action: placementCorrectionPath(p.id, 'remove'),
    });
  }

  app.get<WithId>(placementCorrectionPath(':id', 'remove'), change, async (request, reply) => {
    const placement = await changeable(request.user!, request.params.id);
    if (!placement) return reply.callNotFound();
    return showRemove(reply, placement, {});
  });

  app.post<WithId>(placementCorrectionPath(':id', 'remove'), change, async (request, reply) => {
    const user = request.user!;
    const placement = await changeable(user, request.params.id);
    if (!placement) return reply.callNotFound();
    const form = parseForm(removePlacementForm, request.body);
    if (!form.ok) return showRemove(reply, placement, form.input, form.errors);
    const result = await removePlacement(db, who(request), placement, form.value.reason);
    if (!result.ok) {
      return answerForm(reply, result, placementPath(placement.id), (errors) =>
        showRemove(reply, placement, request.body as Record<string, unknown>, errors),
      );
    }
    // On to where the child is placed again: the referral given back, else the child's page, else the household's.
    if (result.referralStatus && placement.referralId && (await findReferral(db, user, placement.referralId))) {
      return reply.redirect(`${referralPath(placement.referralId)}?done=placement-removed`, 303);
    }
    if (await findChild(db, user, placement.childId)) {
      return reply.redirect(`${childPath(placement.childId)}?done=placement-removed`, 303);
    }
    return reply.redirect(householdPath(placement.householdId), 303);
  });
}
