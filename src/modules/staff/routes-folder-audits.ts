/**
 * Audits of staff supervision folders (Target 9.1): the quarter's audits by area against the
 * plan's two in each, a folder chosen at random, the audit form and an audit's page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { areaOptions } from '../../platform/auth/organisation.ts';
import type { Db } from '../../platform/db/client.ts';
import { addWeeks, todayInLondon } from '../../platform/dates/index.ts';
import { linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { pageFrom } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { gradeNames, grades } from '../audits/labels.ts';
import { selectItems } from '../children/labels.ts';
import { ACTIONS_DONE_DATES, actionsDoneForm, folderAuditForm } from './forms.ts';
import { AUDITS_PAGE_SIZE, folderNotYetAudited, quarterAudits, quarterByArea } from './folder-audit-queries.ts';
import {
  folderToAudit,
  recordActionsDone,
  recordChoice,
  recordFolderAudit,
  viewFolderAudit,
} from './folder-audit-service.ts';
import {
  completeText,
  gradeTagOf,
  heldInWords,
  noteQuestions,
  quarterAfter,
  quarterBefore,
  quarterFrom,
  quarterParam,
  readingRows,
  storedRows,
} from './folder-audit-views.ts';
import {
  actionsDonePath,
  FOLDER_AUDITS,
  folderAuditPath,
  folderPath,
  newFolderAuditPath,
  PICK_FOLDER,
} from './paths.ts';
import type { MemberRecord } from './queries.ts';
import { auditsFolders, supervises } from './scope.ts';
import { FOLDER_AUDIT_ACTIONS_WEEKS, FOLDER_AUDIT_CITES, FOLDER_AUDITS_PER_AREA } from './settings.ts';
import { memberCaption, roleName } from './views.ts';

type Query = { Querystring: Record<string, string | undefined> };
type WithId = { Params: { id: string } };

const access = (permission: 'staff.view' | 'staff.folder-audits' | 'staff.audit-folders') => ({
  config: { access: { permission } },
});

const FORBIDDEN_LINES = ['Supervision folders are audited by the head of fostering, who never audits their own.'];

const doneMessages: Record<string, string> = {
  recorded: 'The audit of the supervision folder has been recorded',
  'none-left': 'Every folder in that area has been audited this quarter',
  'actions-done': 'The actions from the audit have been recorded as done',
};

const areaChoice = z.union([z.uuid(), z.literal('countywide')]);
const pickForm = z.object({ area: areaChoice });
/** The list's filters: anything else in the address is ignored, as if not chosen. */
const auditFilter = (query: Record<string, string | undefined>) => ({
  area: areaChoice.safeParse(query.area).data,
  grade: z.enum(grades).safeParse(query.grade).data,
});

