import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { govukDate } from '../../platform/views/date-input.ts';
import { requiredId } from '../../platform/views/form-fields.ts';
import { optionalText, removalForm } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { notAloneReasons, places, seenChoices, type NotAloneReason, type Place, type SeenChoice } from './labels.ts';

/** The date boxes of the visit form. */
export const VISIT_DATES = ['visitedOn'] as const;

export interface VisitInput {
  visitedOn: IsoDate;
  visitedBy: string;
  childSeen: boolean;
  seenAlone: boolean | null;
  notAloneReason: NotAloneReason | null;
  place: Place;
  note: string | null;
}

/** "Record a visit": the date, who visited, whether the child was seen (alone, or why not), where, and a note. */
export function visitForm(today: IsoDate, dateOfBirth: IsoDate) {
  return z
    .object({
      visitedOn: govukDate('Date of the visit'),
      visitedBy: requiredId('Select who visited the child'),
      seen: z.enum(seenChoices, { error: 'Select whether the child was seen, and whether they were seen alone' }),
      notAloneReason: z.string().optional(),
      place: z.enum(places, { error: 'Select where the visit took place' }),
      note: optionalText(2000, 'what the child said and what happens next'),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.visitedOn, today) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['visitedOn'],
          message: 'Date of the visit must be today or in the past',
        });
      } else if (compareIsoDates(form.visitedOn, dateOfBirth) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['visitedOn'],
          message: 'Date of the visit must be on or after the child’s date of birth',
        });
      }
      if (form.seen === 'not_alone' && !(notAloneReasons as readonly string[]).includes(form.notAloneReason ?? '')) {
        ctx.addIssue({
          code: 'custom',
          path: ['notAloneReason'],
          message: 'Select why the child was not seen alone',
        });
      }
    })
    .transform((form): VisitInput => ({
      visitedOn: form.visitedOn,
      visitedBy: form.visitedBy,
      childSeen: form.seen !== 'not_seen',
      seenAlone: form.seen === 'not_seen' ? null : form.seen === 'alone',
      notAloneReason: form.seen === 'not_alone' ? (form.notAloneReason as NotAloneReason) : null,
      place: form.place,
      note: form.note,
    }));
}

/** The form's "seen" answer for a visit as recorded. */
export function seenChoiceOf(visit: { childSeen: boolean; seenAlone: boolean | null }): SeenChoice {
  if (!visit.childSeen) return 'not_seen';
  return visit.seenAlone ? 'alone' : 'not_alone';
}

/** "Remove the visit": why (recorded for the wrong child, or the visit did not happen). */
export const removeVisitForm = removalForm('visit');

/** The visits list's page, and what was just done, from the query string. */
export const visitsListQuery = z.object({
  page: pageNumber,
  done: z.enum(['changed', 'removed']).optional().catch(undefined),
});
