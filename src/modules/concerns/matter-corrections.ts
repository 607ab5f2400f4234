/**
 * Putting a matter right: its opening details typed wrongly changed on the form it was recorded on,
 * by those who may record it (scope.ts worksOn), never inconsistently with what followed (the day
 * it became known not after the first step recorded on it, a child with something recorded for
 * them kept on it); or a matter recorded in error removed with why, by a manager, only while nothing
 * after its opening is recorded. Deadlines (and an allegation's notification) follow in the same
 * transaction; the audit trail keeps what it said, who and why.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams } from '../../platform/auth/tables.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { futureDateErrors } from '../../platform/views/date-input.ts';
import { formatDate, formatDateTime, named } from '../../platform/views/format.ts';
import {
  forbidden,
  invalid,
  notFound,
  type FieldError,
  type Refusal,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { stageDeadlines } from './complaint-deadlines.ts';
import type { MatterInput } from './forms.ts';
import { kindNames } from './labels.ts';
import { laterSteps, namedChildren, notificationOf, toldWords, type LaterStep } from './matter-later.ts';
import { findVisibleConcern, matterThemes, type ConcernRecord } from './queries.ts';
import { worksOn } from './scope.ts';
import { deleteEvent, londonInstant } from './notifications.ts';
import { checkPeople, refreshMatter } from './service.ts';
import { complaintStages, concernChildren, concerns, concernThemes, significantEvents } from './tables.ts';

/** Whether the user may change the matter's opening details: as recording it (scope.ts worksOn). */
export const mayChangeMatter = (user: SignedInUser, record: ConcernRecord) =>
  can(user.role, 'concerns.record') && worksOn(user, record);

/** Whether the user may remove a matter recorded in error: a manager who works on it (or the head). */
export const mayRemoveMatter = (user: SignedInUser, record: ConcernRecord) =>
  mayChangeMatter(user, record) &&
  (user.role === 'team_manager' || user.role === 'service_manager' || user.role === 'head_of_fostering');

const kindWords = (kind: string) => named(kindNames, kind).toLowerCase();

/** Why the matter cannot be removed, in words; null when it can. */
export function removalRefusal(record: ConcernRecord, later: LaterStep[]): string | null {
  const what = `The ${kindWords(record.kind)}`;
  if (record.concern.sourceAuditId) {
    return `${what} was raised by a case-file audit and cannot be removed; change it instead`;
  }
  const first = later[0];
  return first ? `${what} cannot be removed once ${first.what} has been recorded; change it instead` : null;
}

/** The matter locked to the end of the transaction, if the user may put it right; a refusal otherwise. */
async function matterToPutRight(
  tx: DbOrTx,
  who: Who,
  id: string,
  may: (user: SignedInUser, record: ConcernRecord) => boolean,
): Promise<ConcernRecord | Refusal> {
  await tx.execute(sql`select id from concerns where id = ${id} for update`);
  const record = await findVisibleConcern(tx, who.user, id);
  if (!record) return notFound;
  return may(who.user, record) ? record : forbidden;
}

/** Whether two lists hold the same ids, in any order. */
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes a matter's opening details (who it is about, who raised it, the day it became known,
 * the category, what is said, the children, a complaint's themes, a service matter's team). The
 * kind stays: a matter of the wrong kind is removed and recorded again. A complaint's stage 1 and
 * an allegation's notification follow the day (and time) it became known.
 */
