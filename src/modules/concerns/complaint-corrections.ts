/**
 * A complaint's stages put right on the forms they were recorded on, filled in with what they say,
 * with why, by those who record them (scope.ts worksOn):
 * - the response to a stage (its date, finding and text): on or after the stage was received (stage
 *   3: the review panel and its report), never after the request for the next stage, the closing,
 *   nor (the first response, the outcome its children are told) the outcome given to a child;
 * - the day the request for stage 2 or 3 was received: on or after the response to the stage before,
 *   never after this stage's review panel or response; its deadlines follow on its row;
 * - stage 3's review panel and report: the panel on or after the stage was received, the report on
 *   or after the panel, neither after the response; the report's and the response's deadlines follow;
 * - the extension of stage 1 or 2 to its longest timescale: why it needed longer, or the extension
 *   taken off when it was recorded in error (the response is then due in the usual time, and a
 *   response given after that is late); the response's deadline follows.
 * Stage 1 is received the day the complaint was: that day is the matter's opening details
 * (matter-corrections.ts). The audit trail keeps what the stage said and why it was changed.
 */
import { eq } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import type { FieldError } from '../../platform/views/results.ts';
import { escalateStep, responseStep, reviewPanelStep } from './complaint-steps.ts';
import { stageDeadlines } from './complaint-deadlines.ts';
import { changedOf, firstOf, reasonField } from './correction-steps.ts';
import {
  escalateDates,
  escalateForm,
  extensionChangeForm,
  panelHeldDates,
  panelHeldForm,
  responseDates,
  responseForm,
} from './forms.ts';
import type { ComplaintStageRow } from './queries.ts';
import { worksOn } from './scope.ts';
import { dateBetween, defineStep, ukDate, type StepContext } from './step.ts';
import { complaintStages } from './tables.ts';

const complaint = ['complaint'] as const;

/** The stage the query string names (`?stage=2`), or undefined when it names none of the matter's. */
const namedStage = (ctx: StepContext) =>
  /^[1-3]$/.test(ctx.query.stage ?? '') ? ctx.stages.find((s) => s.stage === Number(ctx.query.stage)) : undefined;

/** The stage whose response is changed: the one named, else the latest with a response. */
const responded = (ctx: StepContext) =>
  ctx.query.stage === undefined ? ctx.stages.filter((s) => s.respondedOn !== null).at(-1) : namedStage(ctx);

/** Stage 2 or 3, named in the query string, whose request is changed. */
const requested = (ctx: StepContext) => {
  const s = namedStage(ctx);
  return s && s.stage > 1 ? s : undefined;
};

const stage3 = (ctx: StepContext) => ctx.stages.find((s) => s.stage === 3);

/** Stage 1 or 2, named in the query string, whose time to respond was extended. */
const extendedStage = (ctx: StepContext) => {
  const s = namedStage(ctx);
  return s && s.stage < 3 && s.extended ? s : undefined;
};

const byId = (row: ComplaintStageRow) => eq(complaintStages.id, row.id);

/** The step's own form for this stage, as if it were the stage being worked on. */
const asCurrent = (ctx: StepContext, row: ComplaintStageRow): StepContext => ({ ...ctx, currentStage: row });

/** An error when `date` is after the first of `later`. */
function notAfter(
  field: string,
  what: string,
  date: string | null | undefined,
  later: { on: string | null; what: string }[],
) {
  const first = firstOf(later);
  return date && first && date > first.on
    ? [{ field, message: `${what} cannot be after ${first.what} on ${ukDate(first.on)}` }]
    : [];
}

const responseChangeForm = responseForm.extend({
  reason: requiredText('Enter why the response is being changed', 500),
});

