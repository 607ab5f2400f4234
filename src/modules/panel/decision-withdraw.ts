/**
 * An agency decision withdrawn because it was recorded in error (the wrong item, or agreeing where
 * the decision maker did not agree): by those who record decisions (`panel.decide`), with why, only
 * while the applicant has not been told nor written to (once they have, the decision stands and a
 * different one goes through the panel again). What the decision changed is taken back through
 * each module's panel business (the households module undoes the status change it made and puts
 * back the terms or skills level it set), refused whole when something since stands on it: a later
 * decision that changed the household, or, on an approval, a child placed, a review or the
 * post-approval interview held since. The recommendation then waits in the decision maker's queue
 * again, due as before; the letters' deadlines go, in the same transaction. The audit trail keeps
 * what the decision said, who withdrew it and why.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/policy.ts';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/index.ts';
import { panelBusinessFor, type WithdrawnDecision } from '../../platform/modules/panel-business.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { parseForm, requiredText, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import {
  Refused,
  answerForm,
  forbidden,
  inTransaction,
  invalid,
  notFound,
  refused,
  who,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { changing, otherChangingDecisions, recordOnApproval } from './decision-corrections.ts';
import { decidedTerms } from './decisions.ts';
import { decisionOutcomeNames, itemKindNames } from './labels.ts';
import { decisionPath, decisionWithdrawPath } from './paths.ts';
import { itemDetail } from './queries.ts';
import { rule, type WithId } from './route-support.ts';
import { agencyDecisions, panelItems } from './tables.ts';

type Decision = typeof agencyDecisions.$inferSelect;

const refusal = (message: string) =>
  invalid({ field: 'reason', message: `The decision cannot be withdrawn: ${message}` });

/** Why the panel's own records keep the decision standing; null when it may be withdrawn. */
async function panelRefusal(db: DbOrTx, d: Decision) {
  if (d.toldOn || d.letterSentOn) {
    const on = [d.toldOn, d.letterSentOn].filter((x) => x !== null).sort()[0]!;
    return refusal(
      `the applicant was told of it on ${formatDate(on)}. It stands: a different decision needs the household to go to the panel again`,
    );
  }
  if (changing.includes(d.outcome)) {
    const [later] = (await otherChangingDecisions(db, d))
      .filter((o) => o.on > d.decidedOn || (o.on === d.decidedOn && o.createdAt > d.createdAt))
      .sort((a, b) => a.on.localeCompare(b.on));
    if (later) {
      const what = named(decisionOutcomeNames, later.outcome).toLowerCase();
      return refusal(`a later agency decision (${what}, ${formatDate(later.on)}) changed the household after it`);
    }
  }
  if (d.outcome === 'approve') {
    const since = await recordOnApproval(db, d.householdId, d.decidedOn);
    if (since) return refusal(`${since.what} on ${formatDate(since.on)}, after the approval`);
  }
  return null;
}

type Item = typeof panelItems.$inferSelect;

/** The decision as the modules' panel business takes it back. */
const withdrawnOf = (d: Decision, item: Item): WithdrawnDecision => ({
  id: d.id,
  householdId: d.householdId,
  outcome: d.outcome,
  onDate: d.decidedOn,
  reasons: d.reasons,
  terms: decidedTerms(item, d.outcome),
  skillLevel: item.skillLevel,
  before: d.householdBefore,
});

/**
 * The decision on the item and its item, if this user may withdraw it now; or why not, from the
 * panel's records and then each module's (asked, writing nothing, whether it could take it back).
 */
async function withdrawable(
  db: DbOrTx,
  who: Who,
  itemId: string,
): Promise<Result<{ decision: Decision; item: Item; withdrawn: WithdrawnDecision }>> {
  if (!can(who.user.role, 'panel.decide')) return forbidden;
  const [found] = await db
    .select({ decision: agencyDecisions, item: panelItems })
    .from(agencyDecisions)
    .innerJoin(panelItems, eq(panelItems.id, agencyDecisions.itemId))
    .where(eq(agencyDecisions.itemId, itemId));
  if (!found) return notFound;
  const refused = await panelRefusal(db, found.decision);
  if (refused) return refused;
  const withdrawn = withdrawnOf(found.decision, found.item);
  for (const { agencyDecisionWithdrawn } of panelBusinessFor(found.item.kind)) {
    const checked = agencyDecisionWithdrawn ? await agencyDecisionWithdrawn(db, who, withdrawn, 'check') : null;
    if (checked && !checked.ok) return checked;
  }
  return { ok: true, ...found, withdrawn };
}

