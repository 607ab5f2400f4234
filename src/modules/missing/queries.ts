/** Missing from care's reads: a child's episodes, one episode within the viewer's access, the list, the placement on a day. */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';
import { INTERVIEW_WITHIN_DAYS } from './labels.ts';
import type { PlacementParties } from '../placements/scope.ts';
import { episodeChildVisibleTo, partiesColumns } from './scope.ts';

export interface EpisodeRow {
  id: string;
  childId: string;
  householdId: string;
  householdName: string;
  householdReference: string;
  missingOn: IsoDate;
  reportedToPolice: boolean;
  circumstances: string | null;
  recordedByName: string | null;
  returnedOn: IsoDate | null;
  returnNote: string | null;
  returnRecordedByName: string | null;
  interviewOfferedOn: IsoDate | null;
  interviewHeldOn: IsoDate | null;
  interviewDeclined: boolean;
  interviewNotOfferedReason: string | null;
  interviewRecordedByName: string | null;
  /** The day the return interview is due by (72 hours after the return), or null while the child is missing. */
  interviewDueOn: IsoDate | null;
}

const nameOf = (column: string) => sql.raw(`(select u.display_name from users u where u.id = e.${column})`);

const episodeColumns = sql`e.id, e.child_id as "childId", e.household_id as "householdId",
  h.name as "householdName", h.reference as "householdReference",
  e.missing_on::text as "missingOn", e.reported_to_police as "reportedToPolice", e.circumstances,
  ${nameOf('recorded_by')} as "recordedByName",
  e.returned_on::text as "returnedOn", e.return_note as "returnNote",
  ${nameOf('return_recorded_by')} as "returnRecordedByName",
  e.interview_offered_on::text as "interviewOfferedOn", e.interview_held_on::text as "interviewHeldOn",
  e.interview_declined as "interviewDeclined", e.interview_not_offered_reason as "interviewNotOfferedReason",
  ${nameOf('interview_recorded_by')} as "interviewRecordedByName",
  (e.returned_on + ${INTERVIEW_WITHIN_DAYS}::int)::text as "interviewDueOn"`;

/** How many of a child's latest episodes their page shows; the rest are on the child's list of episodes. */
export const CHILD_PAGE_EPISODES = 5;

/**
 * A page of a child's episodes, the open one first, then the latest first (limited in SQL), with
 * how many the child has in all. No access check: the caller scoped the child.
 */