export function folderAuditRoutes(app: FastifyInstance, db: Db) {
  app.get<Query>(FOLDER_AUDITS, access('staff.folder-audits'), async (request, reply) => {
    const today = todayInLondon();
    const quarter = quarterFrom(request.query.quarter, today);
    const current = quarter.start <= today && today <= quarter.end;
    const page = pageFrom(request.query.page);
    const filter = auditFilter(request.query);
    const areas = await quarterByArea(db, quarter.start, quarter.end);
    const list = await quarterAudits(db, quarter.start, quarter.end, page, filter);
    const areaNames = await areaOptions(db);
    const later = quarterAfter(quarter);
    return reply.page('staff-folder-audits.njk', {
      title: 'Supervision folder audits',
      quarter,
      perArea: FOLDER_AUDITS_PER_AREA,
      cites: FOLDER_AUDIT_CITES,
      canPick: current && auditsFolders(request.user!),
      // Staff with no area (the head, countywide roles) are audited too, but the plan's two a
      // quarter are per area: their row has no target.
      areas: areas.map((a) => ({
        ...a,
        area: a.areaId ?? 'countywide',
        target: a.areaId !== null,
        toDo: Math.max(0, FOLDER_AUDITS_PER_AREA - a.audited),
      })),
      quarterParam: quarterParam(quarter),
      filtered: Boolean(filter.area || filter.grade),
      areaItems: selectItems(
        [...areaNames.map((a) => ({ value: a.id, text: a.name })), { value: 'countywide', text: 'Countywide' }],
        filter.area,
        'Any area',
      ),
      gradeItems: selectItems(gradeNames, filter.grade, 'Any grade'),
      audits: list.rows.map((a) => ({
        href: folderAuditPath(a.id),
        on: formatDate(a.auditedOn),
        member: a.memberName,
        role: roleName(a.memberRole),
        area: a.areaName ?? 'Countywide',
        grade: gradeTagOf(a.grade),
        complete: completeText(a),
        auditor: a.auditorName,
      })),
      total: list.total,
      pages: pagination(request.url, page, AUDITS_PAGE_SIZE, list.total),
      earlier: {
        href: `${FOLDER_AUDITS}?quarter=${quarterParam(quarterBefore(quarter))}`,
        text: quarterBefore(quarter).label,
      },
      later:
        later.start <= today ? { href: `${FOLDER_AUDITS}?quarter=${quarterParam(later)}`, text: later.label } : null,
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: [
        { text: 'Home', href: '/' },
        { text: 'Staff supervision', href: '/staff' },
      ],
    });
  });

  app.post(PICK_FOLDER, access('staff.audit-folders'), async (request, reply) => {
    const parsed = pickForm.safeParse(request.body);
    if (!parsed.success) return reply.redirect(FOLDER_AUDITS, 303);
    const today = todayInLondon();
    const quarter = quarterFrom(undefined, today);
    const area = parsed.data.area === 'countywide' ? null : parsed.data.area;
    const memberId = await folderNotYetAudited(db, area, quarter.start, quarter.end);
    if (memberId) await recordChoice(db, who(request), memberId);
    return reply.redirect(memberId ? newFolderAuditPath(memberId) : `${FOLDER_AUDITS}?done=none-left`, 303);
  });

  const showForm = async (
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof folderToAudit>>>,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) => {
    if (!found.may) return forbiddenPage(reply, found.member);
    return reply.code(errors ? 400 : 200).page('staff-folder-audit-form.njk', {
      title: 'Audit a supervision folder',
      caption: memberCaption(found.member),
      member: found.member,
      action: newFolderAuditPath(found.member.id),
      folderHref: folderPath(found.member.id),
      cancel: folderPath(found.member.id),
      today: formatDate(todayInLondon()),
      reading: readingRows(found.reading, found.contents),
      questions: noteQuestions,
      gradeItems: grades.map((g) => ({ value: g, text: gradeNames[g], checked: values.grade === g })),
      values,
      errors,
      cites: FOLDER_AUDIT_CITES,
      breadcrumbs: [
        { text: 'Supervision folder audits', href: FOLDER_AUDITS },
        { text: found.member.displayName, href: folderPath(found.member.id) },
      ],
    });
  };

  const forbiddenPage = (reply: FastifyReply, member: MemberRecord) =>
    reply.code(403).page('error.njk', {
      title: 'You cannot audit this folder',
      lines: FORBIDDEN_LINES,
      backLink: { href: folderPath(member.id) },
    });

  app.get<WithId>('/staff/:id/folder-audit', access('staff.audit-folders'), async (request, reply) => {
    const found = await folderToAudit(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    return showForm(reply, found, {});
  });

  app.post<WithId>('/staff/:id/folder-audit', access('staff.audit-folders'), async (request, reply) => {
    const parsed = parseForm(folderAuditForm, request.body);
    if (!parsed.ok) {
      const found = await folderToAudit(db, who(request), request.params.id);
      if (!found) return reply.callNotFound();
      return showForm(reply, found, parsed.input, parsed.errors);
    }
    const result = await recordFolderAudit(db, who(request), request.params.id, parsed.value);
    const next = result.ok ? `${folderAuditPath(result.id)}?done=recorded` : folderPath(request.params.id);
    return answerForm(reply, result, next, async (errors) => {
      const found = await folderToAudit(db, who(request), request.params.id);
      return found ? showForm(reply, found, parsed.value, errors) : reply.callNotFound();
    });
  });

  const showAudit = (
    request: FastifyRequest<Query & WithId>,
    reply: FastifyReply,
    { audit, member }: NonNullable<Awaited<ReturnType<typeof viewFolderAudit>>>,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('staff-folder-audit.njk', {
      title: `Supervision folder audit: ${member.displayName}`,
      caption: memberCaption(member),
      heading: `Audit of ${member.displayName}’s supervision folder`,
      audit,
      on: formatDate(audit.auditedOn),
      grade: gradeTagOf(audit.grade),
      held: heldInWords(audit),
      contents: storedRows(audit),
      answers: noteQuestions.map((q) => ({ text: q.text, answer: audit[q.name] ? 'Yes' : 'No' })),
      folderHref: folderPath(member.id),
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: [
        { text: 'Home', href: '/' },
        ...(auditsFolders(request.user!) || request.user!.role === 'assistant_director'
          ? [{ text: 'Supervision folder audits', href: FOLDER_AUDITS }]
          : []),
        { text: member.displayName, href: folderPath(member.id) },
      ],
      actions: audit.actionsForManager && {
        dueOn: formatDate(addWeeks(audit.auditedOn, FOLDER_AUDIT_ACTIONS_WEEKS)),
        done: audit.actionsDoneOn && { on: formatDate(audit.actionsDoneOn), by: audit.actionsDoneByName },
        form: !audit.actionsDoneOn && supervises(request.user!, member) ? actionsDonePath(audit.id) : null,
      },
      values,
      errors,
    });

  app.get<Query & WithId>('/staff/folder-audits/:id', access('staff.view'), async (request, reply) => {
    const found = await viewFolderAudit(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    return showAudit(request, reply, found);
  });

  // The member's manager (or the head) records the audit's actions done.
  app.post<Query & WithId>('/staff/folder-audits/:id/actions-done', access('staff.view'), async (request, reply) => {
    const parsed = parseDatedForm(actionsDoneForm, request.body, ACTIONS_DONE_DATES);
    const again = async (errors: FormErrors) => {
      const found = await viewFolderAudit(db, who(request), request.params.id);
      return found
        ? showAudit(request, reply, found, request.body as Record<string, unknown>, errors)
        : reply.callNotFound();
    };
    if (!parsed.ok) return again(parsed.errors);
    const result = await recordActionsDone(db, who(request), request.params.id, parsed.value.doneOn);
    return answerForm(reply, result, `${folderAuditPath(request.params.id)}?done=actions-done`, (errors) =>
      again(linkDateErrors(errors, ACTIONS_DONE_DATES)),
    );
  });
}
