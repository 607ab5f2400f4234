import type { RecordType } from '../../platform/access/registry.ts';
import { canOverseeUser } from '../../platform/access/scope.ts';
import { findUser } from './queries.ts';
import { userPath } from './paths.ts';

/**
 * User accounts as a record type, so "who has seen or changed this record" works for them:
 * administrators and the head of fostering see every account, a service manager their area's,
 * a team manager their team's.
 */
export const userRecordTypes: RecordType[] = [
  {
    type: 'user',
    pages: ['/admin/users/:id'],
    async describe(db, id) {
      const user = await findUser(db, id);
      return user ? { label: `User: ${user.displayName} (${user.username})`, href: userPath(user.id) } : null;
    },
    async inScope(db, viewer, id) {
      const user = await findUser(db, id);
      return user !== null && canOverseeUser(viewer, user);
    },
  },
];
