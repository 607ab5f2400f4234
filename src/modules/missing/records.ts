import { sql } from 'drizzle-orm';
import { childScope } from '../../platform/access/scope.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { episodePath } from './paths.ts';
import { episodeChildVisibleTo, mayReadEpisodes } from './scope.ts';
import { EPISODE_RECORD } from './service.ts';

/** An episode in the audit trail: "who has seen or changed this record" is scoped as the episode's page is. */
export const episodeRecordTypes: RecordType[] = [
  {
    type: EPISODE_RECORD,
    pages: ['/missing/:id', '/missing/:id/remove'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ name: string; on: string }>(
        db,
        sql`select c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as name,
            ${dateInWordsSql(sql`e.missing_on`)} as on
          from missing_episodes e join children c on c.id = e.child_id where e.id = ${id}`,
      );
      return row ? { label: `Missing from care on ${row.on}: ${row.name}`, href: episodePath(id) } : null;
    },
    listedTo: (viewer, id) =>
      !mayReadEpisodes(viewer)
        ? sql`false`
        : childScope(viewer).kind === 'all'
          ? null
          : sql`exists (select 1 from missing_episodes e join children on children.id = e.child_id
            where e.id = ${id} and ${episodeChildVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadEpisodes(viewer)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select e.id from missing_episodes e join children on children.id = e.child_id
          where e.id = ${id} and ${episodeChildVisibleTo(viewer)}`,
      );
      return Boolean(row);
    },
  },
];
