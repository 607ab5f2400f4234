/**
 * Recording a child's missing from care episodes: opening one (the child placed with one of the
 * service's households that day; one open at a time; never overlapping another of theirs),
 * correcting what it was opened with, the return, and the independent return interview. Every
 * change checks that the user answers for the placement it happened in, keeps the dates in order,
 * refreshes the return interview's deadline and writes its audit entry in one transaction; every
 * view is audited.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import type { PlacementParties } from '../placements/scope.ts';
import type { InterviewInput, OpenInput, ReturnInput } from './forms.ts';
import { partiesOfPlacements, placementOn } from './queries.ts';
import { mayChangeEpisode, mayRecordEpisodes, partiesColumns } from './scope.ts';
import { missingEpisodes } from './tables.ts';

/** An episode as a record of the audit trail and of the deadline engine. */
export const EPISODE_RECORD = 'missing-episode';

/** Audits a view of the episodes shown (the episode's page, or the section on the child's page), in one insert. */
export async function auditEpisodesViewed(db: DbOrTx, who: Who, ids: string[], page: string): Promise<void> {
  await recordAudits(
    db,
    who.actor,
    ids.map((id) => ({ action: 'view', recordType: EPISODE_RECORD, recordId: id, detail: { page } })),
  );
}

/** The parties to a placement (who answers for it), or null when it is not found. */
async function partiesOf(tx: DbOrTx, placementId: string): Promise<PlacementParties | null> {
  const [row] = await queryRows<PlacementParties>(
    tx,
    sql`select ${partiesColumns()} from placements p join households h on h.id = p.household_id
      join children c on c.id = p.child_id where p.id = ${placementId}`,
  );
  return row ?? null;
}

/**
 * Another episode of the child overlapping the days from `from` to `to` (null: still missing), in
 * words for a message, or null. `except` leaves out the episode being changed.
 */
async function overlapping(tx: DbOrTx, childId: string, from: IsoDate, to: IsoDate | null, except?: string) {
  const [row] = await queryRows<{ missing_on: string; returned_on: string | null }>(
    tx,
    sql`select missing_on::text, returned_on::text from missing_episodes
      where child_id = ${childId} and ${except ? sql`id <> ${except}` : sql`true`}
        and missing_on <= coalesce(${to}::date, 'infinity'::date)
        and coalesce(returned_on, 'infinity'::date) >= ${from}::date
      order by missing_on limit 1`,
  );
  if (!row) return null;
  return row.returned_on
    ? `from ${formatDate(row.missing_on)} to ${formatDate(row.returned_on)}`
    : `since ${formatDate(row.missing_on)} and is not recorded as back`;
}

/**
 * Whether the form to open an episode opens for this user and child (found within their access):
 * 'open' when they answer for one of the child's placements in care with the service's households
 * (the save then checks the placement on the day the child went missing); 'forbidden' when they
 * answer for none, as the save would refuse them; 'not-placed' when the child has had none to go
 * missing from.
 */
export async function episodeFormFor(
  db: DbOrTx,
  who: Who,
  childId: string,
  today: IsoDate,
): Promise<'open' | 'forbidden' | 'not-placed'> {
  if (!mayRecordEpisodes(who.user)) return 'forbidden';
  const placements = await partiesOfPlacements(db, childId, today);
  if (!placements.length) return 'not-placed';
  return placements.some((parties) => mayChangeEpisode(who.user, parties)) ? 'open' : 'forbidden';
}

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
    const parties = await partiesOf(tx, placement.id);
    if (!parties || !mayChangeEpisode(who.user, parties)) return forbidden;
    // One episode at a time: a lock on the child's record keeps two saves from both passing the check.
    await tx.execute(sql`select id from children where id = ${child.id} for update`);
    const clash = await overlapping(tx, child.id, input.missingOn, input.returnedOn);
    if (clash) {
      return invalid({
        field: 'missingOn',
        message: `${child.firstName} is already recorded as missing ${clash}: enter days that do not overlap it`,
      });
    }
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
        returnNote: input.returnNote,
        returnRecordedBy: input.returnedOn ? who.user.id : null,
      })
      .returning({ id: missingEpisodes.id });
    await refreshDueItems(tx, EPISODE_RECORD, [made!.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: EPISODE_RECORD,
      recordId: made!.id,
      detail: { missingOn: input.missingOn, returned: input.returnedOn !== null },
    });
    return { ok: true as const, id: made!.id };
  });
}

