/**
 * What the visits module shows on the child's page (declared as `pageSections` in its entry): the
 * next statutory visit due and the last few visits (date, by whom, seen alone or why not; never the
 * notes, which are on the visits page, whose every view is audited). The child's page has found
 * the child within the viewer's access and audits the view of the child's record.
 */
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { newVisitPath, visitsPath } from './paths.ts';
import { latestVisitsOf, nextVisitOf, untimedPlacementOf } from './queries.ts';
import { mayRecordVisits } from './scope.ts';
import { nextVisitView, visitView } from './views.ts';

export async function childVisitsSection({ db, user, record, today }: PageSectionContext<'child'>) {
  const next = await nextVisitOf(db, record.id, today);
  const untimed = next ? null : await untimedPlacementOf(db, record.id, today);
  const latest = await latestVisitsOf(db, record.id);
  return {
    ...nextVisitView(next, untimed, today),
    visits: latest.rows.map(visitView),
    total: latest.total,
    visitsHref: visitsPath(record.id),
    recordHref: mayRecordVisits(user) ? newVisitPath(record.id) : null,
  };
}
