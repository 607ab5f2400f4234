/**
 * The joint training forms: a day (when, its title and theme, where, who organised it), its
 * removal confirmed, the attendance of one group, and an evaluation. Checked here alone; the day
 * and the group are the page's.
 */
import { z } from 'zod';
import { govukDate } from '../../platform/views/date-input.ts';
import { requiredText } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { scores } from './labels.ts';

export const DAY_DATES = ['heldOn'] as const;

export const dayForm = z.object({
  heldOn: govukDate('Date of the training day'),
  title: requiredText('Enter the title of the day', 200),
  theme: requiredText('Enter the theme of the day', 500),
  place: requiredText('Enter where the day is held', 200),
  organisedBy: requiredText('Enter who organised the day', 200),
});
export type DayInput = z.infer<typeof dayForm>;

/** Removing a day: the person confirms they understand what goes with it. */
export const REMOVE_CONFIRMATION = 'I understand this removes the day, who attended and their evaluations';
export const removeDayForm = z.object({
  confirm: z.literal('yes', {
    error: 'Confirm that you understand this removes the day, who attended and their evaluations',
  }),
});

/** One id or several, each a record id (anything else is dropped: the form only ever sends ids). */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set([v ?? []].flat().filter(isUuid))]);

/** A group's page of the attendance form: the people it showed, and those ticked as there. */
export const attendanceForm = z.object({ shown: ids, attended: ids });
export type AttendanceInput = z.infer<typeof attendanceForm>;

const score = (message: string) => z.enum(scores, { error: message }).transform(Number);

export const evaluationForm = z.object({
  confidenceBefore: score('Select how confident you were on the theme before the day'),
  confidenceAfter: score('Select how confident you are on the theme after the day'),
  usefulness: score('Select how useful the day was'),
  willDoDifferently: requiredText('Enter what you will do differently after the day', 2000),
});
export type EvaluationInput = z.infer<typeof evaluationForm>;

/** An evaluation put right: its answers as given again, with why. */
export const changeEvaluationForm = evaluationForm.extend({
  reason: requiredText('Enter why the evaluation is being changed', 1000),
});
export type ChangeEvaluationInput = z.infer<typeof changeEvaluationForm>;

/** An evaluation recorded against the wrong attendee, removed with why. */
export const removeEvaluationForm = z.object({
  reason: requiredText('Enter why the evaluation is being removed', 1000),
});
