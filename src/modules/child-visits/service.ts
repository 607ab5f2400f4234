/**
 * Recording a visit to a child and reading them. A visit is recorded, its placement found, the
 * child's next statutory visit moved and the audit entry written in one transaction; every view of
 * a child's visits (what the child said) is written to the audit trail.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, type Result, type Who } from '../../platform/views/results.ts';
import type { ChildRecord } from '../children/scope.ts';
import type { VisitInput } from './forms.ts';
import { mayBeVisitor, placementOn, type PlacementOnDay, type RecordedVisit } from './queries.ts';
import { refreshChildVisitFacts } from './facts.ts';
import { mayRecordVisits } from './scope.ts';
import { childVisits } from './tables.ts';

/** The record type whose change moves a child's next visit (the deadline's `affectedBy`). */
export const VISIT_RECORD = 'child-visit';

/** The placement a visit belongs to, or the form's message when the visitor or the day will not do. */
async function checkVisit(
  db: Db,
  who: Who,
  child: ChildRecord,
  input: VisitInput,
  recordedVisitor: string | null,
): Promise<{ ok: true; placement: PlacementOnDay } | { ok: false; result: Result }> {
  if (!mayRecordVisits(who.user)) return { ok: false, result: forbidden };
  if (!(await mayBeVisitor(db, who.user, child, input.visitedBy, recordedVisitor))) {
    return {
      ok: false,
      result: invalid({ field: 'visitedBy', message: 'Select who visited the child from the list' }),
    };
  }
  const placement = await placementOn(db, child.id, input.visitedOn);
  if (!placement) {
    return {
      ok: false,
      result: invalid({
        field: 'visitedOn',
        message: `${child.firstName} was not placed with foster carers on ${formatDate(input.visitedOn)}: record a visit made during a placement`,
      }),
    };
  }
  return { ok: true, placement };
}

/** The visit's columns from the form, with the placement of its day. */
const visitValues = (input: VisitInput, placement: PlacementOnDay) => ({
  placementId: placement.kind === 'in-house' ? placement.id : null,
  agencyPlacementId: placement.kind === 'agency' ? placement.id : null,
  visitedOn: input.visitedOn,
  visitedBy: input.visitedBy,
  childSeen: input.childSeen,
  seenAlone: input.seenAlone,
  notAloneReason: input.notAloneReason,
  place: input.place,
  note: input.note,
});

/**
 * Records a visit to a child the user may read (the caller found them through findChild), during
 * the placement the child lived in on the day.
 */
export async function recordVisit(db: Db, who: Who, child: ChildRecord, input: VisitInput): Promise<Result> {
  const checked = await checkVisit(db, who, child, input, null);
  if (!checked.ok) return checked.result;
  const { placement } = checked;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(childVisits)
      .values({ childId: child.id, ...visitValues(input, placement), recordedBy: who.user.id })
      .returning({ id: childVisits.id });
    await refreshChildVisitFacts(tx, [placement.id]);
    await refreshDueItems(tx, VISIT_RECORD, [row!.id]);
    await recordAudit(tx, who.actor, {
      action: 'record',
      recordType: 'child',
      recordId: child.id,
      detail: { part: 'visit', visitId: row!.id, placementId: placement.id, childSeen: input.childSeen },
    });
    return row!.id;
  });
  return { ok: true, id };
}

/**
 * Corrects a visit as recorded (its day may now fall in another placement); the child's next visit
 * is worked out again in the same transaction. Who recorded it first stays; the audit trail has
 * who changed it, when, and what was there before.
 */
export async function changeVisit(
  db: Db,
  who: Who,
  child: ChildRecord,
  visit: RecordedVisit,
  input: VisitInput,
): Promise<Result> {
  const checked = await checkVisit(db, who, child, input, visit.visitedBy);
  if (!checked.ok) return checked.result;
  const { placement } = checked;
  await db.transaction(async (tx) => {
    await tx
      .update(childVisits)
      .set(visitValues(input, placement))
      .where(and(eq(childVisits.id, visit.id), eq(childVisits.childId, child.id)));
    await refreshChildVisitFacts(tx, [visit.placementId, placement.id]);
    await refreshDueItems(tx, 'child', [child.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'child',
      recordId: child.id,
      detail: {
        part: 'visit',
        visitId: visit.id,
        before: { visitedOn: visit.visitedOn, childSeen: visit.childSeen, placementId: visit.placementId },
        after: { visitedOn: input.visitedOn, childSeen: input.childSeen, placementId: placement.id },
      },
    });
  });
  return { ok: true, id: visit.id };
}

/** Removes a visit recorded in error (the wrong child, or a visit that did not happen), saying why. */
export async function removeVisit(db: Db, who: Who, child: ChildRecord, visit: RecordedVisit, reason: string) {
  if (!mayRecordVisits(who.user)) return forbidden;
  await db.transaction(async (tx) => {
    await tx.delete(childVisits).where(and(eq(childVisits.id, visit.id), eq(childVisits.childId, child.id)));
    await refreshChildVisitFacts(tx, [visit.placementId]);
    await refreshDueItems(tx, 'child', [child.id]);
    await recordAudit(tx, who.actor, {
      action: 'delete',
      recordType: 'child',
      recordId: child.id,
      detail: { part: 'visit', visitId: visit.id, visitedOn: visit.visitedOn, reason },
    });
  });
  return { ok: true as const, id: visit.id };
}

/** Writes a view of the child's visits (their page of visits, with the notes) to the audit trail. */
export async function auditVisitsViewed(db: Db, who: Who, childId: string, page: number): Promise<void> {
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'child',
    recordId: childId,
    detail: { part: 'visits', page },
  });
}
