/**
 * Putting right a member's folder: a supervision session or a training record changed on the form
 * it was recorded on (filled in with what was recorded), or removed when recorded in error, with
 * why (the platform's removal page). For the member's manager only (correction-service.ts says who
 * and what happens to the member's signature). Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { datePartsOf, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { formErrors, parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { refused, who, type Result } from '../../platform/views/results.ts';
import {
  changeSession,
  changeTraining,
  removeSession,
  removeTraining,
  sessionToCorrect,
  trainingToCorrect,
  type Corrected,
} from './correction-service.ts';
import { sessionDateFields, sessionForm, trainingDateFields, trainingForm } from './forms.ts';
import {
  changeSessionPath,
  changeTrainingPath,
  folderPath,
  removeSessionPath,
  removeTrainingPath,
  sessionPath,
  TEAM_LIST,
} from './paths.ts';
import type { MemberRecord } from './queries.ts';
import { inductionItems, mandatoryCourses, trainingNames } from './settings.ts';
import { memberCaption } from './views.ts';

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
const supervise = { config: { access: { permission: 'staff.supervise' as const } } };
const removeSessionForm = removalForm('session');
const removeTrainingForm = removalForm('training record');

const FORBIDDEN_LINES = [
  'A member of staff’s supervision and training are recorded and put right by their manager: the team manager of their team, or the head of fostering for team managers and staff with no team. Nobody changes their own.',
];

type SessionFound = NonNullable<Awaited<ReturnType<typeof sessionToCorrect>>>;
type TrainingFound = NonNullable<Awaited<ReturnType<typeof trainingToCorrect>>>;

const crumbs = (member: MemberRecord, more: { text: string; href: string }[] = []) => [
  { text: 'Staff supervision', href: TEAM_LIST },
  { text: member.displayName, href: folderPath(member.id) },
  ...more,
];

/** The session's boxes as it was recorded. */
const sessionValues = ({ session: s }: SessionFound): Values => ({
  heldOn: s.heldOn,
  caseDiscussion: s.caseDiscussion,
  wellbeing: s.wellbeing,
  development: s.development,
  actions: s.actions,
  pdpReviewed: s.pdpReviewed ? 'yes' : 'no',
  nextOn: s.nextOn,
});

/** Where a change leads: the session page or the folder, saying what happened. */
function doneHref(result: Corrected & { ok: true }, page: string, changed: string) {
  if (result.unchanged) return `${page}?done=unchanged`;
  return `${page}?done=${result.signatureCleared ? 'changed-sign-again' : changed}`;
}

/** A service's refusal or the form's errors (the form again, what was typed kept). */
function answer(
  reply: FastifyReply,
  result: Result<object>,
  back: string,
  dates: readonly string[],
  show: (e: FormErrors) => unknown,
) {
  if (!result.ok && result.reason === 'invalid') return show(linkDateErrors(formErrors(result.errors), dates));
  return refused(reply, result as Exclude<typeof result, { ok: true }>, { backHref: back, lines: FORBIDDEN_LINES });
}

const forbiddenPage = (reply: FastifyReply, back: string) =>
  reply.code(403).page('error.njk', {
    title: 'You cannot change this',
    lines: FORBIDDEN_LINES,
    backLink: { href: back },
  });

function sessionFormPage(reply: FastifyReply, found: SessionFound, values: Values, errors?: FormErrors) {
  const s = found.session;
  return reply.code(errors ? 400 : 200).page('staff-session-form.njk', {
    title: `Change the supervision session of ${formatDate(s.heldOn)}`,
    caption: memberCaption(found.member),
    member: found.member,
    change: { signedOn: s.staffSignedAt ? formatDate(s.staffSignedAt) : null },
    saveText: 'Save the changes',
    action: changeSessionPath(s.id),
    cancel: sessionPath(s.id),
    values,
    dates: Object.fromEntries(sessionDateFields.map((name) => [name, datePartsOf(values, name)])),
    errors,
    breadcrumbs: crumbs(found.member, [{ text: `Supervision on ${formatDate(s.heldOn)}`, href: sessionPath(s.id) }]),
  });
}

function removeSessionPage(reply: FastifyReply, found: SessionFound, values: Values, errors?: FormErrors) {
  const s = found.session;
  const name = found.member.displayName;
  return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
    title: `Remove the supervision session: ${name}`,
    caption: memberCaption(found.member),
    heading: `Remove the supervision session of ${formatDate(s.heldOn)}`,
    intro: `Remove a session only if it was recorded in error: for the wrong member of staff, or a session that did not happen. To correct its date or what was discussed, change the session instead. ${name}’s next supervision due is worked out again without it, and the audit trail keeps who removed it and why.`,
    rows: [
      { key: 'Member of staff', value: name },
      { key: 'Date of the session', value: formatDate(s.heldOn) },
      { key: 'Supervisor', value: found.supervisorName },
      { key: `Signed by ${name}`, value: s.staffSignedAt ? formatDate(s.staffSignedAt) : 'Not yet signed' },
    ],
    what: 'session',
    hint: 'For example, recorded for the wrong member of staff.',
    button: 'Remove the session',
    values,
    errors,
    action: removeSessionPath(s.id),
    cancel: sessionPath(s.id),
    breadcrumbs: crumbs(found.member, [{ text: `Supervision on ${formatDate(s.heldOn)}`, href: sessionPath(s.id) }]),
  });
}

