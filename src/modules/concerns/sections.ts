/**
 * What the concerns module shows on other modules' pages (declared as `pageSections` in its
 * entry): on the portal home, that an allegation or a standard-of-care concern about the carer's
 * household is open, where it has got to and who supports the carer. Nothing else is read.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { openMattersForCarer } from './lists.ts';
import { carerStageNames } from './stage.ts';

/** The open matters about the carer's household, each view audited; null when none is open. */
export async function carerMattersSection({ db, user, actor }: PageSectionContext<'portal-home'>) {
  const matters = await openMattersForCarer(db, user);
  for (const matter of matters) {
    await recordAudit(db, actor, {
      action: 'view',
      recordType: 'concern',
      recordId: matter.id,
      detail: { page: 'portal' },
    });
  }
  if (matters.length === 0) return null;
  return {
    matters: matters.map((m) => ({
      stage: carerStageNames[m.stage as keyof typeof carerStageNames] ?? 'Open',
      support: m.support_by ? `${m.support_by}${m.support_organisation ? `, ${m.support_organisation}` : ''}` : null,
    })),
  };
}