export const responseChangeStep = defineStep({
  path: 'response/change',
  permission: 'concerns.record',
  title: 'Change the response to the complaint',
  done: 'Response changed',
  correction: true,
  kinds: complaint,
  may: worksOn,
  names: (ctx) => ctx.query.stage === undefined || namedStage(ctx) !== undefined,
  offered: (ctx) => Boolean(responded(ctx)?.respondedOn),
  schema: responseChangeForm,
  dates: responseDates,
  fields: async (ctx) => [...(await responseStep.fields(asCurrent(ctx, responded(ctx)!))), reasonField],
  initial: (ctx) => {
    const s = responded(ctx)!;
    return { ...dateBoxes('respondedOn', s.respondedOn), finding: s.finding ?? '', response: s.response ?? '' };
  },
  async apply(tx, ctx, input) {
    const s = responded(ctx)!;
    const what = 'The date of the response';
    const earliest =
      s.stage !== 3
        ? { date: s.receivedOn, after: `the day stage ${s.stage} was received` }
        : s.reportOn
          ? { date: s.reportOn, after: 'the review panel’s report' }
          : { date: s.panelOn, after: 'the review panel' };
    const errors: FieldError[] = dateBetween('respondedOn', input.respondedOn, what, earliest);
    const next = ctx.stages.find((n) => n.stage === s.stage + 1);
    const later = [
      { on: next?.receivedOn ?? null, what: `the request for stage ${s.stage + 1}` },
      { on: ctx.record.concern.closedOn, what: 'its closing' },
    ];
    // The first response is the outcome the complaint's children are told (allegation-steps.ts childToldStep).
    if (ctx.stages.find((r) => r.respondedOn !== null)?.id === s.id) {
      later.push(...ctx.children.map((c) => ({ on: c.outcomeToldOn, what: `the outcome given to ${c.name}` })));
    }
    if (!errors.length) errors.push(...notAfter('respondedOn', what, input.respondedOn, later));
    if (errors.length) return { errors };
    const was = { respondedOn: s.respondedOn, finding: s.finding, response: s.response };
    const now = { respondedOn: input.respondedOn, finding: input.finding, response: input.response };
    await tx.update(complaintStages).set(now).where(byId(s));
    return {
      step: 'response-change',
      fields: changedOf(was, now),
      detail: { part: 'complaint-response', stage: s.stage, was, reason: input.reason },
    };
  },
});

const requestChangeForm = escalateForm.extend({
  reason: requiredText('Enter why the date of the request is being changed', 500),
});

export const requestChangeStep = defineStep({
  path: 'next-stage/change',
  permission: 'concerns.record',
  title: 'Change the date of the request for the next stage',
  done: 'Date of the request changed',
  correction: true,
  kinds: complaint,
  may: worksOn,
  names: (ctx) => requested(ctx) !== undefined,
  offered: (ctx) => requested(ctx) !== undefined,
  schema: requestChangeForm,
  dates: escalateDates,
  fields: async (ctx) => {
    const before = ctx.stages.find((s) => s.stage === requested(ctx)!.stage - 1)!;
    return [...(await escalateStep.fields(asCurrent(ctx, before))), reasonField];
  },
  initial: (ctx) => dateBoxes('receivedOn', requested(ctx)!.receivedOn),
  async apply(tx, ctx, input) {
    const s = requested(ctx)!;
    const before = ctx.stages.find((b) => b.stage === s.stage - 1);
    const what = 'The date of the request';
    const errors: FieldError[] = dateBetween('receivedOn', input.receivedOn, what, {
      date: before?.respondedOn ?? null,
      after: `the stage ${s.stage - 1} response`,
    });
    if (!errors.length) {
      errors.push(
        ...notAfter('receivedOn', what, input.receivedOn, [
          { on: s.panelOn, what: `the stage ${s.stage} review panel` },
          { on: s.reportOn, what: `the stage ${s.stage} review panel’s report` },
          { on: s.respondedOn, what: `the stage ${s.stage} response` },
          { on: ctx.record.concern.closedOn, what: 'its closing' },
        ]),
      );
    }
    if (errors.length) return { errors };
    const was = { receivedOn: s.receivedOn, respondBy: s.respondBy, panelBy: s.panelBy, reportBy: s.reportBy };
    const now = {
      receivedOn: input.receivedOn,
      ...stageDeadlines(s.stage, input.receivedOn, { extended: s.extended, panelOn: s.panelOn, reportOn: s.reportOn }),
    };
    await tx.update(complaintStages).set(now).where(byId(s));
    return {
      step: 'next-stage-change',
      fields: changedOf(was, now),
      detail: { part: 'complaint-stage', stage: s.stage, was, reason: input.reason },
    };
  },
});

const panelChangeForm = panelHeldForm.extend({
  reason: requiredText('Enter why the review panel is being changed', 500),
});