function trainingFormPage(reply: FastifyReply, found: TrainingFound, values: Values, errors?: FormErrors) {
  const t = found.training;
  return reply.code(errors ? 400 : 200).page('staff-training-form.njk', {
    title: 'Change the training record',
    caption: memberCaption(found.member),
    member: found.member,
    saveText: 'Save the changes',
    action: changeTrainingPath(t.id),
    cancel: folderPath(found.member.id),
    values,
    dates: Object.fromEntries(trainingDateFields.map((name) => [name, datePartsOf(values, name)])),
    errors,
    courseItems: [...mandatoryCourses, ...inductionItems].map((c) => ({
      value: c.key,
      text: c.name,
      checked: values.item === c.key,
    })),
    breadcrumbs: crumbs(found.member),
  });
}

function removeTrainingPage(reply: FastifyReply, found: TrainingFound, values: Values, errors?: FormErrors) {
  const t = found.training;
  const name = found.member.displayName;
  return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
    title: `Remove the training record: ${name}`,
    caption: memberCaption(found.member),
    heading: `Remove the record of ${trainingNames[t.item] ?? 'training'} completed on ${formatDate(t.completedOn)}`,
    intro: `Remove a training record only if it was recorded in error: for the wrong member of staff, or training they did not do. To correct the training or its date, change the record instead. ${name}’s renewal and induction deadlines are worked out again without it, and the audit trail keeps who removed it and why.`,
    rows: [
      { key: 'Member of staff', value: name },
      { key: 'Training', value: trainingNames[t.item] ?? t.item },
      { key: 'Completed on', value: formatDate(t.completedOn) },
    ],
    what: 'training record',
    hint: 'For example, recorded for the wrong member of staff.',
    button: 'Remove the training record',
    values,
    errors,
    action: removeTrainingPath(t.id),
    cancel: folderPath(found.member.id),
    breadcrumbs: crumbs(found.member),
  });
}

export function correctionRoutes(app: FastifyInstance, db: Db) {
  /** The session or training record with its member for this user: null is a 404, `may` false a 403. A GET shows it. */
  const session = (request: FastifyRequest<WithId>) =>
    sessionToCorrect(db, who(request), request.params.id, request.method === 'GET');
  const training = (request: FastifyRequest<WithId>) =>
    trainingToCorrect(db, who(request), request.params.id, request.method === 'GET');

  app.get<WithId>(changeSessionPath(':id'), supervise, async (request, reply) => {
    const found = await session(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, sessionPath(found.session.id));
    return sessionFormPage(reply, found, sessionValues(found));
  });

  app.post<WithId>(changeSessionPath(':id'), supervise, async (request, reply) => {
    const found = await session(request);
    if (!found) return reply.callNotFound();
    const back = sessionPath(found.session.id);
    if (!found.may) return forbiddenPage(reply, back);
    const form = parseDatedForm(sessionForm, request.body, sessionDateFields);
    if (!form.ok) return sessionFormPage(reply, found, form.input, form.errors);
    const result = await changeSession(db, who(request), found.session.id, form.value);
    if (result.ok) return reply.redirect(doneHref(result, back, 'changed'), 303);
    return answer(reply, result, back, sessionDateFields, (e) =>
      sessionFormPage(reply, found, request.body as Values, e),
    );
  });

  app.get<WithId>(removeSessionPath(':id'), supervise, async (request, reply) => {
    const found = await session(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, sessionPath(found.session.id));
    return removeSessionPage(reply, found, {});
  });

  app.post<WithId>(removeSessionPath(':id'), supervise, async (request, reply) => {
    const found = await session(request);
    if (!found) return reply.callNotFound();
    const back = sessionPath(found.session.id);
    if (!found.may) return forbiddenPage(reply, back);
    const form = parseForm(removeSessionForm, request.body);
    if (!form.ok) return removeSessionPage(reply, found, form.input, form.errors);
    const result = await removeSession(db, who(request), found.session.id, form.value.reason);
    if (result.ok) return reply.redirect(`${folderPath(found.member.id)}?done=session-removed`, 303);
    return answer(reply, result, back, [], (e) => removeSessionPage(reply, found, request.body as Values, e));
  });

  app.get<WithId>(changeTrainingPath(':id'), supervise, async (request, reply) => {
    const found = await training(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, folderPath(found.member.id));
    const t = found.training;
    return trainingFormPage(reply, found, { item: t.item, completedOn: t.completedOn });
  });

  app.post<WithId>(changeTrainingPath(':id'), supervise, async (request, reply) => {
    const found = await training(request);
    if (!found) return reply.callNotFound();
    const back = folderPath(found.member.id);
    if (!found.may) return forbiddenPage(reply, back);
    const form = parseDatedForm(trainingForm, request.body, trainingDateFields);
    if (!form.ok) return trainingFormPage(reply, found, form.input, form.errors);
    const result = await changeTraining(db, who(request), found.training.id, form.value);
    if (result.ok) return reply.redirect(doneHref(result, back, 'training-changed'), 303);
    return answer(reply, result, back, trainingDateFields, (e) =>
      trainingFormPage(reply, found, request.body as Values, e),
    );
  });

  app.get<WithId>(removeTrainingPath(':id'), supervise, async (request, reply) => {
    const found = await training(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, folderPath(found.member.id));
    return removeTrainingPage(reply, found, {});
  });

  app.post<WithId>(removeTrainingPath(':id'), supervise, async (request, reply) => {
    const found = await training(request);
    if (!found) return reply.callNotFound();
    const back = folderPath(found.member.id);
    if (!found.may) return forbiddenPage(reply, back);
    const form = parseForm(removeTrainingForm, request.body);
    if (!form.ok) return removeTrainingPage(reply, found, form.input, form.errors);
    const result = await removeTraining(db, who(request), found.training.id, form.value.reason);
    if (result.ok) return reply.redirect(`${back}?done=training-removed`, 303);
    return answer(reply, result, back, [], (e) => removeTrainingPage(reply, found, request.body as Values, e));
  });
}
