/**
 * Removing a joint training day recorded by mistake: a page showing what goes with it (the day, who
 * attended and their evaluations) and asking the head of fostering or the training coordinator to
 * confirm they understand; then the list of days. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, refused, who } from '../../platform/views/results.ts';
import { REMOVE_CONFIRMATION, removeDayForm } from './forms.ts';
import { dayPath, JOINT_TRAINING, removeDayPath } from './paths.ts';
import type { DayRow } from './queries.ts';
import { dayCrumbs, manage, type WithId } from './route-support.ts';
import { dayToRemove, removeDay } from './service.ts';
import { removalRows } from './views.ts';

interface Removal {
  day: DayRow;
  attendance: number;
  evaluations: number;
}

export async function removeDayRoutes(app: FastifyInstance, db: Db) {
  const showRemove = (reply: FastifyReply, removal: Removal, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page('joint-training-remove.njk', {
      title: `Remove the joint training day: ${removal.day.title}`,
      rows: removalRows(removal.day, removal.attendance, removal.evaluations),
      confirmation: REMOVE_CONFIRMATION,
      confirmed: values.confirm === 'yes',
      action: removeDayPath(removal.day.id),
      cancel: dayPath(removal.day.id),
      errors,
      breadcrumbs: dayCrumbs(removal.day),
    });

  app.get<WithId>(removeDayPath(':id'), manage, async (request, reply) => {
    const found = await dayToRemove(db, who(request), request.params.id);
    if (!found.ok) return refused(reply, found, { backHref: dayPath(request.params.id) });
    return showRemove(reply, found, {});
  });

  app.post<WithId>(removeDayPath(':id'), manage, async (request, reply) => {
    const form = parseForm(removeDayForm, request.body);
    if (!form.ok) {
      // Not confirmed: the page again, with what goes with the day and the message.
      const found = await dayToRemove(db, who(request), request.params.id);
      if (!found.ok) return refused(reply, found, { backHref: dayPath(request.params.id) });
      return showRemove(reply, found, form.input, form.errors);
    }
    const result = await removeDay(db, who(request), request.params.id);
    return answerForm(reply, result, `${JOINT_TRAINING}?done=removed`, () => null, dayPath(request.params.id));
  });
}
