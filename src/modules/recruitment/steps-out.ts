/** After approval and the road out: exemptions, the post-approval interview, leaving and the exit interview. */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { dateBoxes, govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import {
  exitInterviewNames,
  exitInterviews,
  exitThemeNames,
  exitThemes,
  leavingReasonNames,
  leavingReasons,
  ownDecisions,
  wouldReturnChoices,
  wouldReturnNames,
} from './labels.ts';
import { approvalStandsWhile } from '../households/labels.ts';
import { coordinators, managers } from './scope.ts';
import { postApprovalDueBy } from './settings.ts';
import { dateRules, moveHousehold, type Step } from './step.ts';
import { recruitmentExemptions, recruitmentLeavings, recruitmentPostApprovalInterviews } from './tables.ts';
import { formatDate } from '../../platform/views/format.ts';

const exemptionSchema = z.object({
  agreedOn: govukDate('Date agreed'),
  agreedBy: requiredText('Enter who agreed the exemption: the panel, or the manager’s name and role', 200),
  childrenCovered: requiredText('Enter the children the exemption covers', 1000),
  reason: requiredText('Enter the reason for the exemption', 4000),
  reviewOn: govukDate('Review date'),
});

export const exemptionStep: Step<typeof exemptionSchema> = {
  path: 'exemption',
  title: 'Record an exemption',
  done: 'Exemption recorded',
  roles: managers,
  offered: (ctx) => ['approved', 'on_hold'].includes(ctx.household.status),
  schema: exemptionSchema,
  dates: ['agreedOn', 'reviewOn'],
  lines: () => [
    'A household may care for more than three children only under an exemption. A new exemption replaces the one before it (record one at each review).',
  ],
  fields: () => [
    { type: 'date', name: 'agreedOn', label: 'Date agreed' },
    { type: 'text', name: 'agreedBy', label: 'Agreed by', hint: 'The fostering panel, or the manager’s name and role' },
    { type: 'textarea', name: 'childrenCovered', label: 'Children covered', rows: 3 },
    { type: 'textarea', name: 'reason', label: 'Reason' },
    { type: 'date', name: 'reviewOn', label: 'Review date' },
  ],
  initial: (ctx) => dateBoxes('agreedOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('agreedOn', 'The date agreed', input.agreedOn);
    if (input.reviewOn <= input.agreedOn) {
      errors.push({ field: 'reviewOn', message: 'The review date must be after the date agreed' });
    }
    if (errors.length) return errors;
    await tx
      .update(recruitmentExemptions)
      .set({ endedOn: input.agreedOn })
      .where(and(eq(recruitmentExemptions.householdId, ctx.household.id), isNull(recruitmentExemptions.endedOn)));
    await tx.insert(recruitmentExemptions).values({ householdId: ctx.household.id, ...input, recordedBy: who.user.id });
    return [];
  },
};

const interviewSchema = z.object({
  interviewedOn: govukDate('Date of the interview'),
  mentorHelped: z.enum(['yes', 'no', 'no_mentor'], { error: 'Select whether the mentor helped' }),
  feedback: requiredText('Enter what the carers said about the road to approval and the support since', 8000),
});

export const postApprovalStep: Step<typeof interviewSchema> = {
  path: 'post-approval-interview',
  title: 'Record the post-approval interview',
  done: 'Post-approval interview recorded',
  roles: coordinators,
  offered: (ctx) =>
    ctx.household.approvedOn !== null && approvalStandsWhile(ctx.household.status) && ctx.record.interview === null,
  schema: interviewSchema,
  dates: ['interviewedOn'],
  lines: (ctx) =>
    ctx.household.approvedOn
      ? [
          `Due by ${formatDate(postApprovalDueBy(ctx.household.approvedOn))}, six months after approval (Target 3.2, local).`,
        ]
      : [],
  fields: () => [
    { type: 'date', name: 'interviewedOn', label: 'Date of the interview' },
    {
      type: 'radios',
      name: 'mentorHelped',
      label: 'Did the mentor help?',
      choices: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
        { value: 'no_mentor', text: 'They had no mentor' },
      ],
    },
    {
      type: 'textarea',
      name: 'feedback',
      label: 'Feedback on the recruitment process and the support since approval',
      rows: 8,
    },
  ],
  initial: (ctx) => dateBoxes('interviewedOn', ctx.today),
  async apply(tx, who, ctx, input) {
    const errors = dateRules('interviewedOn', 'The date of the interview', input.interviewedOn, {
      on: ctx.household.approvedOn,
      what: 'the day of approval',
    });
    if (errors.length) return errors;
    await tx
      .insert(recruitmentPostApprovalInterviews)
      .values({ householdId: ctx.household.id, ...input, recordedBy: who.user.id });
    return [];
  },
};