type Locked = typeof missingEpisodes.$inferSelect;

/** The episode, locked for the change, or a refusal: not found, or the user does not answer for its placement. */
async function lockedFor(tx: DbOrTx, who: Who, id: string): Promise<Locked | typeof notFound | typeof forbidden> {
  const [row] = await tx.select().from(missingEpisodes).where(eq(missingEpisodes.id, id)).for('update');
  if (!row) return notFound;
  const parties = await partiesOf(tx, row.placementId);
  return parties && mayChangeEpisode(who.user, parties) ? row : forbidden;
}

/** The child came back (an episode still open). */
export async function recordReturn(db: Db, who: Who, id: string, input: ReturnInput): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const episode = await lockedFor(tx, who, id);
    if ('reason' in episode) return episode;
    if (episode.returnedOn !== null) {
      return invalid({ field: 'returnedOn', message: 'The child’s return is already recorded' });
    }
    if (compareIsoDates(input.returnedOn, episode.missingOn) < 0) {
      return invalid({
        field: 'returnedOn',
        message: `Date the child came back must be on or after the date they went missing, ${formatDate(episode.missingOn)}`,
      });
    }
    const clash = await overlapping(tx, episode.childId, episode.missingOn, input.returnedOn, id);
    if (clash) {
      return invalid({
        field: 'returnedOn',
        message: `The child is also recorded as missing ${clash}: enter the day they came back before it`,
      });
    }
    return saved(tx, who, id, {
      values: { returnedOn: input.returnedOn, returnNote: input.returnNote, returnRecordedBy: who.user.id },
      detail: { part: 'missing-return', returnedOn: input.returnedOn },
    });
  });
}

