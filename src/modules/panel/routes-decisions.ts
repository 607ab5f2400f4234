/** The agency decision maker's queue and decision form; the letters to the applicant. */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { decisionDueFor, representationsBy } from './dates.ts';
import { decide, recordLetters } from './decisions.ts';
import { decisionForm, lettersDateNames, lettersForm } from './forms.ts';
import {
  careTypeNames,
  decisionOutcomeNames,
  itemKindNames,
  proposedSkillLevel,
  recommendationNames,
  termsText,
} from './labels.ts';
import { letterDocx, letterPdf, type LetterFacts } from './letters.ts';
import { decisionQueue, itemDetail } from './queries.ts';
import { calendarCrumb, doneMessages, errorsOr, rule, type WithId } from './route-support.ts';
import { decisionChangePath, decisionPath, decisionWithdrawPath, meetingPath } from './paths.ts';
import { mayWithdrawDecision } from './decision-withdraw.ts';
import { agencyDecisions } from './tables.ts';
import { eq } from 'drizzle-orm';

const queueCrumb = { text: 'Decisions', href: '/panel/decisions' };

export function decisionRoutes(app: FastifyInstance, db: Db): void {
  app.get('/panel/decisions', rule('panel.decide'), async (request, reply) => {
    const today = todayInLondon();
    const rows = (await decisionQueue(db)).map((r) => ({
      ...r,
      kindName: named(itemKindNames, r.item.kind),
      recommendationName: named(recommendationNames, r.item.recommendation),
      dueOn: decisionDueFor(r.meeting.minutesSignedOn!),
    }));
    return reply.page('panel-decisions.njk', {
      title: 'Recommendations awaiting your decision',
      rows,
      today,
      flash: doneMessages[(request.query as { done?: string }).done ?? ''],
      breadcrumbs: [calendarCrumb],
    });
  });

  async function decisionPage(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
    lettersErrors?: FormErrors,
  ) {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found) return reply.callNotFound();
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: found.household.id,
      detail: { page: 'panel-decision' },
    });
    const d = found.decision;
    const [maker] = d?.decidedBy
      ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, d.decidedBy))
      : [];
    return reply.code(errors || lettersErrors ? 400 : 200).page('panel-decision.njk', {
      decidedByName: maker?.name ?? null,
      changeHref: decisionChangePath(found.item.id),
      withdrawHref:
        d && (await mayWithdrawDecision(db, who(request), found.item.id)) ? decisionWithdrawPath(found.item.id) : null,
      title: `Agency decision: ${found.household.name}`,
      found,
      kindName: named(itemKindNames, found.item.kind),
      skillLevelName: proposedSkillLevel(found.item),
      terms: termsText(found.item),
      recommendationName: named(recommendationNames, found.item.recommendation),
      careTypeName: named(careTypeNames, found.item.careType),
      outcomeName: d ? named(decisionOutcomeNames, d.outcome) : '',
      dueOn: found.meeting.minutesSignedOn ? decisionDueFor(found.meeting.minutesSignedOn) : null,
      representationsBy: d ? representationsBy(d.letterSentOn ?? d.decidedOn) : null,
      can: { decide: can(request.user!.role, 'panel.decide'), letters: can(request.user!.role, 'panel.letters') },
      values,
      errors: errors ?? lettersErrors,
      decisionErrors: errors,
      lettersErrors,
      breadcrumbs: [
        calendarCrumb,
        ...(can(request.user!.role, 'panel.decide') ? [queueCrumb] : []),
        { text: 'Meeting', href: meetingPath(found.meeting.id) },
      ],
      flash: doneMessages[request.query.done ?? ''],
    });
  }
  const prefill = async (itemId: string) => {
    const [d] = await db.select().from(agencyDecisions).where(eq(agencyDecisions.itemId, itemId));
    return d ? { ...dateBoxes('toldOn', d.toldOn), ...dateBoxes('letterSentOn', d.letterSentOn) } : {};
  };
  app.get<WithId>('/panel/items/:id/decision', rule('panel.view'), async (request, reply) => {
    if (!can(request.user!.role, 'panel.decide') && !can(request.user!.role, 'panel.letters')) {
      return reply.callNotFound();
    }
    return decisionPage(request, reply, isUuid(request.params.id) ? await prefill(request.params.id) : {});
  });
  app.post<WithId>('/panel/items/:id/decision', rule('panel.decide'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseDatedForm(decisionForm, request.body, ['decidedOn']);
    if (!parsed.ok) return decisionPage(request, reply, parsed.input, parsed.errors);
    const result = await decide(db, who(request), request.params.id, parsed.value);
    if (result.ok) return reply.redirect(`${decisionPath(request.params.id)}?done=decision`, 303);
    const errors = errorsOr(reply, result, '/panel/decisions');
    return errors ? decisionPage(request, reply, request.body as Record<string, unknown>, errors) : reply;
  });

  app.post<WithId>('/panel/items/:id/letters', rule('panel.letters'), async (request, reply) => {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found?.decision) return reply.callNotFound();
    const parsed = parseDatedForm(lettersForm, request.body, lettersDateNames);
    if (!parsed.ok) return decisionPage(request, reply, parsed.input, undefined, parsed.errors);
    const result = await recordLetters(db, who(request), found.decision.id, parsed.value);
    if (result.ok) return reply.redirect(`${decisionPath(request.params.id)}?done=letters`, 303);
    const errors = errorsOr(reply, result, decisionPath(request.params.id));
    return errors ? decisionPage(request, reply, request.body as Record<string, unknown>, undefined, errors) : reply;
  });

  async function letter(request: FastifyRequest<WithId>, reply: FastifyReply, format: 'pdf' | 'docx') {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found?.decision) return reply.callNotFound();
    const d = found.decision;
    const facts: LetterFacts = {
      household: found.household.name,
      kind: found.item.kind,
      outcome: d.outcome,
      reasons: d.reasons,
      decidedOn: d.decidedOn,
      meetsOn: found.meeting.meetsOn,
      letterSentOn: d.letterSentOn,
      places: found.item.places,
      ageMin: found.item.ageMin,
      ageMax: found.item.ageMax,
      skillLevel: proposedSkillLevel(found.item),
    };
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'agency-decision',
      recordId: d.id,
      detail: { part: `letter-${format}` },
    });
    const bytes = format === 'pdf' ? await letterPdf(facts) : await letterDocx(facts);
    const type =
      format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="decision-letter.${format}"`)
      .header('cache-control', 'no-store')
      .send(bytes);
  }
  app.get<WithId>('/panel/items/:id/letter.pdf', rule('panel.letters'), (request, reply) =>
    letter(request, reply, 'pdf'),
  );
  app.get<WithId>('/panel/items/:id/letter.docx', rule('panel.letters'), (request, reply) =>
    letter(request, reply, 'docx'),
  );
}
