/**
 * Recording a child's missing from care episodes: opening one (the child placed with one of the
 * service's households that day; one open at a time), the return, and the independent return
 * interview. Every change checks who may make it, keeps the dates in order, refreshes the return
 * interview's deadline and writes its audit entry in one transaction; every view is audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { compareIsoDates } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { InterviewInput, OpenInput, ReturnInput } from './forms.ts';
import { placementOn } from './queries.ts';
import { mayRecordEpisodes } from './scope.ts';
import { missingEpisodes } from './tables.ts';

/** An episode as a record of the audit trail and of the deadline engine. */
export const EPISODE_RECORD = 'missing-episode';

/** Audits a view of the episodes shown (the episode's page, or the section on the child's page). */
export async function auditEpisodesViewed(db: DbOrTx, who: Who, ids: string[], page: string): Promise<void> {
  for (const id of ids) {
    await recordAudit(db, who.actor, { action: 'view', recordType: EPISODE_RECORD, recordId: id, detail: { page } });
  }
}

const alreadyOpen = invalid({
  field: 'missingOn',
  message: 'The child is already recorded as missing: record their return on that episode first',
});

/** Opens an episode for a child the user may read (the caller found them within their access). */
export async function openEpisode(
  db: Db,
  who: Who,
  child: { id: string; firstName: string },
  input: OpenInput,
): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const placement = await placementOn(tx, child.id, input.missingOn);
    if (!placement) {
      return invalid({
        field: 'missingOn',
        message: `${child.firstName} was not placed with one of our foster households on ${formatDate(input.missingOn)}: enter a day they lived with one`,
      });
    }
    const [open] = await tx
      .select({ id: missingEpisodes.id })
      .from(missingEpisodes)
      .where(and(eq(missingEpisodes.childId, child.id), sql`${missingEpisodes.returnedOn} is null`))
      .limit(1);
    if (open) return alreadyOpen;
    const [made] = await tx
      .insert(missingEpisodes)
      .values({
        childId: child.id,
        placementId: placement.id,
        householdId: placement.householdId,
        missingOn: input.missingOn,
        reportedToPolice: input.reportedToPolice,
        circumstances: input.circumstances,
        recordedBy: who.user.id,
        returnedOn: input.returnedOn,
        returnNote: input.returnedOn ? input.returnNote : null,
        returnRecordedBy: input.returnedOn ? who.user.id : null,
      })
      .onConflictDoNothing()
      .returning({ id: missingEpisodes.id });
    if (!made) return alreadyOpen;
    await refreshDueItems(tx, EPISODE_RECORD, [made.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: EPISODE_RECORD,
      recordId: made.id,
      detail: { missingOn: input.missingOn, returned: input.returnedOn !== null },
    });
    return { ok: true as const, id: made.id };
  });
}

type Locked = typeof missingEpisodes.$inferSelect;

/** The episode, locked for the change, or null. */
async function locked(tx: DbOrTx, id: string): Promise<Locked | null> {
  const [row] = await tx.select().from(missingEpisodes).where(eq(missingEpisodes.id, id)).for('update');
  return row ?? null;
}

/** The child came back (an episode still open). */
export async function recordReturn(db: Db, who: Who, id: string, input: ReturnInput): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const episode = await locked(tx, id);
    if (!episode) return notFound;
    if (episode.returnedOn !== null) {
      return invalid({ field: 'returnedOn', message: 'The child’s return is already recorded' });
    }
    if (compareIsoDates(input.returnedOn, episode.missingOn) < 0) {
      return invalid({
        field: 'returnedOn',
        message: `Date the child came back must be on or after the date they went missing, ${formatDate(episode.missingOn)}`,
      });
    }
    return saved(tx, who, id, {
      values: { returnedOn: input.returnedOn, returnNote: input.returnNote, returnRecordedBy: who.user.id },
      detail: { part: 'missing-return', returnedOn: input.returnedOn },
    });
  });
}

/** The independent return interview offered (and held or declined), once the child is back. */
export async function recordInterview(db: Db, who: Who, id: string, input: InterviewInput): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const episode = await locked(tx, id);
    if (!episode) return notFound;
    if (episode.returnedOn === null) {
      return invalid({ field: 'interviewOfferedOn', message: 'Record the child’s return before the return interview' });
    }
    if (compareIsoDates(input.interviewOfferedOn, episode.returnedOn) < 0) {
      return invalid({
        field: 'interviewOfferedOn',
        message: `Date the return interview was offered must be on or after the date the child came back, ${formatDate(episode.returnedOn)}`,
      });
    }
    return saved(tx, who, id, {
      values: { ...input, interviewRecordedBy: who.user.id },
      detail: { part: 'missing-interview', offeredOn: input.interviewOfferedOn },
    });
  });
}

/** Writes a step on the episode, refreshes its deadline and audits it, in the caller's transaction. */
async function saved(
  tx: DbOrTx,
  who: Who,
  id: string,
  change: { values: Partial<typeof missingEpisodes.$inferInsert>; detail: Record<string, unknown> },
): Promise<Result> {
  await tx
    .update(missingEpisodes)
    .set({ ...change.values, updatedAt: new Date() })
    .where(eq(missingEpisodes.id, id));
  await refreshDueItems(tx, EPISODE_RECORD, [id]);
  await recordAudit(tx, who.actor, {
    action: 'record',
    recordType: EPISODE_RECORD,
    recordId: id,
    detail: change.detail,
  });
  return { ok: true as const, id };
}