const leavingSchema = z.object({
  reason: z.enum(leavingReasons, { error: 'Select why the household is leaving' }),
  leftOn: govukDate('Date of leaving'),
  exitInterview: z.enum(exitInterviews, { error: 'Select where the exit interview is' }),
  interviewOn: optionalGovukDate('Date of the exit interview'),
  themes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [v ?? []].flat())
    .pipe(z.array(z.enum(exitThemes, { error: 'Select themes from the list' }))),
  notes: optionalText(8000),
  wouldReturn: z.enum(wouldReturnChoices).optional(),
});

export const leavingStep: Step<typeof leavingSchema> = {
  path: 'leaving',
  title: 'Record leaving and the exit interview',
  done: 'Leaving recorded',
  roles: coordinators,
  offered: (ctx) => approvalStandsWhile(ctx.household.status) || ctx.household.status === 'deregistered',
  schema: leavingSchema,
  dates: ['leftOn', 'interviewOn'],
  lines: (ctx) =>
    ctx.household.status === 'deregistered'
      ? ['The household is deregistered: record why it left and the exit interview.']
      : [
          'A resignation or retirement deregisters the household on the date of leaving. A deregistration after a review or an allegation is the agency decision maker’s, through the panel: record its exit interview here afterwards.',
        ],
  fields: () => [
    {
      type: 'radios',
      name: 'reason',
      label: 'Why is the household leaving?',
      choices: choicesOf(leavingReasons, leavingReasonNames),
    },
    { type: 'date', name: 'leftOn', label: 'Date of leaving' },
    {
      type: 'radios',
      name: 'exitInterview',
      label: 'Exit interview',
      choices: choicesOf(exitInterviews, exitInterviewNames),
    },
    { type: 'date', name: 'interviewOn', label: 'Date of the exit interview (when held or declined)' },
    { type: 'checkboxes', name: 'themes', label: 'Themes raised', choices: choicesOf(exitThemes, exitThemeNames) },
    { type: 'textarea', name: 'notes', label: 'What they said' },
    {
      type: 'radios',
      name: 'wouldReturn',
      label: 'Would they return to fostering with us?',
      choices: choicesOf(wouldReturnChoices, wouldReturnNames),
      inline: true,
    },
  ],
  initial: (ctx) => {
    const l = ctx.record.leaving;
    if (!l) return dateBoxes('leftOn', ctx.household.status === 'deregistered' ? ctx.household.statusSince : ctx.today);
    return {
      ...dateBoxes('leftOn', l.leftOn),
      ...dateBoxes('interviewOn', l.interviewOn),
      reason: l.reason,
      exitInterview: l.exitInterview,
      themes: l.themes,
      notes: l.notes ?? '',
      wouldReturn: l.wouldReturn ?? '',
    };
  },
  async apply(tx, who, ctx, input) {
    const leaving = approvalStandsWhile(ctx.household.status);
    const errors = dateRules('leftOn', 'The date of leaving', input.leftOn);
    if (leaving && !ownDecisions.includes(input.reason)) {
      errors.push({
        field: 'reason',
        message:
          'A deregistration after a review or an allegation is made by the agency decision maker through the panel: record a resignation or retirement here',
      });
    }
    const held = input.exitInterview === 'done' || input.exitInterview === 'declined';
    if (held && !input.interviewOn) {
      errors.push({ field: 'interviewOn', message: 'Enter the date the exit interview was held or declined' });
    } else if (input.interviewOn) {
      errors.push(...dateRules('interviewOn', 'The date of the exit interview', input.interviewOn));
    }
    if (errors.length) return errors;
    if (leaving) {
      const moved = await moveHousehold(tx, who, ctx.household.id, {
        toStatus: 'deregistered',
        onDate: input.leftOn,
        reason: leavingReasonNames[input.reason],
        dateField: 'leftOn',
      });
      if (moved.length) return moved;
    }
    const values = {
      ...input,
      interviewOn: held ? input.interviewOn : null,
      wouldReturn: input.wouldReturn ?? null,
      recordedBy: who.user.id,
    };
    await tx
      .insert(recruitmentLeavings)
      .values({ householdId: ctx.household.id, ...values })
      .onConflictDoUpdate({ target: recruitmentLeavings.householdId, set: values });
    return [];
  },
};
