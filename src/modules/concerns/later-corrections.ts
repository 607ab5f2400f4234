/**
 * The later steps of a matter put right on their own forms, filled in with what they say, with why:
 * - an allegation's meeting (kind, date, who attended, what was decided, police and children's
 *   services), by the LADO: on or after the referral to the LADO, never after the closing; the
 *   first meeting's deadline follows (it reads the earliest meeting);
 * - the outcome given to the carer (date and who told them), by those who record it: on or after
 *   the outcome, never after the closing;
 * - the outcome given to one child (date, by whom, how), by those who record it for that child: on
 *   or after the allegation's outcome or the complaint's first response, never after the closing;
 * - a closed matter's closing (date, what was found and done, the learning), by those who close it:
 *   on or after the outcome, the latest response or the day it became known (as closing it), and
 *   never before a meeting or an outcome given to the carer or a child, which come before it. Its
 *   presentation to the fostering panel may be recorded before or after the closing, so bounds
 *   neither. The figures of closings read the date as it now is.
 * None is in the future. A date left as it was is not refused for the closing (the steps around
 * the closing were not always bound by it when recorded); a date moved is. The audit entry keeps
 * what each said. Each is linked beside what it corrects on the matter page, not among the next steps.
 */
import { named } from '../../platform/views/format.ts';
import { and, eq } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import type { FieldError } from '../../platform/views/results.ts';
import { carerToldStep, childToldStep, meetingColumns, meetingStep } from './allegation-steps.ts';
import { changedOf, reasonField } from './correction-steps.ts';
import {
  carerToldDates,
  carerToldForm,
  childToldDates,
  childToldForm,
  closeDates,
  closeForm,
  meetingDates,
  meetingForm,
} from './forms.ts';
import { meetingNames } from './labels.ts';
import { closeStep } from './matter-steps.ts';
import { worksAsLado, worksOn } from './scope.ts';
import { dateBetween, defineStep, ukDate, type StepContext } from './step.ts';
import { allegationMeetings, concernChildren, concerns } from './tables.ts';

/** The date must not be after the matter's closing, when it is closed and the date was moved. */
function notAfterClosing(ctx: StepContext, field: string, what: string, date: string, was: string | null) {
  const closedOn = ctx.record.concern.closedOn;
  return closedOn && date !== was && date > closedOn
    ? [{ field, message: `${what} cannot be after its closing on ${ukDate(closedOn)}` }]
    : [];
}

/** The last of the steps in `before` (dated; the undated left out), or undefined. */
const lastOf = (before: { on: string | null; what: string }[]) =>
  before
    .filter((s): s is { on: string; what: string } => s.on !== null)
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))[0];

// --- An allegation's meeting ---

/** The meeting the page was opened for (`?meeting=`), if it is one of this matter's. */
const meetingOf = (ctx: StepContext) => ctx.meetings.find((m) => m.id === ctx.query.meeting);

/** A meeting in words: "the strategy meeting on 3 March 2026". */
export const meetingWords = (m: { kind: string; heldOn: string }) =>
  `the ${named(meetingNames, m.kind).toLowerCase()} on ${ukDate(m.heldOn)}`;

export const meetingChangeStep = defineStep({
  path: 'meetings/change',
  permission: 'allegations.lado',
  title: 'Change a meeting',
  done: 'Meeting changed',
  correction: true,
  kinds: ['allegation'],
  may: worksAsLado,
  names: (ctx) => meetingOf(ctx) !== undefined,
  offered: (ctx) => ctx.record.concern.referredToLadoOn !== null && ctx.meetings.length > 0,
  schema: meetingForm.extend({ reason: requiredText('Enter why the meeting is being changed', 500) }),
  dates: meetingDates,
  fields: async (ctx) => [...(await meetingStep.fields(ctx)), reasonField],
  initial: (ctx) => {
    const m = meetingOf(ctx);
    if (!m) return {};
    return {
      kind: m.kind,
      ...dateBoxes('heldOn', m.heldOn),
      attendees: m.attendees,
      decisions: m.decisions,
      police: m.policeInvolved ? 'yes' : 'no',
      childrensServices: m.childrensServicesInvolved ? 'yes' : 'no',
    };
  },
  async apply(tx, ctx, input) {
    const m = meetingOf(ctx);
    if (!m) return { errors: [{ field: 'heldOn', message: 'The meeting is no longer recorded on this allegation' }] };
    const c = ctx.record.concern;
    const errors = [
      ...dateBetween('heldOn', input.heldOn, 'The date of the meeting', {
        date: c.referredToLadoOn,
        after: 'the referral to the LADO',
      }),
      ...notAfterClosing(ctx, 'heldOn', 'The date of the meeting', input.heldOn, m.heldOn),
    ];
    if (errors.length) return { errors };
    const was = {
      kind: m.kind,
      heldOn: m.heldOn,
      attendees: m.attendees,
      decisions: m.decisions,
      policeInvolved: m.policeInvolved,
      childrensServicesInvolved: m.childrensServicesInvolved,
    };
    const now = meetingColumns(input);
    await tx
      .update(allegationMeetings)
      .set(now)
      .where(and(eq(allegationMeetings.id, m.id), eq(allegationMeetings.concernId, c.id)));
    return {
      step: 'meeting-change',
      fields: changedOf(was, now),
      detail: { part: 'allegation-meeting', meeting: m.id, was, reason: input.reason },
    };
  },
});

