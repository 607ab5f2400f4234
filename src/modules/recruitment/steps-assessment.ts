/** The Form F assessment: its start with a named assessor, stage 1 checks, the mentor, training, and completion. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dateBoxes, govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import type { FieldError } from '../../platform/views/results.ts';
import { choicesOf, yesNo } from '../../platform/views/fields.ts';
import { isUuid } from '../../platform/views/params.ts';
import { checkOutcomeAnswers, checkOutcomeFields, refineCheckOutcome } from '../../platform/views/check-outcome.ts';
import { personChecks } from '../households/tables.ts';
import { outstandingMessage } from './checks.ts';
import { checkKindNames, checkKinds, householdCheckKinds, type CheckKind } from './labels.ts';
import { findMentor, MENTORS_LISTED, mentorOptions, workerOptions } from './queries.ts';
import { assessors, coordinators } from './scope.ts';
import { dateRules, moveHousehold, type Step, type StepContext } from './step.ts';
import { recruitmentAssessments } from './tables.ts';

const applied = (ctx: StepContext) =>
  ctx.record.assessment ? { on: ctx.record.assessment.appliedOn, what: 'the day of the application' } : undefined;

const startSchema = z.object({
  startedOn: govukDate('Date the assessment started'),
  assessorId: z
    .string({ error: 'Select the assessing social worker' })
    .refine(isUuid, 'Select the assessing social worker'),
  needsEmployerReference: z.enum(['yes', 'no'], {
    error: 'Select whether an employer’s or previous fostering service’s reference is needed',
  }),
});

export const startStep: Step<typeof startSchema> = {
  path: 'assessment',
  title: 'Start the assessment (Form F)',
  done: 'Assessment started',
  roles: coordinators,
  offered: (ctx) =>
    ctx.record.assessment !== null &&
    (ctx.household.status === 'applicant' ||
      (ctx.household.status === 'in_assessment' && !ctx.record.assessment.startedOn)),
  schema: startSchema,
  dates: ['startedOn'],
  async fields(ctx) {
    const workers = await workerOptions(ctx.db);
    return [
      { type: 'date', name: 'startedOn', label: 'Date the assessment started' },
      {
        type: 'select',
        name: 'assessorId',
        label: 'Assessing social worker',
        choices: workers.map((w) => ({ value: w.id, text: w.name })),
      },
      {
        type: 'radios',
        name: 'needsEmployerReference',
        label: 'Is an employer’s or previous fostering service’s reference needed?',
        hint: 'Yes when an applicant works with children or has fostered for another service',
        choices: yesNo,
        inline: true,
      },
    ];
  },
  initial: (ctx) => dateBoxes('startedOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('startedOn', 'The date the assessment started', input.startedOn, applied(ctx));
    if (!(await workerOptions(tx)).some((w) => w.id === input.assessorId)) {
      errors.push({ field: 'assessorId', message: 'Select the assessing social worker' });
    }
    if (errors.length) return errors;
    if (ctx.household.status === 'applicant') {
      const moved = await moveHousehold(tx, who, ctx.household.id, {
        toStatus: 'in_assessment',
        onDate: input.startedOn,
        dateField: 'startedOn',
      });
      if (moved.length) return moved;
    }
    await tx
      .update(recruitmentAssessments)
      .set({
        startedOn: input.startedOn,
        assessorId: input.assessorId,
        needsEmployerReference: input.needsEmployerReference === 'yes',
        updatedAt: new Date(),
      })
      .where(eq(recruitmentAssessments.householdId, ctx.household.id));
    return [];
  },
};

const checkSchema = z
  .object({
    kind: z.enum(checkKinds, { error: 'Select the check' }),
    person: z.string().optional(),
    doneOn: govukDate('Date of the check'),
    ...checkOutcomeAnswers,
    expiresOn: optionalGovukDate('Expiry date'),
    note: optionalText(500),
  })
  .superRefine(refineCheckOutcome);

const personal: readonly CheckKind[] = ['dbs', 'la_checks', 'medical'];

/** The person a check is of: a carer, an adult member, or none (the household's checks). */
function personOf(ctx: StepContext, kind: CheckKind, value: string | undefined) {
  const people = [...ctx.record.people.carers, ...ctx.record.people.adults];
  if (!personal.includes(kind)) return { carerId: null, memberId: null };
  const found = people.find((p) => (p.carerId ?? p.memberId) === value);
  return found ? { carerId: found.carerId, memberId: found.memberId } : null;
}