export async function changeMatterDetails(
  db: DbOrTx,
  who: Who,
  id: string,
  input: MatterInput,
  reason: string,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await matterToPutRight(tx, who, id, mayChangeMatter);
    if ('reason' in record) return record;
    const c = record.concern;
    if (input.kind !== c.kind) {
      return invalid({
        field: 'kind',
        message: 'The kind of matter cannot be changed: remove it and record it again',
      });
    }
    const received = c.kind === 'complaint' || c.kind === 'compliment';
    const dateWords = received ? 'The date it was received' : 'The date it became known';
    const errors: FieldError[] = futureDateErrors('knownOn', dateWords, input.knownOn);

    // A matter about the service alone may move to another team the user works in.
    let teamId: string | null = null;
    if (!c.householdId) {
      const [team] = input.teamId
        ? await tx.select({ id: teams.id, areaId: teams.areaId }).from(teams).where(eq(teams.id, input.teamId))
        : [];
      if (!team) errors.push({ field: 'teamId', message: 'Select the team' });
      else if (!worksOn(who.user, { ...record, teamId: team.id, areaId: team.areaId })) return forbidden;
      teamId = team?.id ?? null;
    }

    const named = await namedChildren(tx, id);
    const before = named.map((n) => n.childId);
    const added = input.childIds.filter((childId) => !before.includes(childId));
    const taken = named.filter((n) => !input.childIds.includes(n.childId));
    errors.push(...(await checkPeople(tx, c.householdId, { ...input, childIds: added })));
    for (const child of taken) {
      const held = child.outcomeToldOn ? 'the outcome given to them' : child.account !== null ? 'their account' : null;
      if (held) {
        errors.push({
          field: 'childIds',
          message: `${child.name} cannot be taken off the matter once ${held} has been recorded`,
        });
      }
    }

    const first = (await laterSteps(tx, c)).find((s) => s.on !== null);
    if (first && input.knownOn > first.on!) {
      errors.push({
        field: 'knownOn',
        message: `${dateWords} cannot be after ${first.what} on ${formatDate(first.on)}`,
      });
    }

    const notification = c.kind === 'allegation' ? await notificationOf(tx, id) : null;
    let knownAt: Date | null = null;
    if (notification && input.knownAtTime) {
      const known = await londonInstant(tx, input.knownOn, input.knownAtTime);
      knownAt = known.at;
      if (known.future && !errors.some((e) => e.field === 'knownOn')) {
        errors.push({ field: 'knownAtTime', message: 'The time it became known must be in the past' });
      }
      const told = notification.notices[0];
      if (told && known.at > told.toldAt) {
        errors.push({
          field: 'knownOn',
          message: `The date and time it became known must be no later than ${formatDateTime(told.toldAt)}, when ${toldWords(told.recipient)} was told`,
        });
      }
    }
    if (errors.length) return invalid(...errors);

    const now = {
      againstKind: input.againstKind,
      carerId: input.againstKind === 'carer' ? input.personId : null,
      memberId: input.againstKind === 'household_member' ? input.personId : null,
      // Raised by an audit stays so: the form does not offer it.
      raisedBy: c.raisedBy === 'audit' ? c.raisedBy : input.raisedBy,
      raisedByName: input.raisedByName,
      knownOn: input.knownOn,
      category: c.kind === 'compliment' ? null : input.category,
      summary: input.summary,
      teamId: c.householdId ? c.teamId : teamId,
    };
    const fields = Object.keys(now) as (keyof typeof now)[];
    const differ = fields.filter((f) => c[f] !== now[f]);
    const changed: string[] = [...differ];
    const was: Record<string, unknown> = Object.fromEntries(differ.map((f) => [f, c[f]]));
    if (!sameList(before, input.childIds)) {
      changed.push('children');
      was.children = before;
    }
    const themesBefore = c.kind === 'complaint' ? await matterThemes(tx, id) : [];
    if (c.kind === 'complaint' && !sameList(themesBefore, input.themes)) {
      changed.push('themes');
      was.themes = themesBefore;
    }
    const event = notification?.event ?? null;
    const eventChild =
      event && event.childId && input.childIds.includes(event.childId) ? event.childId : (input.childIds[0] ?? null);
    const eventChanged =
      event !== null &&
      ((knownAt !== null && knownAt.getTime() !== event.knownAt.getTime()) || eventChild !== event.childId);
    if (event && knownAt && knownAt.getTime() !== event.knownAt.getTime()) {
      changed.push('knownAt');
      was.knownAt = event.knownAt.toISOString();
    }
    if (changed.length === 0) return { ok: true as const, id };

    await tx
      .update(concerns)
      .set({ ...now, ...(c.kind === 'compliment' ? { closedOn: input.knownOn } : {}), updatedAt: new Date() })
      .where(eq(concerns.id, id));
    if (taken.length) {
      await tx.delete(concernChildren).where(
        and(
          eq(concernChildren.concernId, id),
          inArray(
            concernChildren.childId,
            taken.map((t) => t.childId),
          ),
        ),
      );
    }
    if (added.length) {
      await tx.insert(concernChildren).values(added.map((childId) => ({ concernId: id, childId })));
    }
    if (changed.includes('themes')) {
      await tx.delete(concernThemes).where(eq(concernThemes.concernId, id));
      await tx.insert(concernThemes).values(input.themes.map((theme) => ({ concernId: id, theme })));
    }
    if (c.kind === 'complaint' && input.knownOn !== c.knownOn) {
      // Stage 1 is received the day the complaint was: its response is due from the new day.
      const [stage1] = await tx
        .select()
        .from(complaintStages)
        .where(and(eq(complaintStages.concernId, id), eq(complaintStages.stage, 1)));
      if (stage1) {
        await tx
          .update(complaintStages)
          .set({ receivedOn: input.knownOn, ...stageDeadlines(1, input.knownOn, { extended: stage1.extended }) })
          .where(eq(complaintStages.id, stage1.id));
      }
    }
    if (event && eventChanged) {
      await tx
        .update(significantEvents)
        .set({ knownAt: knownAt ?? event.knownAt, childId: eventChild })
        .where(eq(significantEvents.id, event.id));
      await refreshDueItems(tx, 'significant-event', [event.id]);
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'significant-event',
        recordId: event.id,
        detail: {
          part: 'event-details',
          changed: ['knownAt', 'childId'].filter((f) =>
            f === 'knownAt' ? knownAt?.getTime() !== event.knownAt.getTime() : eventChild !== event.childId,
          ),
          was: { knownAt: event.knownAt.toISOString(), childId: event.childId },
          reason,
        },
      });
    }
    await refreshMatter(tx, id);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'concern',
      recordId: id,
      detail: { part: 'matter-details', changed, was, reason },
    });
    return { ok: true as const, id };
  });
}