// --- The outcome given to the carer ---

export const carerToldChangeStep = defineStep({
  path: 'carer-told/change',
  permission: 'concerns.record',
  title: 'Change the outcome given to the carer',
  done: 'Outcome given to the carer changed',
  correction: true,
  kinds: ['allegation'],
  may: worksOn,
  offered: (ctx) => ctx.record.concern.carerToldOn !== null,
  schema: carerToldForm.extend({
    reason: requiredText('Enter why the outcome given to the carer is being changed', 500),
  }),
  dates: carerToldDates,
  fields: async (ctx) => [...(await carerToldStep.fields(ctx)), reasonField],
  initial: (ctx) => ({
    ...dateBoxes('toldOn', ctx.record.concern.carerToldOn),
    toldBy: ctx.record.concern.carerToldBy ?? '',
  }),
  async apply(tx, ctx, input) {
    const c = ctx.record.concern;
    const what = 'The date the carer was told';
    const errors = [
      ...dateBetween('toldOn', input.toldOn, what, { date: c.outcomeOn, after: 'the outcome' }),
      ...notAfterClosing(ctx, 'toldOn', what, input.toldOn, c.carerToldOn),
    ];
    if (errors.length) return { errors };
    const was = { carerToldOn: c.carerToldOn, carerToldBy: c.carerToldBy };
    const now = { carerToldOn: input.toldOn, carerToldBy: input.toldBy };
    await tx.update(concerns).set(now).where(eq(concerns.id, c.id));
    return {
      step: 'carer-told-change',
      fields: changedOf(was, now),
      detail: { part: 'outcome-to-carer', was, reason: input.reason },
    };
  },
});

// --- The outcome given to a child ---

/** The child the page was opened for (`?child=`), if the matter names them. */
const childOf = (ctx: StepContext) => ctx.children.find((c) => c.childId === ctx.query.child);

/** The outcome the children are told of: the allegation's outcome, or the complaint's first response. */
const outcomeToTell = (ctx: StepContext) =>
  ctx.record.kind === 'complaint'
    ? { date: ctx.firstResponseOn, after: 'the response to the complaint' }
    : { date: ctx.record.concern.outcomeOn, after: 'the outcome' };

