/** A matter's page: what it is, its clock and deadlines, who supports the carer, its timeline, and the next steps. */
import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { childToldStep } from './allegation-steps.ts';
import { laterChangeLinks, stageChangeLinks } from './correction-links.ts';
import { decisionChangeStep, outcomeChangeStep, referralChangeStep } from './correction-steps.ts';
import { accountStep } from './matter-steps.ts';
import type { Step } from './step.ts';
import { kindNames, outcomeNames } from './labels.ts';
import { matterEvent, matterMeetings, matterPlacements, matterThemes } from './queries.ts';
import { householdPath } from '../households/paths.ts';
import {
  changeMatterPath,
  eventPath,
  householdMattersPath,
  matterPath,
  registerPath,
  removeMatterPath,
  stepPath,
} from './paths.ts';
import { mayChangeMatter, mayRemoveMatter, removalRefusal } from './matter-corrections.ts';
import { laterSteps } from './matter-later.ts';
import { viewMatter } from './service.ts';
import { mayTake, stepContext, steps, stepsOffered } from './steps.ts';
import { NOTIFY_WITHIN_HOURS } from './settings.ts';
import { timelineItems } from './timeline.ts';
import {
  allegationClock,
  allegationDeadlines,
  deadlineTag,
  doneMessage,
  matterHeading,
  paymentToday,
  stageRows,
  stageTag,
  summaryRows,
  supportText,
} from './views.ts';
import { formatDate, named } from '../../platform/views/format.ts';

type WithId = { Params: { id: string }; Querystring: { done?: string } };

const doneTitles = { ...Object.fromEntries(steps.map((s) => [s.path, s.done])), changed: 'The details were changed' };

export function matterRoutes(app: FastifyInstance, db: Db) {
  app.get<WithId>('/concerns/:id', { config: { access: { permission: 'concerns.view' } } }, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const user = request.user!;
    const seen = await viewMatter(db, who(request), request.params.id, 'matter');
    if (!seen) return reply.callNotFound();
    const { record, children } = seen;
    const c = record.concern;
    const id = c.id;
    const [meetings, themes, placements, event] = [
      await matterMeetings(db, id),
      await matterThemes(db, id),
      await matterPlacements(db, id),
      await matterEvent(db, id),
    ];
    const ctx = await stepContext(db, user, record, {}, children);
    const later = laterChangeLinks(ctx);
    const stageChanges = stageChangeLinks(ctx);
    const stages = ctx.stages;
    const seesHousehold = record.household !== null && can(user.role, 'households.view');
    const firstMeeting = meetings[0]?.meeting.heldOn ?? null;
    // A step put right on its own form is linked beside the deadline it met.
    const corrections: Record<string, { step: Step; what: string } | undefined> = {
      referral: { step: referralChangeStep, what: 'the referral to the LADO' },
      decision: { step: decisionChangeStep, what: 'the LADO’s decision on immediate action' },
      outcome: { step: outcomeChangeStep, what: 'the outcome' },
    };
    const changeOf = (deadline?: string) => {
      const c = deadline ? corrections[deadline] : undefined;
      return c && mayTake(c.step, user, record) && c.step.offered(ctx)
        ? { changeHref: stepPath(id, c.step.path), changeWhat: c.what }
        : {};
    };
    return reply.page('concerns-matter.njk', {
      title: `${matterHeading(record)}, ${formatDate(c.knownOn)}`,
      heading: matterHeading(record),
      caption: record.household ? `${record.household.name} (${record.household.reference})` : 'The fostering service',
      record,
      concern: c,
      kindName: named(kindNames, c.kind),
      stageTag: stageTag(c.stage),
      householdHref: seesHousehold ? householdPath(record.household!.id) : null,
      rows: summaryRows(record, { children: children.map((x) => x.name), themes }),
      clock: c.kind === 'allegation' ? allegationClock(c) : null,
      deadlines:
        c.kind === 'allegation'
          ? allegationDeadlines(c, firstMeeting).map((d) => ({
              ...d,
              tag: deadlineTag(d),
              ...changeOf(d.step),
            }))
          : [],
      payment: c.kind === 'allegation' ? paymentToday(c, placements[0]?.onDate ?? null) : null,
      support: supportText(c),
      placements,
      seesPlacements: can(user.role, 'children.view'),
      stages: stageRows(stages).map((s) => ({ ...s, ...stageChanges(s.stage) })),
      outcomeName: named(outcomeNames, c.outcome),
      children: children.map((x) => ({
        ...x,
        accountHref:
          mayTake(accountStep, user, record) && x.readsAccount && !c.closedOn
            ? `${stepPath(id, accountStep.path)}?child=${x.childId}`
            : null,
        tellHref:
          !x.outcomeToldOn && mayTake(childToldStep, user, record) && childToldStep.offered(ctx)
            ? `${stepPath(id, childToldStep.path)}?child=${x.childId}`
            : null,
        toldChangeHref: later.childChangeHref(x.childId),
      })),
      event: event
        ? {
            href: eventPath(event.id),
            knownAt: event.knownAt,
            ofstedToldAt: event.ofstedToldAt,
            dueBy: new Date(event.knownAt.getTime() + NOTIFY_WITHIN_HOURS * 3_600_000),
          }
        : null,
      actions: stepsOffered(ctx).map((s) => ({ text: s.title, href: stepPath(id, s.path) })),
      changeHref: mayChangeMatter(user, record) ? changeMatterPath(id) : null,
      removeHref:
        mayRemoveMatter(user, record) && removalRefusal(record, await laterSteps(db, c)) === null
          ? removeMatterPath(id)
          : null,
      timeline: timelineItems({ record, children, meetings, stages, placements, changes: later.timelineChanges }),
      closeChangeHref: later.closeChangeHref,
      flash: doneMessage(request.query.done, doneTitles),
      breadcrumbs:
        seesHousehold && record.household
          ? [
              { text: 'Households', href: '/households' },
              { text: record.household.name, href: householdPath(record.household.id) },
              { text: 'Concerns, complaints and allegations', href: householdMattersPath(record.household.id) },
            ]
          : [{ text: 'Concerns register', href: registerPath() }],
      selfHref: matterPath(id),
    });
  });
}
