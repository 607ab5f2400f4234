/**
 * Carer Ambassadors' forms, checked here alone (real dates not in the future, each choice one of its
 * list); the household is the page's, and the service checks what depends on the records (a carer
 * of the household, an ambassador then).
 */
import { z } from 'zod';
import type { IsoDate } from '../../platform/dates/index.ts';
import { datesInOrder, pastGovukDate } from '../../platform/views/date-input.ts';
import { requiredId } from '../../platform/views/form-fields.ts';
import { optionalText, whenValid } from '../../platform/views/forms.ts';
import { activityKinds } from './labels.ts';

export const START_DATES = ['startedOn'] as const;
export const END_DATES = ['endedOn'] as const;
export const ACTIVITY_DATES = ['onDate'] as const;

/** A carer of the household made an ambassador from a day. */
export const appointForm = (today: IsoDate) =>
  z.object({
    carerId: requiredId('Select the carer'),
    startedOn: pastGovukDate('Date they became an ambassador', today),
  });
export type AppointInput = z.infer<ReturnType<typeof appointForm>>;

/** The day an ambassador stopped, on or after the day they started. */
export const stopForm = (today: IsoDate, startedOn: IsoDate) =>
  z.object({
    endedOn: pastGovukDate('Date they stopped', today).refine(
      (d) => d >= startedOn,
      'Date they stopped must be on or after the day they became an ambassador',
    ),
  });

export const CHANGE_DATES = ['startedOn', 'endedOn'] as const;

/** An ambassador's days typed wrongly, put right: the day they started, and the day they stopped once they have. */
export const datesForm = (today: IsoDate, stopped: boolean) =>
  z
    .object({
      startedOn: pastGovukDate('Date they became an ambassador', today),
      endedOn: stopped ? pastGovukDate('Date they stopped', today) : z.unknown().transform(() => null),
    })
    .superRefine(
      datesInOrder('startedOn', 'endedOn', 'Date they stopped must be on or after the day they became an ambassador'),
      whenValid('startedOn', 'endedOn'),
    );
export type DatesInput = z.infer<ReturnType<typeof datesForm>>;

/**
 * Something an ambassador did: who (when the household has more than one), the day, what, a note.
 * Asked of staff about the ambassador ("they"), or of the carer in the portal ("you").
 */
export const activityForm = (today: IsoDate, person: 'they' | 'you' = 'they') =>
  z.object({
    ambassadorId: requiredId(person === 'they' ? 'Select the ambassador' : 'Select who it was'),
    onDate: pastGovukDate('Date of the activity', today),
    kind: z.enum(activityKinds, { error: `Select what ${person} did` }),
    note: optionalText(1000, 'a note'),
  });
export type ActivityInput = z.infer<ReturnType<typeof activityForm>>;
