/**
 * Putting the payments records right (corrections.ts): a set of rates on the form it was recorded
 * on, filled in, with why, or removed with why; an enhancement likewise. For those who record them
 * (payments.manage, checked again in the service); an enhancement's pages are views of a child's
 * record, audited. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import {
  changeEnhancement,
  changeRates,
  enhancementCorrectionViewed,
  removeEnhancement,
  removeEnhancementRefusals,
  removeRates,
  removeRatesRefusals,
} from './corrections.ts';
import { enhancementChangeForm, rateBoxes, ratesChangeForm, removeEnhancementForm, removeRatesForm } from './forms.ts';
import { needLevelName, needLevelNames, needLevels } from './labels.ts';
import { formatPence, penceInBox } from '../../platform/views/money.ts';
import {
  changeEnhancementPath,
  changeRatesPath,
  enhancementPath,
  enhancementsPath,
  paymentsPath,
  removeEnhancementPath,
  removeRatesPath,
} from './paths.ts';
import { findVisibleEnhancement, rateSetById, type EnhancementRow, type RateSet } from './queries.ts';
import { manageAccess } from './routes-rates.ts';
import { historyRow } from './views.ts';

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
const crumbs = [{ text: 'Payments to carers', href: paymentsPath() }];

export function correctionRoutes(app: FastifyInstance, db: Db) {
  /** The set of rates named in the address, or null (a 404). */
  const rates = (request: FastifyRequest<WithId>) =>
    isUuid(request.params.id) ? rateSetById(db, request.params.id) : Promise.resolve(null);

  const showRates = (reply: FastifyReply, r: RateSet, values: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('payments-rates-form.njk', {
      title: `Change the rates from ${formatDate(r.effectiveFrom)}`,
      heading: `Change the rates from ${formatDate(r.effectiveFrom)}`,
      intro: [
        'Correct an amount or the date if it was recorded wrongly. The payments page, the carers’ portal and the yearly review of the rates (by the next 1 April after the latest set) follow, and the audit trail keeps what the rates said before, who changed them and why.',
        'There is one set of rates a day. The date cannot move so that a completed six-monthly review of what local agencies pay would no longer show the rates that were in force at the end of its half-year.',
      ],
      button: 'Save the changes',
      reasonBox: true,
      action: changeRatesPath(r.id),
      cancel: paymentsPath(),
      boxes: rateBoxes.map((b) => ({ ...b, value: typeof values[b.name] === 'string' ? values[b.name] : '' })),
      values,
      errors,
      breadcrumbs: crumbs,
    });

  app.get<WithId>(changeRatesPath(':id'), manageAccess, async (request, reply) => {
    const r = await rates(request);
    if (!r) return reply.callNotFound();
    const amounts = Object.fromEntries(rateBoxes.map((b) => [b.name, penceInBox(r[b.name])]));
    return showRates(reply, r, { ...dateBoxes('effectiveFrom', r.effectiveFrom), ...amounts });
  });
  app.post<WithId>(changeRatesPath(':id'), manageAccess, async (request, reply) => {
    const r = await rates(request);
    if (!r) return reply.callNotFound();
    const form = parseDatedForm(ratesChangeForm, request.body, ['effectiveFrom']);
    if (!form.ok) return showRates(reply, r, form.input, form.errors);
    const result = await changeRates(db, who(request), r.id, form.value);
    return answerForm(reply, result, `${paymentsPath()}?done=rates-changed`, (errors) =>
      showRates(reply, r, request.body as Values, linkDateErrors(errors, ['effectiveFrom'])),
    );
  });

  async function showRemoveRates(reply: FastifyReply, r: RateSet, values: Values, errors?: FormErrors) {
    const refusals = await removeRatesRefusals(db, r.id);
    const row = historyRow(r, '');
    const from = formatDate(r.effectiveFrom);
    return reply.code(errors ? 400 : 200).page('payments-remove.njk', {
      title: `Remove the rates from ${from}`,
      caption: 'Published rates for carers',
      heading: `Remove the rates from ${from}`,
      intro:
        'Remove a set only if it was recorded in error: a duplicate, or rates never published. To correct an amount or the date, change it instead. The rates in force on each day are then the set before it, and the yearly review of the rates follows the latest set left. The audit trail keeps what it said, who removed it and why.',
      rows: [
        { key: 'Rates from', value: from },
        { key: 'Weekly allowances (0 to 4, 5 to 10, 11 to 15, 16 to 17)', value: row.allowances },
        { key: 'Weekly fees (levels 1, 2, 3)', value: row.fees },
        { key: 'Day care an hour', value: row.dayCare },
      ],
      refusals,
      refusedHeading: 'This set of rates cannot be removed',
      cancelText: 'Back to payments to carers',
      what: 'set of rates',
      hint: 'For example, the same rates recorded twice.',
      button: 'Remove the set of rates',
      action: removeRatesPath(r.id),
      cancel: paymentsPath(),
      values,
      errors: refusals.length ? undefined : errors,
      breadcrumbs: crumbs,
    });
  }
  app.get<WithId>(removeRatesPath(':id'), manageAccess, async (request, reply) => {
    const r = await rates(request);
    if (!r) return reply.callNotFound();
    return showRemoveRates(reply, r, {});
  });
  app.post<WithId>(removeRatesPath(':id'), manageAccess, async (request, reply) => {
    const r = await rates(request);
    if (!r) return reply.callNotFound();
    const form = parseForm(removeRatesForm, request.body);
    if (!form.ok) return showRemoveRates(reply, r, form.input, form.errors);
    const result = await removeRates(db, who(request), r.id, form.value.reason);
    return answerForm(reply, result, `${paymentsPath()}?done=rates-removed`, (errors) =>
      showRemoveRates(reply, r, request.body as Values, errors),
    );
  });

  /** The enhancement named in the address, if the user reads it, or null (a 404). */
  const enhancement = (request: FastifyRequest<WithId>) =>
    isUuid(request.params.id) ? findVisibleEnhancement(db, request.user!, request.params.id) : Promise.resolve(null);
  const enhancementCrumbs = (e: EnhancementRow) => [
    ...crumbs,
    { text: 'Disability enhancements', href: enhancementsPath() },
    { text: e.childName, href: enhancementPath(e.id) },
  ];

  const showEnhancement = (reply: FastifyReply, e: EnhancementRow, values: Values, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('payments-enhancement-form.njk', {
      title: `Change the disability enhancement: ${e.childName}`,
      caption: `${e.childName} (${e.childReference})`,
      heading: 'Change the disability enhancement',
      intro: [
        'Correct it if it was recorded wrongly. The review deadline follows the date of the decision (12 months on), the carers’ portal shows the corrected amount, and the audit trail keeps what it said before, who changed it and why.',
        'The date cannot be before the agreement it reviewed, nor after the review that replaced it. The child can be changed only on an agreement that neither reviewed nor was reviewed by another, to a child placed with one of our households now without an enhancement; otherwise remove it and record it for the right child.',
      ],
      button: 'Save the changes',
      reasonBox: true,
      action: changeEnhancementPath(e.id),
      cancel: enhancementPath(e.id),
      levels: choicesOf(needLevels, needLevelNames).map((c) => ({ ...c, checked: values.levelOfNeed === c.value })),
      values,
      errors,
      breadcrumbs: enhancementCrumbs(e),
    });

  app.get<WithId>(changeEnhancementPath(':id'), manageAccess, async (request, reply) => {
    const e = await enhancement(request);
    if (!e) return reply.callNotFound();
    await enhancementCorrectionViewed(db, who(request), e.id, 'change');
    return showEnhancement(reply, e, {
      child: e.childReference,
      weeklyAmount: penceInBox(e.weeklyAmount),
      levelOfNeed: e.levelOfNeed,
      ...dateBoxes('agreedOn', e.agreedOn),
      notes: e.notes ?? '',
    });
  });
  app.post<WithId>(changeEnhancementPath(':id'), manageAccess, async (request, reply) => {
    const e = await enhancement(request);
    if (!e) return reply.callNotFound();
    const form = parseDatedForm(enhancementChangeForm, request.body, ['agreedOn']);
    if (!form.ok) return showEnhancement(reply, e, form.input, form.errors);
    const result = await changeEnhancement(db, who(request), e, form.value);
    return answerForm(reply, result, `${enhancementPath(e.id)}?done=changed`, (errors) =>
      showEnhancement(reply, e, request.body as Values, linkDateErrors(errors, ['agreedOn'])),
    );
  });

  async function showRemoveEnhancement(reply: FastifyReply, e: EnhancementRow, values: Values, errors?: FormErrors) {
    const refusals = await removeEnhancementRefusals(db, e);
    return reply.code(errors ? 400 : 200).page('payments-remove.njk', {
      title: `Remove the disability enhancement: ${e.childName}`,
      caption: `${e.childName} (${e.childReference})`,
      heading: 'Remove the disability enhancement',
      intro:
        'Remove it only if it was recorded in error: for the wrong child, or an agreement the funding panel did not make. To correct the amount, the level of need or the date, change it instead. Its review deadline goes with it; if it reviewed an earlier agreement, that one is current again. The audit trail keeps what it said, who removed it and why.',
      rows: [
        { key: 'Placed with', value: `${e.householdName} (${e.householdReference})` },
        { key: 'Weekly amount', value: `${formatPence(e.weeklyAmount)} a week` },
        { key: 'Level of need', value: needLevelName(e.levelOfNeed) },
        { key: 'Agreed at the funding panel', value: formatDate(e.agreedOn) },
      ],
      refusals,
      refusedHeading: 'The enhancement cannot be removed',
      cancelText: 'Back to the enhancement',
      what: 'disability enhancement',
      hint: 'For example, recorded for the wrong child.',
      button: 'Remove the enhancement',
      action: removeEnhancementPath(e.id),
      cancel: enhancementPath(e.id),
      values,
      errors: refusals.length ? undefined : errors,
      breadcrumbs: enhancementCrumbs(e),
    });
  }
  app.get<WithId>(removeEnhancementPath(':id'), manageAccess, async (request, reply) => {
    const e = await enhancement(request);
    if (!e) return reply.callNotFound();
    await enhancementCorrectionViewed(db, who(request), e.id, 'remove');
    return showRemoveEnhancement(reply, e, {});
  });
  app.post<WithId>(removeEnhancementPath(':id'), manageAccess, async (request, reply) => {
    const e = await enhancement(request);
    if (!e) return reply.callNotFound();
    const form = parseForm(removeEnhancementForm, request.body);
    if (!form.ok) return showRemoveEnhancement(reply, e, form.input, form.errors);
    const result = await removeEnhancement(db, who(request), e, form.value.reason);
    return answerForm(
      reply,
      result,
      `${enhancementsPath()}?done=removed`,
      (errors) => showRemoveEnhancement(reply, e, request.body as Values, errors),
      enhancementPath(e.id),
    );
  });
}
