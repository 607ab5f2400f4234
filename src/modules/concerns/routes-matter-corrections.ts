/**
 * Putting a matter right (matter-corrections.ts): its opening details changed on the form it was
 * recorded on, filled in with what it says, with why; or a matter recorded in error removed with
 * why, on a page that says what goes with it. Each page's view is audited. Thin: parse, call the
 * service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { nowInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import { formatDate, formatDateTime, named } from '../../platform/views/format.ts';
import { bodyOf, parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { matterChangeReasonForm, matterDateFields, matterForm } from './forms.ts';
import { kindNames, type Kind } from './labels.ts';
import { mayChangeMatter, mayRemoveMatter, removalRefusal } from './matter-corrections.ts';
import { changeMatterDetails, removeMatter } from './matter-corrections.ts';
import { matterFields } from './matter-form.ts';
import { laterSteps, namedChildren, notificationOf, toldWords } from './matter-later.ts';
import { changeMatterPath, householdMattersPath, matterPath, registerPath, removeMatterPath } from './paths.ts';
import { findVisibleConcern, matterThemes, type ConcernRecord } from './queries.ts';
import { matterHeading } from './views.ts';

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
const record = { config: { access: { permission: 'concerns.record' as const } } };

const kindWords = (kind: string) => named(kindNames, kind).toLowerCase();
/** The form's answers as the matter was recorded (an allegation's time from its notification). */
async function matterValues(db: Db, r: ConcernRecord): Promise<Values> {
  const c = r.concern;
  const notification = c.kind === 'allegation' ? await notificationOf(db, c.id) : null;
  const person = c.againstKind === 'carer' ? c.carerId : c.againstKind === 'household_member' ? c.memberId : null;
  return {
    kind: c.kind,
    about: person ? `${c.againstKind}:${person}` : 'service',
    raisedBy: c.raisedBy === 'audit' ? 'staff' : c.raisedBy,
    raisedByName: c.raisedByName ?? '',
    ...dateBoxes('knownOn', c.knownOn),
    ...(notification ? { knownAtTime: nowInLondon(notification.event.knownAt).time } : {}),
    category: c.category ?? '',
    summary: c.summary,
    childIds: (await namedChildren(db, c.id)).map((n) => n.childId),
    themes: c.kind === 'complaint' ? await matterThemes(db, c.id) : [],
    teamId: c.teamId ?? '',
  };
}

async function changeFields(db: Db, r: ConcernRecord): Promise<Field[]> {
  const c = r.concern;
  const hasNotification = c.kind === 'allegation' && (await notificationOf(db, c.id)) !== null;
  const named = (await namedChildren(db, c.id)).map((n) => ({ value: n.childId, text: `${n.name} (${n.reference})` }));
  const fields = await matterFields(db, c.kind as Kind, c.householdId, { named, knownOn: c.knownOn });
  // A matter raised by a case-file audit stays raised by it, and the time an allegation became known
  // is its notification's: the form does not ask what the matter does not keep.
  const unasked = (f: Field): Field | null => {
    if (f.name === 'raisedBy' && c.raisedBy === 'audit') return { type: 'hidden', name: 'raisedBy', value: 'staff' };
    if (f.name === 'knownAtTime' && !hasNotification) return { type: 'hidden', name: 'knownAtTime', value: '00:00' };
    return null;
  };
  const asked = fields.map((f) => unasked(f) ?? f);
  return [
    ...asked,
    {
      type: 'textarea',
      name: 'reason',
      label: 'Why is this being changed?',
      hint: 'For example, the date was typed wrongly. The audit trail keeps what it said before.',
      rows: 3,
    },
  ];
}

const mergeErrors = (a: FormErrors | undefined, b: FormErrors | undefined): FormErrors => ({
  list: [...(a?.list ?? []), ...(b?.list ?? [])],
  fields: { ...(b?.fields ?? {}), ...(a?.fields ?? {}) },
});

