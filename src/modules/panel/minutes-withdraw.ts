/**
 * Signed minutes put right: the chair who signs a meeting's minutes (or the vice-chair chairing it)
 * withdraws the signature, with why, when the minutes or a recommendation in them were recorded
 * wrongly; the adviser then records the recommendation again, and the chair signs again. Only while
 * the agency decision maker has decided on none of the meeting's items: a decision rests on the
 * signed minutes (a decision made is put right on its own form). The papers open to members again
 * and the decisions due from the minutes wait for the new signature (in the same transaction as
 * the deadlines); the audit trail keeps the day they were signed, who withdrew it and why.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, requiredText, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import {
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
import { z } from 'zod';
import { households } from '../households/tables.ts';
import { meetingPath, minutesWithdrawPath } from './paths.ts';
import { rule, type WithId } from './route-support.ts';
import { memberOfUser, sitsOn } from './scope.ts';
import { attendingRoles } from './service.ts';
import { agencyDecisions, panelItems, panelMeetings } from './tables.ts';

type Meeting = typeof panelMeetings.$inferSelect;

/** Whether this user chairs the meeting (the chair, or the vice-chair when the chair does not sit). */
async function chairs(db: DbOrTx, who: Who, meetingId: string): Promise<boolean> {
  const member = await memberOfUser(db, who.user);
  if (!member || !(await sitsOn(db, member.id, meetingId))) return false;
  const roles = await attendingRoles(db, meetingId);
  return member.role === (roles.includes('chair') ? 'chair' : 'vice_chair');
}

/** Why the signature cannot be withdrawn, in words; null when it can. */
async function withdrawRefusal(db: DbOrTx, meeting: Meeting): Promise<string | null> {
  if (!meeting.minutesSignedOn) return 'The minutes are not signed';
  const [decided] = await db
    .select({ on: agencyDecisions.decidedOn, household: households.name })
    .from(agencyDecisions)
    .innerJoin(panelItems, eq(panelItems.id, agencyDecisions.itemId))
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .where(eq(panelItems.meetingId, meeting.id))
    .orderBy(agencyDecisions.decidedOn)
    .limit(1);
  return decided
    ? `The signature cannot be withdrawn: the agency decision maker decided on ${decided.household}’s item on ${formatDate(decided.on)}, on these minutes`
    : null;
}

/** The meeting whose signature this user may withdraw now, or why not. */
async function signedMeeting(db: DbOrTx, who: Who, meetingId: string): Promise<Result<{ meeting: Meeting }>> {
  const [meeting] = await db.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId));
  if (!meeting) return notFound;
  if (!(await chairs(db, who, meetingId))) return forbidden;
  const refusal = await withdrawRefusal(db, meeting);
  return refusal ? invalid({ field: 'reason', message: refusal }) : { ok: true, meeting };
}

/** Whether the chair may withdraw the meeting's signature now (for the meeting page's link). */
export async function mayWithdrawSignature(db: DbOrTx, who: Who, meeting: Meeting): Promise<boolean> {
  return (
    meeting.minutesSignedOn !== null && (await chairs(db, who, meeting.id)) && !(await withdrawRefusal(db, meeting))
  );
}

/** Withdraws the signature under the rules above. */
export async function withdrawSignature(db: Db, who: Who, meetingId: string, reason: string): Promise<Result> {
  return inTransaction(db, async (tx) => {
    await tx.select({ id: panelMeetings.id }).from(panelMeetings).where(eq(panelMeetings.id, meetingId)).for('update');
    const found = await signedMeeting(tx, who, meetingId);
    if (!found.ok) return found;
    const { meeting } = found;
    await tx
      .update(panelMeetings)
      .set({ minutesSignedOn: null, minutesSignedBy: null })
      .where(eq(panelMeetings.id, meetingId));
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await markProvisionalFiguresOutOfDate(tx);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-meeting',
      recordId: meetingId,
      detail: { part: 'minutes-signature', wasSignedOn: meeting.minutesSignedOn, reason },
    });
    return { ok: true, id: meetingId };
  });
}

const withdrawForm = z.object({ reason: requiredText('Enter why the signature is being withdrawn', 1000) });

export function minutesWithdrawRoutes(app: FastifyInstance, db: Db) {
  async function page(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const id = request.params.id;
    const found = isUuid(id) ? await signedMeeting(db, who(request), id) : notFound;
    if (!found.ok) {
      return refused(reply, found.reason === 'invalid' ? forbidden : found, {
        backHref: meetingPath(id),
        title: 'The signature cannot be withdrawn',
        lines:
          found.reason === 'invalid'
            ? found.errors.map((e) => e.message)
            : ['The chair of the meeting withdraws the signature of its minutes.'],
      });
    }
    const { meeting } = found;
    return reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Withdraw the signature of the minutes: panel meeting, ${formatDate(meeting.meetsOn)}`,
      caption: `Panel meeting, ${formatDate(meeting.meetsOn)}`,
      heading: 'Withdraw the signature of the minutes',
      intro:
        `You signed the minutes on ${formatDate(meeting.minutesSignedOn!)}. Withdraw the signature only to put the minutes or a recommendation right: ` +
        'the adviser can then record the recommendation again, and you sign the minutes again. Until then the recommendations do not go to the agency decision maker, and members can read the papers again.',
      what: 'signature',
      done: 'withdrawn',
      hint: 'For example, the recommendation recorded the wrong number of places. The audit trail keeps it.',
      button: 'Withdraw the signature',
      action: minutesWithdrawPath(meeting.id),
      cancel: meetingPath(meeting.id),
      values,
      errors,
    });
  }

  app.get<WithId>(minutesWithdrawPath(':id'), rule('panel.sit'), (request, reply) => page(request, reply, {}));
  app.post<WithId>(minutesWithdrawPath(':id'), rule('panel.sit'), async (request, reply) => {
    const form = parseForm(withdrawForm, request.body);
    if (!form.ok) return page(request, reply, form.input, form.errors);
    const result = await withdrawSignature(db, who(request), request.params.id, form.value.reason);
    return answerForm(reply, result, `${meetingPath(request.params.id)}?done=minutes-withdrawn`, (errors) =>
      page(request, reply, request.body as Record<string, unknown>, errors),
    );
  });
}
