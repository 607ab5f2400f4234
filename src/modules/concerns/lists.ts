/**
 * The lists of matters: the register (filtered by kind, stage, team, age and status, sorted and
 * paged in SQL), the LADO's home (open allegations counted by stage and age), a household's
 * matters and events, and what a carer sees in the portal. Every list is scoped by concerns/scope.ts.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { pageNumber, queryId } from '../../platform/views/params.ts';
import { households } from '../households/tables.ts';
import { kinds } from './labels.ts';
import { matterTeamId } from './queries.ts';
import { concernVisibleTo, eventVisibleTo } from './scope.ts';
import { allegationStages, stages } from './stage.ts';
import { concerns, eventNotices, significantEvents } from './tables.ts';

export const REGISTER_PAGE_SIZE = 25;

export const ages = ['under-1-month', '1-to-3-months', 'over-3-months'] as const;
export type Age = (typeof ages)[number];
export const ageNames: Record<Age, string> = {
  'under-1-month': 'Under 1 month',
  '1-to-3-months': '1 to 3 months',
  'over-3-months': 'Over 3 months',
};

const anyOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

export const registerQuery = z.object({
  kind: anyOf(kinds),
  stage: anyOf(stages),
  team: queryId,
  age: anyOf(ages),
  status: z.enum(['open', 'closed', 'all']).catch('open'),
  sort: z.enum(['known', 'kind', 'stage']).catch('known'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: pageNumber,
});
export type RegisterQuery = z.infer<typeof registerQuery>;

/** How long a matter has been (or was) open: from the day it became known to its closing, or today. */
const openUntil = (today: IsoDate) => sql`coalesce(${concerns.closedOn}, ${today}::date)`;

/**
 * The age bands, as the allegation's own page tells them: over 3 months only after the day 3 months
 * on (the aim is to conclude within 3 months, so that day is still within them).
 */
function ageCondition(age: Age, today: IsoDate): SQL {
  const until = openUntil(today);
  if (age === 'under-1-month') return sql`${concerns.knownOn} > (${until} - interval '1 month')::date`;
  if (age === '1-to-3-months') {
    return sql`${concerns.knownOn} <= (${until} - interval '1 month')::date and ${concerns.knownOn} >= (${until} - interval '3 months')::date`;
  }
  return sql`${concerns.knownOn} < (${until} - interval '3 months')::date`;
}

function registerWhere(viewer: SignedInUser, query: Partial<RegisterQuery>, today: IsoDate, householdId?: string): SQL {
  const conditions: SQL[] = [concernVisibleTo(viewer)];
  if (householdId) conditions.push(eq(concerns.householdId, householdId));
  if (query.kind) conditions.push(eq(concerns.kind, query.kind));
  if (query.stage) conditions.push(eq(concerns.stage, query.stage));
  if (query.team) conditions.push(sql`${matterTeamId} = ${query.team}`);
  if (query.age) conditions.push(ageCondition(query.age, today));
  if (query.status === 'open') conditions.push(sql`${concerns.closedOn} is null`);
  if (query.status === 'closed') conditions.push(sql`${concerns.closedOn} is not null`);
  return and(...conditions)!;
}

export interface RegisterRow {
  id: string;
  kind: string;
  stage: string;
  knownOn: string;
  closedOn: string | null;
  outcome: string | null;
  householdId: string | null;
  householdName: string | null;
  householdReference: string | null;
  teamName: string;
  againstKind: string;
  raisedBy: string;
}

