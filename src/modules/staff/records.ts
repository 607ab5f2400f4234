import type { RecordType } from '../../platform/access/registry.ts';
import { isRole, roleNames } from '../../platform/access/roles.ts';
import { folderPath } from './paths.ts';
import { findMember, findVisibleMember } from './queries.ts';

/** A member of staff's supervision folder as a record type: "who has seen or changed this record" is scoped as the folder. */
export const staffRecordTypes: RecordType[] = [
  {
    type: 'staff-member',
    pages: ['/staff/:id'],
    async describe(db, id) {
      const member = await findMember(db, id);
      if (!member) return null;
      const role = isRole(member.role) ? roleNames[member.role] : member.role;
      return { label: `Supervision folder: ${member.displayName} (${role})`, href: folderPath(member.id) };
    },
    async inScope(db, viewer, id) {
      return (await findVisibleMember(db, viewer, id)) !== null;
    },
  },
];
