/** The independence checklist's forms: starting it, an area done, and recording it completed. */
import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { govukDate } from '../../platform/views/date-input.ts';
import { eighteenOn, fifteenOn } from './labels.ts';

/** What the start form checks its date against: the young person's dates. */
export interface StartBounds {
  dateOfBirth: IsoDate;
  lookedAfterSince: IsoDate;
}

/** The day the checklist was started: from their 15th birthday (or becoming looked after), before 18, not in the future. */
export function startForm(today: IsoDate, young: StartBounds) {
  const fifteen = fifteenOn(young.dateOfBirth);
  const earliest = compareIsoDates(young.lookedAfterSince, fifteen) > 0 ? young.lookedAfterSince : fifteen;
  const eighteen = eighteenOn(young.dateOfBirth);
  return z.object({ startedOn: govukDate('Date the checklist was started') }).superRefine((form, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['startedOn'], message });
    if (compareIsoDates(form.startedOn, today) > 0) fail('Date the checklist was started must be today or in the past');
    else if (compareIsoDates(form.startedOn, earliest) < 0) {
      fail(
        earliest === fifteen
          ? `Date the checklist was started must be on or after their 15th birthday, ${formatDate(fifteen)}`
          : `Date the checklist was started must be on or after the day they became looked after, ${formatDate(earliest)}`,
      );
    } else if (compareIsoDates(form.startedOn, eighteen) >= 0) {
      fail(`Date the checklist was started must be before their 18th birthday, ${formatDate(eighteen)}`);
    }
  });
}
export type StartInput = z.infer<ReturnType<typeof startForm>>;

/** An area done: the day, on or after the checklist started and not in the future, and who confirmed it. */
export function areaForm(today: IsoDate, startedOn: IsoDate) {
  return z
    .object({
      doneOn: govukDate('Date this area was done'),
      confirmedBy: requiredText('Enter who confirmed this area was done', 200),
    })
    .superRefine((form, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['doneOn'], message });
      if (compareIsoDates(form.doneOn, today) > 0) fail('Date this area was done must be today or in the past');
      else if (compareIsoDates(form.doneOn, startedOn) < 0) {
        fail(`Date this area was done must be on or after the day the checklist started, ${formatDate(startedOn)}`);
      }
    });
}
export type AreaInput = z.infer<ReturnType<typeof areaForm>>;

/** The checklist recorded as completed on a day (on or after it started, not in the future), with an optional note. */
export function completeForm(today: IsoDate, startedOn: IsoDate) {
  return z
    .object({
      completedOn: govukDate('Date the checklist was completed'),
      note: optionalText(2000, 'the note'),
    })
    .superRefine((form, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['completedOn'], message });
      if (compareIsoDates(form.completedOn, today) > 0)
        fail('Date the checklist was completed must be today or in the past');
      else if (compareIsoDates(form.completedOn, startedOn) < 0) {
        fail(`Date the checklist was completed must be on or after the day it started, ${formatDate(startedOn)}`);
      }
    });
}
export type CompleteInput = z.infer<ReturnType<typeof completeForm>>;