export const childToldChangeStep = defineStep({
  path: 'child-told/change',
  permission: childToldStep.permission,
  title: 'Change the outcome given to a child',
  done: 'Outcome given to the child changed',
  correction: true,
  kinds: childToldStep.kinds,
  may: childToldStep.may,
  names: (ctx) => childOf(ctx) !== undefined,
  // Told already, and (for a child's social worker) their own child, as recording it.
  offered: (ctx) => {
    const child = childOf(ctx);
    return (
      child !== undefined &&
      child.outcomeToldOn !== null &&
      outcomeToTell(ctx).date !== null &&
      (ctx.user.role !== 'childrens_social_worker' || child.allocatedSocialWorkerId === ctx.user.id)
    );
  },
  schema: childToldForm
    .omit({ childId: true })
    .extend({ reason: requiredText('Enter why the outcome given to the child is being changed', 500) }),
  dates: childToldDates,
  fields: async (ctx) => {
    const name = childOf(ctx)?.name ?? 'the child';
    const own = (await childToldStep.fields(ctx)).filter((f) => f.name !== 'childId');
    return [
      ...own.map((f) => (f.type === 'hidden' ? f : { ...f, label: f.label.replace('the child', name) })),
      reasonField,
    ];
  },
  initial: (ctx) => {
    const child = childOf(ctx);
    return {
      ...dateBoxes('toldOn', child?.outcomeToldOn),
      toldBy: child?.outcomeToldBy ?? '',
      toldHow: child?.outcomeToldHow ?? '',
    };
  },
  async apply(tx, ctx, input) {
    const child = childOf(ctx);
    if (!child?.outcomeToldOn) {
      return { errors: [{ field: 'toldOn', message: 'The outcome given to the child is no longer recorded' }] };
    }
    const what = `The date ${child.name} was told`;
    const errors: FieldError[] = [
      ...dateBetween('toldOn', input.toldOn, what, outcomeToTell(ctx)),
      ...notAfterClosing(ctx, 'toldOn', what, input.toldOn, child.outcomeToldOn),
    ];
    if (errors.length) return { errors };
    const was = {
      outcomeToldOn: child.outcomeToldOn,
      outcomeToldBy: child.outcomeToldBy,
      outcomeToldHow: child.outcomeToldHow,
    };
    const now = { outcomeToldOn: input.toldOn, outcomeToldBy: input.toldBy, outcomeToldHow: input.toldHow };
    await tx
      .update(concernChildren)
      .set(now)
      .where(and(eq(concernChildren.concernId, ctx.record.concern.id), eq(concernChildren.childId, child.childId)));
    return {
      step: 'child-told-change',
      fields: changedOf(was, now),
      detail: { part: 'outcome-to-child', child: child.childId, was, reason: input.reason },
    };
  },
});

// --- The closing ---

export const closeChangeStep = defineStep({
  path: 'close/change',
  permission: closeStep.permission,
  title: 'Change the closing',
  done: 'Closing changed',
  correction: true,
  kinds: closeStep.kinds,
  may: closeStep.may,
  offered: (ctx) => ctx.record.concern.closedOn !== null,
  schema: closeForm.extend({ reason: requiredText('Enter why the closing is being changed', 500) }),
  dates: closeDates,
  fields: async (ctx) => [...(await closeStep.fields(ctx)), reasonField],
  initial: (ctx) => ({
    ...dateBoxes('closedOn', ctx.record.concern.closedOn),
    result: ctx.record.concern.result ?? '',
    learning: ctx.record.concern.learning ?? '',
  }),
  async apply(tx, ctx, input) {
    const c = ctx.record.concern;
    const what = 'The date it was closed';
    // As closing it: on or after the outcome, the latest stage's response, or the day it became known.
    const responded = ctx.stages.at(-1)?.respondedOn ?? null;
    const earliest = c.outcomeOn
      ? { date: c.outcomeOn, after: 'the outcome' }
      : responded
        ? { date: responded, after: 'the response' }
        : { date: c.knownOn, after: 'the day it became known' };
    const errors = dateBetween('closedOn', input.closedOn, what, earliest);
    if (input.closedOn !== c.closedOn) {
      const last = lastOf([
        ...ctx.meetings.map((m) => ({ on: m.heldOn, what: `the ${named(meetingNames, m.kind).toLowerCase()}` })),
        { on: c.carerToldOn, what: 'the outcome given to the carer' },
        ...ctx.children.map((x) => ({ on: x.outcomeToldOn, what: `the outcome given to ${x.name}` })),
      ]);
      if (last && input.closedOn < last.on) {
        errors.push({ field: 'closedOn', message: `${what} cannot be before ${last.what} on ${ukDate(last.on)}` });
      }
    }
    if (c.kind !== 'allegation' && !input.result)
      errors.push({ field: 'result', message: 'Enter what was found and what was done' });
    if (errors.length) return { errors };
    const was = { closedOn: c.closedOn, result: c.result, learning: c.learning };
    const now = { closedOn: input.closedOn, result: input.result, learning: input.learning };
    await tx.update(concerns).set(now).where(eq(concerns.id, c.id));
    return {
      step: 'close-change',
      fields: changedOf(was, now),
      detail: { part: 'matter-closing', was, reason: input.reason },
    };
  },
});

export const laterCorrectionSteps = [meetingChangeStep, carerToldChangeStep, childToldChangeStep, closeChangeStep];
