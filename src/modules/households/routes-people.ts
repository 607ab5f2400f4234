import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formFields } from '../../platform/views/fields.ts';
import { bodyOf, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { checkOutcomeFields } from '../../platform/views/check-outcome.ts';
import { checkPeople } from './scope.ts';
import { carerForm, checkForm, isUuid, memberForm } from './forms.ts';
import { addCarer, addCheck, addMember, updateCarer, updateCheck, updateMember, type CarerResult } from './people.ts';
import { findCarer, findCheck, findMember } from './queries.ts';
import { type HouseholdRecord } from './scope.ts';
import type { Result } from './service.ts';
import {
  changeAccess,
  householdCrumbs,
  openHousehold,
  pageErrors,
  refused,
  who,
  type WithId,
} from './route-support.ts';
import { checkKindOptions, radioItems, relationshipOptions, selectItems } from './views.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import {
  editCarerPath,
  editCheckPath,
  editMemberPath,
  householdPath,
  newCarerPath,
  newCheckPath,
  newMemberPath,
} from './paths.ts';

type WithPerson = { Params: { id: string; personId: string } };

/** The submitted form as it was typed, to show again (without the CSRF token). */
/** Carers, household members and their checks: add and change. */
export function peopleRoutes(app: FastifyInstance, db: Db): void {
  function carerPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    options: { carerId?: string; carerName?: string; errors?: FormErrors },
  ) {
    // The carer as recorded, not as typed: a refused change may have emptied or changed the name.
    return reply.code(options.errors ? 400 : 200).page('households-carer-form.njk', {
      title: options.carerId
        ? `Change carer: ${options.carerName ?? 'carer'}, ${household.name}`
        : `Add a carer: ${household.name}`,
      household,
      isNew: !options.carerId,
      action: options.carerId ? editCarerPath(household.id, options.carerId) : newCarerPath(household.id),
      values,
      dateOfBirth: datePartsOf(values, 'dateOfBirth'),
      joinedOn: datePartsOf(values, 'joinedOn'),
      leftOn: datePartsOf(values, 'leftOn'),
      isStaff: values.isStaff === true || values.isStaff === 'yes',
      errors: options.errors,
      breadcrumbs: householdCrumbs(household),
    });
  }

  function afterCarer(
    reply: FastifyReply,
    household: HouseholdRecord,
    result: CarerResult,
    done: string,
    again: (errors: FormErrors) => unknown,
  ) {
    if (result.ok) {
      if (!result.stillVisible) return reply.redirect('/households?done=restricted', 303);
      return reply.redirect(`${householdPath(household.id)}?done=${done}`, 303);
    }
    if (result.reason === 'invalid') return again(pageErrors(result.errors));
    return refused(reply, result.reason, household);
  }

  app.get<WithId>('/households/:id/carers/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'carer-new', 'change');
    if (!household) return reply;
    return carerPage(reply, household, {}, {});
  });

  app.post<WithId>('/households/:id/carers/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'carer-new', 'change');
    if (!household) return reply;
    const form = parseForm(carerForm(todayInLondon()), request.body);
    if (!form.ok) return carerPage(reply, household, form.input, { errors: pageErrors(form.errors) });
    const result = await addCarer(db, who(request), household.id, form.value);
    return afterCarer(reply, household, result, 'carer-added', (errors) =>
      carerPage(reply, household, bodyOf(request.body), { errors }),
    );
  });

  app.get<WithPerson>('/households/:id/carers/:personId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'carer-edit', 'change');
    if (!household) return reply;
    const carer = isUuid(request.params.personId) ? await findCarer(db, household.id, request.params.personId) : null;
    if (!carer) return reply.callNotFound();
    return carerPage(
      reply,
      household,
      { ...carer, email: carer.email ?? '', phone: carer.phone ?? '' },
      { carerId: carer.id, carerName: `${carer.firstName} ${carer.lastName}` },
    );
  });

  app.post<WithPerson>('/households/:id/carers/:personId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'carer-edit', 'change');
    if (!household) return reply;
    if (!isUuid(request.params.personId)) return reply.callNotFound();
    const carerId = request.params.personId;
    const recorded = async () => {
      const carer = await findCarer(db, household.id, carerId);
      return carer ? `${carer.firstName} ${carer.lastName}` : undefined;
    };
    const form = parseForm(carerForm(todayInLondon()), request.body);
    if (!form.ok) {
      const errors = pageErrors(form.errors);
      return carerPage(reply, household, form.input, { carerId, carerName: await recorded(), errors });
    }
    const result = await updateCarer(db, who(request), household.id, carerId, form.value);
    const carerName = result.ok ? undefined : await recorded();
    return afterCarer(reply, household, result, result.ok && result.left ? 'carer-left' : 'carer-changed', (errors) =>
      carerPage(reply, household, bodyOf(request.body), { carerId, carerName, errors }),
    );
  });

  function memberPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    options: { memberId?: string; errors?: FormErrors },
  ) {
    return reply.code(options.errors ? 400 : 200).page('households-member-form.njk', {
      title: options.memberId
        ? `Change household member: ${household.name}`
        : `Add a household member: ${household.name}`,
      household,
      isNew: !options.memberId,
      action: options.memberId ? editMemberPath(household.id, options.memberId) : newMemberPath(household.id),
      values,
      dateOfBirth: datePartsOf(values, 'dateOfBirth'),
      movedInOn: datePartsOf(values, 'movedInOn'),
      leftOn: datePartsOf(values, 'leftOn'),
      relationshipItems: radioItems(relationshipOptions(), values.relationship),
      errors: options.errors,
      breadcrumbs: householdCrumbs(household),
    });
  }

  function afterPlain(
    reply: FastifyReply,
    household: HouseholdRecord,
    result: Result,
    done: string,
    again: (errors: FormErrors) => unknown,
  ) {
    if (result.ok) return reply.redirect(`${householdPath(household.id)}?done=${done}`, 303);
    if (result.reason === 'invalid') return again(pageErrors(result.errors));
    return refused(reply, result.reason, household);
  }

  app.get<WithId>('/households/:id/members/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'member-new', 'change');
    if (!household) return reply;
    return memberPage(reply, household, {}, {});
  });

  app.post<WithId>('/households/:id/members/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'member-new', 'change');
    if (!household) return reply;
    const form = parseForm(memberForm(todayInLondon()), request.body);
    if (!form.ok) return memberPage(reply, household, form.input, { errors: pageErrors(form.errors) });
    const result = await addMember(db, who(request), household.id, form.value);
    return afterPlain(reply, household, result, 'member-added', (errors) =>
      memberPage(reply, household, bodyOf(request.body), { errors }),
    );
  });

  app.get<WithPerson>('/households/:id/members/:personId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'member-edit', 'change');
    if (!household) return reply;
    const member = isUuid(request.params.personId) ? await findMember(db, household.id, request.params.personId) : null;
    if (!member) return reply.callNotFound();
    return memberPage(reply, household, { ...member }, { memberId: member.id });
  });

  app.post<WithPerson>('/households/:id/members/:personId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'member-edit', 'change');
    if (!household) return reply;
    if (!isUuid(request.params.personId)) return reply.callNotFound();
    const memberId = request.params.personId;
    const form = parseForm(memberForm(todayInLondon()), request.body);
    if (!form.ok) return memberPage(reply, household, form.input, { memberId, errors: pageErrors(form.errors) });
    const result = await updateMember(db, who(request), household.id, memberId, form.value);
    return afterPlain(reply, household, result, 'member-changed', (errors) =>
      memberPage(reply, household, bodyOf(request.body), { memberId, errors }),
    );
  });

  async function checkPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
    checkId?: string,
  ) {
    const people = await checkPeople(db, household.id);
    return reply.code(errors ? 400 : 200).page('households-check-form.njk', {
      title: `${checkId ? 'Change a check' : 'Record a check'}: ${household.name}`,
      household,
      isNew: !checkId,
      action: checkId ? editCheckPath(household.id, checkId) : newCheckPath(household.id),
      values,
      personItems: selectItems(people, people.length === 1 ? null : 'Select a person', values.person),
      kindItems: radioItems(checkKindOptions(), values.kind),
      completedOn: datePartsOf(values, 'completedOn'),
      expiresOn: datePartsOf(values, 'expiresOn'),
      outcomeFields: formFields(checkOutcomeFields, values),
      errors,
      breadcrumbs: householdCrumbs(household),
    });
  }

  app.get<WithId>('/households/:id/checks/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'check-new', 'change');
    if (!household) return reply;
    return checkPage(reply, household, {});
  });

  app.post<WithId>('/households/:id/checks/new', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'check-new', 'change');
    if (!household) return reply;
    const form = parseForm(checkForm, request.body);
    if (!form.ok) return checkPage(reply, household, form.input, pageErrors(form.errors));
    const result = await addCheck(db, who(request), household.id, form.value);
    return afterPlain(reply, household, result, 'check-added', (errors) =>
      checkPage(reply, household, bodyOf(request.body), errors),
    );
  });

  // A check recorded with a mistake in it is corrected on the same form.
  type WithCheck = { Params: { id: string; checkId: string } };
  app.get<WithCheck>('/households/:id/checks/:checkId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'check-edit', 'change');
    if (!household) return reply;
    const check = isUuid(request.params.checkId) ? await findCheck(db, household.id, request.params.checkId) : null;
    if (!check) return reply.callNotFound();
    const person = check.carerId ? `carer:${check.carerId}` : check.memberId ? `member:${check.memberId}` : '';
    const values = {
      person,
      kind: check.kind,
      completedOn: check.completedOn,
      expiresOn: check.expiresOn,
      satisfactory: check.satisfactory ? 'yes' : 'no',
      outcome: check.outcome ?? '',
    };
    return checkPage(reply, household, values, undefined, check.id);
  });

  app.post<WithCheck>('/households/:id/checks/:checkId/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'check-edit', 'change');
    if (!household) return reply;
    const checkId = request.params.checkId;
    if (!isUuid(checkId)) return reply.callNotFound();
    const form = parseForm(checkForm, request.body);
    if (!form.ok) return checkPage(reply, household, form.input, pageErrors(form.errors), checkId);
    const result = await updateCheck(db, who(request), household.id, checkId, form.value);
    if (!result.ok && result.reason === 'not-found') return reply.callNotFound();
    return afterPlain(reply, household, result, 'check-changed', (errors) =>
      checkPage(reply, household, bodyOf(request.body), errors, checkId),
    );
  });
}