export const panelChangeStep = defineStep({
  path: 'review-panel/change',
  permission: 'concerns.record',
  title: 'Change the review panel and its report',
  done: 'Review panel changed',
  correction: true,
  kinds: complaint,
  may: worksOn,
  offered: (ctx) => Boolean(stage3(ctx)?.panelOn),
  schema: panelChangeForm,
  dates: panelHeldDates,
  fields: async (ctx) => [...(await reviewPanelStep.fields(asCurrent(ctx, stage3(ctx)!))), reasonField],
  initial: (ctx) => ({
    ...dateBoxes('panelOn', stage3(ctx)!.panelOn),
    ...dateBoxes('reportOn', stage3(ctx)!.reportOn),
  }),
  async apply(tx, ctx, input) {
    const s = stage3(ctx)!;
    const reportOn = input.reportOn ?? null;
    const errors: FieldError[] = dateBetween('panelOn', input.panelOn, 'The date of the panel', {
      date: s.receivedOn,
      after: 'the day stage 3 was received',
    });
    if (reportOn) {
      errors.push(
        ...dateBetween('reportOn', reportOn, 'The date of the report', { date: input.panelOn, after: 'the panel' }),
      );
    }
    const response = [{ on: s.respondedOn, what: 'the stage 3 response' }];
    for (const [field, what, date] of [
      ['panelOn', 'The date of the panel', input.panelOn],
      ['reportOn', 'The date of the report', reportOn],
    ] as const) {
      if (!errors.some((e) => e.field === field)) errors.push(...notAfter(field, what, date, response));
    }
    if (errors.length) return { errors };
    const due = stageDeadlines(3, s.receivedOn, { panelOn: input.panelOn, reportOn });
    const was = { panelOn: s.panelOn, reportOn: s.reportOn, reportBy: s.reportBy, respondBy: s.respondBy };
    const now = { panelOn: input.panelOn, reportOn, reportBy: due.reportBy, respondBy: due.respondBy };
    await tx.update(complaintStages).set(now).where(byId(s));
    return {
      step: 'review-panel-change',
      fields: changedOf(was, now),
      detail: { part: 'complaint-panel', stage: 3, was, reason: input.reason },
    };
  },
});

export const extensionChangeStep = defineStep({
  path: 'extension/change',
  permission: 'concerns.record',
  title: 'Change the extension of the time to respond',
  done: 'Extension changed',
  correction: true,
  kinds: complaint,
  may: worksOn,
  names: (ctx) => namedStage(ctx) !== undefined,
  offered: (ctx) => extendedStage(ctx) !== undefined,
  schema: extensionChangeForm,
  dates: [],
  fields: (ctx) => {
    const s = extendedStage(ctx)!;
    const due = (extended: boolean) => ukDate(stageDeadlines(s.stage, s.receivedOn, { extended }).respondBy);
    return [
      {
        type: 'radios',
        name: 'extended',
        label: `Was the time to respond to stage ${s.stage} extended?`,
        choices: [
          { value: 'yes', text: `Yes: the response is due by ${due(true)}` },
          {
            value: 'no',
            text: `No, it was recorded in error: the response is due by ${due(false)}`,
            hint: 'A response given after that day counts as late.',
          },
        ],
      },
      {
        type: 'textarea',
        name: 'extensionReason',
        label: 'Why the response needs longer',
        hint: 'Only if the time was extended.',
        rows: 4,
      },
      reasonField,
    ];
  },
  initial: (ctx) => ({ extended: 'yes', extensionReason: extendedStage(ctx)!.extensionReason ?? '' }),
  async apply(tx, ctx, input) {
    const s = extendedStage(ctx)!;
    const extended = input.extended === 'yes';
    const was = { extended: s.extended, extensionReason: s.extensionReason, respondBy: s.respondBy };
    const now = {
      extended,
      extensionReason: extended ? input.extensionReason : null,
      respondBy: stageDeadlines(s.stage, s.receivedOn, { extended }).respondBy,
    };
    const fields = changedOf(was, now);
    if (!fields.length) {
      return {
        errors: [{ field: 'extensionReason', message: 'Nothing has changed: change what was recorded wrongly' }],
      };
    }
    await tx.update(complaintStages).set(now).where(byId(s));
    return {
      step: 'extension-change',
      fields,
      detail: { part: 'complaint-extension', stage: s.stage, was, reason: input.reason },
    };
  },
});

export const complaintCorrectionSteps = [responseChangeStep, requestChangeStep, panelChangeStep, extensionChangeStep];
