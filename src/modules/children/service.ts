import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import type { ChildDetails, HealthAssessmentInput } from './forms.ts';
import { areaExists, isActiveSocialWorker } from './queries.ts';
import { findChild, type ChildRecord } from './scope.ts';
import { nextChildReference } from './reference.ts';
import { children, healthAssessments } from './tables.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { invalid, type FieldError, type Result } from '../../platform/views/results.ts';

/** A child recorded or changed: the fields changed, and whether the user may still see the child. */
export type ChildChange = Result<{ id: string; changed: string[]; visible: boolean }>;

/** A children's social worker records their own children; others may allocate anyone. */
function allocatesSelf(user: SignedInUser): boolean {
  return user.role === 'childrens_social_worker';
}

async function checkReferences(db: Db, user: SignedInUser, input: ChildDetails): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!(await areaExists(db, input.areaId))) errors.push({ field: 'areaId', message: 'Select an area from the list' });
  if (!allocatesSelf(user) && input.allocatedSocialWorkerId) {
    if (!(await isActiveSocialWorker(db, input.allocatedSocialWorkerId))) {
      errors.push({ field: 'allocatedSocialWorkerId', message: 'Select a children’s social worker from the list' });
    }
  }
  return errors;
}

function columns(input: ChildDetails) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    preferredName: input.preferredName,
    dateOfBirth: input.dateOfBirth,
    gender: input.gender,
    ethnicity: input.ethnicity,
    legalStatus: input.legalStatus,
    lookedAfterSince: input.lookedAfterSince,
    areaId: input.areaId,
    disability: input.needs.includes('disability'),
    uasc: input.needs.includes('uasc'),
    cseRisk: input.needs.includes('cseRisk'),
    missingRisk: input.needs.includes('missingRisk'),
    schoolPostcode: input.schoolPostcode,
  };
}

/** Records a child who has become looked after. A children's social worker is allocated the child. */
export async function createChild(db: Db, user: SignedInUser, actor: Actor, input: ChildDetails): Promise<ChildChange> {
  const errors = await checkReferences(db, user, input);
  if (errors.length) return invalid(...errors);
  const allocated = allocatesSelf(user) ? user.id : input.allocatedSocialWorkerId;
  const id = await db.transaction(async (tx) => {
    const reference = await nextChildReference(tx);
    const [row] = await tx
      .insert(children)
      .values({ ...columns(input), reference, allocatedSocialWorkerId: allocated })
      .returning({ id: children.id });
    await refreshDueItems(tx, 'child', [row!.id]);
    await recordAudit(tx, actor, { action: 'create', recordType: 'child', recordId: row!.id });
    return row!.id;
  });
  const visible = (await findChild(db, user, id)) !== null;
  return { ok: true, id, changed: [], visible };
}

/** Changes a child's details; the audit entry names the fields changed (never their values). */
export async function updateChild(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  child: ChildRecord,
  input: ChildDetails,
): Promise<ChildChange> {
  const errors = await checkReferences(db, user, input);
  if (errors.length) return invalid(...errors);
  const next = {
    ...columns(input),
    allocatedSocialWorkerId: allocatesSelf(user) ? child.allocatedSocialWorkerId : input.allocatedSocialWorkerId,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== child[k]);
  if (changed.length) {
    await db.transaction(async (tx) => {
      await tx
        .update(children)
        .set({ ...next, updatedAt: new Date() })
        .where(eq(children.id, child.id));
      await refreshDueItems(tx, 'child', [child.id]);
      await recordAudit(tx, actor, { action: 'update', recordType: 'child', recordId: child.id, detail: { changed } });
    });
  }
  const visible = (await findChild(db, user, child.id)) !== null;
  return { ok: true, id: child.id, changed, visible };
}

/** Opens a child's record: the view is written to the audit trail. Null when out of scope. */
export async function viewChild(db: Db, user: SignedInUser, actor: Actor, id: string): Promise<ChildRecord | null> {
  const child = await findChild(db, user, id);
  if (!child) return null;
  await recordAudit(db, actor, { action: 'view', recordType: 'child', recordId: child.id });
  return child;
}

/** Records an initial or review health assessment on the child's record. */
export async function addHealthAssessment(
  db: Db,
  user: SignedInUser,
  actor: Actor,
  child: ChildRecord,
  input: HealthAssessmentInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(healthAssessments)
      .values({
        childId: child.id,
        kind: input.kind,
        completedOn: input.completedOn,
        notes: input.notes,
        recordedBy: user.id,
      })
      .returning({ id: healthAssessments.id });
    await refreshDueItems(tx, 'child', [child.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'child',
      recordId: child.id,
      detail: { added: 'health-assessment', kind: input.kind, healthAssessmentId: row!.id },
    });
  });
}

/**
 * Removes a health assessment recorded in error (for the wrong child, or one that did not happen):
 * the deadlines are worked out again without it, and the audit trail keeps what it was and why.
 */
export async function removeHealthAssessment(
  db: Db,
  actor: Actor,
  child: ChildRecord,
  assessment: { id: string; kind: string; completedOn: string },
  reason: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(healthAssessments)
      .where(and(eq(healthAssessments.id, assessment.id), eq(healthAssessments.childId, child.id)));
    await refreshDueItems(tx, 'child', [child.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'child',
      recordId: child.id,
      detail: {
        removed: 'health-assessment',
        healthAssessmentId: assessment.id,
        kind: assessment.kind,
        completedOn: assessment.completedOn,
        reason,
      },
    });
  });
}
