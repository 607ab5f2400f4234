import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { parseForm } from '../../platform/views/forms.ts';
import { quarterOf, type Quarter } from '../../platform/dates/quarters.ts';
import { quarterFromStart, reportTitle } from './content.ts';
import { isQuarterStart, narrativeForm } from './forms.ts';
import { reportPath } from './paths.ts';
import {
  findReport,
  issueReport,
  listReports,
  narrativeOf,
  quarterReport,
  reportDocument,
  ReportIssuedError,
  saveNarrative,
  statusText,
} from './service.ts';

const ragClasses = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  none: 'govuk-tag--grey',
  unrated: 'govuk-tag--grey',
};

type QuarterParams = { Params: { quarter: string } };
const view: RouteShorthandOptions = { config: { access: { permission: 'reports.view' } } };
const edit: RouteShorthandOptions = { config: { access: { permission: 'reports.edit' } } };

const crumbs = (q?: Quarter) => [
  { text: 'Home', href: '/' },
  { text: 'Quarterly reports', href: '/reports' },
  ...(q ? [{ text: q.label, href: reportPath(q.start) }] : []),
];

/** The quarter an address names: one that has begun (a future quarter has no report to read). */
function quarterParam(raw: string): Quarter | null {
  const q = isQuarterStart(raw) ? quarterFromStart(raw) : null;
  return q && q.start <= todayInLondon() ? q : null;
}

/** A quarter still running is drafted but issued only once it has ended: its figures are still being counted. */
const stillRunning = (q: Quarter) => q.end >= todayInLondon();

const runningPage = (reply: FastifyReply, q: Quarter) =>
  reply.code(409).page('report-running.njk', {
    title: `The quarter has not ended: ${q.label}`,
    breadcrumbs: crumbs(q),
    quarter: q,
    issuableFrom: addDays(q.end, 1),
  });

const issuedPage = (reply: FastifyReply, q: Quarter) =>
  reply
    .code(409)
    .page('report-issued.njk', { title: `Report already issued: ${q.label}`, breadcrumbs: crumbs(q), quarter: q });

/** The quarterly report to the executive (NMS 25.7): the page, its Word document, the head's words and issuing. */
export const reportRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get('/reports', view, async (request, reply) => {
    const today = todayInLondon();
    const kept = new Map((await listReports(db)).map((r) => [r.quarterStart, r]));
    const current = quarterOf(today);
    const quarters = [0, -3, -6, -9, -12].map((m) => quarterOf(addMonths(current.start, m)));
    for (const start of kept.keys()) if (!quarters.some((q) => q.start === start)) quarters.push(quarterOf(start));
    quarters.sort((a, b) => b.start.localeCompare(a.start));
    return reply.page('reports-index.njk', {
      title: 'Quarterly reports to the executive',
      breadcrumbs: [{ text: 'Home', href: '/' }],
      canEdit: can(request.user!.role, 'reports.edit'),
      quarters: quarters.map((q) => {
        const r = kept.get(q.start);
        return {
          ...q,
          current: q.start === current.start,
          issued: r?.status === 'issued',
          issuedOn: r?.issuedOn,
          issuedByName: r?.issuedByName,
        };
      }),
    });
  });

  app.get<QuarterParams>('/reports/:quarter', view, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    const report = await quarterReport(db, q, todayInLondon());
    return reply.page('report-show.njk', {
      title: report.content.title,
      breadcrumbs: crumbs(),
      canEdit: can(request.user!.role, 'reports.edit') && !report.issued,
      issuableFrom: stillRunning(q) ? addDays(q.end, 1) : null,
      done: (request.query as Record<string, string>).done,
      ragClasses,
      ...report,
    });
  });

  app.get<QuarterParams>('/reports/:quarter/report.docx', view, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    const buffer = await reportDocument(db, q, todayInLondon());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="Quarterly-report-${q.start}.docx"`)
      .send(buffer);
  });

  const editPage = (q: Quarter) => ({ title: `Write the report: ${q.label}`, breadcrumbs: crumbs(q), quarter: q });

  app.get<QuarterParams>('/reports/:quarter/edit', edit, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    const row = await findReport(db, q.start);
    if (row?.status === 'issued') return issuedPage(reply, q);
    return reply.page('report-edit.njk', { ...editPage(q), values: narrativeOf(row) });
  });

  app.post<QuarterParams>('/reports/:quarter/edit', edit, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    const form = parseForm(narrativeForm, request.body);
    if (!form.ok)
      return reply.code(400).page('report-edit.njk', { ...editPage(q), errors: form.errors, values: form.input });
    try {
      await saveNarrative(db, request.actor(), q.start, form.value);
    } catch (error) {
      if (error instanceof ReportIssuedError) return issuedPage(reply, q);
      throw error;
    }
    return reply.redirect(`${reportPath(q.start)}?done=saved`, 303);
  });

  app.get<QuarterParams>('/reports/:quarter/issue', edit, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    const row = await findReport(db, q.start);
    if (row?.status === 'issued') return issuedPage(reply, q);
    if (stillRunning(q)) return runningPage(reply, q);
    return reply.page('report-issue.njk', {
      title: `Issue the report: ${q.label}`,
      breadcrumbs: crumbs(q),
      quarter: q,
      reportTitle: reportTitle(q),
      status: statusText(row),
    });
  });

  app.post<QuarterParams>('/reports/:quarter/issue', edit, async (request, reply) => {
    const q = quarterParam(request.params.quarter);
    if (!q) return reply.callNotFound();
    if (stillRunning(q)) return runningPage(reply, q);
    try {
      await issueReport(db, request.actor(), request.user!, q, todayInLondon());
    } catch (error) {
      if (error instanceof ReportIssuedError) return issuedPage(reply, q);
      throw error;
    }
    return reply.redirect(`${reportPath(q.start)}?done=issued`, 303);
  });
};
