/**
 * The steps of a complaint through its three statutory stages: the response to the current stage
 * (with its finding), an extension of stage 1 or 2 to its longest timescale, the request for the
 * next stage, and stage 3's review panel and report. Each keeps the stage's deadlines on its row.
 */
import { and, eq } from 'drizzle-orm';
import { choicesOf } from '../../platform/views/fields.ts';
import {
  escalateDates,
  escalateForm,
  extensionForm,
  panelHeldDates,
  panelHeldForm,
  responseDates,
  responseForm,
} from './forms.ts';
import { findingNames, findings } from './labels.ts';
import { stageDeadlines, timescaleText } from './complaint-deadlines.ts';
import { worksOn } from './scope.ts';
import { dateBetween, defineStep, isOpen, todayIn, ukDate, type StepContext } from './step.ts';
import { complaintStages } from './tables.ts';

const complaint = ['complaint'] as const;
const current = (ctx: StepContext) => ctx.currentStage;
const awaitingResponse = (ctx: StepContext) => isOpen(ctx) && current(ctx) !== null && !current(ctx)!.respondedOn;
const stageRow = (ctx: StepContext) =>
  and(eq(complaintStages.concernId, ctx.record.concern.id), eq(complaintStages.stage, current(ctx)!.stage));

export const responseStep = defineStep({
  path: 'response',
  permission: 'concerns.record',
  title: 'Record the response to the complaint',
  done: 'Response recorded',
  kinds: complaint,
  may: worksOn,
  offered: awaitingResponse,
  schema: responseForm,
  dates: responseDates,
  fields: (ctx) => [
    {
      type: 'date',
      name: 'respondedOn',
      label: `Date of the stage ${current(ctx)!.stage} response`,
      hint: `Due by ${ukDate(current(ctx)!.respondBy)}: ${timescaleText(current(ctx)!.stage, current(ctx)!.extended)}`,
    },
    { type: 'radios', name: 'finding', label: 'Was the complaint upheld?', choices: choicesOf(findings, findingNames) },
    { type: 'textarea', name: 'response', label: 'The response, in short', rows: 6 },
  ],
  initial: () => todayIn('respondedOn'),
  async apply(tx, ctx, input) {
    const stage = current(ctx)!;
    const errors = dateBetween('respondedOn', input.respondedOn, 'The date of the response', {
      date: stage.stage === 3 ? stage.panelOn : stage.receivedOn,
      after: stage.stage === 3 ? 'the review panel' : `the day stage ${stage.stage} was received`,
    });
    if (stage.stage === 3 && !stage.panelOn) {
      errors.push({ field: 'respondedOn', message: 'Record the review panel before the response to stage 3' });
    }
    if (errors.length) return { errors };
    await tx
      .update(complaintStages)
      .set({ respondedOn: input.respondedOn, finding: input.finding, response: input.response })
      .where(stageRow(ctx));
    return { step: 'response', fields: ['respondedOn', 'finding', 'response'] };
  },
});

export const extensionStep = defineStep({
  path: 'extension',
  permission: 'concerns.record',
  title: 'Extend the time to respond',
  done: 'Time to respond extended',
  kinds: complaint,
  may: worksOn,
  offered: (ctx) => awaitingResponse(ctx) && current(ctx)!.stage < 3 && !current(ctx)!.extended,
  schema: extensionForm,
  dates: [],
  fields: (ctx) => [
    {
      type: 'textarea',
      name: 'reason',
      label: 'Why the response needs longer',
      hint: `The response will be due by ${ukDate(stageDeadlines(current(ctx)!.stage, current(ctx)!.receivedOn, { extended: true }).respondBy)}. The complainant must be told.`,
      rows: 4,
    },
  ],
  initial: () => ({}),
  async apply(tx, ctx, input) {
    const stage = current(ctx)!;
    const { respondBy } = stageDeadlines(stage.stage, stage.receivedOn, { extended: true });
    await tx
      .update(complaintStages)
      .set({ extended: true, extensionReason: input.reason, respondBy })
      .where(stageRow(ctx));
    return { step: 'extension', fields: ['extended', 'extensionReason', 'respondBy'] };
  },
});

export const escalateStep = defineStep({
  path: 'next-stage',
  permission: 'concerns.record',
  title: 'Record a request for the next stage',
  done: 'Next stage of the complaint recorded',
  kinds: complaint,
  may: worksOn,
  offered: (ctx) =>
    isOpen(ctx) && current(ctx) !== null && current(ctx)!.respondedOn !== null && current(ctx)!.stage < 3,
  schema: escalateForm,
  dates: escalateDates,
  fields: (ctx) => [
    {
      type: 'date',
      name: 'receivedOn',
      label: `Date the request for stage ${current(ctx)!.stage + 1} was received`,
      hint: timescaleText(current(ctx)!.stage + 1, false),
    },
  ],
  initial: () => todayIn('receivedOn'),
  async apply(tx, ctx, input) {
    const stage = current(ctx)!;
    const errors = dateBetween('receivedOn', input.receivedOn, 'The date of the request', {
      date: stage.respondedOn,
      after: `the stage ${stage.stage} response`,
    });
    if (errors.length) return { errors };
    const next = stage.stage + 1;
    await tx.insert(complaintStages).values({
      concernId: ctx.record.concern.id,
      stage: next,
      receivedOn: input.receivedOn,
      recordedBy: ctx.user.id,
      ...stageDeadlines(next, input.receivedOn),
    });
    return { step: 'next-stage', fields: [`stage ${next}`] };
  },
});

export const reviewPanelStep = defineStep({
  path: 'review-panel',
  permission: 'concerns.record',
  title: 'Record the review panel and its report',
  done: 'Review panel recorded',
  kinds: complaint,
  may: worksOn,
  offered: (ctx) => awaitingResponse(ctx) && current(ctx)!.stage === 3,
  schema: panelHeldForm,
  dates: panelHeldDates,
  fields: (ctx) => {
    const due = stageDeadlines(3, current(ctx)!.receivedOn, { panelOn: current(ctx)!.panelOn });
    return [
      { type: 'date', name: 'panelOn', label: 'Date the review panel met', hint: `Due by ${ukDate(due.panelBy!)}` },
      {
        type: 'date',
        name: 'reportOn',
        label: 'Date of the panel’s report (when it has been sent)',
        hint: 'Within 5 working days of the panel',
      },
    ];
  },
  initial: () => todayIn('panelOn'),
  async apply(tx, ctx, input) {
    const stage = current(ctx)!;
    const errors = dateBetween('panelOn', input.panelOn, 'The date of the panel', {
      date: stage.receivedOn,
      after: 'the day stage 3 was received',
    });
    if (input.reportOn) {
      errors.push(
        ...dateBetween('reportOn', input.reportOn, 'The date of the report', {
          date: input.panelOn,
          after: 'the panel',
        }),
      );
    }
    if (errors.length) return { errors };
    const due = stageDeadlines(3, stage.receivedOn, { panelOn: input.panelOn, reportOn: input.reportOn });
    await tx
      .update(complaintStages)
      .set({ panelOn: input.panelOn, reportOn: input.reportOn, reportBy: due.reportBy, respondBy: due.respondBy })
      .where(stageRow(ctx));
    return { step: 'review-panel', fields: ['panelOn', 'reportOn', 'reportBy', 'respondBy'] };
  },
});

export const complaintSteps = [responseStep, extensionStep, escalateStep, reviewPanelStep];
