/**
 * What missing from care shows on the child's page (declared as `pageSections` in the entry): the
 * latest episodes, each in a line with its state and a link to it, a link to all of them when there
 * are more, and "Record that … went missing" for those who may record. Each episode shown is audited.
 */
import { formatDate } from '../../platform/views/format.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { children } from '../children/tables.ts';
import { eq } from 'drizzle-orm';
import { childEpisodesPath, episodePath, newEpisodePath } from './paths.ts';
import { CHILD_PAGE_EPISODES, episodesOfChild, partiesToday } from './queries.ts';
import { mayChangeEpisode, mayRecordEpisodes } from './scope.ts';
import { auditEpisodesViewed } from './service.ts';
import { episodeSummary, episodeTag } from './views.ts';

/** The child's page (the child already found within the viewer's access). */
export async function childEpisodesSection({ db, user, actor, record, today }: PageSectionContext<'child'>) {
  const { rows: episodes, total } = await episodesOfChild(db, record.id, { limit: CHILD_PAGE_EPISODES });
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
    // Only the latest are shown: the rest are on the child's list of episodes.
    allHref: total > episodes.length ? childEpisodesPath(record.id) : null,
    total,
    newHref: (await mayRecordNow()) ? newEpisodePath(record.id) : null,
  };
}