export const checkStep: Step<typeof checkSchema> = {
  path: 'check',
  title: 'Record a stage 1 check',
  done: 'Check recorded',
  roles: assessors,
  offered: (ctx) => ['applicant', 'in_assessment', 'approved'].includes(ctx.household.status),
  schema: checkSchema,
  dates: ['doneOn', 'expiresOn'],
  fields(ctx) {
    const people = [...ctx.record.people.carers, ...ctx.record.people.adults];
    return [
      { type: 'radios', name: 'kind', label: 'Which check?', choices: choicesOf(checkKinds, checkKindNames) },
      {
        type: 'select',
        name: 'person',
        label: 'Of whom (DBS, local authority checks and medicals)',
        hint: `Leave as it is for references, ${householdCheckKinds.map((k) => checkKindNames[k].toLowerCase()).join(' and ')}`,
        choices: people.map((p) => ({ value: p.carerId ?? p.memberId ?? '', text: p.name })),
      },
      { type: 'date', name: 'doneOn', label: 'Date of the check' },
      ...checkOutcomeFields,
      { type: 'date', name: 'expiresOn', label: 'Expiry date (if it has one)', hint: 'For example, 27 3 2029' },
      {
        type: 'text',
        name: 'note',
        label: 'Referee or certificate (optional)',
        hint: 'For example, the referee’s name or the certificate number',
      },
    ];
  },
  initial: (ctx) => dateBoxes('doneOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors: FieldError[] = dateRules('doneOn', 'The date of the check', input.doneOn);
    if (input.expiresOn && input.expiresOn <= input.doneOn) {
      errors.push({ field: 'expiresOn', message: 'The expiry date must be after the date of the check' });
    }
    const person = personOf(ctx, input.kind, input.person);
    if (!person)
      errors.push({ field: 'person', message: `Select whose ${checkKindNames[input.kind].toLowerCase()} it is` });
    if (errors.length || !person) return errors;
    await tx.insert(personChecks).values({
      householdId: ctx.household.id,
      ...person,
      kind: input.kind,
      completedOn: input.doneOn,
      satisfactory: input.satisfactory === 'yes',
      outcome: input.outcome,
      expiresOn: input.expiresOn,
      note: input.note,
      recordedBy: who.user.id,
    });
    return [];
  },
};

const mentorSchema = z.object({
  mentorHouseholdId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), 'Select the mentor from the list'),
  mentorReference: optionalText(40, 'The reference'),
  allocatedOn: govukDate('Date allocated'),
});

/** The mentor chosen from the list or given by reference (one of the two), or what is wrong. */
async function chosenMentor(
  tx: StepContext['db'],
  ctx: StepContext,
  input: z.infer<typeof mentorSchema>,
): Promise<{ id: string } | FieldError> {
  if (input.mentorReference && input.mentorHouseholdId) {
    return { field: 'mentorReference', message: 'Choose the mentor from the list or enter a reference, not both' };
  }
  if (input.mentorReference) {
    const found = await findMentor(tx, ctx.household, { reference: input.mentorReference });
    return (
      found ?? {
        field: 'mentorReference',
        message: `No approved household in the area has the reference ${input.mentorReference}: check it on the household’s page`,
      }
    );
  }
  if (!input.mentorHouseholdId) {
    return { field: 'mentorHouseholdId', message: 'Select the mentor, or enter the reference of their household' };
  }
  const found = await findMentor(tx, ctx.household, { id: input.mentorHouseholdId });
  return found ?? { field: 'mentorHouseholdId', message: 'Select the mentor from the list' };
}