/**
 * Removes a matter recorded in error (on the wrong household, or it did not happen), with why, only
 * while nothing after its opening is recorded: its children, themes, a complaint's stage 1 and an
 * allegation's notification (with who was told) go with it, and its deadlines. Audited on the
 * household (or, for a matter about the service alone, on the matter), with what it said.
 */
export async function removeMatter(db: DbOrTx, who: Who, id: string, reason: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await matterToPutRight(tx, who, id, mayRemoveMatter);
    if ('reason' in record) return record;
    const c = record.concern;
    const refusal = removalRefusal(record, await laterSteps(tx, c));
    if (refusal) return invalid({ field: 'reason', message: refusal });
    const named = await namedChildren(tx, id);
    const themes = await matterThemes(tx, id);
    const notification = await notificationOf(tx, id);
    const told = notification ? await deleteEvent(tx, notification.event.id) : [];
    await tx.delete(concernChildren).where(eq(concernChildren.concernId, id));
    await tx.delete(concernThemes).where(eq(concernThemes.concernId, id));
    await tx.delete(complaintStages).where(eq(complaintStages.concernId, id));
    await tx.delete(concerns).where(eq(concerns.id, id));
    await refreshDueItems(tx, 'concern', [id]);
    const was = {
      kind: c.kind,
      againstKind: c.againstKind,
      carerId: c.carerId,
      memberId: c.memberId,
      raisedBy: c.raisedBy,
      raisedByName: c.raisedByName,
      knownOn: c.knownOn,
      category: c.category,
      summary: c.summary,
      teamId: c.teamId,
      children: named.map((n) => n.childId),
      themes,
      notification: notification
        ? {
            eventId: notification.event.id,
            knownAt: notification.event.knownAt.toISOString(),
            notices: told,
          }
        : null,
    };
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: c.householdId ? 'household' : 'concern',
      recordId: c.householdId ?? id,
      detail: { part: 'matter', concernId: id, was, reason },
    });
    return { ok: true as const, id: c.householdId ?? id };
  });
}
