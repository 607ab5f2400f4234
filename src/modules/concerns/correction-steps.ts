/**
 * A step recorded wrongly put right on its own form, filled in with what it says, with why:
 * - the referral to the LADO, between the day the allegation became known and the first step that
 *   counts from the referral (the LADO's decision, a meeting, the outcome); its deadlines follow
 *   (the decision, meeting and support are due from the referral);
 * - the LADO's decision on immediate action (what was decided, its date and notes), by the LADO: on
 *   or after the referral, as recording it; the meeting due from the referral stays;
 * - the outcome (what it was, and its date), by the LADO: on or after the referral, as recording it,
 *   and never after the first step that follows it (the outcome given to the carer or a child, the
 *   presentation to the fostering panel, the closing); the figures of outcomes count it as it now is.
 * The audit entry keeps what it said. Each is linked beside what it corrects on the matter page (the
 * deadlines table), not among the next steps.
 */
import { eq } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { decisionStep, outcomeStep, referralStep } from './allegation-steps.ts';
import { decisionDates, decisionForm, outcomeDates, outcomeForm, referralDates, referralForm } from './forms.ts';
import { worksAsLado, worksOn } from './scope.ts';
import { dateBetween, defineStep, ukDate } from './step.ts';
import { concerns } from './tables.ts';

const referralChangeForm = referralForm.extend({
  reason: requiredText('Enter why the referral is being changed', 500),
});

/** The box asking why, under a correction's own fields. */
export const reasonField = {
  type: 'textarea',
  name: 'reason',
  label: 'Why is this being changed?',
  hint: 'For example, the date was typed wrongly. The audit trail keeps what it said before.',
  rows: 3,
} as const;

/** The first of the steps in `later` (dated; the undated left out), or undefined. */
export const firstOf = (later: { on: string | null; what: string }[]) =>
  later
    .filter((s): s is { on: string; what: string } => s.on !== null)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];

/** The names of the fields whose values differ, in the order of `now`. */
export const changedOf = <T extends Record<string, unknown>>(was: T, now: T) =>
  (Object.keys(now) as (keyof T & string)[]).filter((f) => was[f] !== now[f]);

export const referralChangeStep = defineStep({
  path: 'referral/change',
  permission: 'concerns.record',
  title: 'Change the referral to the LADO',
  done: 'Referral to the LADO changed',
  correction: true,
  kinds: ['allegation'],
  may: worksOn,
  offered: (ctx) => ctx.record.concern.referredToLadoOn !== null,
  schema: referralChangeForm,
  dates: referralDates,
  fields: async (ctx) => [...(await referralStep.fields(ctx)), reasonField],
  initial: (ctx) => ({
    ...dateBoxes('referredOn', ctx.record.concern.referredToLadoOn),
    ladoName: ctx.record.concern.ladoName ?? '',
  }),
  async apply(tx, ctx, input) {
    const c = ctx.record.concern;
    const errors = dateBetween('referredOn', input.referredOn, 'The date of the referral', {
      date: c.knownOn,
      after: 'the day it became known',
    });
    const first = firstOf([
      { on: c.ladoDecisionOn, what: 'the LADO’s decision on immediate action' },
      { on: ctx.meetings[0]?.heldOn ?? null, what: 'the first meeting' },
      { on: c.outcomeOn, what: 'the outcome' },
    ]);
    if (first && input.referredOn > first.on) {
      errors.push({
        field: 'referredOn',
        message: `The date of the referral cannot be after ${first.what} on ${ukDate(first.on)}`,
      });
    }
    if (errors.length) return { errors };
    const was = { referredToLadoOn: c.referredToLadoOn, ladoName: c.ladoName };
    const changed = (['referredToLadoOn', 'ladoName'] as const).filter(
      (f) => was[f] !== (f === 'referredToLadoOn' ? input.referredOn : input.ladoName),
    );
    await tx
      .update(concerns)
      .set({ referredToLadoOn: input.referredOn, ladoName: input.ladoName })
      .where(eq(concerns.id, c.id));
    return {
      step: 'referral-change',
      fields: [...changed],
      detail: { part: 'lado-referral', was, reason: input.reason },
    };
  },
});

