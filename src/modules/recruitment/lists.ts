/** The recruitment pipeline and the information events: paged, filtered and counted in SQL. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import type { PipelineQuery } from './forms.ts';
import { pipelineStages } from './labels.ts';
import {
  recruitmentAssessments,
  recruitmentEnquiries,
  recruitmentEventAttendees,
  recruitmentEvents,
} from './tables.ts';

export const PIPELINE_PAGE_SIZE = 25;
export const EVENTS_PAGE_SIZE = 20;

function pipelineWhere(viewer: SignedInUser, query: PipelineQuery, withStage: boolean): SQL {
  return and(
    householdVisibleTo(viewer),
    inArray(households.status, [...pipelineStages]),
    withStage && query.stage ? eq(households.status, query.stage) : undefined,
    query.source ? eq(recruitmentEnquiries.source, query.source) : undefined,
    query.area ? eq(teams.areaId, query.area) : undefined,
  )!;
}

/** One page of households on the road in (those that came by an enquiry), newest enquiry first, with counts by stage. */
export async function pipeline(db: DbOrTx, viewer: SignedInUser, query: PipelineQuery) {
  const from = () =>
    db
      .select({ status: households.status, n: sql<number>`count(*)::int` })
      .from(households)
      .innerJoin(recruitmentEnquiries, eq(recruitmentEnquiries.householdId, households.id))
      .innerJoin(teams, eq(teams.id, households.teamId));
  const counts = await from()
    .where(pipelineWhere(viewer, query, false))
    .groupBy(households.status);
  const byStage = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
  const total = query.stage ? (byStage[query.stage] ?? 0) : counts.reduce((a, c) => a + Number(c.n), 0);
  const pages = Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db
    .select({
      id: households.id,
      name: households.name,
      reference: households.reference,
      status: households.status,
      statusSince: households.statusSince,
      restricted: households.restricted,
      enquiredOn: recruitmentEnquiries.enquiredOn,
      source: recruitmentEnquiries.source,
      answeredOn: recruitmentEnquiries.answeredOn,
      appliedOn: recruitmentAssessments.appliedOn,
      completedOn: recruitmentAssessments.completedOn,
      teamName: teams.name,
      areaName: areas.name,
    })
    .from(households)
    .innerJoin(recruitmentEnquiries, eq(recruitmentEnquiries.householdId, households.id))
    .innerJoin(teams, eq(teams.id, households.teamId))
    .innerJoin(areas, eq(areas.id, teams.areaId))
    .leftJoin(recruitmentAssessments, eq(recruitmentAssessments.householdId, households.id))
    .where(pipelineWhere(viewer, query, true))
    .orderBy(desc(recruitmentEnquiries.enquiredOn), asc(households.reference))
    .limit(PIPELINE_PAGE_SIZE)
    .offset((page - 1) * PIPELINE_PAGE_SIZE);
  return { rows, total, page, byStage };
}

/** One page of information events, newest first, with who came (only the households the viewer may see). */
export async function eventList(db: DbOrTx, viewer: SignedInUser, page: number) {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(recruitmentEvents);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = await db
    .select({
      id: recruitmentEvents.id,
      heldOn: recruitmentEvents.heldOn,
      place: recruitmentEvents.place,
      online: recruitmentEvents.online,
      came: sql<number>`(select count(*)::int from ${recruitmentEventAttendees} a where a.event_id = recruitment_events.id)`,
      names: sql<string | null>`(select string_agg(h.name, ', ' order by h.name)
        from recruitment_event_attendees a join households h on h.id = a.household_id
        where a.event_id = recruitment_events.id
          and h.id in (select ${households.id} from ${households} where ${householdVisibleTo(viewer)}))`,
    })
    .from(recruitmentEvents)
    .orderBy(desc(recruitmentEvents.heldOn), asc(recruitmentEvents.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset((current - 1) * EVENTS_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, came: Number(r.came) })), total, page: current };
}

/** Households at enquiry or application, newest first, to tick as having come to an event. */
export async function attendeeOptions(db: DbOrTx, viewer: SignedInUser) {
  return db
    .select({
      id: households.id,
      name: households.name,
      reference: households.reference,
      enquiredOn: recruitmentEnquiries.enquiredOn,
    })
    .from(households)
    .innerJoin(recruitmentEnquiries, eq(recruitmentEnquiries.householdId, households.id))
    .where(and(householdVisibleTo(viewer), inArray(households.status, ['enquiry', 'applicant'])))
    .orderBy(desc(recruitmentEnquiries.enquiredOn), asc(households.name))
    .limit(60);
}
