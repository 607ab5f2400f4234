/**
 * Lifelong Links' forms: starting the work, the child's agreement, the coordinator and people
 * found, the family network meeting, the plan agreed, and the end. Each checks what it can alone
 * (a date given, real and not in the future; the answers it needs); the order of the steps
 * (no date before the child was born, the work started or an earlier step, nor after a later one)
 * is checked by the service against the work as it stands.
 */
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { govukDate, notInFuture, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { pageNumber, queryId } from '../../platform/views/params.ts';
import { agreementChoices, endReasons, isStage, type EndReason, type NotAskedReason } from './labels.ts';

/** The date boxes of each form. */
export const START_DATES = ['identifiedOn'] as const;
export const AGREEMENT_DATES = ['agreedOn'] as const;
export const MEETING_DATES = ['meetingOn'] as const;
export const PLAN_DATES = ['planAgreedOn'] as const;
export const END_DATES = ['endedOn'] as const;

const coordinator = optionalText(200, 'the coordinator’s name');

/** Starting the work: the day the child was identified, and the coordinator if known. */
export function startForm(today: IsoDate) {
  return z
    .object({ identifiedOn: govukDate('Date the child was identified'), coordinator })
    .superRefine(notInFuture(today, 'identifiedOn', 'Date the child was identified'));
}
export type StartInput = z.infer<ReturnType<typeof startForm>>;

export interface AgreementInput {
  agreedOn: IsoDate | null;
  notAskedReason: NotAskedReason | null;
}

/** The child's agreement: the day they agreed, or why they were not asked. */
export function agreementForm(today: IsoDate) {
  return z
    .object({
      agreement: z.enum(agreementChoices, { error: 'Select whether the child agreed, or why they were not asked' }),
      agreedOn: optionalGovukDate('Date the child agreed'),
    })
    .superRefine((form, ctx) => {
      if (form.agreement !== 'agreed') return;
      if (form.agreedOn === null) {
        ctx.addIssue({ code: 'custom', path: ['agreedOn'], message: 'Enter the date the child agreed' });
      } else notInFuture(today, 'agreedOn', 'Date the child agreed')(form, ctx);
    })
    .transform((form): AgreementInput =>
      form.agreement === 'agreed'
        ? { agreedOn: form.agreedOn, notAskedReason: null }
        : { agreedOn: null, notAskedReason: form.agreement },
    );
}

/** A count of people: a whole number from 0 to 999. */
function peopleCount(what: string) {
  const message = `Enter the number of people ${what}, as a whole number like 0 or 4`;
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .regex(/^\d{1,3}$/, message)
    .transform(Number);
}

/** The coordinator and the people found and contacted so far (no more contacted than found). */
export const peopleForm = z
  .object({ coordinator, peopleFound: peopleCount('found'), peopleContacted: peopleCount('contacted') })
  .superRefine((form, ctx) => {
    if (form.peopleContacted > form.peopleFound) {
      ctx.addIssue({
        code: 'custom',
        path: ['peopleContacted'],
        message: 'People contacted must be no more than the people found',
      });
    }
  });
export type PeopleInput = z.infer<typeof peopleForm>;

/** The family network meeting: the day it was held. */
export function meetingForm(today: IsoDate) {
  return z
    .object({ meetingOn: govukDate('Date of the family network meeting') })
    .superRefine(notInFuture(today, 'meetingOn', 'Date of the family network meeting'));
}
export type MeetingInput = z.infer<ReturnType<typeof meetingForm>>;

/** The plan agreed: the day, and a short note of the plan. */
export function planForm(today: IsoDate) {
  return z
    .object({
      planAgreedOn: govukDate('Date the plan was agreed'),
      planNote: requiredText('Enter a short note of the plan', 1000),
    })
    .superRefine(notInFuture(today, 'planAgreedOn', 'Date the plan was agreed'));
}
export type PlanInput = z.infer<ReturnType<typeof planForm>>;

export interface EndInput {
  endedOn: IsoDate;
  endReason: EndReason;
  endNote: string | null;
}

/** The end: the day, why, and a note (needed when the reason is "other"). */
export function endForm(today: IsoDate) {
  return z
    .object({
      endedOn: govukDate('Date the work ended'),
      endReason: z.enum(endReasons, { error: 'Select why the work ended' }),
      endNote: optionalText(1000, 'the note'),
    })
    .superRefine((form, ctx) => {
      notInFuture(today, 'endedOn', 'Date the work ended')(form, ctx);
      if (form.endReason === 'other' && form.endNote === null) {
        ctx.addIssue({ code: 'custom', path: ['endNote'], message: 'Enter why the work ended' });
      }
    });
}

/** The list's filters and page, from the query string: anything not one of them is as if not given. */
export const listQuery = z.object({
  area: queryId,
  stage: z
    .string()
    .optional()
    .transform((v) => (isStage(v) ? v : undefined))
    .catch(undefined),
  page: pageNumber,
});
export type ListQuery = z.infer<typeof listQuery>;
