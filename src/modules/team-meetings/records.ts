/**
 * The records of learning from serious case reviews in the audit trail: "who has seen or changed
 * this record" is scoped as each page is (scope.ts).
 */
import { sql } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { quarterWords } from './labels.ts';
import { isUuid } from '../../platform/views/params.ts';
import { extendedMeetingPath, extendedMeetingsPath, reviewPath, teamMeetingPath, teamMeetingsPath } from './paths.ts';
import { findExtendedMeeting, findMeeting, findReview } from './queries.ts';
import { mayReadExtended, mayReadLearning, teamReadBy } from './scope.ts';
import {
  EXTENDED_MEETING_RECORD,
  LEARNING_MONTH_RECORD,
  REVIEW_RECORD,
  TEAM_MEETING_RECORD,
  TEAM_QUARTER_RECORD,
} from './service.ts';
import { monthNamed, quarterNamed } from './slots.ts';

export const teamMeetingsRecordTypes: RecordType[] = [
  {
    type: REVIEW_RECORD,
    pages: ['/learning-from-reviews/:id'],
    async describe(db, id) {
      const review = await findReview(db, id);
      return review ? { label: `Serious case review: ${review.title}`, href: reviewPath(id) } : null;
    },
    inScope: async (db, viewer, id) => mayReadLearning(viewer) && (await findReview(db, id)) !== null,
  },
  {
    type: TEAM_MEETING_RECORD,
    pages: ['/team-meetings/:id'],
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ label: string }>(
        db,
        sql`select 'Team meeting on ' || ${dateInWordsSql(sql`m.held_on`)} || ': ' || t.name as label
          from team_meetings m join teams t on t.id = m.team_id where m.id = ${id}`,
      );
      return row ? { label: row.label, href: teamMeetingPath(id) } : null;
    },
    inScope: async (db, viewer, id) => (await findMeeting(db, viewer, id)) !== null,
  },
  {
    type: EXTENDED_MEETING_RECORD,
    pages: ['/extended-meetings/:id'],
    async describe(db, id) {
      const meeting = await findExtendedMeeting(db, id);
      return meeting
        ? { label: `Extended team manager meeting on ${formatDate(meeting.heldOn)}`, href: extendedMeetingPath(id) }
        : null;
    },
    inScope: async (db, viewer, id) => mayReadExtended(viewer) && (await findExtendedMeeting(db, id)) !== null,
  },
  // The places the clock and the measures count (slots.ts): a team's quarter, read as the team's meetings are;
  // a month's extended meeting, read as the extended meetings are.
  {
    type: TEAM_QUARTER_RECORD,
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ team_id: string; team_name: string; start: string }>(
        db,
        sql`select team_id, team_name, start::text from ${quarterNamed(id)} q`,
      );
      return row
        ? {
            label: `${row.team_name}: learning from reviews, ${quarterWords(row.start)}`,
            href: teamMeetingsPath(row.team_id),
          }
        : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select q.team_id as id from ${quarterNamed(id)} q where ${teamReadBy(viewer, sql`q.team_id`)}`,
      );
      return Boolean(row);
    },
  },
  {
    type: LEARNING_MONTH_RECORD,
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await queryRows<{ month: string }>(
        db,
        sql`select to_char(m.start, 'FMMonth YYYY') as month from ${monthNamed(id)} m`,
      );
      return row ? { label: `Extended team manager meeting: ${row.month}`, href: extendedMeetingsPath() } : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id) || !mayReadExtended(viewer)) return false;
      const [row] = await queryRows<{ start: string }>(db, sql`select m.start::text as start from ${monthNamed(id)} m`);
      return Boolean(row);
    },
  },
];
