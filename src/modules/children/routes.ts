import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { ageOn, todayInLondon } from '../../platform/dates/index.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { loadPageSections } from '../../platform/views/page-sections.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { refused } from '../../platform/views/results.ts';
import { careFilters, childForm, childListQuery, healthAssessmentForm, removeHealthAssessmentForm } from './forms.ts';
import {
  ethnicities,
  genders,
  healthAssessmentKinds,
  legalStatuses,
  needs,
  selectItems,
  choiceItems,
} from './labels.ts';
import { childRow, childSortColumns, doneMessage, isFiltered } from './list-view.ts';
import {
  CHILDREN_PAGE_SIZE,
  healthAssessmentOfChild,
  healthAssessmentsOfChild,
  listChildren,
  placementsOfChild,
  referralsOfChild,
  socialWorkerOptions,
} from './queries.ts';
import { areaOptions } from '../../platform/auth/organisation.ts';
import { findChild, type ChildRecord } from './scope.ts';
import { addHealthAssessment, createChild, removeHealthAssessment, updateChild, viewChild } from './service.ts';
import { childPageView } from './record-view.ts';
import { childPath, removeHealthAssessmentPath } from './paths.ts';
import { leavingRoutes } from './routes-leaving.ts';

type WithId = { Params: { id: string } };
const CHILD_DATES = ['dateOfBirth', 'lookedAfterSince'] as const;