export async function episodesOfChild(
  db: DbOrTx,
  childId: string,
  { limit, offset = 0 }: { limit: number; offset?: number },
): Promise<{ rows: EpisodeRow[]; total: number }> {
  const rows = await queryRows<EpisodeRow & { total: number }>(
    db,
    sql`select ${episodeColumns}, count(*) over ()::int as total
      from missing_episodes e join households h on h.id = e.household_id
      where e.child_id = ${childId}
      order by e.returned_on is not null, e.missing_on desc, e.id
      limit ${limit} offset ${offset}`,
  );
  if (rows.length || offset === 0) return { rows, total: Number(rows[0]?.total ?? 0) };
  // Past the last page: counted on its own, for the pagination.
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from missing_episodes where child_id = ${childId}`,
  );
  return { rows, total: Number(count?.n ?? 0) };
}

/** The child of an episode, as its pages show them. */
export interface EpisodeChild {
  id: string;
  firstName: string;
  lastName: string;
  reference: string;
}

/** An episode with its child, if the user may read the child (children/scope.ts); null otherwise (out of scope looks missing). */
export async function findEpisode(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<{ episode: EpisodeRow; child: EpisodeChild; parties: PlacementParties } | null> {
  if (!isUuid(id)) return null;
  type Found = EpisodeRow & PlacementParties & { firstName: string; lastName: string; reference: string };
  const [row] = await queryRows<Found>(
    db,
    sql`select ${episodeColumns}, children.first_name as "firstName", children.last_name as "lastName",
        children.reference, ${partiesColumns('children')}
      from missing_episodes e join households h on h.id = e.household_id
      join children on children.id = e.child_id
      where e.id = ${id} and ${episodeChildVisibleTo(user)}`,
  );
  if (!row) return null;
  const {
    firstName,
    lastName,
    reference,
    childSocialWorkerId,
    childAreaId,
    householdTeamId,
    householdAreaId,
    householdSswId,
    ...episode
  } = row;
  return {
    episode,
    child: { id: episode.childId, firstName, lastName, reference },
    parties: { childSocialWorkerId, childAreaId, householdTeamId, householdAreaId, householdSswId },
  };
}

/** The parties to the child's placement in care with one of the service's households today, or null when not placed. */
export async function partiesToday(db: DbOrTx, childId: string, today: IsoDate): Promise<PlacementParties | null> {
  const [row] = await queryRows<PlacementParties>(
    db,
    sql`select ${partiesColumns()} from placements p join households h on h.id = p.household_id
      join children c on c.id = p.child_id
      where p.child_id = ${childId} and ${placementRunningOn('p', today)} and ${childInCarePlacement('p')}
      order by p.start_date desc limit 1`,
  );
  return row ?? null;
}

/**
 * The parties to each of the child's placements in care with one of the service's households that
 * began by `today`: an episode can be recorded only in one of them (the form asks who answers for any).
 */
export function partiesOfPlacements(db: DbOrTx, childId: string, today: IsoDate): Promise<PlacementParties[]> {
  return queryRows<PlacementParties>(
    db,
    sql`select ${partiesColumns()} from placements p join households h on h.id = p.household_id
      join children c on c.id = p.child_id
      where p.child_id = ${childId} and p.start_date <= ${today}::date and ${childInCarePlacement('p')}`,
  );
}

/** The child's placement in care with one of the service's households running on the day, or null. */
export async function placementOn(
  db: DbOrTx,
  childId: string,
  day: IsoDate,
): Promise<{ id: string; householdId: string } | null> {
  const [row] = await queryRows<{ id: string; householdId: string }>(
    db,
    sql`select p.id, p.household_id as "householdId" from placements p
      where p.child_id = ${childId} and ${placementRunningOn('p', day)} and ${childInCarePlacement('p')}
      order by p.start_date desc limit 1`,
  );
  return row ?? null;
}

export const LIST_PAGE_SIZE = 50;
export const listShows = ['open', 'all'] as const;
export type ListShow = (typeof listShows)[number];

export interface ListRow {
  id: string;
  childName: string;
  reference: string;
  householdName: string;
  missingOn: IsoDate;
  returnedOn: IsoDate | null;
  interviewOfferedOn: IsoDate | null;
  interviewNotOfferedReason: string | null;
}

/**
 * The episodes of the children the user may read, paged and counted in SQL: those still open
 * (missing now, or back with no return interview offered) by default, the children missing now
 * first, then the longest waiting for an interview; or every episode, the latest first.
 */
export async function listEpisodes(db: DbOrTx, user: SignedInUser, show: ListShow, page: number) {
  const open =
    show === 'open'
      ? sql`and (e.returned_on is null or (e.interview_offered_on is null and e.interview_not_offered_reason is null))`
      : sql``;
  const from = sql`missing_episodes e join children on children.id = e.child_id
    join households h on h.id = e.household_id
    where ${episodeChildVisibleTo(user)} ${open}`;
  const order =
    show === 'open'
      ? sql`e.returned_on is not null, coalesce(e.returned_on, e.missing_on), e.id`
      : sql`e.missing_on desc, e.id`;
  const rows = await queryRows<ListRow>(
    db,
    sql`select e.id, children.first_name || ' ' || children.last_name as "childName", children.reference,
        h.name as "householdName", e.missing_on::text as "missingOn", e.returned_on::text as "returnedOn",
        e.interview_offered_on::text as "interviewOfferedOn", e.interview_not_offered_reason as "interviewNotOfferedReason"
      from ${from}
      order by ${order}
      limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from}`);
  return { rows, total: Number(total?.n ?? 0) };
}
