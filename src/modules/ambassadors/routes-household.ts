/**
 * A household's Carer Ambassadors: its page (its carers' time as ambassadors and what they did) and
 * the forms that add to it: a carer made an ambassador, an activity recorded. Their corrections are
 * in routes-corrections.ts. Thin: find the record in the user's scope (404) and check they may
 * (403), parse, call the service, render or redirect.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db } from '../../platform/db/client.ts';
import { dateField } from '../../platform/views/fields.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { who } from '../../platform/views/results.ts';
import { householdAbilities } from '../households/scope.ts';
import { ACTIVITY_DATES, activityForm, appointForm, START_DATES } from './forms.ts';
import { activityKindNames, AMBASSADORS_TARGET } from './labels.ts';
import {
  changeAmbassadorPath,
  householdAmbassadorsPath,
  newActivityPath,
  newAmbassadorPath,
  removeActivityPath,
  removeAmbassadorPath,
  stopAmbassadorPath,
} from './paths.ts';
import { ambassadorsOfHousehold, carersToAppoint } from './queries.ts';
import { activityFields, appoint, crumbs, period, record, routeKit, view, type WithId } from './route-support.ts';
import { mayAppointAmbassadors, mayRecordAmbassadorWork } from './scope.ts';
import { APPOINTED_FROM, appointAmbassador, recordActivity } from './service.ts';

const flashes: Record<string, string> = {
  appointed: 'The carer is now a Carer Ambassador',
  stopped: 'The carer is no longer a Carer Ambassador',
  'dates-changed': 'The days of their time as a Carer Ambassador have been changed',
  'ambassador-removed': 'The carer is no longer recorded as a Carer Ambassador',
  'activity-recorded': 'The activity has been recorded',
  'activity-removed': 'The activity has been removed',
};

export function householdAmbassadorRoutes(app: FastifyInstance, db: Db) {
  const { householdOf, byHousehold, form } = routeKit(app, db);

  app.get<WithId & { Querystring: { done?: string } }>(
    householdAmbassadorsPath(':id'),
    view,
    async (request, reply) => {
      const user = request.user!;
      const household = await householdOf(user, request.params.id);
      if (!household) return reply.callNotFound();
      const [{ ambassadors, activities, activityTotal }, toAppoint] = await Promise.all([
        ambassadorsOfHousehold(db, household.id),
        carersToAppoint(db, household.id),
      ]);
      await recordAudit(db, who(request).actor, {
        action: 'view',
        recordType: 'household',
        recordId: household.id,
        detail: { part: 'ambassadors' },
      });
      const changes = householdAbilities(user, household).change;
      const mayAppoint = changes && mayAppointAmbassadors(user);
      const mayRecord = changes && mayRecordAmbassadorWork(user);
      return reply.page('ambassadors-household.njk', {
        title: `Carer Ambassadors: ${household.name}`,
        household,
        ambassadors: ambassadors.map((a) => ({
          name: a.carerName,
          when: period(a),
          current: a.endedOn === null,
          activities: a.activities,
          stopHref: mayAppoint && a.endedOn === null ? stopAmbassadorPath(a.id) : null,
          changeHref: mayAppoint ? changeAmbassadorPath(a.id) : null,
          // One recorded in error, with nothing done, may be removed; one who did something is stopped.
          removeHref: mayAppoint && a.activities === 0 ? removeAmbassadorPath(a.id) : null,
        })),
        activities: activities.map((x) => ({
          on: x.onDate,
          who: x.carerName,
          what: named(activityKindNames, x.kind),
          note: x.note,
          byCarers: x.byCarers,
          removeHref: mayRecord ? removeActivityPath(x.id) : null,
        })),
        activitiesCut: activityTotal > activities.length ? activityTotal : null,
        appointHref:
          mayAppoint && APPOINTED_FROM.includes(household.status) && toAppoint.length
            ? newAmbassadorPath(household.id)
            : null,
        activityHref: mayRecord && ambassadors.some((a) => a.endedOn === null) ? newActivityPath(household.id) : null,
        target: AMBASSADORS_TARGET,
        flash: flashes[request.query.done ?? ''],
        breadcrumbs: crumbs(household, false),
      });
    },
  );

  form({
    path: newAmbassadorPath,
    access: appoint,
    find: byHousehold(mayAppointAmbassadors),
    page: async ({ household }) => {
      const carers = await carersToAppoint(db, household.id);
      return {
        heading: 'Make a carer a Carer Ambassador',
        intro: [
          'A Carer Ambassador is an experienced carer who speaks for fostering at recruitment events and to people thinking of fostering, and supports applicants and new carers.',
          `The plan asks for ${AMBASSADORS_TARGET} across the service.`,
        ],
        fields: [
          {
            type: 'radios',
            name: 'carerId',
            label: 'Carer',
            choices: carers.map((c) => ({
              value: c.id,
              text: c.name,
              ...(c.joinedOn ? { hint: `Joined the household on ${formatDate(c.joinedOn)}` } : {}),
            })),
          },
          dateField('startedOn', 'Date they became an ambassador'),
        ],
        button: 'Make them an ambassador',
      };
    },
    schema: (today) => appointForm(today),
    dates: START_DATES,
    save: (request, t, value) => appointAmbassador(db, who(request), t.household.id, value),
    done: 'appointed',
  });

  form({
    path: newActivityPath,
    access: record,
    find: byHousehold(mayRecordAmbassadorWork),
    page: async ({ household }) => {
      const { ambassadors } = await ambassadorsOfHousehold(db, household.id);
      return {
        heading: 'Record what a Carer Ambassador did',
        intro: [
          'An event, a talk with someone thinking of fostering, support for a new carer: one activity on one day.',
        ],
        fields: [
          {
            type: 'radios',
            name: 'ambassadorId',
            label: 'Carer Ambassador',
            choices: ambassadors.map((a) => ({ value: a.id, text: a.carerName, hint: `Ambassador ${period(a)}` })),
          },
          ...activityFields('they'),
        ],
        button: 'Save the activity',
      };
    },
    schema: (today) => activityForm(today),
    dates: ACTIVITY_DATES,
    save: (request, t, value) => recordActivity(db, who(request), t.household.id, value),
    done: 'activity-recorded',
  });
}
