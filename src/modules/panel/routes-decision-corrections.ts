/** Putting an agency decision right: the decision form, filled in, reached by "Change" on the decision (decision-corrections.ts). */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { changeDecision, decisionMakers } from './decision-corrections.ts';
import { decisionChangeForm } from './forms.ts';
import { decisionOutcomeNames, itemKindNames, recommendationNames } from './labels.ts';
import { decisionChangePath, decisionPath, meetingPath } from './paths.ts';
import { itemDetail } from './queries.ts';
import { bodyOf, calendarCrumb, rule, type WithId } from './route-support.ts';

type Found = NonNullable<Awaited<ReturnType<typeof itemDetail>>> & {
  decision: NonNullable<NonNullable<Awaited<ReturnType<typeof itemDetail>>>['decision']>;
};

/** The outcomes that moved the household's status, which a new date moves with it. */
const movesStatus = ['approve', 'deregister'];

export function decisionCorrectionRoutes(app: FastifyInstance, db: Db): void {
  const decided = async (id: string): Promise<Found | null> => {
    const found = isUuid(id) ? await itemDetail(db, id) : null;
    return found?.decision ? (found as Found) : null;
  };

  async function page(reply: FastifyReply, found: Found, values: Record<string, unknown>, errors?: FormErrors) {
    const makers = await decisionMakers(db, found.decision.decidedBy);
    const chosen = typeof values.decidedBy === 'string' ? values.decidedBy : '';
    return reply.code(errors ? 400 : 200).page('panel-decision-change.njk', {
      title: `Change the agency decision: ${found.household.name}`,
      found,
      kindName: named(itemKindNames, found.item.kind),
      recommendationName: named(recommendationNames, found.item.recommendation),
      outcomeName: named(decisionOutcomeNames, found.decision.outcome),
      receivedOn: found.decision.receivedOn ?? found.meeting.minutesSignedOn,
      moves: movesStatus.includes(found.decision.outcome),
      makerItems: [
        { value: '', text: 'Select the decision maker' },
        ...makers.map((m) => ({ value: m.id, text: m.name, selected: m.id === chosen })),
      ],
      action: decisionChangePath(found.item.id),
      backHref: decisionPath(found.item.id),
      values,
      errors,
      breadcrumbs: [
        calendarCrumb,
        { text: 'Meeting', href: meetingPath(found.meeting.id) },
        { text: 'Agency decision', href: decisionPath(found.item.id) },
      ],
    });
  }

  app.get<WithId>(decisionChangePath(':id'), rule('panel.decide'), async (request, reply) => {
    const found = await decided(request.params.id);
    if (!found) return reply.callNotFound();
    const d = found.decision;
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: found.household.id,
      detail: { page: 'panel-decision-change' },
    });
    return page(reply, found, {
      agrees: d.agrees ? 'yes' : 'no',
      reasons: d.reasons,
      decidedBy: d.decidedBy ?? '',
      ...dateBoxes('decidedOn', d.decidedOn),
    });
  });

  app.post<WithId>(decisionChangePath(':id'), rule('panel.decide'), async (request, reply) => {
    const found = await decided(request.params.id);
    if (!found) return reply.callNotFound();
    const parsed = parseDatedForm(decisionChangeForm, request.body, ['decidedOn']);
    if (!parsed.ok) return page(reply, found, parsed.input, parsed.errors);
    const result = await changeDecision(db, who(request), found.item.id, parsed.value);
    const done = found.decision.letterSentOn ? 'decision-changed-letter' : 'decision-changed';
    return answerForm(reply, result, `${decisionPath(found.item.id)}?done=${done}`, (errors) =>
      page(reply, found, bodyOf(request.body), linkDateErrors(errors, ['decidedOn'])),
    );
  });
}
