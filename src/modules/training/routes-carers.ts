/** A carer's training record, their TSD standards and PDP, and the household's training page. */
import { named } from '../../platform/views/format.ts';
import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { refused, who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull } from '../households/scope.ts';
import { dueRule } from '../../platform/due/rule.ts';
import { carerToDevelop, plansOf, recordPlan, recordTsd } from './development.ts';
import { isUuid, planDateFields, planForm, tsdDateFields, tsdForm } from './forms.ts';
import { categories, hoursText, occasions, organisers } from './labels.ts';
import { PARTICIPATION_DAYS_EXPECTED } from './measures.ts';
import { bookingsOf, carerFacts, eventsAttendedBy, trainingDueFor } from './record.ts';
import { canKeepDevelopment, findVisibleCarer, type CarerInScope } from './scope.ts';
import { bookingOutcome, errorsFor, flashFor, occasionOptions } from './views.ts';
import { householdPath } from '../households/paths.ts';
import {
  carerTrainingPath,
  changePlanPath,
  developmentPlanPath,
  householdTrainingPath,
  removePlanPath,
} from './paths.ts';

type WithId = { Params: { id: string }; Querystring: Record<string, string> };
const view: RouteShorthandOptions = { config: { access: { permission: 'training.view' } } };
const develop: RouteShorthandOptions = { config: { access: { permission: 'training.develop' } } };

const householdCrumbs = (c: Pick<CarerInScope, 'householdId' | 'householdName'>, canSeeHousehold: boolean) => [
  ...(canSeeHousehold
    ? [
        { text: 'Households', href: '/households' },
        { text: c.householdName, href: householdPath(c.householdId) },
      ]
    : [{ text: 'Training calendar', href: '/training' }]),
  { text: 'Training and development', href: householdTrainingPath(c.householdId) },
];

const TSD_FORBIDDEN = [
  'A carer’s TSD standards and personal development plan are recorded by their household’s supervising social worker, their team or service manager, a reviewing officer or the head of fostering.',
];

