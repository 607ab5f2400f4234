/**
 * Starting a young person's independence checklist and recording its areas and completion. Every
 * change checks who may make it, keeps the deadlines in step (the child's: refreshDueItems on
 * 'child') and writes its audit entry in one transaction; every view of a checklist is audited.
 * The route has already found the child within the user's access (children/scope.ts findChild).
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type Invalid,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import type { ChildRecord } from '../children/scope.ts';
import type { AreaInput, CompleteInput, StartInput } from './forms.ts';
import { eighteenOn, fifteenOn, SKILL_AREA_COUNT, skillAreaKeys, type SkillAreaKey } from './labels.ts';
import { checklistOfChild, type Checklist } from './queries.ts';
import { mayRecordChecklists } from './scope.ts';
import { independenceChecklistAreas, independenceChecklists } from './tables.ts';

/** The checklist as a record of the audit trail (and of "who has seen or changed this record"). */
export const CHECKLIST_RECORD = 'independence-checklist';

/** The young person's dates that decide what may be done with their checklist. */
type YoungPerson = Pick<ChildRecord, 'id' | 'dateOfBirth' | 'lookedAfterSince' | 'leftCareOn'>;

/** Looked after on the day: looked after by then, not left care, and under 18. */
export function inCareOn(child: YoungPerson, day: IsoDate): boolean {
  return (
    compareIsoDates(child.lookedAfterSince, day) <= 0 &&
    (child.leftCareOn === null || compareIsoDates(child.leftCareOn, day) > 0) &&
    compareIsoDates(day, eighteenOn(child.dateOfBirth)) < 0
  );
}

/** Whether a checklist may be started for the young person today: in care, and 15 or over. */
export function mayStartFor(child: YoungPerson, today: IsoDate): boolean {
  return inCareOn(child, today) && compareIsoDates(today, fifteenOn(child.dateOfBirth)) >= 0;
}

/** The young person's checklist for its page (null when not started); the view is audited. */
export async function viewChecklist(db: DbOrTx, who: Who, child: YoungPerson): Promise<Checklist | null> {
  const checklist = await checklistOfChild(db, child.id);
  await recordAudit(
    db,
    who.actor,
    checklist
      ? { action: 'view', recordType: CHECKLIST_RECORD, recordId: checklist.id }
      : { action: 'view', recordType: 'child', recordId: child.id, detail: { page: 'independence-checklist' } },
  );
  return checklist;
}

/** A start on or after the day the young person left care is refused. */
function startAfterLeaving(child: YoungPerson, startedOn: IsoDate): Invalid | undefined {
  if (!child.leftCareOn || compareIsoDates(startedOn, child.leftCareOn) < 0) return undefined;
  return invalid({
    field: 'startedOn',
    message: `Date the checklist was started must be before they left care, ${formatDate(child.leftCareOn)}`,
  });
}

/** Starts the young person's checklist on a day (once: a second start is refused). */
export async function startChecklist(db: Db, who: Who, child: YoungPerson, input: StartInput): Promise<Result> {
  if (!mayRecordChecklists(who.user)) return forbidden;
  const refused = startAfterLeaving(child, input.startedOn);
  if (refused) return refused;
  return inTransaction(db, async (tx) => {
    const [made] = await tx
      .insert(independenceChecklists)
      .values({ childId: child.id, startedOn: input.startedOn, startedBy: who.user.id })
      .onConflictDoNothing()
      .returning({ id: independenceChecklists.id });
    if (!made) return invalid({ field: 'startedOn', message: 'The checklist has already been started' });
    await refreshDueItems(tx, 'child', [child.id]);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: CHECKLIST_RECORD,
      recordId: made.id,
      detail: { startedOn: input.startedOn },
    });
    return { ok: true as const, id: made.id };
  });
}

/** The young person's checklist, locked for a change; null when not started. */
async function lockedChecklist(tx: DbOrTx, childId: string) {
  const [row] = await tx
    .select()
    .from(independenceChecklists)
    .where(eq(independenceChecklists.childId, childId))
    .for('update');
  return row ?? null;
}

/**
 * Completion follows the areas: when every area is done the checklist is completed on the day the
 * last one was done; when an area is no longer done, a completion that came from the areas goes.
 * A completion the social worker recorded stays as recorded.
 */
