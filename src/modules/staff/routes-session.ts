/** A supervision session's record (a page, and once signed by both a PDF), and the member signing it (nobody else may). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { bodyOf, formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { refused, who } from '../../platform/views/results.ts';
import { formatDate, formatDateTime } from '../../platform/views/format.ts';
import { signForm } from './forms.ts';
import {
  changeSessionPath,
  folderPath,
  MY_SUPERVISION,
  removeSessionPath,
  sessionPath,
  sessionPdfPath,
  signPath,
} from './paths.ts';
import { sessionPdfName, sessionRecordPdf } from './pdf.ts';
import { supervises } from './scope.ts';
import { NOT_YOURS, signSession, viewSession } from './service.ts';
import { memberCaption } from './views.ts';

type WithId = { Params: { id: string } };
type Found = NonNullable<Awaited<ReturnType<typeof viewSession>>>;
const view = { config: { access: { permission: 'staff.view' as const } } };
const own = { config: { access: { permission: 'staff.own' as const } } };

/** When the record was changed after it was recorded (a change re-signs it as the supervisor), or null. */
const changedAt = (s: Found['session']) => (s.supervisorSignedAt > s.createdAt ? s.supervisorSignedAt : null);

const flashes = (name: string): Record<string, string> => ({
  signed: 'You have signed your supervision record',
  changed: 'The supervision session has been changed',
  'changed-sign-again': `The supervision session has been changed. ${name}’s signature has been cleared: they are asked to sign the changed record`,
  unchanged: 'Nothing was changed',
});

const notYoursPage = (reply: FastifyReply, found: Found) =>
  reply.code(403).page('error.njk', {
    title: 'You cannot sign this supervision record',
    lines: [`${NOT_YOURS}: ${found.member.displayName} signs this record themselves.`],
    backLink: { href: sessionPath(found.session.id) },
  });

function signPage(reply: FastifyReply, found: Found, values: Record<string, unknown>, errors?: FormErrors) {
  return reply.code(errors ? 400 : 200).page('staff-sign.njk', {
    title: `Sign your supervision record of ${formatDate(found.session.heldOn)}`,
    session: found.session,
    version: found.session.supervisorSignedAt.toISOString(),
    changedOn: changedAt(found.session) ? formatDateTime(found.session.supervisorSignedAt) : null,
    supervisorName: found.supervisorName,
    values,
    errors,
    backLink: { href: sessionPath(found.session.id) },
  });
}

export function sessionRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId & { Querystring: { done?: string } }>('/staff/sessions/:id', view, async (request, reply) => {
    const found = await viewSession(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    const isOwn = found.member.id === request.user!.id;
    const s = found.session;
    return reply.page('staff-session.njk', {
      title: `Supervision of ${found.member.displayName} on ${formatDate(s.heldOn)}`,
      caption: memberCaption(found.member),
      session: s,
      supervisorName: found.supervisorName,
      supervisorSigned: formatDateTime(s.supervisorSignedAt),
      staffSigned: s.staffSignedAt ? formatDateTime(s.staffSignedAt) : null,
      canSign: isOwn && !s.staffSignedAt,
      isOwn,
      memberName: found.member.displayName,
      changed: changedAt(s)
        ? { at: formatDateTime(s.supervisorSignedAt), recorded: formatDateTime(s.createdAt) }
        : null,
      correct: supervises(request.user!, found.member)
        ? { change: changeSessionPath(s.id), remove: removeSessionPath(s.id) }
        : null,
      signHref: signPath(s.id),
      pdfHref: s.staffSignedAt ? sessionPdfPath(s.id) : null,
      flash: flashes(found.member.displayName)[request.query.done ?? ''],
      breadcrumbs: [
        isOwn
          ? { text: 'My supervision', href: MY_SUPERVISION }
          : { text: found.member.displayName, href: folderPath(found.member.id) },
      ],
    });
  });

  // The signed record, for those who may see the session; there is none until both have signed.
  app.get<WithId>('/staff/sessions/:id/record.pdf', view, async (request, reply) => {
    const found = await viewSession(db, who(request), request.params.id, 'pdf');
    if (!found) return reply.callNotFound();
    const pdf = await sessionRecordPdf(found.member, found.session, found.supervisorName);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${sessionPdfName(found.member, found.session)}"`)
      .send(pdf);
  });

  app.get<WithId>('/staff/sessions/:id/sign', own, async (request, reply) => {
    const found = await viewSession(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    if (found.member.id !== request.user!.id) return notYoursPage(reply, found);
    // A record changed since they signed it keeps their earlier comment: offered again, to keep, change or clear.
    return signPage(reply, found, { staffComment: found.session.staffComment ?? '' });
  });

  app.post<WithId>('/staff/sessions/:id/sign', own, async (request, reply) => {
    const found = await viewSession(db, who(request), request.params.id);
    if (!found) return reply.callNotFound();
    if (found.member.id !== request.user!.id) return notYoursPage(reply, found);
    const parsed = parseForm(signForm, request.body);
    if (!parsed.ok) return signPage(reply, found, parsed.input, parsed.errors);
    const result = await signSession(db, who(request), found.session.id, parsed.value);
    if (result.ok) return reply.redirect(`${sessionPath(found.session.id)}?done=signed`, 303);
    if (result.reason === 'invalid') return signPage(reply, found, bodyOf(request.body), formErrors(result.errors));
    if (result.reason === 'forbidden') return notYoursPage(reply, found);
    return refused(reply, result, { backHref: sessionPath(found.session.id) });
  });
}