export const carerRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<WithId>('/households/:id/training', view, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const household = await findHouseholdReadInFull(db, request.user!, request.params.id);
    if (!household) return reply.callNotFound();
    await recordAudit(db, request.actor(), {
      action: 'view',
      recordType: 'household',
      recordId: household.id,
      detail: { page: 'training' },
    });
    const today = todayInLondon();
    const canSeeHousehold = can(request.user!.role, 'households.view');
    return reply.page('training-household.njk', {
      title: `Training and development: ${household.name}`,
      household,
      carers: await carerFacts(db, { householdId: household.id }, today),
      expected: PARTICIPATION_DAYS_EXPECTED,
      today,
      breadcrumbs: householdCrumbs({ householdId: household.id, householdName: household.name }, canSeeHousehold).slice(
        0,
        -1,
      ),
    });
  });

  app.get<WithId>('/training/carers/:id', view, async (request, reply) => {
    const carer = isUuid(request.params.id) ? await findVisibleCarer(db, request.user!, request.params.id) : null;
    if (!carer) return reply.callNotFound();
    await recordAudit(db, request.actor(), {
      action: 'view',
      recordType: 'carer',
      recordId: carer.id,
      detail: { page: 'training' },
    });
    const today = todayInLondon();
    const [facts] = await carerFacts(db, { carerId: carer.id }, today);
    const bookings = await bookingsOf(db, { carerId: carer.id });
    return reply.page('training-carer.njk', {
      title: `Training record: ${carer.firstName} ${carer.lastName}`,
      carer,
      facts,
      bookings: bookings.map((b) => ({
        ...b,
        categoryName: named(categories, b.category),
        hoursText: hoursText(b.hours),
        outcome: bookingOutcome(b, today, 'Booking cancelled'),
      })),
      events: (await eventsAttendedBy(db, { carerId: carer.id }, addDays(addYears(today, -1), 1), today)).map((e) => ({
        ...e,
        organiserName: named(organisers, e.organiser),
      })),
      due: (await trainingDueFor(db, carer.id, today)).map((d) => ({
        ...d,
        title: dueRule(d.rule_id)?.title ?? d.rule_id,
      })),
      expected: PARTICIPATION_DAYS_EXPECTED,
      today,
      canDevelop: can(request.user!.role, 'training.develop') && canKeepDevelopment(request.user!, carer),
      flash: flashFor(request.query.done),
      breadcrumbs: householdCrumbs(carer, can(request.user!.role, 'households.view')),
    });
  });

  function tsdPage(reply: FastifyReply, carer: CarerInScope, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('training-tsd-form.njk', {
      title: `TSD standards evidenced: ${carer.firstName} ${carer.lastName}`,
      carer,
      values,
      errors,
      backLink: { href: carerTrainingPath(carer.id) },
    });
  }

  app.get<WithId>('/training/carers/:id/tsd', develop, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await carerToDevelop(db, request.user!, request.params.id);
    if (!found.ok)
      return refused(reply, found, { backHref: carerTrainingPath(request.params.id), lines: TSD_FORBIDDEN });
    return tsdPage(reply, found.carer, dateBoxes('evidencedOn', todayInLondon()));
  });

  app.post<WithId>('/training/carers/:id/tsd', develop, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await carerToDevelop(db, request.user!, request.params.id);
    if (!found.ok)
      return refused(reply, found, { backHref: carerTrainingPath(request.params.id), lines: TSD_FORBIDDEN });
    const form = parseDatedForm(tsdForm(todayInLondon()), request.body, tsdDateFields);
    if (!form.ok) return tsdPage(reply, found.carer, form.input, form.errors);
    const result = await recordTsd(db, who(request), found.carer.id, form.value);
    if (result.ok) return reply.redirect(`${carerTrainingPath(found.carer.id)}?done=tsd`, 303);
    return refused(reply, result, { backHref: carerTrainingPath(found.carer.id), lines: TSD_FORBIDDEN });
  });

  app.get<WithId>('/training/carers/:id/pdp', view, async (request, reply) => {
    const carer = isUuid(request.params.id) ? await findVisibleCarer(db, request.user!, request.params.id) : null;
    if (!carer) return reply.callNotFound();
    const plans = await plansOf(db, carer.id);
    for (const plan of plans.slice(0, 1)) {
      await recordAudit(db, request.actor(), { action: 'view', recordType: 'development-plan', recordId: plan.id });
    }
    const canDevelop = can(request.user!.role, 'training.develop') && canKeepDevelopment(request.user!, carer);
    const shown = plans.map((p) => ({
      ...p,
      occasionName: named(occasions, p.occasion),
      ...(canDevelop ? { changeHref: changePlanPath(carer.id, p.id), removeHref: removePlanPath(carer.id, p.id) } : {}),
    }));
    return reply.page('training-pdp.njk', {
      title: `Personal development plan: ${carer.firstName} ${carer.lastName}`,
      carer,
      current: shown[0] ?? null,
      earlier: shown.slice(1),
      overdue: plans[0] ? plans[0].reviewBy < todayInLondon() : false,
      canDevelop,
      flash: flashFor(request.query.done),
      breadcrumbs: [
        ...householdCrumbs(carer, can(request.user!.role, 'households.view')),
        { text: `${carer.firstName} ${carer.lastName}`, href: carerTrainingPath(carer.id) },
      ],
    });
  });

  function planPage(reply: FastifyReply, carer: CarerInScope, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('training-pdp-form.njk', {
      title: `Agree or review the PDP: ${carer.firstName} ${carer.lastName}`,
      carer,
      values,
      errors,
      occasions: occasionOptions(values.occasion),
      backLink: { href: developmentPlanPath(carer.id) },
    });
  }

  app.get<WithId>('/training/carers/:id/pdp/new', develop, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await carerToDevelop(db, request.user!, request.params.id);
    if (!found.ok)
      return refused(reply, found, { backHref: developmentPlanPath(request.params.id), lines: TSD_FORBIDDEN });
    const [current] = await plansOf(db, found.carer.id);
    const values = {
      ...dateBoxes('agreedOn', todayInLondon()),
      occasion: current ? 'annual_review' : found.carer.householdStatus === 'approved' ? 'other' : 'assessment',
      goals: current?.goals ?? '',
      trainingToDo: current?.trainingToDo ?? '',
      support: current?.support ?? '',
    };
    return planPage(reply, found.carer, values);
  });

  app.post<WithId>('/training/carers/:id/pdp/new', develop, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await carerToDevelop(db, request.user!, request.params.id);
    if (!found.ok)
      return refused(reply, found, { backHref: developmentPlanPath(request.params.id), lines: TSD_FORBIDDEN });
    const form = parseDatedForm(planForm(todayInLondon()), request.body, planDateFields);
    if (!form.ok) return planPage(reply, found.carer, form.input, form.errors);
    const result = await recordPlan(db, who(request), found.carer.id, form.value);
    if (result.ok) return reply.redirect(`${developmentPlanPath(found.carer.id)}?done=pdp`, 303);
    if (result.reason === 'invalid') {
      return planPage(
        reply,
        found.carer,
        request.body as Record<string, unknown>,
        errorsFor(result.errors, planDateFields),
      );
    }
    return refused(reply, result, { backHref: developmentPlanPath(found.carer.id), lines: TSD_FORBIDDEN });
  });
};