/** The independent return interview offered (and held or declined), or not offered and why, once the child is back. */
export async function recordInterview(db: Db, who: Who, id: string, input: InterviewInput): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const episode = await lockedFor(tx, who, id);
    if ('reason' in episode) return episode;
    if (episode.returnedOn === null) {
      return invalid({ field: 'outcome', message: 'Record the child’s return before the return interview' });
    }
    if (input.interviewOfferedOn && compareIsoDates(input.interviewOfferedOn, episode.returnedOn) < 0) {
      return invalid({
        field: 'interviewOfferedOn',
        message: `Date the return interview was offered must be on or after the date the child came back, ${formatDate(episode.returnedOn)}`,
      });
    }
    const outcome = input.interviewNotOfferedReason
      ? 'not offered'
      : input.interviewHeldOn
        ? 'held'
        : input.interviewDeclined
          ? 'declined'
          : 'not held yet';
    return saved(tx, who, id, {
      values: { ...input, interviewRecordedBy: who.user.id },
      detail: { part: 'missing-interview', offeredOn: input.interviewOfferedOn, outcome },
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

/**
 * Corrects the details given when the episode was opened (the day the child went missing, the
 * police, what was known, and the return as that form records it), by someone who answers for its
 * placement: the rules of opening hold on the new days (placed with one of the service's households
 * that they answer for, no overlap with another of the child's episodes, the dates in order with
 * the return and its interview). The episode follows the placement of the new day; its return
 * interview deadline is refreshed and the change audited in the same transaction.
 */
export async function changeEpisode(
  db: Db,
  who: Who,
  id: string,
  child: { id: string; firstName: string },
  input: OpenInput,
): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    // The child's record first, as opening does: two saves cannot both pass the overlap check.
    await tx.execute(sql`select id from children where id = ${child.id} for update`);
    const episode = await lockedFor(tx, who, id);
    if ('reason' in episode) return episode;
    if (episode.childId !== child.id) return notFound;
    const placement = await placementOn(tx, child.id, input.missingOn);
    if (!placement) {
      return invalid({
        field: 'missingOn',
        message: `${child.firstName} was not placed with one of our foster households on ${formatDate(input.missingOn)}: enter a day they lived with one`,
      });
    }
    if (placement.id !== episode.placementId) {
      const parties = await partiesOf(tx, placement.id);
      if (!parties || !mayChangeEpisode(who.user, parties)) {
        return invalid({
          field: 'missingOn',
          message: `On ${formatDate(input.missingOn)} ${child.firstName} lived in a placement you do not answer for: ask its supervising social worker or the child’s social worker to record it`,
        });
      }
    }
    const offeredOn = episode.interviewOfferedOn;
    if (input.returnedOn === null && (offeredOn || episode.interviewNotOfferedReason)) {
      return invalid({
        field: 'returnedOn',
        message: 'The return interview is recorded: enter the date the child came back',
      });
    }
    if (input.returnedOn && offeredOn && compareIsoDates(input.returnedOn, offeredOn) > 0) {
      return invalid({
        field: 'returnedOn',
        message: `Date the child came back must be on or before the date the return interview was offered, ${formatDate(offeredOn)}`,
      });
    }
    const clash = await overlapping(tx, child.id, input.missingOn, input.returnedOn, id);
    if (clash) {
      return invalid({
        field: 'missingOn',
        message: `${child.firstName} is also recorded as missing ${clash}: enter days that do not overlap it`,
      });
    }
    const returnChanged = input.returnedOn !== episode.returnedOn || input.returnNote !== episode.returnNote;
    const values = {
      placementId: placement.id,
      householdId: placement.householdId,
      missingOn: input.missingOn,
      reportedToPolice: input.reportedToPolice,
      circumstances: input.circumstances,
      returnedOn: input.returnedOn,
      returnNote: input.returnNote,
      returnRecordedBy: input.returnedOn === null ? null : returnChanged ? who.user.id : episode.returnRecordedBy,
    };
    const changed: string[] = (
      ['placementId', 'missingOn', 'reportedToPolice', 'circumstances', 'returnedOn', 'returnNote'] as const
    ).filter((key) => values[key] !== episode[key]);
    await tx
      .update(missingEpisodes)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(missingEpisodes.id, id));
    await refreshDueItems(tx, EPISODE_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: EPISODE_RECORD,
      recordId: id,
      detail: {
        part: 'missing-details',
        changed,
        missingOn: input.missingOn,
        returnedOn: input.returnedOn,
        ...(input.missingOn !== episode.missingOn ? { wasMissingOn: episode.missingOn } : {}),
        ...(input.returnedOn !== episode.returnedOn ? { wasReturnedOn: episode.returnedOn } : {}),
      },
    });
    return { ok: true as const, id };
  });
}

/**
 * Removes an episode recorded in error (for the wrong child, or a time the child did not go missing),
 * by someone who answers for its placement: its return interview deadline goes with it. The removal
 * is audited on the child's record, with why, as the episode's own trail no longer leads anywhere.
 */
export async function removeEpisode(db: Db, who: Who, id: string, reason: string): Promise<Result> {
  if (!mayRecordEpisodes(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const episode = await lockedFor(tx, who, id);
    if ('reason' in episode) return episode;
    await tx.delete(missingEpisodes).where(eq(missingEpisodes.id, id));
    await refreshDueItems(tx, EPISODE_RECORD, [id]);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'child',
      recordId: episode.childId,
      detail: { part: 'missing-episode', episodeId: id, missingOn: episode.missingOn, reason },
    });
    return { ok: true as const, id: episode.childId };
  });
}
