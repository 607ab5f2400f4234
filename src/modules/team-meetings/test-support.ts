/** Test support: learning from serious case reviews written straight to the database, its deadlines kept. Not used by the app. */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { rebuildDueItems, refreshDueItems } from '../../platform/due/index.ts';
import { ACTION_RECORD, EXTENDED_MEETING_RECORD, TEAM_MEETING_RECORD } from './service.ts';
import { extendedMeetings, seriousCaseReviews, teamMeetingActions, teamMeetings } from './tables.ts';

export const learningRuleIds = [
  'team-meetings.extended-meeting',
  'team-meetings.team-learning',
  'team-meetings.action',
];

let made = 0;

/** A published review (made up), by the head of fostering. */
export async function makeScr(db: DbOrTx, values: Partial<typeof seriousCaseReviews.$inferInsert> = {}) {
  made += 1;
  const [row] = await db
    .insert(seriousCaseReviews)
    .values({
      title: `Child Z${made}: a serious case review`,
      publishedBy: 'Fixture Safeguarding Children Partnership',
      publishedOn: '2026-01-15',
      link: 'https://www.example.org.uk/review.pdf',
      learning: 'A made-up finding.',
      ...values,
    })
    .returning();
  return row!;
}

/** A team meeting on a review, with its actions ([owner, due, done]), its deadlines refreshed as on `today`. */
export async function makeTeamMeeting(
  db: DbOrTx,
  f: {
    teamId: string;
    heldOn: IsoDate;
    chairedBy: string;
    reviewId?: string;
    actions?: { ownerId: string; dueOn: IsoDate; doneOn?: IsoDate | null }[];
  },
  today: IsoDate = todayInLondon(),
) {
  const reviewId = f.reviewId ?? (await makeScr(db)).id;
  const [meeting] = await db
    .insert(teamMeetings)
    .values({ teamId: f.teamId, heldOn: f.heldOn, chairedBy: f.chairedBy, attended: 6, reviewId, learning: 'Made up.' })
    .returning();
  const actions = f.actions?.length
    ? await db
        .insert(teamMeetingActions)
        .values(
          f.actions.map((a) => ({
            meetingId: meeting!.id,
            action: 'A made-up action.',
            ownerId: a.ownerId,
            dueOn: a.dueOn,
            doneOn: a.doneOn ?? null,
            doneBy: a.doneOn ? a.ownerId : null,
          })),
        )
        .returning({ id: teamMeetingActions.id })
    : [];
  await refreshDueItems(db, TEAM_MEETING_RECORD, [meeting!.id], today);
  await refreshDueItems(
    db,
    ACTION_RECORD,
    actions.map((a) => a.id),
    today,
  );
  return { ...meeting!, actionIds: actions.map((a) => a.id) };
}

/** An extended team manager meeting, its month's deadline refreshed as on `today`. */
export async function makeExtendedMeeting(
  db: DbOrTx,
  heldOn: IsoDate,
  reflectivePractice = true,
  today: IsoDate = todayInLondon(),
) {
  const [row] = await db
    .insert(extendedMeetings)
    .values({ heldOn, reflectivePractice, learning: 'Made up.' })
    .returning();
  await refreshDueItems(db, EXTENDED_MEETING_RECORD, [row!.id], today);
  return row!;
}

/** No meetings nor actions (the demo's gone), the rules' items worked out again as on `today`. */
export async function clearLearning(db: Db, today: IsoDate): Promise<void> {
  await db.execute(sql`delete from team_meeting_actions`);
  await db.execute(sql`delete from team_meetings`);
  await db.execute(sql`delete from extended_team_manager_meetings`);
  await rebuildDueItems(db, { ruleIds: learningRuleIds, today });
}