export function matterCorrectionRoutes(app: FastifyInstance, db: Db) {
  /** The matter, if the user may put it right this way; the answer (404, 403) otherwise. */
  async function matterFor(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    may: typeof mayChangeMatter,
    lines: string[],
  ): Promise<{ r: ConcernRecord; answer?: never } | { r?: never; answer: unknown }> {
    if (!isUuid(request.params.id)) return { answer: reply.callNotFound() };
    const r = await findVisibleConcern(db, request.user!, request.params.id);
    if (!r) return { answer: reply.callNotFound() };
    if (!may(request.user!, r)) {
      return { answer: refused(reply, forbidden, { backHref: matterPath(r.concern.id), lines }) };
    }
    return { r };
  }
  const viewed = (request: FastifyRequest, id: string, page: string) =>
    recordAudit(db, who(request).actor, { action: 'view', recordType: 'concern', recordId: id, detail: { page } });

  const changeLines = [
    'The details of a matter are changed by those who may record it: the household’s supervising social worker, their team manager or the head of fostering (an allegation not by a service manager).',
  ];
  async function showChange(reply: FastifyReply, r: ConcernRecord, values: Values, errors?: FormErrors) {
    const c = r.concern;
    const received = c.kind === 'complaint' || c.kind === 'compliment';
    return reply.code(errors ? 400 : 200).page('concerns-form.njk', {
      title: `Change the details of the ${kindWords(c.kind)}: ${matterHeading(r)}`,
      heading: `Change the details of the ${kindWords(c.kind)}`,
      caption: matterHeading(r),
      lines: [
        'Correct what was recorded wrongly. The deadlines follow, and the audit trail keeps what it said before, who changed it and why.',
        `The date it ${received ? 'was received' : 'became known'} cannot be later than the first step recorded after it, and a child cannot be taken off it once the outcome given to them or their account is recorded. To record it as another kind of matter, remove it and record it again.`,
      ],
      action: changeMatterPath(c.id),
      cancel: matterPath(c.id),
      fields: formFields(await changeFields(db, r), values),
      button: 'Save the changes',
      errors,
      backLink: { href: matterPath(c.id) },
    });
  }

  app.get<WithId>(changeMatterPath(':id'), record, async (request, reply) => {
    const found = await matterFor(request, reply, mayChangeMatter, changeLines);
    if (!found.r) return found.answer;
    await viewed(request, found.r.concern.id, 'change');
    return showChange(reply, found.r, await matterValues(db, found.r));
  });

  app.post<WithId>(changeMatterPath(':id'), record, async (request, reply) => {
    const found = await matterFor(request, reply, mayChangeMatter, changeLines);
    if (!found.r) return found.answer;
    const { r } = found;
    const form = parseDatedForm(matterForm, request.body, matterDateFields);
    const why = parseForm(matterChangeReasonForm, request.body);
    if (!form.ok || !why.ok) {
      return showChange(
        reply,
        r,
        bodyOf(request.body),
        mergeErrors(form.ok ? undefined : form.errors, why.ok ? undefined : why.errors),
      );
    }
    const result = await changeMatterDetails(db, who(request), r.concern.id, form.value, why.value.reason);
    return answerForm(reply, result, `${matterPath(r.concern.id)}?done=changed`, (errors) =>
      showChange(reply, r, bodyOf(request.body), linkDateErrors(errors, matterDateFields)),
    );
  });

  // Removing a matter recorded in error: the page says what it is and what goes with it.
  const removeLines = [
    'A matter recorded in error is removed by the team manager, a service manager for their area (not an allegation) or the head of fostering.',
  ];
  async function showRemove(reply: FastifyReply, r: ConcernRecord, values: Values, errors?: FormErrors) {
    const c = r.concern;
    const children = await namedChildren(db, c.id);
    const notification = await notificationOf(db, c.id);
    const told = (notification?.notices ?? []).map((n) => `${toldWords(n.recipient)}, ${formatDateTime(n.toldAt)}`);
    const goes = [
      ...(children.length ? ['the children it names'] : []),
      ...(c.kind === 'complaint' ? ['its themes and stage 1 with its response deadline'] : []),
      ...(notification ? [`its notification to Ofsted${told.length ? ' and the record of who was told' : ''}`] : []),
      'its deadlines',
    ];
    const what = kindWords(c.kind);
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the ${what}: ${matterHeading(r)}`,
      caption: matterHeading(r),
      heading: `Remove the ${what}`,
      intro: `Remove it only if it was recorded in error: on the wrong household, or something that did not happen. To correct what it says, change it instead. What goes with it: ${goes.join(', ')}. The audit trail keeps what it said, who removed it and why.`,
      rows: [
        { key: 'Kind', value: named(kindNames, c.kind) },
        { key: 'Household', value: r.household ? `${r.household.name} (${r.household.reference})` : 'None' },
        {
          key: c.kind === 'complaint' || c.kind === 'compliment' ? 'Received on' : 'Became known on',
          value: formatDate(c.knownOn),
        },
        { key: 'What was said', value: c.summary },
        { key: 'Children concerned', value: children.length ? children.map((n) => n.name).join(', ') : 'None named' },
        ...(notification
          ? [{ key: 'Who was told of it', value: told.length ? told.join('; ') : 'No one has been recorded as told' }]
          : []),
      ],
      what,
      hint: 'For example, recorded on the wrong household.',
      button: `Remove the ${what}`,
      values,
      errors,
      action: removeMatterPath(c.id),
      cancel: matterPath(c.id),
      backLink: { href: matterPath(c.id) },
    });
  }

  /** The matter, if it may be removed; the answer otherwise (a refusal naming what was recorded after its opening). */
  async function removable(request: FastifyRequest<WithId>, reply: FastifyReply) {
    const found = await matterFor(request, reply, mayRemoveMatter, removeLines);
    if (!found.r) return found;
    const refusal = removalRefusal(found.r, await laterSteps(db, found.r.concern));
    if (!refusal) return found;
    const answer = refused(reply, forbidden, {
      title: `This ${kindWords(found.r.kind)} cannot be removed`,
      lines: [refusal],
      backHref: matterPath(found.r.concern.id),
    });
    return { answer };
  }

  app.get<WithId>(removeMatterPath(':id'), record, async (request, reply) => {
    const found = await removable(request, reply);
    if (!found.r) return found.answer;
    await viewed(request, found.r.concern.id, 'remove');
    return showRemove(reply, found.r, {});
  });

  app.post<WithId>(removeMatterPath(':id'), record, async (request, reply) => {
    const found = await removable(request, reply);
    if (!found.r) return found.answer;
    const { r } = found;
    const form = parseForm(removalForm(kindWords(r.kind)), request.body);
    if (!form.ok) return showRemove(reply, r, form.input, form.errors);
    const result = await removeMatter(db, who(request), r.concern.id, form.value.reason);
    const next = r.household ? householdMattersPath(r.household.id) : registerPath();
    return answerForm(
      reply,
      result,
      `${next}?done=matter-removed`,
      (errors) => showRemove(reply, r, bodyOf(request.body), errors),
      matterPath(r.concern.id),
    );
  });
}
