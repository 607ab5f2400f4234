/** Papers: upload (multipart, PDF or Word), quality assurance, opening (audited), the member's papers page. */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { forbidden, refused, who } from '../../platform/views/results.ts';
import { qaForm } from './forms.ts';
import { itemKindNames } from './labels.ts';
import { assurePaper, openPaper, paperUpload, uploadPaper } from './papers.ts';
import { itemDetail, memberPapers } from './queries.ts';
import { calendarCrumb, doneMessages, errorsOr, rule, type WithId } from './route-support.ts';
import { meetingPath } from './paths.ts';
import { memberOfUser, uploadsPapersFor } from './scope.ts';

export async function paperRoutes(app: FastifyInstance, db: Db): Promise<void> {
  await paperUpload.accept(app);

  async function uploadPage(request: FastifyRequest<WithId>, reply: FastifyReply, title = '', errors?: FormErrors) {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found) return reply.callNotFound();
    return reply.code(errors ? 400 : 200).page('panel-paper-form.njk', {
      title: `Upload a paper: ${found.household.name}`,
      found,
      kindName: named(itemKindNames, found.item.kind),
      values: { title },
      errors,
      breadcrumbs: [calendarCrumb, { text: 'Meeting', href: meetingPath(found.meeting.id) }],
    });
  }
  app.get<WithId>('/panel/items/:id/papers/new', rule('panel.papers'), async (request, reply) => {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found) return reply.callNotFound();
    // Refused before a file is chosen, as the upload itself would be.
    if (!(await uploadsPapersFor(db, request.user!, found.item.householdId))) {
      return refused(reply, forbidden, { backHref: meetingPath(found.meeting.id) });
    }
    return uploadPage(request, reply);
  });
  app.post<WithId>(
    '/panel/items/:id/papers/new',
    { ...rule('panel.papers'), preValidation: paperUpload.preValidation },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const upload = paperUpload.of(request);
      const result = await uploadPaper(db, who(request), request.params.id, upload);
      if (result.ok) {
        const found = await itemDetail(db, request.params.id);
        return reply.redirect(`${meetingPath(found!.meeting.id)}?done=paper`, 303);
      }
      const errors = errorsOr(reply, result, '/panel');
      return errors ? uploadPage(request, reply, upload.fields.title, errors) : reply;
    },
  );

  app.post<WithId>('/panel/papers/:id/qa', rule('panel.papers'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(qaForm, request.body);
    const result = parsed.ok
      ? await assurePaper(db, who(request), request.params.id, parsed.value)
      : {
          ok: false as const,
          reason: 'invalid' as const,
          errors: [{ field: 'outcome', message: 'Select the outcome of the quality assurance' }],
        };
    if (result.ok) return reply.redirect(`${meetingPath(result.id)}?done=qa`, 303);
    const done = errorsOr(reply, result, '/panel');
    if (!done) return reply;
    return reply.code(400).page('error.njk', {
      title: 'The quality assurance was not recorded',
      lines: done.list.map((e) => e.text),
      backLink: { href: '/panel' },
    });
  });

  app.get<WithId>('/panel/papers/:id', rule('panel.view'), async (request, reply) => {
    const paper = isUuid(request.params.id) ? await openPaper(db, who(request), request.params.id) : null;
    if (!paper) return reply.callNotFound();
    return reply
      .header('content-type', paper.contentType)
      .header('content-disposition', `attachment; filename="${paper.fileName}"`)
      .header('cache-control', 'no-store')
      .send(paper.bytes);
  });

  app.get('/panel/my-papers', rule('panel.sit'), async (request, reply) => {
    const member = await memberOfUser(db, request.user!);
    const papers = member ? await memberPapers(db, member.id, todayInLondon()) : [];
    return reply.page('panel-my-papers.njk', {
      title: 'Your panel papers',
      notOnList: !member,
      papers: papers.map((p) => ({ ...p, kindName: named(itemKindNames, p.kind) })),
      flash: doneMessages[(request.query as { done?: string }).done ?? ''],
      breadcrumbs: [calendarCrumb],
    });
  });
}
