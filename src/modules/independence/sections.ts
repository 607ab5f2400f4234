/**
 * What the independence checklist shows on other modules' pages (declared as `pageSections` in the
 * entry): on the child's page, for a young person of 15 or over, where their checklist has got to
 * with a link to it; on the carer's portal home, the checklists of the young people of 15 or over
 * placed with the carer's own household now, read-only. Each checklist seen is audited.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import { ageOn } from '../../platform/dates/index.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { children } from '../children/tables.ts';
import { FROM_AGE } from './labels.ts';
import { checklistPath, startChecklistPath } from './paths.ts';
import { checklistOfChild, youngPeoplePlacedWith } from './queries.ts';
import { mayRecordChecklists } from './scope.ts';
import { CHECKLIST_RECORD, inCareOn, mayStartFor } from './service.ts';
import { areaRows, areasDoneCount, checklistStatus } from './views.ts';

/**
 * The child's page (the child already found within the viewer's access): the checklist's status
 * for a young person of 15 or over; null under 15.
 */
export async function childChecklistSection({ db, user, actor, record, today }: PageSectionContext<'child'>) {
  const [child] = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      dateOfBirth: children.dateOfBirth,
      lookedAfterSince: children.lookedAfterSince,
      leftCareOn: children.leftCareOn,
    })
    .from(children)
    .where(eq(children.id, record.id));
  if (!child || ageOn(child.dateOfBirth, today) < FROM_AGE) return null;
  const checklist = await checklistOfChild(db, child.id);
  if (checklist) {
    await recordAudit(db, actor, {
      action: 'view',
      recordType: CHECKLIST_RECORD,
      recordId: checklist.id,
      detail: { page: 'child' },
    });
  }
  const state = checklist && { ...checklist, areasDone: areasDoneCount(checklist.areas) };
  return {
    name: child.firstName,
    status: checklistStatus(child, state, inCareOn(child, today), today),
    href: checklistPath(child.id),
    startHref:
      !checklist && mayRecordChecklists(user) && mayStartFor(child, today) ? startChecklistPath(child.id) : null,
  };
}

/**
 * The carer's portal home: the young people of 15 or over placed with their own household now,
 * each with their checklist (its areas done and dates), read-only. Each is audited: the checklist
 * seen, or the young person's record when theirs has not been started. Null when none is placed.
 */
export async function carerChecklistSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  if (!user.householdId) return null;
  const placed = await youngPeoplePlacedWith(db, user.householdId, today);
  if (placed.length === 0) return null;
  const youngPeople = [];
  for (const young of placed) {
    await recordAudit(
      db,
      actor,
      young.checklist
        ? { action: 'view', recordType: CHECKLIST_RECORD, recordId: young.checklist.id, detail: { page: 'portal' } }
        : {
            action: 'view',
            recordType: 'child',
            recordId: young.childId,
            detail: { page: 'portal', section: 'independence-checklist' },
          },
    );
    const state = young.checklist && { ...young.checklist, areasDone: areasDoneCount(young.checklist.areas) };
    youngPeople.push({
      name: young.name,
      stayingPut: young.stayingPut,
      status: checklistStatus(young, state, !young.stayingPut && ageOn(young.dateOfBirth, today) < 18, today),
      areas: young.checklist ? areaRows(young.checklist.areas) : [],
    });
  }
  return { youngPeople };
}
