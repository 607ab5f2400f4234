/**
 * A step recorded with the wrong date put right on its own form, filled in with what it says, with
 * why: the referral to the LADO, between the day the allegation became known and the first step
 * that counts from the referral (the LADO's decision, a meeting, the outcome). Its deadlines follow
 * (the decision, meeting and support are due from the referral), and the audit entry keeps what it
 * said. Linked beside the referral on the matter page, not among the next steps.
 */
import { eq, min } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { referralStep } from './allegation-steps.ts';
import { referralDates, referralForm } from './forms.ts';
import { worksOn } from './scope.ts';
import { dateBetween, defineStep, ukDate } from './step.ts';
import { allegationMeetings, concerns } from './tables.ts';

const referralChangeForm = referralForm.extend({
  reason: requiredText('Enter why the referral is being changed', 500),
});

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
  fields: async (ctx) => [
    ...(await referralStep.fields(ctx)),
    {
      type: 'textarea',
      name: 'reason',
      label: 'Why is this being changed?',
      hint: 'For example, the date was typed wrongly. The audit trail keeps what it said before.',
      rows: 3,
    },
  ],
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
    const [met] = await tx
      .select({ on: min(allegationMeetings.heldOn) })
      .from(allegationMeetings)
      .where(eq(allegationMeetings.concernId, c.id));
    const later = [
      { on: c.ladoDecisionOn, what: 'the LADO’s decision on immediate action' },
      { on: met?.on ?? null, what: 'the first meeting' },
      { on: c.outcomeOn, what: 'the outcome' },
    ]
      .filter((s): s is { on: string; what: string } => s.on !== null)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const first = later[0];
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

export const correctionSteps = [referralChangeStep];