export const mentorStep: Step<typeof mentorSchema> = {
  path: 'mentor',
  title: 'Allocate a mentor',
  done: 'Mentor allocated',
  roles: assessors,
  offered: (ctx) => ctx.household.status === 'in_assessment',
  schema: mentorSchema,
  dates: ['allocatedOn'],
  lines: () => [
    'Every applicant has a mentor, an experienced carer from the register, from the start of the assessment (Target 3.3).',
  ],
  async fields(ctx) {
    const mentors = await mentorOptions(ctx.db, ctx.household);
    // The mentor allocated now stays on the list, however far down the register they are.
    const current = ctx.record.assessment?.mentorHouseholdId;
    if (current && !mentors.some((m) => m.id === current)) {
      const mentor = await findMentor(ctx.db, ctx.household, { id: current });
      if (mentor) mentors.unshift(mentor);
    }
    return [
      {
        type: 'select',
        name: 'mentorHouseholdId',
        label: 'Mentor (an approved carer household in the area)',
        hint: `The applicant's own team first, then those approved longest (the first ${MENTORS_LISTED}).`,
        choices: mentors.map((m) => ({ value: m.id, text: `${m.name} (${m.reference})` })),
      },
      {
        type: 'text',
        name: 'mentorReference',
        label: 'Or the reference of another approved household in the area',
        hint: 'As shown on the household’s page.',
        width: 10,
      },
      { type: 'date', name: 'allocatedOn', label: 'Date allocated' },
    ];
  },
  initial: (ctx) => ({
    ...dateBoxes('allocatedOn', ctx.record.assessment?.mentorAllocatedOn ?? ctx.today),
    mentorHouseholdId: ctx.record.assessment?.mentorHouseholdId ?? '',
  }),
  async apply(tx, _who, ctx, input) {
    const errors = dateRules('allocatedOn', 'The date allocated', input.allocatedOn, applied(ctx));
    const mentor = await chosenMentor(tx, ctx, input);
    if ('field' in mentor) errors.push(mentor);
    if (errors.length || 'field' in mentor) return errors;
    await tx
      .update(recruitmentAssessments)
      .set({ mentorHouseholdId: mentor.id, mentorAllocatedOn: input.allocatedOn, updatedAt: new Date() })
      .where(eq(recruitmentAssessments.householdId, ctx.household.id));
    return [];
  },
};

const trainingSchema = z.object({
  trainingCompletedOn: govukDate('Date the course was completed'),
  trainingCourse: requiredText('Enter the name of the course', 200),
});

export const trainingStep: Step<typeof trainingSchema> = {
  path: 'training',
  title: 'Record the pre-approval training',
  done: 'Pre-approval training recorded',
  roles: assessors,
  offered: (ctx) => ['applicant', 'in_assessment'].includes(ctx.household.status),
  schema: trainingSchema,
  dates: ['trainingCompletedOn'],
  fields: () => [
    { type: 'text', name: 'trainingCourse', label: 'Course', hint: 'For example, Skills to Foster' },
    { type: 'date', name: 'trainingCompletedOn', label: 'Date the course was completed' },
  ],
  initial: (ctx) => ({ ...dateBoxes('trainingCompletedOn', ctx.today), trainingCourse: 'Skills to Foster' }),
  async apply(tx, _who, ctx, input) {
    const errors = dateRules('trainingCompletedOn', 'The date the course was completed', input.trainingCompletedOn);
    if (errors.length) return errors;
    await tx
      .update(recruitmentAssessments)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(recruitmentAssessments.householdId, ctx.household.id));
    return [];
  },
};

export const completeStep: Step<z.ZodObject<{ completedOn: ReturnType<typeof govukDate> }>> = {
  path: 'complete',
  title: 'Record the assessment complete',
  done: 'Assessment complete: the household is ready for the panel',
  roles: assessors,
  offered: (ctx) => ctx.household.status === 'in_assessment' && !ctx.record.assessment?.completedOn,
  schema: z.object({ completedOn: govukDate('Date the assessment was completed') }),
  dates: ['completedOn'],
  fields: () => [{ type: 'date', name: 'completedOn', label: 'Date the assessment was completed' }],
  lines: () => ['Every stage 1 check must be done and satisfactory first.'],
  initial: (ctx) => dateBoxes('completedOn', ctx.today),
  async apply(tx, _who, ctx, input) {
    const started = ctx.record.assessment?.startedOn;
    const errors = dateRules('completedOn', 'The date the assessment was completed', input.completedOn, {
      on: started,
      what: 'the day the assessment started',
    });
    const outstanding = outstandingMessage(ctx.record.required);
    if (outstanding) errors.push({ field: 'completedOn', message: outstanding });
    if (errors.length) return errors;
    await tx
      .update(recruitmentAssessments)
      .set({ completedOn: input.completedOn, updatedAt: new Date() })
      .where(eq(recruitmentAssessments.householdId, ctx.household.id));
    return [];
  },
};
