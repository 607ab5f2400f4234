/**
 * The carers tell the service of a change in their household from their portal; on the household's
 * page, their supervising social worker marks each dealt with (change-notices.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { bodyOf, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import { isUuid } from '../../platform/views/params.ts';
import { dealWithChange, tellOfChange } from './change-notices.ts';
import { changeNoticeForm } from './forms.ts';
import { changeNoticeChoices, changeNoticeKinds } from './labels.ts';
import { householdPath, portalChangePath } from './paths.ts';
import { changeAccess, openHousehold, pageErrors, portalAccess, refused, who } from './route-support.ts';

type WithNotice = { Params: { id: string; noticeId: string } };

export function changeNoticeRoutes(app: FastifyInstance, db: Db): void {
  function tellPage(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('households-change-notice.njk', {
      title: 'Tell us about a change in your household',
      action: portalChangePath,
      values,
      onDate: datePartsOf(values, 'onDate'),
      kinds: changeNoticeKinds.map((value) => ({
        value,
        text: changeNoticeChoices[value],
        checked: values.kind === value,
      })),
      errors,
      breadcrumbs: [{ text: 'Your household', href: '/portal' }],
    });
  }

  app.get(portalChangePath, portalAccess, async (_request, reply) => tellPage(reply, {}));

  app.post(portalChangePath, portalAccess, async (request, reply) => {
    const form = parseForm(changeNoticeForm, request.body);
    if (!form.ok) return tellPage(reply, form.input, pageErrors(form.errors));
    const result = await tellOfChange(db, who(request), form.value);
    if (result.ok) return reply.redirect('/portal?done=change-told', 303);
    if (result.reason === 'invalid') return tellPage(reply, bodyOf(request.body), pageErrors(result.errors));
    return reply.callNotFound();
  });

  // Marked dealt with, or (marked in error) to deal with again.
  for (const [step, reopen] of [
    ['dealt-with', false],
    ['reopen', true],
  ] as const) {
    app.post<WithNotice>(`/households/:id/change-notices/:noticeId/${step}`, changeAccess, async (request, reply) => {
      const household = await openHousehold(db, request, reply, 'change-notice', 'change');
      if (!household) return reply;
      if (!isUuid(request.params.noticeId)) return reply.callNotFound();
      const result = await dealWithChange(db, who(request), household.id, request.params.noticeId, reopen);
      const done = reopen ? 'change-reopened' : 'change-dealt-with';
      if (result.ok) return reply.redirect(`${householdPath(household.id)}?done=${done}#changes-told`, 303);
      if (result.reason === 'invalid') return reply.callNotFound();
      return refused(reply, result.reason, household);
    });
  }
}
