/**
 * What missing from care shows on the child's page (declared as `pageSections` in the entry): each
 * episode in a line with its state, a link to it, and "Record that … went missing" for those who
 * may record. Each episode shown is audited.
 */
import { formatDate } from '../../platform/views/format.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { children } from '../children/tables.ts';
import { eq } from 'drizzle-orm';
import { episodePath, newEpisodePath } from './paths.ts';
import { episodesOfChild, partiesToday } from './queries.ts';
import { mayChangeEpisode, mayRecordEpisodes } from './scope.ts';
import { auditEpisodesViewed } from './service.ts';
import { episodeSummary, episodeTag } from './views.ts';

/** The child's page (the child already found within the viewer's access). */
export async function childEpisodesSection({ db, user, actor, record, today }: PageSectionContext<'child'>) {
  const episodes = await episodesOfChild(db, record.id);
  await auditEpisodesViewed(
    db,
    { user, actor },
    episodes.map((e) => e.id),
    'child',
  );
  // The link to record an episode, for a user who answers for the child's placement today (none when not placed).
  const mayRecordNow = async () => {
    if (!mayRecordEpisodes(user)) return false;
    const parties = await partiesToday(db, record.id, today);
    return parties !== null && mayChangeEpisode(user, parties);
  };
  const [child] = await db.select({ firstName: children.firstName }).from(children).where(eq(children.id, record.id));
  return {
    name: child?.firstName ?? 'the child',
    episodes: episodes.map((e) => ({
      tag: episodeTag(e),
      summary: episodeSummary(e),
      missingOn: formatDate(e.missingOn),
      href: episodePath(e.id),
    })),
    newHref: (await mayRecordNow()) ? newEpisodePath(record.id) : null,
  };
}
