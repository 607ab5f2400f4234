import { eq, sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { households } from '../households/tables.ts';
import { kindNames } from './labels.ts';
import { findVisibleEvent } from './notifications.ts';
import { eventPath, matterPath } from './paths.ts';
import { findVisibleConcern } from './queries.ts';
import { concerns, significantEvents } from './tables.ts';

/** Matters and significant events as record types: "who has seen or changed this record" is scoped as their pages are. */
export const concernRecordTypes: RecordType[] = [
  {
    type: 'concern',
    pages: ['/concerns/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ kind: concerns.kind, knownOn: concerns.knownOn, name: households.name })
        .from(concerns)
        .leftJoin(households, eq(households.id, concerns.householdId))
        .where(eq(concerns.id, id));
      if (!row) return null;
      const about = row.name ? `the ${row.name} household` : 'the fostering service';
      return {
        label: `${named(kindNames, row.kind)} about ${about}, ${formatDate(row.knownOn)}`,
        href: matterPath(id),
      };
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleConcern(db, viewer, id)) !== null;
    },
  },
  {
    type: 'significant-event',
    pages: ['/notifications/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({
          name: households.name,
          knownOn: sql<string>`(${significantEvents.knownAt} at time zone 'Europe/London')::date::text`,
        })
        .from(significantEvents)
        .innerJoin(households, eq(households.id, significantEvents.householdId))
        .where(eq(significantEvents.id, id));
      return row
        ? { label: `Significant event: the ${row.name} household, ${formatDate(row.knownOn)}`, href: eventPath(id) }
        : null;
    },
    async inScope(db, viewer, id) {
      return isUuid(id) && (await findVisibleEvent(db, viewer, id)) !== null;
    },
  },
];
