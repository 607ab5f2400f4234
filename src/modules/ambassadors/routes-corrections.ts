/**
 * Putting a household's Carer Ambassadors right: the day one stopped recorded, their days typed
 * wrongly changed, one made in error (who did nothing) removed with why, and an activity recorded in
 * error removed with why. Thin: find the record in the user's scope (404) and check they may (403),
 * parse, call the service, render or redirect.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { who } from '../../platform/views/results.ts';
import { CHANGE_DATES, datesForm, END_DATES, stopForm } from './forms.ts';
import { activityKindNames } from './labels.ts';
import { changeAmbassadorPath, removeActivityPath, removeAmbassadorPath, stopAmbassadorPath } from './paths.ts';
import { findActivity } from './queries.ts';
import { appoint, period, record, routeKit } from './route-support.ts';
import { dateField } from '../../platform/views/fields.ts';
import { mayAppointAmbassadors, mayRecordAmbassadorWork } from './scope.ts';
import { changeAmbassadorDates, removeActivity, removeAmbassador, stopAmbassador } from './service.ts';

export function ambassadorCorrectionRoutes(app: FastifyInstance, db: Db) {
  const { checked, householdOf, byAmbassador, form, removal } = routeKit(app, db);

  form({
    path: stopAmbassadorPath,
    access: appoint,
    find: byAmbassador(mayAppointAmbassadors),
    page: ({ ambassador }) => ({
      heading: `${ambassador!.carerName} stops being a Carer Ambassador`,
      intro: [`A Carer Ambassador since ${formatDate(ambassador!.startedOn)}.`],
      fields: [dateField('endedOn', 'Date they stopped')],
      button: 'Save',
    }),
    schema: (today, { ambassador }) => stopForm(today, ambassador!.startedOn),
    dates: END_DATES,
    save: (request, t, value) => stopAmbassador(db, who(request), t.ambassador!.id, value.endedOn),
    done: 'stopped',
  });

  form({
    path: changeAmbassadorPath,
    access: appoint,
    find: byAmbassador(mayAppointAmbassadors),
    page: ({ ambassador }) => ({
      heading: `Change ${ambassador!.carerName}’s time as a Carer Ambassador`,
      intro: ['Put right a day typed wrongly. The audit trail keeps what it said before.'],
      fields: [
        dateField('startedOn', 'Date they became an ambassador'),
        ...(ambassador!.endedOn ? [dateField('endedOn', 'Date they stopped')] : []),
      ],
      button: 'Save',
    }),
    initial: ({ ambassador }) => ({
      ...dateBoxes('startedOn', ambassador!.startedOn),
      ...dateBoxes('endedOn', ambassador!.endedOn),
    }),
    schema: (today, { ambassador }) => datesForm(today, ambassador!.endedOn !== null),
    dates: CHANGE_DATES,
    save: (request, t, value) => changeAmbassadorDates(db, who(request), t.ambassador!.id, value),
    done: 'dates-changed',
  });

  removal({
    path: removeAmbassadorPath,
    access: appoint,
    what: 'ambassador',
    find: async (request, reply) => {
      const found = await byAmbassador(mayAppointAmbassadors)(request, reply);
      if ('answer' in found) return found;
      const a = found.target.ambassador!;
      if (a.activities > 0) return { answer: reply.callNotFound() };
      return { target: { ...found.target, rows: [{ key: a.carerName, value: `Ambassador ${period(a)}` }] } };
    },
    heading: 'Remove the Carer Ambassador',
    intro:
      'Remove them only if they were recorded as an ambassador in error. No activity of theirs is recorded. If they were an ambassador and have stopped, record the day they stopped instead. The audit trail keeps who removed it and why.',
    hint: 'For example, the wrong carer was chosen.',
    button: 'Remove the ambassador',
    remove: removeAmbassador,
    done: 'ambassador-removed',
  });

  removal({
    path: removeActivityPath,
    access: record,
    what: 'activity',
    find: async (request, reply) => {
      const user = request.user!;
      const activity = await findActivity(db, user, request.params.id);
      const household = activity ? await householdOf(user, activity.householdId) : null;
      const answer = checked(reply, user, household, mayRecordAmbassadorWork);
      if (answer) return answer;
      return {
        target: {
          household: household!,
          rows: [
            { key: 'When', value: formatDate(activity!.onDate) },
            { key: 'Who', value: activity!.carerName },
            { key: 'What', value: named(activityKindNames, activity!.kind) },
          ],
        },
      };
    },
    heading: 'Remove the activity',
    intro:
      'Remove an activity only if it was recorded in error: on the wrong household, or something that did not happen. The audit trail keeps who removed it and why.',
    hint: 'For example, recorded twice.',
    button: 'Remove the activity',
    remove: removeActivity,
    done: 'activity-removed',
  });
}