/** Children in care: the list, the record page, details and health assessments. */
export const childrenRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const view: RouteShorthandOptions = { config: { access: { permission: 'children.view' } } };
  const change: RouteShorthandOptions = { config: { access: { permission: 'children.change' } } };

  const childName = (c: ChildRecord) => `${c.firstName} ${c.lastName}`;
  const childCrumbs = (c?: ChildRecord) => [
    { text: 'Children', href: '/children' },
    ...(c ? [{ text: childName(c), href: childPath(c.id) }] : []),
  ];

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { child?: ChildRecord; values: Record<string, unknown>; errors?: FormErrors },
  ) {
    const user = request.user!;
    const [areas, workers] = await Promise.all([areaOptions(db), socialWorkerOptions(db)]);
    const { child, values } = options;
    return reply.code(options.errors ? 400 : 200).page('children-form.njk', {
      title: child ? `Change details: ${childName(child)}` : 'Add a child',
      child,
      values,
      errors: options.errors,
      genderItems: choiceItems(genders, values.gender),
      ethnicityItems: selectItems(ethnicities, values.ethnicity, 'Select an ethnicity'),
      legalStatusItems: selectItems(legalStatuses, values.legalStatus, 'Select a legal status'),
      areaItems: selectItems(
        areas.map((a) => ({ value: a.id, text: a.name })),
        values.areaId,
        'Select an area',
      ),
      allocatesSelf: user.role === 'childrens_social_worker',
      workerItems: selectItems(
        workers.map((w) => ({ value: w.id, text: w.name })),
        values.allocatedSocialWorkerId,
        'Not allocated',
      ),
      needItems: choiceItems(needs, values.needs),
      stayingPutItems: [
        {
          value: 'yes',
          text: 'The young person is 18 or over and in a Staying Put arrangement',
          checked: values.stayingPut === 'yes' || values.stayingPut === true,
        },
      ],
      breadcrumbs: childCrumbs(child),
    });
  }

  app.get('/children', view, async (request, reply) => {
    const user = request.user!;
    const query = childListQuery.parse(request.query ?? {});
    const [list, areas, workers] = await Promise.all([
      listChildren(db, user, query),
      areaOptions(db),
      socialWorkerOptions(db, user),
    ]);
    const today = todayInLondon();
    return reply.page('children-list.njk', {
      title: 'Children',
      query,
      list: { ...list, children: list.children.map((c) => childRow(c, today)) },
      legalStatuses,
      filtered: isFiltered(query),
      sort: childSortColumns(query),
      pagination: pagination(request.url, list.page, CHILDREN_PAGE_SIZE, list.total),
      areaItems: selectItems(
        areas.map((a) => ({ value: a.id, text: a.name })),
        query.area,
        'Any area',
      ),
      workerItems: selectItems(
        workers.map((w) => ({ value: w.id, text: w.name })),
        query.worker,
        'Any social worker',
      ),
      legalStatusItems: selectItems(legalStatuses, query.legalStatus, 'Any legal status'),
      needItems: selectItems(needs, query.need, 'Any needs'),
      careItems: selectItems(careFilters, query.care),
      canAdd: can(user.role, 'children.change'),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  app.get('/children/new', change, async (request, reply) => {
    const user = request.user!;
    return showForm(request, reply, {
      values: {
        areaId: user.areaId ?? '',
        allocatedSocialWorkerId: user.role === 'childrens_social_worker' ? user.id : '',
      },
    });
  });

  app.post('/children/new', change, async (request, reply) => {
    const form = parseDatedForm(childForm(todayInLondon()), request.body, CHILD_DATES);
    if (!form.ok) return showForm(request, reply, { values: form.input, errors: form.errors });
    const result = await createChild(db, request.user!, request.actor(), form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: '/children' });
      return showForm(request, reply, {
        values: request.body as Record<string, unknown>,
        errors: formErrors(result.errors),
      });
    }
    return reply.redirect(result.visible ? `${childPath(result.id)}?done=created` : '/children', 303);
  });

  app.get<WithId & { Querystring: { done?: string } }>('/children/:id', view, async (request, reply) => {
    const user = request.user!;
    const child = await viewChild(db, user, request.actor(), request.params.id);
    if (!child) return reply.callNotFound();
    const today = todayInLondon();
    const record = { id: child.id, areaId: child.areaId, allocatedSocialWorkerId: child.allocatedSocialWorkerId };
    const [placements, referrals, assessments, sections] = await Promise.all([
      placementsOfChild(db, user, child.id),
      referralsOfChild(db, child.id),
      healthAssessmentsOfChild(db, child.id),
      // What other modules show of the child (placements with agencies), each within its own access.
      loadPageSections('child', { db, user, actor: request.actor(), record, today }),
    ]);
    return reply.page('children-record.njk', {
      title: `Child: ${childName(child)}`,
      ...childPageView(user, child, { placements, referrals, assessments }, today),
      sections,
      flash: doneMessage(request.query.done),
      breadcrumbs: childCrumbs(),
    });
  });

  app.get<WithId>('/children/:id/edit', change, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const today = todayInLondon();
    return showForm(request, reply, {
      child,
      values: {
        ...child,
        ...dateBoxes('dateOfBirth', child.dateOfBirth),
        ...dateBoxes('lookedAfterSince', child.lookedAfterSince),
        stayingPut: ageOn(child.dateOfBirth, child.leftCareOn ?? today) >= 18 ? 'yes' : '',
        needs: (['disability', 'uasc', 'cseRisk', 'missingRisk'] as const).filter((n) => child[n]),
        allocatedSocialWorkerId: child.allocatedSocialWorkerId ?? '',
        schoolPostcode: child.schoolPostcode ?? '',
      },
    });
  });

  app.post<WithId>('/children/:id/edit', change, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(childForm(todayInLondon(), child.leftCareOn), request.body, CHILD_DATES);
    if (!form.ok) return showForm(request, reply, { child, values: form.input, errors: form.errors });
    const result = await updateChild(db, request.user!, request.actor(), child, form.value);
    if (!result.ok) {
      if (result.reason !== 'invalid') return refused(reply, result, { backHref: childPath(child.id) });
      return showForm(request, reply, {
        child,
        values: request.body as Record<string, unknown>,
        errors: formErrors(result.errors),
      });
    }
    if (!result.visible) return reply.redirect('/children', 303);
    return reply.redirect(`${childPath(child.id)}?done=${result.changed.length ? 'updated' : 'unchanged'}`, 303);
  });

  async function showAssessmentForm(
    reply: FastifyReply,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('children-health-form.njk', {
      title: `Record a health assessment: ${childName(child)}`,
      child,
      values,
      errors,
      kindItems: choiceItems(healthAssessmentKinds, values.kind),
      breadcrumbs: childCrumbs(child),
    });
  }

  app.get<WithId>('/children/:id/health-assessments/new', change, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    return showAssessmentForm(reply, child, {});
  });

  app.post<WithId>('/children/:id/health-assessments/new', change, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(healthAssessmentForm(todayInLondon(), child.dateOfBirth), request.body, [
      'completedOn',
    ]);
    if (!form.ok) return showAssessmentForm(reply, child, form.input, form.errors);
    await addHealthAssessment(db, request.user!, request.actor(), child, form.value);
    return reply.redirect(`${childPath(child.id)}?done=health-assessment`, 303);
  });

  // A health assessment recorded in error (the wrong child, or one that did not happen) is removed, saying why.
  type WithAssessment = { Params: { id: string; assessmentId: string } };
  async function childAndAssessment(request: FastifyRequest<WithAssessment>) {
    const child = await findChild(db, request.user!, request.params.id);
    const assessment = child && (await healthAssessmentOfChild(db, child.id, request.params.assessmentId));
    return child && assessment ? { child, assessment } : null;
  }
  function showRemoveAssessment(
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof childAndAssessment>>>,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { child, assessment } = found;
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the health assessment: ${childName(child)}`,
      caption: `${childName(child)} (${child.reference})`,
      heading: `Remove the ${named(healthAssessmentKinds, assessment.kind).toLowerCase()} on ${formatDate(assessment.completedOn)}`,
      intro: `Remove a health assessment only if it was recorded in error: for the wrong child, or an assessment that did not happen. To correct it, remove it and record it again. ${child.firstName}’s next health assessment due is worked out again without it, and the audit trail keeps who removed it and why.`,
      what: 'health assessment',
      hint: 'For example, recorded for the wrong child.',
      button: 'Remove the health assessment',
      values,
      errors,
      action: removeHealthAssessmentPath(child.id, assessment.id),
      cancel: childPath(child.id),
      breadcrumbs: childCrumbs(child),
    });
  }

  const removePath = '/children/:id/health-assessments/:assessmentId/remove';
  app.get<WithAssessment>(removePath, change, async (request, reply) => {
    const found = await childAndAssessment(request);
    if (!found) return reply.callNotFound();
    return showRemoveAssessment(reply, found, {});
  });

  app.post<WithAssessment>(removePath, change, async (request, reply) => {
    const found = await childAndAssessment(request);
    if (!found) return reply.callNotFound();
    const form = parseForm(removeHealthAssessmentForm, request.body);
    if (!form.ok) return showRemoveAssessment(reply, found, form.input, form.errors);
    await removeHealthAssessment(db, request.actor(), found.child, found.assessment, form.value.reason);
    return reply.redirect(`${childPath(found.child.id)}?done=health-assessment-removed`, 303);
  });

  leavingRoutes(app, db);
};
