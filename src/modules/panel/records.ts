/** The panel's records in the audit trail: who opened a paper, who changed a meeting or a decision. */
import { eq, sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { can } from '../../platform/access/policy.ts';
import { formatDate } from '../../platform/views/format.ts';
import { isUuid } from '../../platform/views/params.ts';
import { agencyDecisions, panelItems, panelMeetings, panelMembers, panelPapers } from './tables.ts';
import { decisionPath, meetingPath, panelMemberPath } from './paths.ts';

const manages = (role: Parameters<typeof can>[0]) => can(role, 'panel.manage');
/** For a role-only rule: every record (null), or none. */
const allOrNone = (opens: boolean) => (opens ? null : sql`false`);

export const panelRecordTypes: RecordType[] = [
  {
    type: 'panel-meeting',
    pages: ['/panel/meetings/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [m] = await db.select().from(panelMeetings).where(eq(panelMeetings.id, id));
      return m ? { label: `Panel meeting, ${formatDate(m.meetsOn)}`, href: meetingPath(id) } : null;
    },
    inScope: async (_db, viewer, id) => isUuid(id) && manages(viewer.role),
    listedTo: (viewer) => allOrNone(manages(viewer.role)),
  },
  {
    type: 'panel-paper',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [p] = await db
        .select({ title: panelPapers.title, meetingId: panelItems.meetingId })
        .from(panelPapers)
        .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
        .where(eq(panelPapers.id, id));
      return p ? { label: `Panel paper: ${p.title}`, href: meetingPath(p.meetingId) } : null;
    },
    inScope: async (_db, viewer, id) => isUuid(id) && manages(viewer.role),
    listedTo: (viewer) => allOrNone(manages(viewer.role)),
  },
  {
    // An agenda item: listed by the papers measure when it has no paper for the members.
    type: 'panel-item',
    pages: ['/panel/items/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [i] = await db
        .select({ meetingId: panelItems.meetingId, meetsOn: panelMeetings.meetsOn })
        .from(panelItems)
        .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
        .where(eq(panelItems.id, id));
      return i ? { label: `Panel agenda item, ${formatDate(i.meetsOn)}`, href: meetingPath(i.meetingId) } : null;
    },
    inScope: async (_db, viewer, id) => isUuid(id) && manages(viewer.role),
    listedTo: (viewer) => allOrNone(manages(viewer.role)),
  },
  {
    type: 'panel-member',
    pages: ['/panel/members/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [m] = await db.select().from(panelMembers).where(eq(panelMembers.id, id));
      return m ? { label: `Panel member: ${m.name}`, href: panelMemberPath(id) } : null;
    },
    inScope: async (_db, viewer, id) => isUuid(id) && manages(viewer.role),
    listedTo: (viewer) => allOrNone(manages(viewer.role)),
  },
  {
    type: 'agency-decision',
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [d] = await db.select().from(agencyDecisions).where(eq(agencyDecisions.id, id));
      return d?.itemId ? { label: `Agency decision, ${formatDate(d.decidedOn)}`, href: decisionPath(d.itemId) } : null;
    },
    inScope: async (_db, viewer, id) => isUuid(id) && (manages(viewer.role) || can(viewer.role, 'panel.decide')),
    listedTo: (viewer) => allOrNone(manages(viewer.role) || can(viewer.role, 'panel.decide')),
  },
];
