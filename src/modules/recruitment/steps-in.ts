/**
 * The road in before the assessment: answering the enquiry, the initial visit, the application (and
 * its date put right), withdrawal.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { dateBoxes, govukDate } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { choicesOf, yesNo, type Field } from '../../platform/views/fields.ts';
import { isUuid } from '../../platform/views/params.ts';
import { ofstedCodeNames, ofstedCodes } from './labels.ts';
import { panelRecommendedOn, workerOptions } from './queries.ts';
import { assessors, coordinators } from './scope.ts';
import { NMS_14_4, PANEL_WITHIN_MONTHS } from './settings.ts';
import { dateRules, moveHousehold, redateMove, type Step, type StepContext } from './step.ts';
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

const applicationSchema = z.object({ appliedOn: govukDate('Date the application was received') });
const APPLIED = 'The date the application was received';
const appliedOnFields = (): Field[] => [
  { type: 'date', name: 'appliedOn', label: 'Date the application was received' },
];

export const applicationStep: Step<typeof applicationSchema> = {
  path: 'application',
  title: 'Record the application received',
  done: `Application recorded: the ${PANEL_WITHIN_MONTHS}-month clock to the panel’s recommendation has started`,
  roles: coordinators,
  // An applicant moved on from the household's own status page may still have its application dated here.
  offered: (ctx) => ['enquiry', 'applicant'].includes(ctx.household.status) && ctx.record.assessment === null,
  schema: applicationSchema,
  dates: ['appliedOn'],
  fields: appliedOnFields,
  lines: () => [
    `The panel must make its recommendation within ${PANEL_WITHIN_MONTHS} months of the application (NMS 14.4). The household becomes an applicant.`,
  ],
  initial: (ctx) => dateBoxes('appliedOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('appliedOn', APPLIED, input.appliedOn, enquiredOn(ctx));
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

/** The dated steps that follow the application, each with the day it was recorded as (or none yet). */
async function stepsAfterApplication(ctx: StepContext): Promise<{ on: IsoDate | null; what: string }[]> {
  const a = ctx.record.assessment;
  return [
    { on: a?.startedOn ?? null, what: 'the day the assessment started' },
    { on: a?.mentorAllocatedOn ?? null, what: 'the day the mentor was allocated' },
    { on: a?.completedOn ?? null, what: 'the day the assessment was completed' },
    { on: await panelRecommendedOn(ctx.db, ctx.household.id), what: 'the day the panel made its recommendation' },
    { on: ctx.household.approvedOn, what: 'the day the household was approved' },
    { on: ctx.record.withdrawal?.withdrawnOn ?? null, what: 'the day the household withdrew' },
  ];
}

/**
 * Putting right the date an application was received (typed wrongly), on the application's form
 * filled in, by those who record the application. The 8-month clock to the panel (NMS 14.4) runs from
 * it, so its deadline follows in the same transaction (takeStep), and the figures counted from it
 * (enquiries that applied, days to the panel's recommendation) follow on their next count. The rules:
 * a real date, today or before; on or after the enquiry, if one was recorded; on or before every step
 * that followed it (the assessment's start, the mentor allocated, the assessment completed, the
 * panel's recommendation, approval, withdrawal), as the road cannot run backwards; and not the date it
 * already has. A withdrawn or decided application is still put right: a recruitment manager expects
 * the date behind the 8-month figures and the Ofsted return to be true whatever became of the
 * household, and the rules above keep it in order with what followed. The household's move to
 * applicant, recorded with the application on its day, moves with it (through the households
 * module, which keeps the status history in order). The audit trail keeps the date it said before.
 */
export const applicationDateStep: Step<typeof applicationSchema> = {
  path: 'application-date',
  title: 'Change the date the application was received',
  done: 'The date the application was received has been changed',
  roles: coordinators,
  correction: true,
  offered: (ctx) => ctx.record.assessment !== null,
  schema: applicationSchema,
  dates: ['appliedOn'],
  fields: appliedOnFields,
  lines: () => [
    `Correct the date if it was recorded wrongly. The panel’s recommendation is due within ${PANEL_WITHIN_MONTHS} months of it (${NMS_14_4}), and that deadline moves with it.`,
    'It cannot be before the enquiry or after a later step of the assessment. The audit trail keeps the date it said before.',
  ],
  initial: (ctx) => dateBoxes('appliedOn', ctx.record.assessment?.appliedOn),
  auditDetail: (ctx, input) => ({ appliedOn: input.appliedOn, was: ctx.record.assessment?.appliedOn }),
  async apply(tx, who, ctx, input) {
    const was = ctx.record.assessment?.appliedOn;
    if (input.appliedOn === was) {
      return [
        {
          field: 'appliedOn',
          message: `The application is already dated ${formatDate(was)}: enter the date it should have`,
        },
      ];
    }
    const errors = dateRules('appliedOn', APPLIED, input.appliedOn, enquiredOn(ctx));
    if (errors.length) return errors;
    const [next] = (await stepsAfterApplication(ctx))
      .filter((s): s is { on: IsoDate; what: string } => s.on !== null)
      .sort((x, y) => x.on.localeCompare(y.on));
    if (next && input.appliedOn > next.on) {
      return [{ field: 'appliedOn', message: `${APPLIED} must be on or before ${formatDate(next.on)}, ${next.what}` }];
    }
    const moved = await redateMove(tx, who, ctx.household.id, {
      toStatus: 'applicant',
      wasOn: was!,
      nowOn: input.appliedOn,
      dateField: 'appliedOn',
      label: APPLIED,
    });
    if (moved.length) return moved;
    await tx
      .update(recruitmentAssessments)
      .set({ appliedOn: input.appliedOn, updatedAt: new Date() })
      .where(eq(recruitmentAssessments.householdId, ctx.household.id));
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