async function settleCompletion(tx: DbOrTx, checklist: { id: string; completedHow: string | null }): Promise<void> {
  if (checklist.completedHow === 'recorded') return;
  const keys = sql.join(
    skillAreaKeys.map((k) => sql`${k}`),
    sql`, `,
  );
  const [done] = await queryRows<{ n: number; last: IsoDate | null }>(
    tx,
    sql`select count(*)::int as n, max(done_on)::text as last from independence_checklist_areas
      where checklist_id = ${checklist.id} and area in (${keys})`,
  );
  const all = Number(done?.n ?? 0) >= SKILL_AREA_COUNT;
  await tx
    .update(independenceChecklists)
    .set(
      all
        ? { completedOn: done!.last, completedHow: 'all-areas', updatedAt: new Date() }
        : { completedOn: null, completedHow: null, updatedAt: new Date() },
    )
    .where(eq(independenceChecklists.id, checklist.id));
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockedChecklist>>>;

/**
 * A change to a started checklist, for those who may record one: the checklist locked, the change
 * made (or refused: `invalid`, or `unchanged` when there was nothing to do; or what else the audit
 * entry keeps, found as it was made: `alsoAudit`, such as the day it said before), the young person's
 * deadlines refreshed and the audit entry written, all in one transaction.
 */
async function changeChecklist(
  db: Db,
  who: Who,
  child: YoungPerson,
  audit: { action: string; detail: Record<string, unknown> },
  change: (
    tx: DbOrTx,
    checklist: Locked,
  ) => Promise<Invalid | 'unchanged' | { alsoAudit: Record<string, unknown> } | void>,
): Promise<Result> {
  if (!mayRecordChecklists(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const checklist = await lockedChecklist(tx, child.id);
    if (!checklist) return notFound;
    const outcome = await change(tx, checklist);
    if (outcome && outcome !== 'unchanged' && !('alsoAudit' in outcome)) return outcome;
    if (outcome !== 'unchanged') {
      await refreshDueItems(tx, 'child', [child.id]);
      const detail = { ...audit.detail, ...(outcome?.alsoAudit ?? {}) };
      await recordAudit(tx, who.actor, { ...audit, detail, recordType: CHECKLIST_RECORD, recordId: checklist.id });
    }
    return { ok: true as const, id: checklist.id };
  });
}

/** `field` must be on or after the day the checklist started. */
function notBeforeStart(checklist: Locked, field: string, what: string, date: IsoDate): Invalid | undefined {
  if (compareIsoDates(date, checklist.startedOn) >= 0) return undefined;
  return invalid({
    field,
    message: `${what} must be on or after the day the checklist started, ${formatDate(checklist.startedOn)}`,
  });
}

/** Records a skill area as done (or changes the day and who confirmed it). */
export function recordArea(db: Db, who: Who, child: YoungPerson, area: SkillAreaKey, input: AreaInput) {
  return changeChecklist(db, who, child, { action: 'update', detail: { area, done: true } }, async (tx, checklist) => {
    const refused = notBeforeStart(checklist, 'doneOn', 'Date this area was done', input.doneOn);
    if (refused) return refused;
    const values = { doneOn: input.doneOn, confirmedBy: input.confirmedBy, recordedBy: who.user.id };
    await tx
      .insert(independenceChecklistAreas)
      .values({ checklistId: checklist.id, area, ...values })
      .onConflictDoUpdate({
        target: [independenceChecklistAreas.checklistId, independenceChecklistAreas.area],
        set: { ...values, recordedAt: new Date() },
      });
    await settleCompletion(tx, checklist);
  });
}

/** Records a skill area as not done after all (recorded by mistake). */
export function markAreaNotDone(db: Db, who: Who, child: YoungPerson, area: SkillAreaKey) {
  return changeChecklist(db, who, child, { action: 'update', detail: { area, done: false } }, async (tx, checklist) => {
    const removed = await tx
      .delete(independenceChecklistAreas)
      .where(and(eq(independenceChecklistAreas.checklistId, checklist.id), eq(independenceChecklistAreas.area, area)))
      .returning({ area: independenceChecklistAreas.area });
    if (removed.length === 0) return 'unchanged';
    await settleCompletion(tx, checklist);
  });
}

/** Records the checklist as completed on a day, whatever areas are done (the note may say why). */
export function recordCompleted(db: Db, who: Who, child: YoungPerson, input: CompleteInput) {
  const audit = { action: 'complete', detail: { completedOn: input.completedOn } };
  return changeChecklist(db, who, child, audit, async (tx, checklist) => {
    const refused = notBeforeStart(checklist, 'completedOn', 'Date the checklist was completed', input.completedOn);
    if (refused) return refused;
    await tx
      .update(independenceChecklists)
      .set({
        completedOn: input.completedOn,
        completedHow: 'recorded',
        completionNote: input.note,
        updatedAt: new Date(),
      })
      .where(eq(independenceChecklists.id, checklist.id));
  });
}

/**
 * Corrects the day the checklist was started (typed wrongly): still before they left care, and on or
 * before the first area done and its completion. Its deadlines follow; the audit entry keeps the day
 * it said before.
 */
export function changeStartDate(db: Db, who: Who, child: YoungPerson, input: StartInput) {
  const audit = { action: 'update', detail: { part: 'checklist-start', startedOn: input.startedOn } };
  return changeChecklist(db, who, child, audit, async (tx, checklist) => {
    if (checklist.startedOn === input.startedOn) return 'unchanged';
    const refused = startAfterLeaving(child, input.startedOn);
    if (refused) return refused;
    const [first] = await queryRows<{ on: IsoDate | null }>(
      tx,
      sql`select min(done_on)::text as on from independence_checklist_areas where checklist_id = ${checklist.id}`,
    );
    const firstDone = [first?.on, checklist.completedOn].filter((d): d is IsoDate => Boolean(d)).sort()[0];
    if (firstDone && compareIsoDates(input.startedOn, firstDone) > 0) {
      return invalid({
        field: 'startedOn',
        message: `Date the checklist was started must be on or before ${formatDate(firstDone)}, when ${first?.on === firstDone ? 'its first area was done' : 'it was completed'}`,
      });
    }
    await tx
      .update(independenceChecklists)
      .set({ startedOn: input.startedOn, updatedAt: new Date() })
      .where(eq(independenceChecklists.id, checklist.id));
    return { alsoAudit: { was: checklist.startedOn } }; // the day it said before
  });
}
