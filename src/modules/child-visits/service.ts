/**
 * Recording a visit to a child and reading them. A visit is recorded, its placement found, the
 * child's next statutory visit moved and the audit entry written in one transaction; every view of
 * a child's visits (what the child said) is written to the audit trail.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, invalid, type Result, type Who } from '../../platform/views/results.ts';
import type { ChildRecord } from '../children/scope.ts';
import type { VisitInput } from './forms.ts';
import { mayBeVisitor, placementOn } from './queries.ts';
import { mayRecordVisits } from './scope.ts';
import { childVisits } from './tables.ts';

/** The record type whose change moves a child's next visit (the deadline's `affectedBy`). */
export const VISIT_RECORD = 'child-visit';

/**
 * Records a visit to a child the user may read (the caller found them through findChild), during
 * the placement the child lived in on the day.
 */
export async function recordVisit(db: Db, who: Who, child: ChildRecord, input: VisitInput): Promise<Result> {
  if (!mayRecordVisits(who.user)) return forbidden;
  if (!(await mayBeVisitor(db, who.user, child, input.visitedBy))) {
    return invalid({ field: 'visitedBy', message: 'Select who visited the child from the list' });
  }
  const placement = await placementOn(db, child.id, input.visitedOn);
  if (!placement) {
    return invalid({
      field: 'visitedOn',
      message: `${child.firstName} was not placed with foster carers on ${formatDate(input.visitedOn)}: record a visit made during a placement`,
    });
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(childVisits)
      .values({
        childId: child.id,
        placementId: placement.kind === 'in-house' ? placement.id : null,
        agencyPlacementId: placement.kind === 'agency' ? placement.id : null,
        visitedOn: input.visitedOn,
        visitedBy: input.visitedBy,
        childSeen: input.childSeen,
        seenAlone: input.seenAlone,
        notAloneReason: input.notAloneReason,
        place: input.place,
        note: input.note,
        recordedBy: who.user.id,
      })
      .returning({ id: childVisits.id });
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

/** Writes a view of the child's visits (their page of visits, with the notes) to the audit trail. */
export async function auditVisitsViewed(db: Db, who: Who, childId: string, page: number): Promise<void> {
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'child',
    recordId: childId,
    detail: { part: 'visits', page },
  });
}
