/**
 * What the supervision module shows on other modules' pages (declared as `pageSections` in its
 * entry): the supervision notes sent to a carer, on the portal home.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { notesForCarer } from './notes-queries.ts';

/** The notes sent to the carer's own household, newest visit first; the household's view is audited. */
export async function carerNotesSection({ db, user, actor }: PageSectionContext<'portal-home'>) {
  const notes = await notesForCarer(db, user);
  for (const householdId of new Set(notes.map((n) => n.householdId))) {
    await recordAudit(db, actor, {
      action: 'view',
      recordType: 'household',
      recordId: householdId,
      detail: { page: 'portal' },
    });
  }
  return { notes };
}
