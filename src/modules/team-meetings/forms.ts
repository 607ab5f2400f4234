/**
 * The forms of learning from serious case reviews: a review (the head's list), a team meeting that
 * discussed one, an action from it, and an extended team manager meeting. Each checked here alone;
 * whether a chosen person is of the team, and a chosen review exists, is the service's check.
 */
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { govukDate, pastGovukDate } from '../../platform/views/date-input.ts';
import { optionalId, requiredId } from '../../platform/views/form-fields.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';

export const REVIEW_DATES = ['publishedOn'] as const;
export const MEETING_DATES = ['heldOn'] as const;
export const ACTION_DATES = ['dueOn'] as const;

const webAddress = requiredText('Enter the web address of the published report', 500).refine((v) => {
  if (!/^https?:\/\//i.test(v)) return false;
  try {
    return Boolean(new URL(v).hostname.includes('.'));
  } catch {
    return false;
  }
}, 'Enter the web address of the published report, starting https://, like https://www.example.org.uk/report.pdf');

export function reviewForm(today: IsoDate) {
  return z.object({
    title: requiredText('Enter the title of the review', 200),
    publishedBy: requiredText('Enter who published the review', 200),
    publishedOn: pastGovukDate('Date published', today),
    link: webAddress,
    learning: requiredText('Enter a summary of its learning for fostering', 4000),
  });
}
export type ReviewInput = z.infer<ReturnType<typeof reviewForm>>;

const attended = z
  .string({ error: 'Enter how many attended' })
  .trim()
  .min(1, 'Enter how many attended')
  .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 500, {
    message: 'Number who attended must be a whole number from 1 to 500',
  })
  .transform(Number);

export function teamMeetingForm(today: IsoDate) {
  return z.object({
    heldOn: pastGovukDate('Date of the meeting', today),
    chairedBy: requiredId('Select who chaired the meeting'),
    attended,
    attendees: optionalText(1000, 'who attended'),
    reviewId: requiredId('Select the serious case review the team discussed'),
    learning: requiredText('Enter what the team took from the review', 4000),
  });
}
export type TeamMeetingInput = z.infer<ReturnType<typeof teamMeetingForm>>;

export const actionForm = z.object({
  action: requiredText('Enter the action', 500),
  ownerId: requiredId('Select who will do it'),
  dueOn: govukDate('Date it is due'),
});
export type ActionInput = z.infer<typeof actionForm>;

export function extendedMeetingForm(today: IsoDate) {
  return z.object({
    heldOn: pastGovukDate('Date of the meeting', today),
    reflectivePractice: z
      .enum(['yes', 'no'], { error: 'Select whether reflective practice and learning were on the agenda' })
      .transform((v) => v === 'yes'),
    learning: requiredText('Enter the learning discussed', 4000),
    reviewId: optionalId('Select a serious case review from the list'),
  });
}
export type ExtendedMeetingInput = z.infer<ReturnType<typeof extendedMeetingForm>>;

export const listQuery = z.object({ page: pageNumber });

/** The main page's two lists, each paged on its own: the teams (`teams-page`) and the reviews (`page`). */
export const TEAMS_PAGE = 'teams-page';
export const learningQuery = z.object({ page: pageNumber, [TEAMS_PAGE]: pageNumber });

/** A removal is confirmed with a box: the record was made by mistake. */
export const removeMeetingForm = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the meeting was recorded by mistake' }),
});
export const removeReviewForm = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the review was added by mistake' }),
});
export const removeActionForm = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the action was recorded by mistake' }),
});
export const removeExtendedForm = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the meeting was recorded by mistake' }),
});