const decisionChangeForm = decisionForm.extend({
  reason: requiredText('Enter why the decision is being changed', 500),
});

export const decisionChangeStep = defineStep({
  path: 'decision/change',
  permission: 'allegations.lado',
  title: 'Change the LADO’s decision on immediate action',
  done: 'The LADO’s decision changed',
  correction: true,
  kinds: ['allegation'],
  may: worksAsLado,
  offered: (ctx) => ctx.record.concern.ladoDecisionOn !== null,
  schema: decisionChangeForm,
  dates: decisionDates,
  fields: async (ctx) => [...(await decisionStep.fields(ctx)), reasonField],
  initial: (ctx) => ({
    ...dateBoxes('decisionOn', ctx.record.concern.ladoDecisionOn),
    immediateAction: ctx.record.concern.immediateAction ?? '',
    notes: ctx.record.concern.ladoDecisionNotes ?? '',
  }),
  async apply(tx, ctx, input) {
    const c = ctx.record.concern;
    const errors = dateBetween('decisionOn', input.decisionOn, 'The date of the decision', {
      date: c.referredToLadoOn,
      after: 'the referral to the LADO',
    });
    if (input.immediateAction === 'other' && !input.notes)
      errors.push({ field: 'notes', message: 'Say what the other action is' });
    if (errors.length) return { errors };
    const was = {
      ladoDecisionOn: c.ladoDecisionOn,
      immediateAction: c.immediateAction,
      ladoDecisionNotes: c.ladoDecisionNotes,
    };
    const now = {
      ladoDecisionOn: input.decisionOn,
      immediateAction: input.immediateAction,
      ladoDecisionNotes: input.notes,
    };
    await tx.update(concerns).set(now).where(eq(concerns.id, c.id));
    return {
      step: 'decision-change',
      fields: changedOf(was, now),
      detail: { part: 'lado-decision', was, reason: input.reason },
    };
  },
});

const outcomeChangeForm = outcomeForm.extend({
  reason: requiredText('Enter why the outcome is being changed', 500),
});

export const outcomeChangeStep = defineStep({
  path: 'outcome/change',
  permission: 'allegations.lado',
  title: 'Change the outcome',
  done: 'Outcome changed',
  correction: true,
  kinds: ['allegation'],
  may: worksAsLado,
  offered: (ctx) => ctx.record.concern.outcomeOn !== null,
  schema: outcomeChangeForm,
  dates: outcomeDates,
  fields: async (ctx) => [...(await outcomeStep.fields(ctx)), reasonField],
  initial: (ctx) => ({
    outcome: ctx.record.concern.outcome ?? '',
    ...dateBoxes('outcomeOn', ctx.record.concern.outcomeOn),
  }),
  async apply(tx, ctx, input) {
    const c = ctx.record.concern;
    const errors = dateBetween('outcomeOn', input.outcomeOn, 'The date of the outcome', {
      date: c.referredToLadoOn,
      after: 'the referral to the LADO',
    });
    const first = firstOf([
      { on: c.carerToldOn, what: 'the outcome given to the carer' },
      ...ctx.children.map((x) => ({ on: x.outcomeToldOn, what: 'the outcome given to a child' })),
      { on: c.presentedToPanelOn, what: 'its presentation to the fostering panel' },
      { on: c.closedOn, what: 'its closing' },
    ]);
    if (first && input.outcomeOn > first.on) {
      errors.push({
        field: 'outcomeOn',
        message: `The date of the outcome cannot be after ${first.what} on ${ukDate(first.on)}`,
      });
    }
    if (errors.length) return { errors };
    const was = { outcome: c.outcome, outcomeOn: c.outcomeOn };
    const changed = (['outcome', 'outcomeOn'] as const).filter((f) => was[f] !== input[f]);
    await tx.update(concerns).set({ outcome: input.outcome, outcomeOn: input.outcomeOn }).where(eq(concerns.id, c.id));
    return {
      step: 'outcome-change',
      fields: [...changed],
      detail: { part: 'lado-outcome', was, reason: input.reason },
    };
  },
});

export const correctionSteps = [referralChangeStep, decisionChangeStep, outcomeChangeStep];
