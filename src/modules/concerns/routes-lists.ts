/** The concerns register, the LADO's home, and a household's matters and significant events. */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { timeBetweenInWords, todayInLondon, workingDaysBetween } from '../../platform/dates/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { sortColumns } from '../../platform/views/sorting.ts';
import { findVisibleHousehold } from '../households/scope.ts';
import { teamOptions } from '../../platform/auth/organisation.ts';
import { householdPath } from '../households/paths.ts';
import { eventKindNames, kindNames, kinds, outcomeNames } from './labels.ts';
import {
  ageNames,
  ages,
  allegationsByStageAndAge,
  householdEvents,
  listMatters,
  REGISTER_PAGE_SIZE,
  registerQuery,
  type RegisterQuery,
  type RegisterRow,
} from './lists.ts';
import {
  eventPath,
  householdMattersPath,
  matterPath,
  newEventPath,
  newMatterOnHouseholdPath,
  newMatterPath,
} from './paths.ts';
import { worksOn } from './scope.ts';
import { allegationStages, stageNames, stages } from './stage.ts';
import { stageTag } from './views.ts';

type Query = { Querystring: Record<string, string | undefined> };
type WithId = Query & { Params: { id: string } };

/** A row of a list of matters, in words. */
function rowView(row: RegisterRow, today: string) {
  return {
    href: matterPath(row.id),
    knownOn: row.knownOn,
    kindName: named(kindNames, row.kind),
    outcome: row.outcome ? named(outcomeNames, row.outcome) : null,
    about: row.householdName ? `${row.householdName} (${row.householdReference})` : 'The fostering service',
    teamName: row.teamName,
    stageTag: stageTag(row.stage),
    open: timeBetweenInWords(row.knownOn, row.closedOn ?? today),
    workingDays: workingDaysBetween(row.knownOn, row.closedOn ?? today),
  };
}

function registerHref(query: Partial<RegisterQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && k !== 'page') params.set(k, String(v));
  return `/concerns?${params.toString()}`;
}

const option = (value: string, text: string, current: unknown) => ({ value, text, selected: value === current });

export function listRoutes(app: FastifyInstance, db: Db) {
  app.get<Query>('/concerns', { config: { access: { permission: 'concerns.view' } } }, async (request, reply) => {
    const user = request.user!;
    const query = registerQuery.parse(request.query ?? {});
    const today = todayInLondon();
    const { rows, total, page } = await listMatters(db, user, query, today);
    const teams = await teamOptions(db);
    // The LADO sees allegations alone: the filters offer nothing that would always come back empty.
    const allegationsOnly = user.role === 'lado';
    const kindsOffered = allegationsOnly ? kinds.filter((k) => k === 'allegation') : kinds;
    const stagesOffered = allegationsOnly ? [...allegationStages, 'closed' as const] : stages;
    return reply.page('concerns-register.njk', {
      allegationsOnly,
      title: total > REGISTER_PAGE_SIZE ? `Concerns register (page ${page})` : 'Concerns register',
      query,
      rows: rows.map((r) => rowView(r, today)),
      total,
      pagination: pagination(request.url, page, REGISTER_PAGE_SIZE, total),
      sort: sortColumns(['known', 'kind', 'stage'] as const, query, (s) => registerHref({ ...query, ...s })),
      filters: {
        kind: [
          option('', 'Any kind', query.kind ?? ''),
          ...kindsOffered.map((k) => option(k, kindNames[k], query.kind)),
        ],
        stage: [
          option('', 'Any stage', query.stage ?? ''),
          ...stagesOffered.map((s) => option(s, stageNames[s], query.stage)),
        ],
        team: [option('', 'Every team', query.team ?? ''), ...teams.map((t) => option(t.id, t.name, query.team))],
        age: [option('', 'Any age', query.age ?? ''), ...ages.map((a) => option(a, ageNames[a], query.age))],
        status: [
          option('open', 'Open', query.status),
          option('closed', 'Closed', query.status),
          option('all', 'Open or closed', query.status),
        ],
      },
      canRecordForService: can(user.role, 'concerns.record'),
      newHref: newMatterPath(),
    });
  });

  app.get<Query>('/lado', { config: { access: { permission: 'allegations.lado' } } }, async (request, reply) => {
    const user = request.user!;
    const today = todayInLondon();
    const query = registerQuery.parse({
      ...request.query,
      kind: 'allegation',
      status: 'open',
      sort: 'known',
      dir: 'asc',
    });
    const { rows, total, page } = await listMatters(db, user, query, today);
    const grid = await allegationsByStageAndAge(db, user, today);
    return reply.page('concerns-lado.njk', {
      title: 'Open allegations',
      grid: grid.map((row) => ({
        stageName: stageNames[row.stage],
        total: row.total,
        cells: row.cells.map((c) => ({
          ...c,
          href: registerHref({ kind: 'allegation', status: 'open', stage: row.stage, age: c.age }),
        })),
      })),
      ageNames: ages.map((a) => ageNames[a]),
      rows: rows.map((r) => rowView(r, today)),
      total,
      pagination: pagination(request.url, page, REGISTER_PAGE_SIZE, total),
      registerHref: registerHref({ kind: 'allegation', status: 'all' }),
    });
  });

  app.get<WithId>(
    '/households/:id/concerns',
    { config: { access: { permission: 'concerns.view' } } },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const user: SignedInUser = request.user!;
      const household = await findVisibleHousehold(db, user, request.params.id);
      if (!household) return reply.callNotFound();
      await recordAudit(db, who(request).actor, {
        action: 'view',
        recordType: 'household',
        recordId: household.id,
        detail: { page: 'concerns' },
      });
      const today = todayInLondon();
      const query = registerQuery.parse({ ...request.query, status: 'all' });
      const { rows, total, page } = await listMatters(db, user, query, today, household.id);
      const events = await householdEvents(db, user, household.id);
      const place = {
        householdId: household.id,
        teamId: household.teamId,
        areaId: household.areaId,
        allocatedSswId: household.allocatedSswId,
      };
      return reply.page('concerns-household.njk', {
        title: `Concerns, complaints and allegations: ${household.name}`,
        household,
        rows: rows.map((r) => rowView(r, today)),
        total,
        pagination: pagination(request.url, page, REGISTER_PAGE_SIZE, total),
        events: events.map((e) => ({
          href: eventPath(e.id),
          kindName: named(eventKindNames, e.kind),
          knownAt: e.knownAt,
          ofstedToldAt: e.ofstedToldAt,
          dueBy: new Date(new Date(e.knownAt).getTime() + 24 * 3_600_000),
        })),
        canRecord: can(user.role, 'concerns.record') && worksOn(user, { ...place, kind: 'complaint' }),
        newHref: newMatterOnHouseholdPath(household.id),
        newEventHref: newEventPath(household.id),
        breadcrumbs: [
          { text: 'Households', href: '/households' },
          { text: household.name, href: householdPath(household.id) },
        ],
        selfHref: householdMattersPath(household.id),
        flash:
          request.query.done === 'event-removed'
            ? 'The significant event has been removed'
            : request.query.done === 'matter-removed'
              ? 'The matter recorded in error has been removed'
              : undefined,
      });
    },
  );
}
