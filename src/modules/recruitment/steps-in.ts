/** The road in before the assessment: answering the enquiry, the initial visit, the application, withdrawal. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dateBoxes, govukDate } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { choicesOf, yesNo } from '../../platform/views/fields.ts';
import { isUuid } from '../../platform/views/params.ts';
import { ofstedCodeNames, ofstedCodes } from './labels.ts';
import { workerOptions } from './queries.ts';
import { assessors, coordinators } from './scope.ts';
import { PANEL_WITHIN_MONTHS } from './settings.ts';
import { dateRules, moveHousehold, type Step } from './step.ts';
import { recruitmentAssessments, recruitmentEnquiries, recruitmentVisits, recruitmentWithdrawals } from './tables.ts';

const enquiredOn = (ctx: { record: { enquiry: { enquiredOn: string } | null } }) =>
  ctx.record.enquiry ? { on: ctx.record.enquiry.enquiredOn, what: 'the day of the enquiry' } : undefined;

export const answerStep: Step<z.ZodObject<{ answeredOn: ReturnType<typeof govukDate> }>> = {
  path: 'answered',
  title: 'Mark the enquiry answered',
  done: 'Enquiry marked answered',
  roles: assessors,
  offered: (ctx) => ctx.record.enquiry !== null && !ctx.record.enquiry.answeredOn,
  schema: z.object({ answeredOn: govukDate('Date answered') }),
  dates: ['answeredOn'],
  fields: () => [{ type: 'date', name: 'answeredOn', label: 'When was the enquiry answered?' }],
  initial: (ctx) => dateBoxes('answeredOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('answeredOn', 'The date answered', input.answeredOn, enquiredOn(ctx));
    if (errors.length) return errors;
    await tx
      .update(recruitmentEnquiries)
      .set({ answeredOn: input.answeredOn, answeredBy: who.user.id })
      .where(eq(recruitmentEnquiries.householdId, ctx.household.id));
    return [];
  },
};

const visitSchema = z.object({
  visitedOn: govukDate('Date of the visit'),
  workerId: z.string({ error: 'Select the worker who visited' }).refine(isUuid, 'Select the worker who visited'),
  proceed: z.enum(['yes', 'no'], { error: 'Select whether the worker recommends going on to an application' }),
  reasons: requiredText('Enter the reasons for the recommendation', 4000),
});

export const visitStep: Step<typeof visitSchema> = {
  path: 'initial-visit',
  title: 'Record the initial visit',
  done: 'Initial visit recorded',
  roles: assessors,
  offered: (ctx) => ['enquiry', 'applicant'].includes(ctx.household.status),
  schema: visitSchema,
  dates: ['visitedOn'],
  async fields(ctx) {
    const workers = await workerOptions(ctx.db);
    return [
      { type: 'date', name: 'visitedOn', label: 'Date of the visit' },
      {
        type: 'select',
        name: 'workerId',
        label: 'Who visited',
        choices: workers.map((w) => ({ value: w.id, text: w.name })),
      },
      {
        type: 'radios',
        name: 'proceed',
        label: 'Does the worker recommend going on to an application?',
        choices: yesNo,
        inline: true,
      },
      { type: 'textarea', name: 'reasons', label: 'Reasons' },
    ];
  },
  initial: (ctx) => ({ ...dateBoxes('visitedOn', ctx.today), workerId: ctx.user.id }),
  async apply(tx, _who, ctx, input) {
    const errors = dateRules('visitedOn', 'The date of the visit', input.visitedOn, enquiredOn(ctx));
    const workers = await workerOptions(tx);
    if (!workers.some((w) => w.id === input.workerId))
      errors.push({ field: 'workerId', message: 'Select the worker who visited' });
    if (errors.length) return errors;
    await tx.insert(recruitmentVisits).values({
      householdId: ctx.household.id,
      visitedOn: input.visitedOn,
      workerId: input.workerId,
      proceed: input.proceed === 'yes',
      reasons: input.reasons,
    });
    return [];
  },
};

export const applicationStep: Step<z.ZodObject<{ appliedOn: ReturnType<typeof govukDate> }>> = {
  path: 'application',
  title: 'Record the application received',
  done: `Application recorded: the ${PANEL_WITHIN_MONTHS}-month clock to the panel’s recommendation has started`,
  roles: coordinators,
  // An applicant moved on from the household's own status page may still have its application dated here.
  offered: (ctx) => ['enquiry', 'applicant'].includes(ctx.household.status) && ctx.record.assessment === null,
  schema: z.object({ appliedOn: govukDate('Date the application was received') }),
  dates: ['appliedOn'],
  fields: () => [{ type: 'date', name: 'appliedOn', label: 'Date the application was received' }],
  lines: () => [
    `The panel must make its recommendation within ${PANEL_WITHIN_MONTHS} months of the application (NMS 14.4). The household becomes an applicant.`,
  ],
  initial: (ctx) => dateBoxes('appliedOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('appliedOn', 'The date the application was received', input.appliedOn, enquiredOn(ctx));
    if (errors.length) return errors;
    if (ctx.household.status === 'enquiry') {
      const moved = await moveHousehold(tx, who, ctx.household.id, {
        toStatus: 'applicant',
        onDate: input.appliedOn,
        dateField: 'appliedOn',
      });
      if (moved.length) return moved;
    }
    await tx.insert(recruitmentAssessments).values({ householdId: ctx.household.id, appliedOn: input.appliedOn });
    return [];
  },
};

const withdrawSchema = z.object({
  withdrawnOn: govukDate('Date of withdrawal'),
  ofstedCode: z.enum(ofstedCodes, { error: 'Select the Ofsted reason code' }),
  reason: requiredText('Enter the reason the household gave', 4000),
});

export const withdrawStep: Step<typeof withdrawSchema> = {
  path: 'withdraw',
  title: 'Record a withdrawal',
  done: 'Withdrawal recorded',
  roles: coordinators,
  offered: (ctx) => ['enquiry', 'applicant', 'in_assessment'].includes(ctx.household.status),
  schema: withdrawSchema,
  dates: ['withdrawnOn'],
  fields: () => [
    { type: 'date', name: 'withdrawnOn', label: 'Date of withdrawal' },
    {
      type: 'radios',
      name: 'ofstedCode',
      label: 'Ofsted reason code',
      choices: choicesOf(ofstedCodes, ofstedCodeNames),
    },
    { type: 'textarea', name: 'reason', label: 'Reason the household gave' },
  ],
  initial: (ctx) => dateBoxes('withdrawnOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const stage = ctx.household.status;
    const moved = await moveHousehold(tx, who, ctx.household.id, {
      toStatus: 'withdrawn',
      onDate: input.withdrawnOn,
      reason: `${ofstedCodeNames[input.ofstedCode]}. ${input.reason}`,
      dateField: 'withdrawnOn',
    });
    if (moved.length) return moved;
    await tx.insert(recruitmentWithdrawals).values({
      householdId: ctx.household.id,
      withdrawnOn: input.withdrawnOn,
      stage,
      ofstedCode: input.ofstedCode,
      reason: input.reason,
      recordedBy: who.user.id,
    });
    return [];
  },
};
