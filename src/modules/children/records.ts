import { and, eq, sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { isUuid } from './forms.ts';
import { childScope } from '../../platform/access/scope.ts';
import { childVisibleTo } from './scope.ts';
import { children } from './tables.ts';
import { childPath } from './paths.ts';

/** Children as a record type, so "who has seen or changed this record" works for them, in scope. */
export const childRecordTypes: RecordType[] = [
  {
    type: 'child',
    pages: ['/children/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [child] = await db
        .select({ firstName: children.firstName, lastName: children.lastName, reference: children.reference })
        .from(children)
        .where(eq(children.id, id))
        .limit(1);
      return child
        ? { label: `Child: ${child.firstName} ${child.lastName} (${child.reference})`, href: childPath(id) }
        : null;
    },
    listedTo: (viewer, id) =>
      childScope(viewer).kind === 'all'
        ? null
        : sql`exists (select 1 from ${children} where ${children.id} = ${id} and ${childVisibleTo(viewer)})`,
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.id, id), childVisibleTo(viewer)))
        .limit(1);
      return Boolean(row);
    },
  },
];
