/** The forms of a child leaving care: the date and reason, its removal, and the notifications of a death. */
import { z } from 'zod';
import { ageOn, birthdayOn, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import {
  ADULT_LEAVING_REASONS,
  CHILD_LEAVING_REASONS,
  deathNotifications,
  leavingReasonKeys,
  leavingReasons,
  type DeathNotificationField,
  type LeavingReason,
} from './labels.ts';

/** The date boxes of the leaving care form. */
export const LEAVING_DATES = ['leftCareOn'] as const;
/** The date boxes of the notifications form, one per recipient. */
export const NOTIFICATION_DATES = deathNotifications.map((n) => n.field);

export interface LeavingInput {
  leftCareOn: IsoDate;
  reason: LeavingReason;
  details: string | null;
}

type LeavingChild = { firstName: string; dateOfBirth: IsoDate; lookedAfterSince: IsoDate };

/**
 * "Record that <name> left care": the date (today or earlier, not before they became looked after),
 * the reason, and details (asked for only when the reason is "Other"). Reasons for young adults
 * need them to be 18 on the day; a special guardianship or child arrangements order, under 18.
 */
export function leavingForm(today: IsoDate, child: LeavingChild) {
  const name = child.firstName;
  return (
    z
      .object({
        // Checked on its own, so its message shows even when no reason was chosen.
        leftCareOn: govukDate('Date left care').superRefine((on, ctx) => {
          if (compareIsoDates(on, today) > 0) {
            ctx.addIssue({ code: 'custom', message: 'Date left care must be today or in the past' });
          } else if (compareIsoDates(on, child.lookedAfterSince) < 0) {
            ctx.addIssue({
              code: 'custom',
              message: `Date left care must be on or after the date ${name} became looked after, ${formatDate(child.lookedAfterSince)}`,
            });
          }
        }),
        reason: z.enum(leavingReasonKeys, { error: `Select why ${name} left care` }),
        details: optionalText(1000, 'the details'),
      })
      // The reason's age rules, once the date and reason are known.
      .superRefine((form, ctx) => {
        const adult = compareIsoDates(form.leftCareOn, birthdayOn(child.dateOfBirth, 18)) >= 0;
        const reason = leavingReasons[form.reason].replace(/ \(18 or over\)$/, '').toLowerCase();
        let message: string | null = null;
        if (ADULT_LEAVING_REASONS.includes(form.reason) && !adult) {
          message =
            `${name} was ${ageOn(child.dateOfBirth, form.leftCareOn)} on ${formatDate(form.leftCareOn)}: ` +
            `“${reason}” is for a young person of 18 or over. Check the date, or choose another reason`;
        } else if (CHILD_LEAVING_REASONS.includes(form.reason) && adult) {
          message =
            `${name} was 18 or over on ${formatDate(form.leftCareOn)}: a ${reason} is made only for a child under 18. ` +
            'Check the date, or choose another reason';
        }
        if (message) ctx.addIssue({ code: 'custom', path: ['reason'], message });
      })
      // Asked for whatever else is wrong with the form, so every message shows at once.
      .refine((form) => form.reason !== 'other' || Boolean(form.details?.trim()), {
        path: ['details'],
        message: `Enter the details of why ${name} left care`,
        when: () => true,
      })
      .transform((form): LeavingInput => ({ leftCareOn: form.leftCareOn, reason: form.reason, details: form.details }))
  );
}

/** "Remove: recorded in error": why. */
export const removeLeavingForm = z.object({
  reason: requiredText('Enter why the record of leaving care is being removed', 500),
});

export type DeathNotificationsInput = Record<DeathNotificationField, IsoDate | null>;

/** The day each notification of a death was made: each optional, on or after the death, not in the future. */
export function deathNotificationsForm(today: IsoDate, diedOn: IsoDate) {
  const shape = Object.fromEntries(deathNotifications.map((n) => [n.field, optionalGovukDate(n.told)])) as Record<
    DeathNotificationField,
    ReturnType<typeof optionalGovukDate>
  >;
  return z.object(shape).superRefine((form, ctx) => {
    for (const n of deathNotifications) {
      const on = form[n.field];
      if (!on) continue;
      if (compareIsoDates(on, today) > 0) {
        ctx.addIssue({ code: 'custom', path: [n.field], message: `${n.told} must be today or in the past` });
      } else if (compareIsoDates(on, diedOn) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: [n.field],
          message: `${n.told} must be on or after the date of death, ${formatDate(diedOn)}`,
        });
      }
    }
  }) as unknown as z.ZodType<DeathNotificationsInput>;
}
