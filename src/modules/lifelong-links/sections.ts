/**
 * What Lifelong Links shows on the child's page (declared as `pageSections` in the entry): whether
 * the child is in the pilot, their work's stage in words, a link to each work (for those who may
 * open it) and "Start Lifelong Links work" for those who may record. Each work shown is audited.
 */
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { startWorkPath, workPath } from './paths.ts';
import { worksOfChild } from './queries.ts';
import { mayReadWork, mayRecordWork } from './scope.ts';
import { auditWorksViewed } from './service.ts';
import { stageTag, stageText } from './views.ts';

/** The child's page (the child already found within the viewer's access). */
export async function childWorkSection({ db, user, actor, record }: PageSectionContext<'child'>) {
  const works = await worksOfChild(db, record.id);
  await auditWorksViewed(
    db,
    { user, actor },
    works.map((w) => w.id),
    'child',
  );
  const opens = mayReadWork(user);
  const open = works.find((w) => w.endedOn === null) ?? null;
  return {
    inPilot: open !== null,
    works: works.map((w) => ({
      tag: stageTag(w.stage),
      stage: stageText(w),
      href: opens ? workPath(w.id) : null,
    })),
    startHref: !open && mayRecordWork(user) ? startWorkPath(record.id) : null,
  };
}
