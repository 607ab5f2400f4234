/**
 * A carer records what they did as a Carer Ambassador from their portal: an event, a talk with
 * someone thinking of fostering, support for a new carer. Only for an ambassador of their own
 * household now (their own time, when their account is linked to them); the page is not there for
 * a household with none. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { formFields, type Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { ACTIVITY_DATES, activityForm } from './forms.ts';
import { portalActivityPath } from './paths.ts';
import { ownAmbassadors, type AmbassadorRow } from './queries.ts';
import { activityFields, period, type Values } from './route-support.ts';
import { recordOwnActivity } from './service.ts';

const portal = { config: { access: { permission: 'portal.use' as const } } };

export function portalAmbassadorRoutes(app: FastifyInstance, db: Db): void {
  /** The ambassadors the signed-in carer records for, or null (a 404) when there are none. */
  const mine = async (request: FastifyRequest) => {
    const householdId = request.user!.householdId;
    if (!householdId) return null;
    const ambassadors = await ownAmbassadors(db, householdId, request.user!.id);
    return ambassadors.length ? { householdId, ambassadors } : null;
  };

  const show = (reply: FastifyReply, ambassadors: AmbassadorRow[], values: Values, errors?: FormErrors) => {
    const fields: Field[] = [
      {
        type: 'radios',
        name: 'ambassadorId',
        label: 'Who it was',
        choices: ambassadors.map((a) => ({ value: a.id, text: a.carerName, hint: `Carer Ambassador ${period(a)}` })),
      },
      ...activityFields('you'),
    ];
    // One ambassador to choose: already chosen.
    const filled =
      ambassadors.length === 1 && !values.ambassadorId ? { ...values, ambassadorId: ambassadors[0]!.id } : values;
    return reply.code(errors ? 400 : 200).page('record-form.njk', {
      title: 'Record what you did as a Carer Ambassador',
      caption: 'Your household',
      heading: 'Record what you did as a Carer Ambassador',
      intro: [
        'An event, a talk with someone thinking of fostering, support for a new carer: one activity on one day. Your supervising social worker sees it with the rest of your work as an ambassador.',
      ],
      fields: formFields(fields, filled),
      action: portalActivityPath(),
      button: 'Save the activity',
      cancel: '/portal',
      backText: 'your household',
      errors,
      breadcrumbs: [{ text: 'Your household', href: '/portal' }],
    });
  };

  app.get(portalActivityPath(), portal, async (request, reply) => {
    const found = await mine(request);
    if (!found) return reply.callNotFound();
    await recordAudit(db, who(request).actor, {
      action: 'view',
      recordType: 'household',
      recordId: found.householdId,
      detail: { page: 'portal', part: 'ambassadors' },
    });
    return show(reply, found.ambassadors, {});
  });

  app.post(portalActivityPath(), portal, async (request, reply) => {
    const found = await mine(request);
    if (!found) return reply.callNotFound();
    const parsed = parseDatedForm(activityForm(todayInLondon(), 'you'), request.body, ACTIVITY_DATES);
    if (!parsed.ok) return show(reply, found.ambassadors, parsed.input, parsed.errors);
    const result = await recordOwnActivity(db, who(request), parsed.value);
    return answerForm(reply, result, '/portal?done=ambassador-activity', (errors) =>
      show(reply, found.ambassadors, request.body as Values, errors),
    );
  });
}
