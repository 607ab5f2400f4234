import { z } from 'zod';
import { ageOn, birthdayOn, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { govukDate } from '../../platform/views/date-input.ts';
import { ethnicities, genderKeys, healthAssessmentKinds, legalStatusKeys, needKeys } from './labels.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { checkboxValues, optionalId, requiredId } from '../../platform/views/form-fields.ts';

import { isUuid } from '../../platform/views/params.ts';

export { isUuid };

const POSTCODE_OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const POSTCODE_FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$/;

/** A full postcode or just its first part (CT1), kept as the first part (the postcode district). */
export const postcodeDistrict = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim().toUpperCase().replace(/\s+/g, ' '))
  .refine((v) => v === '' || POSTCODE_OUTWARD.test(v) || POSTCODE_FULL.test(v), {
    message: 'Enter a real postcode, like CT1 2AB, or its first part, like CT1',
  })
  .transform((v) => {
    if (v === '') return null;
    const full = POSTCODE_FULL.exec(v);
    return full ? full[1]! : v;
  });

/**
 * A child's details: as recorded when the child becomes looked after, and changed after. The age
 * rules (under 21; 18 or over only in Staying Put) are of the day the child left care, once they have.
 */
export function childForm(today: IsoDate, leftCareOn: IsoDate | null = null) {
  const asAt = leftCareOn ?? today;
  return z
    .object({
      firstName: requiredText('Enter the child’s first name', 100),
      lastName: requiredText('Enter the child’s last name', 100),
      preferredName: optionalText(100),
      dateOfBirth: govukDate('Date of birth'),
      stayingPut: z
        .string()
        .optional()
        .transform((v) => v === 'yes'),
      gender: z.enum(genderKeys, { error: 'Select the child’s gender' }),
      ethnicity: z
        .enum(ethnicities, { error: 'Select an ethnicity from the list' })
        .or(z.literal(''))
        .optional()
        .transform((v) => (v ? v : null)),
      legalStatus: z.enum(legalStatusKeys, { error: 'Select the child’s legal status' }),
      lookedAfterSince: govukDate('Date became looked after'),
      areaId: requiredId('Select the area'),
      allocatedSocialWorkerId: optionalId('Select a social worker from the list'),
      needs: checkboxValues(needKeys),
      schoolPostcode: postcodeDistrict,
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.dateOfBirth, today) > 0) {
        ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Date of birth must be today or in the past' });
      } else {
        const age = compareIsoDates(form.dateOfBirth, asAt) > 0 ? 0 : ageOn(form.dateOfBirth, asAt);
        if (age >= 21) {
          ctx.addIssue({
            code: 'custom',
            path: ['dateOfBirth'],
            message: 'The young person must be under 21: Hearth holds children in care and young people in Staying Put',
          });
        } else if (age >= 18 && !form.stayingPut) {
          ctx.addIssue({
            code: 'custom',
            path: ['stayingPut'],
            message:
              'The young person is 18 or over: confirm they are in a Staying Put arrangement, or check the date of birth',
          });
        }
      }
      if (compareIsoDates(form.lookedAfterSince, today) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lookedAfterSince'],
          message: 'Date became looked after must be today or in the past',
        });
      } else if (compareIsoDates(form.lookedAfterSince, form.dateOfBirth) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lookedAfterSince'],
          message: 'Date became looked after must be on or after the date of birth',
        });
      } else if (compareIsoDates(form.lookedAfterSince, birthdayOn(form.dateOfBirth, 18)) >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lookedAfterSince'],
          message: 'Date became looked after must be before the child’s 18th birthday',
        });
      }
    });
}
export type ChildDetails = z.infer<ReturnType<typeof childForm>>;

export const healthAssessmentForm = (today: IsoDate, dateOfBirth: IsoDate) =>
  z
    .object({
      kind: z.enum(Object.keys(healthAssessmentKinds) as ['initial', 'review'], {
        error: 'Select whether this was the initial health assessment or a review',
      }),
      completedOn: govukDate('Date of the assessment'),
      notes: optionalText(2000),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.completedOn, today) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['completedOn'],
          message: 'Date of the assessment must be today or in the past',
        });
      } else if (compareIsoDates(form.completedOn, dateOfBirth) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['completedOn'],
          message: 'Date of the assessment must be on or after the child’s date of birth',
        });
      }
    });
export type HealthAssessmentInput = z.infer<ReturnType<typeof healthAssessmentForm>>;

/** "Remove: recorded in error": why a health assessment is removed. */
export const removeHealthAssessmentForm = removalForm('health assessment');

/** Drops NUL bytes (PostgreSQL refuses them) from free text in a query string. */
const searchText = z
  .string()
  .transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 100))
  .catch('');

const idOrEmpty = z
  .string()
  .transform((v) => (isUuid(v) ? v : ''))
  .catch('');

export const childSortKeys = ['name', 'age', 'lookedAfter'] as const;

/** Which children the list shows: those in care (the default), those who have left, or all. */
export const careFilters = { in: 'In care', left: 'Left care', all: 'In care and left care' } as const;
export const careFilterKeys = Object.keys(careFilters) as [keyof typeof careFilters, ...(keyof typeof careFilters)[]];

/** The children list's filters, sort and page, from the query string: anything odd is ignored. */
export const childListQuery = z.object({
  q: searchText.optional().default(''),
  area: idOrEmpty.optional().default(''),
  worker: idOrEmpty.optional().default(''),
  legalStatus: z.enum(legalStatusKeys).or(z.literal('')).catch('').optional().default(''),
  need: z.enum(needKeys).or(z.literal('')).catch('').optional().default(''),
  care: z.enum(careFilterKeys).catch('in').optional().default('in'),
  sort: z.enum(childSortKeys).catch('name').optional().default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').optional().default('asc'),
  page: pageNumber,
});
export type ChildListQuery = z.infer<typeof childListQuery>;
