/** The member's folder, "My supervision", and the manager's team list. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom, queryId } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { formatDate } from '../../platform/views/format.ts';
import { folderAuditPath, folderPath, MY_SUPERVISION, newFolderAuditPath, TEAM_LIST } from './paths.ts';
import {
  awaitingMySignature,
  SESSIONS_PAGE_SIZE,
  statusFilters,
  TEAM_PAGE_SIZE,
  teamChoices,
  teamList,
} from './queries.ts';
import { auditsFolders, supervises } from './scope.ts';
import { auditsOfFolder } from './folder-audit-queries.ts';
import { gradeTagOf, heldInWords } from './folder-audit-views.ts';
import { viewFolder } from './service.ts';
import { inductionDueOn, inductionItems } from './settings.ts';
import {
  doneMessages,
  dueTag,
  inductionDone,
  inductionRows,
  memberCaption,
  nextDue,
  roleName,
  sessionRows,
  trainingRecordRows,
  trainingRows,
} from './views.ts';

/** The folder's latest audits, for the folder's page, and whether this reader may audit it. */
async function folderAuditsFor(db: Db, user: SignedInUser, memberId: string) {
  const { total, rows } = await auditsOfFolder(db, memberId);
  return {
    total,
    canAudit: auditsFolders(user, memberId),
    auditHref: newFolderAuditPath(memberId),
    rows: rows.map((a) => ({
      href: folderAuditPath(a.id),
      on: formatDate(a.auditedOn),
      auditor: a.auditorName,
      grade: gradeTagOf(a.grade),
      held: heldInWords(a),
    })),
  };
}

type Folder = NonNullable<Awaited<ReturnType<typeof viewFolder>>>;
type Query = { Querystring: Record<string, string | undefined> };

const access = (permission: 'staff.view' | 'staff.own' | 'staff.oversee') => ({ config: { access: { permission } } });

async function folderPage(db: Db, request: FastifyRequest<Query>, reply: FastifyReply, found: Folder, own: boolean) {
  const { member, folder } = found;
  const user: SignedInUser = request.user!;
  const page = pageFrom(request.query.page);
  const today = todayInLondon();
  const joinedOn = folder.start?.joinedOn ?? today;
  const due = nextDue(member, folder, joinedOn);
  const done = doneMessages[request.query.done ?? ''];
  return reply.page('staff-folder.njk', {
    title: own ? 'My supervision' : `Supervision folder: ${member.displayName}`,
    heading: own ? 'My supervision' : member.displayName,
    caption: memberCaption(member),
    member,
    folder,
    own,
    canSupervise: supervises(user, member),
    awaiting: own ? await awaitingMySignature(db, user) : [],
    managerName: member.managerName,
    nextDue: { on: formatDate(due), tag: dueTag(due, today) },
    sessionRows: sessionRows(folder),
    folderAudits: await folderAuditsFor(db, user, member.id),
    trainingRows: trainingRows(folder, joinedOn, today),
    trainingRecordRows: trainingRecordRows(folder, supervises(user, member)),
    induction: folder.start?.inductionRequired
      ? {
          rows: inductionRows(folder),
          done: inductionDone(folder),
          of: inductionItems.length,
          dueOn: formatDate(inductionDueOn(folder.start.joinedOn)),
        }
      : null,
    pages: pagination(request.url, page, SESSIONS_PAGE_SIZE, folder.sessionCount),
    flash: done,
    breadcrumbs: own
      ? [{ text: 'Home', href: '/' }]
      : [
          { text: 'Home', href: '/' },
          ...(user.role === 'team_manager' || user.role === 'head_of_fostering' || user.role === 'assistant_director'
            ? [{ text: 'Staff supervision', href: TEAM_LIST }]
            : []),
        ],
  });
}

const listQuery = z.object({
  team: queryId,
  status: z.enum(statusFilters).optional().catch(undefined),
});

export function folderRoutes(app: FastifyInstance, db: Db) {
  app.get<Query & { Params: { id: string } }>('/staff/:id', access('staff.view'), async (request, reply) => {
    const found = await viewFolder(db, who(request), request.params.id, pageFrom(request.query.page));
    if (!found) return reply.callNotFound();
    return folderPage(db, request, reply, found, found.member.id === request.user!.id);
  });

  app.get<Query>(MY_SUPERVISION, access('staff.own'), async (request, reply) => {
    const found = await viewFolder(db, who(request), request.user!.id, pageFrom(request.query.page));
    if (!found) return reply.callNotFound();
    return folderPage(db, request, reply, found, true);
  });

  app.get<Query>(TEAM_LIST, access('staff.oversee'), async (request, reply) => {
    const user = request.user!;
    const filters = listQuery.parse(request.query);
    const page = pageFrom(request.query.page);
    const today = todayInLondon();
    const list = await teamList(db, user, {
      teamId: user.role === 'team_manager' ? null : (filters.team ?? null),
      status: filters.status ?? null,
      page,
      today,
    });
    const teams = user.role === 'team_manager' ? [] : await teamChoices(db);
    return reply.page('staff-team.njk', {
      title: 'Staff supervision',
      rows: list.rows.map((row) => [
        { html: `<a class="govuk-link" href="${folderPath(row.id)}">${escapeHtml(row.displayName)}</a>` },
        { text: roleName(row.role) },
        { text: row.teamName ?? 'No team' },
        { text: row.lastOn ? formatDate(row.lastOn) : 'None recorded' },
        {
          html: `${formatDate(row.dueOn)} <strong class="govuk-tag ${dueTag(row.dueOn, today).classes}">${dueTag(row.dueOn, today).text}</strong>`,
        },
        { text: row.unsigned ? `${row.unsigned} awaiting signature` : 'All signed' },
      ]),
      total: list.total,
      filters,
      teamItems: [
        { value: '', text: 'All teams' },
        ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === filters.team })),
      ],
      showTeams: teams.length > 0,
      statusItems: [
        { value: '', text: 'Everyone' },
        { value: 'overdue', text: 'Overdue', selected: filters.status === 'overdue' },
        { value: 'due-soon', text: 'Due in the next 14 days', selected: filters.status === 'due-soon' },
      ],
      pages: pagination(request.url, page, TEAM_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
