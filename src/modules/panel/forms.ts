/** The panel's forms. */
import { z } from 'zod';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { careTypes, itemKinds, memberRoles, qaOutcomes, recommendations } from './labels.ts';

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .regex(/^\d+$/, `${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what[0]!.toUpperCase()}${what.slice(1)} must be between ${min} and ${max}`);

const optionalNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${what} must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const memberDateNames = ['joinedOn', 'trainingOn', 'dbsOn', 'appraisalOn', 'noticeOn', 'leavesOn'] as const;
export const memberForm = z.object({
  name: requiredText('Enter the member’s name', 200),
  role: z.enum(memberRoles, { error: 'Select the member’s role on the panel' }),
  userId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  joinedOn: govukDate('Date they joined'),
  trainingOn: optionalGovukDate('Date of their last panel training'),
  dbsOn: optionalGovukDate('Date of their DBS check'),
  appraisalOn: optionalGovukDate('Date of their last appraisal'),
  noticeOn: optionalGovukDate('Date they gave notice'),
  leavesOn: optionalGovukDate('Date they leave'),
});
export type MemberInput = z.infer<typeof memberForm>;

export const meetingForm = z.object({
  meetsOn: govukDate('Date of the meeting'),
  place: requiredText('Enter where the panel meets (a room, or the online meeting’s name)', 200),
  online: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});
export type MeetingInput = z.infer<typeof meetingForm>;
/** A meeting's date put right: the add form's date alone. */
export const meetingDateForm = meetingForm.pick({ meetsOn: true });

export const attendanceForm = z.object({
  memberIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat())),
});

const terms = {
  places: optionalNumber('The number of children', 1, 6),
  ageMin: optionalNumber('The youngest age', 0, 17),
  ageMax: optionalNumber('The oldest age', 0, 17),
  careType: z.enum(careTypes).optional(),
};

export const itemForm = z.object({
  kind: z.enum(itemKinds, { error: 'Select the kind of item' }),
  candidate: z.string({ error: 'Select the household to present' }).min(1, 'Select the household to present'),
  ...terms,
  /** For a skills level item: the level proposed (checked against the kind in the service). */
  skillLevel: z
    .enum(['2', '3'], { error: 'Select the skills level proposed: level 2 or level 3' })
    .optional()
    .transform((v) => (v === undefined ? null : Number(v))),
});
export type ItemInput = z.infer<typeof itemForm>;

export const qaForm = z.object({
  outcome: z.enum(qaOutcomes, { error: 'Select the outcome of the quality assurance' }),
  notes: optionalText(2000),
});
export type QaInput = z.infer<typeof qaForm>;

export const recommendationForm = z.object({
  recommendation: z.enum(recommendations, { error: 'Select the panel’s recommendation' }),
  reasons: requiredText('Enter the reasons for the recommendation', 5000),
  votesFor: wholeNumber('the number of votes for', 0, 30),
  votesAgainst: wholeNumber('the number of votes against', 0, 30),
  votesAbstaining: wholeNumber('the number of members abstaining', 0, 30),
  ...terms,
});
export type RecommendationInput = z.infer<typeof recommendationForm>;

export const minutesForm = z.object({
  minutes: requiredText('Enter the minutes (or a summary of them) before signing', 20000),
});

export const decisionForm = z.object({
  agrees: z.enum(['yes', 'no'], { error: 'Select whether you agree with the panel’s recommendation' }),
  reasons: requiredText('Enter the reasons for your decision', 5000),
  decidedOn: govukDate('Date of the decision'),
});
export type DecisionInput = z.infer<typeof decisionForm>;
/** A decision put right: the decision form filled in, who made it, and why it is being changed. */
export const decisionChangeForm = decisionForm.extend({
  decidedBy: z.string({ error: 'Select the decision maker' }).trim().min(1, 'Select the decision maker'),
  reason: requiredText('Enter why the decision is being changed', 500),
});
export type DecisionChangeInput = z.infer<typeof decisionChangeForm>;

export const lettersDateNames = ['toldOn', 'letterSentOn'] as const;
export const lettersForm = z.object({
  toldOn: optionalGovukDate('Date the applicant was told'),
  letterSentOn: optionalGovukDate('Date the letter was sent'),
});
export type LettersInput = z.infer<typeof lettersForm>;

/**
 * Publishing the papers. When a skills level's evidence is incomplete the page asks again (`asked`),
 * and the adviser must tick that they publish with the evidence incomplete.
 */
export const publishForm = z.object({
  asked: z.literal('yes').optional(),
  evidenceIncomplete: z.literal('publish').optional(),
});
