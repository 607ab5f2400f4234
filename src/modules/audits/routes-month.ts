/** The audits home (a month's samples and the completed audits one may see), picking a month's files, the month's page and the head's summary. */
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { formatDate } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid, pageFrom } from '../../platform/views/params.ts';
import { refused, who } from '../../platform/views/results.ts';
import { isMonth } from './forms.ts';
import { sectionNames } from './labels.ts';
import { auditPath, auditsHomePath, auditStepPath, monthPath, pickPath, summaryPath } from './paths.ts';
import { completedAudits, findVisibleMonth, LIST_PAGE_SIZE, monthFiles, samplesOfMonth } from './queries.ts';
import { mayConduct, mayPick } from './scope.ts';
import { pickFiles } from './service.ts';
import { CENTRAL_SAMPLE, TEAM_SAMPLE } from './settings.ts';
import { teamMonths, themes } from './summary.ts';
import { gradeTag, monthAfter, monthBefore, monthName, putRightText, thisMonth } from './views.ts';

const access = (permission: 'audits.view' | 'audits.conduct' | 'audits.summary'): RouteShorthandOptions => ({
  config: { access: { permission } },
});
type MonthQuery = { Querystring: { month?: string; page?: string } };

const monthNav = (month: string, path: (m: string) => string) => ({
  previous: { href: path(monthBefore(month)), text: monthName(monthBefore(month)) },
  next: month < thisMonth() ? { href: path(monthAfter(month)), text: monthName(monthAfter(month)) } : null,
});

export function monthRoutes(app: FastifyInstance, db: Db) {
  app.get<MonthQuery>('/audits', access('audits.view'), async (request, reply) => {
    const user = request.user!;
    const month =
      isMonth(request.query.month) && request.query.month <= thisMonth() ? request.query.month : thisMonth();
    const samples = await samplesOfMonth(db, user, month);
    const page = pageFrom(request.query.page);
    const list = await completedAudits(db, user, page);
    return reply.page('audits-home.njk', {
      title: `Case-file audits, ${monthName(month)}`,
      month,
      monthName: monthName(month),
      nav: monthNav(month, auditsHomePath),
      samples: samples.map((s) => ({
        name: s.teamName ?? 'Central sample (across the county)',
        target: s.teamId ? TEAM_SAMPLE : CENTRAL_SAMPLE,
        href: s.monthId ? monthPath(s.monthId) : null,
        files: s.files,
        done: s.done,
        inadequate: s.inadequate,
        team: s.teamId ?? 'central',
        mayPick: !s.monthId && mayPick(user, { teamId: s.teamId, areaId: s.areaId }),
      })),
      audits: list.rows.map((a) => ({
        href: auditPath(a.id),
        household: `${a.householdName} (${a.householdReference})`,
        auditedOn: formatDate(a.auditedOn),
        tag: gradeTag(a.grade),
        putRight: putRightText(a),
      })),
      pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
      pickAction: pickPath(),
      summaryHref: can(user.role, 'audits.summary') ? summaryPath(month) : null,
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  app.post<{ Body: { month?: string; team?: string } }>(
    pickPath(),
    access('audits.conduct'),
    async (request, reply) => {
      const { month, team } = request.body ?? {};
      const teamId = team === 'central' ? null : isUuid(team) ? team : undefined;
      if (!isMonth(month) || teamId === undefined) return reply.redirect(auditsHomePath(), 303);
      const result = await pickFiles(db, who(request), { month, teamId });
      if (result.ok) return reply.redirect(monthPath(result.id), 303);
      if (result.reason === 'invalid') {
        return reply.code(400).page('error.njk', {
          title: 'These files cannot be picked yet',
          lines: result.errors.map((e) => e.message),
          backLink: { href: auditsHomePath(month) },
        });
      }
      return refused(reply, result, {
        backHref: auditsHomePath(month),
        lines: ['A team manager picks their own team’s files; the head and service managers pick the central sample.'],
      });
    },
  );

  app.get<{ Params: { id: string } }>('/audits/months/:id', access('audits.conduct'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const user = request.user!;
    const month = await findVisibleMonth(db, user, request.params.id);
    if (!month) return reply.callNotFound();
    const files = await monthFiles(db, user, month.id);
    await recordAudit(db, request.actor(), {
      action: 'view',
      recordType: 'audit-month',
      recordId: month.id,
      detail: { files: files.length },
    });
    const name = month.teamName ?? 'Central sample';
    const swapped = files.some((f) => f.status === 'swapped');
    return reply.page('audits-month.njk', {
      title: `${name}: audits of ${monthName(month.month)}`,
      caption: monthName(month.month),
      heading: `${name}: case-file audits`,
      pickedOn: formatDate(month.pickedOn),
      target: month.teamId ? TEAM_SAMPLE : CENTRAL_SAMPLE,
      done: files.filter((f) => f.status === 'completed').length,
      // The files to audit, as the audits home counts them: a file swapped out is not one of them.
      picked: files.filter((f) => f.status !== 'swapped').length,
      files: files.map((f) => ({
        household: `${f.householdName} (${f.householdReference})`,
        href: auditPath(f.id),
        status: f.status,
        because: f.pickedBecause,
        tag: f.status === 'swapped' ? { text: 'Swapped out', classes: 'govuk-tag--grey' } : gradeTag(f.grade),
        auditHref: f.status === 'to_do' && mayConduct(user, f) ? auditStepPath(f.id, 'grade') : null,
        swapHref: f.status === 'to_do' && !swapped && mayConduct(user, f) ? auditStepPath(f.id, 'swap') : null,
        swapReason: f.swapReason,
        putRight: putRightText(f),
      })),
      breadcrumbs: [{ text: 'Case-file audits', href: auditsHomePath(month.month) }],
    });
  });

  app.get<MonthQuery>('/audits/summary', access('audits.summary'), async (request, reply) => {
    const month =
      isMonth(request.query.month) && request.query.month <= thisMonth() ? request.query.month : thisMonth();
    const [teams, found] = [await teamMonths(db, month), await themes(db, month)];
    return reply.page('audits-summary.njk', {
      title: `Monthly audit summary, ${monthName(month)}`,
      monthName: monthName(month),
      nav: monthNav(month, summaryPath),
      teams: teams.map((t) => ({
        ...t,
        name: t.teamName ?? 'Central sample',
        target: t.teamName ? TEAM_SAMPLE : CENTRAL_SAMPLE,
      })),
      themes: found.map((t) => ({ ...t, name: sectionNames[t.section] })),
      breadcrumbs: [{ text: 'Case-file audits', href: auditsHomePath(month) }],
    });
  });
}
