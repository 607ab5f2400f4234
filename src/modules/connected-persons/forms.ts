/**
 * The forms of temporary approval: giving it (the household, the day, the nominated officer, the
 * checks regulation 24(2) asks for first), extending it (regulation 25) and ending it. Each checks
 * what it can alone; the service checks the rest against the approval and the records.
 */
import { z } from 'zod';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { optionalGovukDate, pastGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { endReasons, extensionReasons } from './labels.ts';

export const GIVE_DATES = ['approvedOn'] as const;
export const EXTEND_DATES = ['extendedOn', 'extendedUntil', 'panelViewsSoughtOn'] as const;
export const END_DATES = ['endedOn'] as const;

/** A date given, real, and not after today: its own message, shown with every other one. */
const pastDate = pastGovukDate;

/** A box that must be ticked: the form's value is 'yes'. */
const confirmed = (message: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .refine((v) => [v].flat().includes('yes'), { message })
    .transform(() => true as const);

const officer = (what: string) => requiredText(`Enter the name of the nominated officer who ${what}`, 200);

/** Giving temporary approval: which connected person, the day, the nominated officer, and the checks done first. */
export function giveForm(today: IsoDate) {
  return z.object({
    householdId: z.string({ error: 'Select the connected person’s household' }).uuid({
      message: 'Select the connected person’s household',
    }),
    approvedOn: pastDate('Date of the temporary approval', today),
    approvedBy: officer('approved it'),
    assessed: confirmed(
      'Confirm that the connected person and their household have been assessed as regulation 24 asks',
    ),
    mostAppropriate: confirmed('Confirm that this is the most appropriate placement for the child'),
    assessmentArranged: confirmed('Confirm that the full assessment has been arranged'),
  });
}
export type GiveInput = z.infer<ReturnType<typeof giveForm>>;

/** The day it was given and the nominated officer put right: the giving form's two, filled in. */
export const approvalForm = (today: IsoDate) => giveForm(today).pick({ approvedOn: true, approvedBy: true });
export type ApprovalInput = z.infer<ReturnType<typeof approvalForm>>;

/** An ending recorded in error undone: why. */
export const undoEndForm = removalForm('ending', 'undone');

/** Extending it: the day, the officer, why, until when (for an unfinished assessment), the panel's views and the IRO. */
export function extendForm(today: IsoDate) {
  return z
    .object({
      extendedOn: pastDate('Date of the decision to extend', today),
      extendedBy: officer('approved the extension'),
      extensionReason: z.enum(extensionReasons, { error: 'Select why the temporary approval is extended' }),
      extendedUntil: optionalGovukDate('New last day of the temporary approval'),
      panelViewsSoughtOn: pastDate('Date the fostering panel’s views were sought', today),
      stillMostAppropriate: confirmed(
        'Confirm that placement with the connected person is still the most appropriate placement available',
      ),
      iroInformed: confirmed('Confirm that the independent reviewing officer has been told'),
    })
    .superRefine((form, ctx) => {
      if (form.extensionReason === 'assessment' && form.extendedUntil === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['extendedUntil'],
          message: 'Enter the new last day of the temporary approval',
        });
      }
      if (
        typeof form.panelViewsSoughtOn === 'string' &&
        typeof form.extendedOn === 'string' &&
        compareIsoDates(form.panelViewsSoughtOn, form.extendedOn) > 0
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['panelViewsSoughtOn'],
          message: 'The fostering panel’s views must be sought on or before the date of the decision to extend',
        });
      }
    })
    .transform((form) => ({
      ...form,
      extendedUntil: form.extensionReason === 'review' ? null : form.extendedUntil,
    }));
}
export type ExtendInput = z.infer<ReturnType<typeof extendForm>>;

/** Ending it other than by full approval: the day, why, and a note (needed for "another reason"). */
export function endForm(today: IsoDate) {
  return z
    .object({
      endedOn: pastDate('Date the temporary approval ended', today),
      endReason: z.enum(endReasons, { error: 'Select why the temporary approval ended' }),
      endNote: optionalText(1000, 'the note'),
    })
    .superRefine((form, ctx) => {
      if (form.endReason === 'other' && form.endNote === null) {
        ctx.addIssue({ code: 'custom', path: ['endNote'], message: 'Enter why the temporary approval ended' });
      }
    });
}
export type EndInput = z.infer<ReturnType<typeof endForm>>;

export const listQuery = z.object({ page: pageNumber });
