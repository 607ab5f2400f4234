/** The published rates: those in force today, their history, and a new set. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { rateBoxes, ratesForm } from './forms.ts';
import { changeRatesPath, enhancementsPath, newRatesPath, paymentsPath, removeRatesPath } from './paths.ts';
import { otherRateSets, ratesOn } from './queries.ts';
import { mayManagePayments } from './scope.ts';
import { addRates } from './service.ts';
import { dayCareWarning, historyRow, rateRows } from './views.ts';

export const viewAccess = { config: { access: { permission: 'payments.view' as const } } };
export const manageAccess = { config: { access: { permission: 'payments.manage' as const } } };

const flashes: Record<string, string> = {
  rates: 'The new rates have been recorded',
  'rates-changed': 'The rates have been changed',
  'rates-removed': 'The set of rates has been removed',
};

export function ratesRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: { done?: string } }>(paymentsPath(), viewAccess, async (request, reply) => {
    const today = todayInLondon();
    const inForce = await ratesOn(db, today);
    const others = await otherRateSets(db, inForce?.id ?? null);
    const manage = mayManagePayments(request.user!);
    const links = (id: string) => (manage ? { changeHref: changeRatesPath(id), removeHref: removeRatesPath(id) } : {});
    return reply.page('payments-home.njk', {
      title: 'Payments to carers',
      since: inForce ? formatDate(inForce.effectiveFrom) : null,
      rows: inForce ? rateRows(inForce) : [],
      warning: inForce ? dayCareWarning(inForce) : null,
      inForceLinks:
        inForce && manage ? { change: changeRatesPath(inForce.id), remove: removeRatesPath(inForce.id) } : null,
      history: others.map((r) => ({ ...historyRow(r, today), ...links(r.id) })),
      manage,
      addHref: manage ? newRatesPath() : null,
      enhancementsHref: enhancementsPath(),
      flash: flashes[request.query.done ?? ''],
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  const showForm = (reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('payments-rates-form.njk', {
      title: 'Add a new set of rates',
      action: newRatesPath(),
      cancel: paymentsPath(),
      boxes: rateBoxes.map((b) => ({ ...b, value: typeof values[b.name] === 'string' ? values[b.name] : '' })),
      values,
      errors,
      breadcrumbs: [{ text: 'Payments to carers', href: paymentsPath() }],
    });

  app.get(newRatesPath(), manageAccess, async (_request, reply) => showForm(reply, {}));
  app.post(newRatesPath(), manageAccess, async (request, reply) => {
    const form = parseDatedForm(ratesForm, request.body, ['effectiveFrom']);
    if (!form.ok) return showForm(reply, form.input, form.errors);
    const result = await addRates(db, who(request), form.value);
    return answerForm(reply, result, `${paymentsPath()}?done=rates`, (errors) =>
      showForm(reply, request.body as Record<string, unknown>, linkDateErrors(errors, ['effectiveFrom'])),
    );
  });
}