/** One page of the matters the viewer may see, filtered and sorted in SQL, with the count of all. */
export async function listMatters(
  db: DbOrTx,
  viewer: SignedInUser,
  query: RegisterQuery,
  today: IsoDate,
  householdId?: string,
): Promise<{ rows: RegisterRow[]; total: number; page: number }> {
  const where = registerWhere(viewer, query, today, householdId);
  const from = db
    .select({ n: sql<number>`count(*)::int` })
    .from(concerns)
    .leftJoin(households, eq(households.id, concerns.householdId));
  const [counted] = await from.where(where);
  const total = Number(counted?.n ?? 0);
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)));
  const direction = query.dir === 'asc' ? asc : desc;
  const primary = { known: concerns.knownOn, kind: concerns.kind, stage: concerns.stage }[query.sort];
  const rows = await db
    .select({
      id: concerns.id,
      kind: concerns.kind,
      stage: concerns.stage,
      knownOn: concerns.knownOn,
      closedOn: concerns.closedOn,
      outcome: concerns.outcome,
      householdId: concerns.householdId,
      householdName: households.name,
      householdReference: households.reference,
      teamName: teams.name,
      againstKind: concerns.againstKind,
      raisedBy: concerns.raisedBy,
    })
    .from(concerns)
    .leftJoin(households, eq(households.id, concerns.householdId))
    .innerJoin(teams, sql`${teams.id} = ${matterTeamId}`)
    .where(where)
    .orderBy(direction(primary), direction(concerns.knownOn), asc(concerns.id))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE);
  return { rows, total, page };
}

/** The open allegations the viewer may see, counted by stage and age (the LADO's home). */
export async function allegationsByStageAndAge(db: DbOrTx, viewer: SignedInUser, today: IsoDate) {
  const band = sql`case when ${concerns.knownOn} > (${today}::date - interval '1 month')::date then 'under-1-month'
    when ${concerns.knownOn} >= (${today}::date - interval '3 months')::date then '1-to-3-months'
    else 'over-3-months' end`;
  const rows = await db
    .select({ stage: concerns.stage, age: sql<string>`${band}`, n: sql<number>`count(*)::int` })
    .from(concerns)
    .where(and(eq(concerns.kind, 'allegation'), sql`${concerns.closedOn} is null`, concernVisibleTo(viewer)))
    // By position: the age band's date is a parameter, and a second copy of it in GROUP BY would
    // be a different expression to PostgreSQL.
    .groupBy(sql`1, 2`);
  return allegationStages.map((stage) => {
    const cells = ages.map((age) => ({
      age,
      n: Number(rows.find((r) => r.stage === stage && r.age === age)?.n ?? 0),
    }));
    return { stage, cells, total: cells.reduce((sum, c) => sum + c.n, 0) };
  });
}

/** The significant events on a household the viewer may see, newest first, with whether Ofsted was told. */
export async function householdEvents(db: DbOrTx, viewer: SignedInUser, householdId: string) {
  return db
    .select({
      id: significantEvents.id,
      kind: significantEvents.kind,
      knownAt: significantEvents.knownAt,
      // The event's id named in full: Drizzle writes a selected column unqualified, and a notice has an id too.
      ofstedToldAt: sql<Date | null>`(select min(${eventNotices.toldAt}) from ${eventNotices}
        where ${eventNotices.eventId} = significant_events.id and ${eventNotices.recipient} = 'ofsted')`,
    })
    .from(significantEvents)
    .where(and(eq(significantEvents.householdId, householdId), eventVisibleTo(viewer)))
    .orderBy(desc(significantEvents.knownAt))
    .limit(50);
}

/**
 * What a carer is told in the portal of the open allegations and standard-of-care concerns about
 * their household: that one is open, its stage, and who supports them. Nothing else is read.
 */
export async function openMattersForCarer(db: DbOrTx, user: SignedInUser) {
  if (user.role !== 'foster_carer' || !user.householdId) return [];
  return queryRows<{ id: string; stage: string; support_by: string | null; support_organisation: string | null }>(
    db,
    sql`select ${concerns.id} as id, ${concerns.stage} as stage, ${concerns.supportBy} as support_by,
        ${concerns.supportOrganisation} as support_organisation
      from ${concerns}
      where ${concerns.householdId} = ${user.householdId} and ${concerns.closedOn} is null
        and ${concerns.kind} in ('allegation', 'standard_of_care')
      order by ${concerns.knownOn}, ${concerns.id}`,
  );
}
