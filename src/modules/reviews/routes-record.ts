/** Recording what a review gathers by hand: the carers' report, the SSW's report, members' views, checks. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields } from '../../platform/views/fields.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { who } from '../../platform/views/results.ts';
import { checkOutcomeFields } from '../../platform/views/check-outcome.ts';
import { checkPeople } from '../households/scope.ts';
import { checkForm, isUuid, receivedDateNames, recordedForms, type RecordedKind } from './forms.ts';
import { checkKinds, contributionKinds, questionText } from './labels.ts';
import { latestPersonChecks, membersOf, reviewDetails, type ReviewRecord } from './queries.ts';
import { bodyOf, contributeAccess, dayLinked, refusedRun, reviewCrumbs, runAccess } from './route-support.ts';
import { recordCheck, recordContribution, reviewToChange } from './service.ts';
import { reviewPath, reviewRecordPath } from './paths.ts';

type WithKind = { Params: { id: string; kind: string } };
type WithId = { Params: { id: string } };

const kindOf = (path: string): RecordedKind | null => {
  const kind = path.replace('-', '_');
  return kind in recordedForms ? (kind as RecordedKind) : null;
};

export function recordRoutes(app: FastifyInstance, db: Db) {
  async function recordPage(
    reply: FastifyReply,
    record: ReviewRecord,
    kind: RecordedKind,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const members = kind === 'member_views' ? await membersOf(db, record.household.id) : [];
    return reply.code(errors ? 400 : 200).page('reviews-record.njk', {
      title: `${contributionKinds[kind]}: ${record.household.name}`,
      heading: contributionKinds[kind],
      record,
      kind,
      action: reviewRecordPath(record.review.id, kind),
      questions: recordedForms[kind].questions.map((q) => ({ ...q, text: questionText(q.text, 'the carers') })),
      // Those who live there now (and whoever was chosen, should they have left since).
      members: members
        .filter((m) => !m.former || values.memberId === m.id)
        .map((m) => ({ value: m.id, text: m.name, selected: values.memberId === m.id })),
      values,
      errors,
      breadcrumbs: reviewCrumbs(record),
    });
  }

  app.get<WithKind>('/reviews/:id/record/:kind', contributeAccess, async (request, reply) => {
    const kind = kindOf(request.params.kind);
    if (!isUuid(request.params.id) || !kind) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, kind);
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const details = await reviewDetails(db, request.params.id);
    const stored = kind === 'member_views' ? undefined : details.contributions.find((c) => c.kind === kind);
    const values: Record<string, unknown> = stored
      ? { givenBy: stored.givenBy, ...dateBoxes('receivedOn', stored.receivedOn), ...stored.answers.words }
      : { givenBy: kind === 'ssw_report' ? (found.record.household.sswName ?? '') : '' };
    return recordPage(reply, found.record, kind, values);
  });

  app.post<WithKind>('/reviews/:id/record/:kind', contributeAccess, async (request, reply) => {
    const kind = kindOf(request.params.kind);
    if (!isUuid(request.params.id) || !kind) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, kind);
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseDatedForm(recordedForms[kind].schema, request.body, receivedDateNames);
    if (!parsed.ok) return recordPage(reply, found.record, kind, parsed.input, parsed.errors);
    const result = await recordContribution(db, who(request), request.params.id, kind, parsed.value);
    if (result.ok) return reply.redirect(`${reviewPath(request.params.id)}?done=recorded`, 303);
    if (result.reason === 'invalid') {
      return recordPage(reply, found.record, kind, bodyOf(request.body), dayLinked(formErrors(result.errors)));
    }
    return refusedRun(reply, result, reviewPath(request.params.id));
  });

  async function checkPage(
    reply: FastifyReply,
    record: ReviewRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('reviews-check.njk', {
      title: `Record a check renewed: ${record.household.name}`,
      record,
      kinds: Object.entries(checkKinds).map(([value, text]) => ({ value, text, checked: values.kind === value })),
      people: (await checkPeople(db, record.household.id)).map((p) => ({ ...p, checked: values.person === p.value })),
      personChecks: await latestPersonChecks(db, record.household.id),
      outcomeFields: formFields(checkOutcomeFields, values),
      values,
      errors,
      breadcrumbs: reviewCrumbs(record),
    });
  }

  app.get<WithId>('/reviews/:id/checks', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'check');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    return checkPage(reply, found.record, {});
  });

  app.post<WithId>('/reviews/:id/checks', runAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const found = await reviewToChange(db, request.user!, request.params.id, 'check');
    if (!found.ok) return refusedRun(reply, found, reviewPath(request.params.id));
    const parsed = parseDatedForm(checkForm, request.body, ['checkedOn']);
    if (!parsed.ok) return checkPage(reply, found.record, parsed.input, parsed.errors);
    const result = await recordCheck(db, who(request), request.params.id, parsed.value);
    if (result.ok) return reply.redirect(`${reviewPath(request.params.id)}?done=check`, 303);
    if (result.reason === 'invalid')
      return checkPage(reply, found.record, bodyOf(request.body), dayLinked(formErrors(result.errors)));
    return refusedRun(reply, result, reviewPath(request.params.id));
  });
}