/** Withdraws the decision under the rules above. */
export async function withdrawDecision(db: Db, who: Who, itemId: string, reason: string): Promise<Result> {
  return inTransaction(db, async (tx) => {
    await tx
      .select({ id: agencyDecisions.id })
      .from(agencyDecisions)
      .where(eq(agencyDecisions.itemId, itemId))
      .for('update');
    const found = await withdrawable(tx, who, itemId);
    if (!found.ok) return found;
    const { decision: d, item, withdrawn } = found;
    for (const { agencyDecisionWithdrawn } of panelBusinessFor(item.kind)) {
      const taken = agencyDecisionWithdrawn ? await agencyDecisionWithdrawn(tx, who, withdrawn) : null;
      // A refusal rolls back the whole withdrawal, whatever another module's business wrote before it.
      if (taken && !taken.ok) {
        if (taken.reason === 'invalid') throw new Refused(taken.errors);
        throw new Error(
          `The decision's ${taken.reason === 'not-found' ? 'household was not found' : 'withdrawal was refused'}`,
        );
      }
    }
    await tx.delete(agencyDecisions).where(eq(agencyDecisions.id, d.id));
    await refreshDueItems(tx, 'agency-decision', [d.id]);
    await refreshDueItems(tx, 'panel-meeting', [item.meetingId]);
    await markProvisionalFiguresOutOfDate(tx);
    const was = {
      outcome: d.outcome,
      agrees: d.agrees,
      decidedOn: d.decidedOn,
      reasons: d.reasons,
      decidedBy: d.decidedBy,
    };
    await recordAudits(tx, who.actor, [
      { action: 'withdraw', recordType: 'agency-decision', recordId: d.id, detail: { was, reason, itemId } },
      {
        action: 'withdraw',
        recordType: 'household',
        recordId: d.householdId,
        detail: { part: 'agency-decision', was, reason, recordId: d.id },
      },
    ]);
    return { ok: true, id: d.id };
  });
}

/** Whether this user may withdraw the item's decision now (for the decision page's link). */
export async function mayWithdrawDecision(db: DbOrTx, who: Who, itemId: string): Promise<boolean> {
  return (await withdrawable(db, who, itemId)).ok;
}

const withdrawForm = z.object({ reason: requiredText('Enter why the decision is being withdrawn', 1000) });

export function decisionWithdrawRoutes(app: FastifyInstance, db: Db): void {
  async function page(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const id = request.params.id;
    const detail = isUuid(id) ? await itemDetail(db, id) : null;
    if (!detail?.decision) return reply.callNotFound();
    const found = await withdrawable(db, who(request), id);
    if (!found.ok) {
      const standing = found.reason === 'invalid';
      return refused(reply, standing ? forbidden : found, {
        backHref: decisionPath(id),
        title: 'The decision cannot be withdrawn',
        lines: standing
          ? found.errors.map((e) => e.message)
          : ['The agency decision maker withdraws a decision recorded in error.'],
      });
    }
    const d = found.decision;
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: d.householdId,
      detail: { page: 'panel-decision-withdraw' },
    });
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Withdraw the agency decision: ${detail.household.name}`,
      caption: `${detail.household.name} (${detail.household.reference})`,
      heading: 'Withdraw the agency decision',
      intro:
        'Withdraw the decision only if it was recorded in error, before the applicant is told. What it changed is taken back: ' +
        'an approval or a deregistration is undone and the household is back in the status it was in before, and terms or a skills level it set go back to what they were. ' +
        'The recommendation then waits for your decision again. The audit trail keeps what the decision said.',
      rows: [
        { key: 'Item', value: named(itemKindNames, detail.item.kind) },
        { key: 'Panel', value: formatDate(detail.meeting.meetsOn) },
        { key: 'The decision', value: `${named(decisionOutcomeNames, d.outcome)} on ${formatDate(d.decidedOn)}` },
      ],
      what: 'decision',
      done: 'withdrawn',
      hint: 'For example, the decision was recorded on the wrong household’s item. The audit trail keeps it.',
      button: 'Withdraw the decision',
      action: decisionWithdrawPath(id),
      cancel: decisionPath(id),
      values,
      errors,
    });
  }

  app.get<WithId>(decisionWithdrawPath(':id'), rule('panel.decide'), (request, reply) => page(request, reply, {}));
  app.post<WithId>(decisionWithdrawPath(':id'), rule('panel.decide'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const form = parseForm(withdrawForm, request.body);
    if (!form.ok) return page(request, reply, form.input, form.errors);
    const result = await withdrawDecision(db, who(request), request.params.id, form.value.reason);
    return answerForm(reply, result, `${decisionPath(request.params.id)}?done=decision-withdrawn`, (errors) =>
      page(request, reply, request.body as Record<string, unknown>, errors),
    );
  });
}
