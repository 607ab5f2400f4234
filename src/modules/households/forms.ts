import { z } from 'zod';
import { isUuid, pageNumber } from '../../platform/views/params.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { wholeNumber } from '../../platform/views/form-fields.ts';
import { datesInOrder, govukDate, notInFuture, optionalGovukDate, withDates } from '../../platform/views/date-input.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import {
  checkbox,
  dateOfBirth,
  email,
  optionalId,
  phone,
  postcode,
  requiredId,
} from '../../platform/views/form-fields.ts';
import {
  changeNoticeKinds,
  checkKinds,
  genderPreferences,
  householdStatuses,
  householdTypes,
  memberRelationships,
  skillLevels,
} from './labels.ts';
import { checkOutcomeAnswers, refineCheckOutcome } from '../../platform/views/check-outcome.ts';
import { CHECK_PERSON } from './scope.ts';

export { isUuid };

const address = {
  name: requiredText('Enter the household name, for example the family’s surname', 200),
  addressLine1: requiredText('Enter the first line of the address', 200),
  addressLine2: optionalText(200),
  town: requiredText('Enter the town or city', 100),
  postcode,
  teamId: requiredId('Select the fostering team'),
  householdType: z.enum(householdTypes, { error: 'Select the type of fostering' }),
};

export const detailsForm = z.object(address);
export type DetailsInput = z.infer<typeof detailsForm>;

/**
 * A new enquiry's household and first carer, as the recruitment module's enquiry form gives them
 * (through the lifecycle, lifecycle.ts): the one form that records an enquiry.
 */
export type EnquiryInput = DetailsInput & { carerFirstName: string; carerLastName: string };

export const statusForm = withDates(
  ['onDate'],
  z.object({
    toStatus: z.enum(householdStatuses, { error: 'Select the new status' }),
    onDate: govukDate('Date of the change'),
    reason: optionalText(2000),
  }),
);
export type StatusInput = z.infer<typeof statusForm>;

/** Undoing the latest status change, recorded in error: why (status-corrections.ts). */
export const undoStatusForm = z.object({
  reason: requiredText('Enter why the status change is being undone', 500),
});

/** The date the latest status change should have, and why it is being changed. */
export const redateStatusForm = withDates(
  ['onDate'],
  z.object({
    onDate: govukDate('Date of the change'),
    reason: requiredText('Enter why the date is being changed', 500),
  }),
);

export const termsForm = z
  .object({
    approvedPlaces: wholeNumber(
      'Enter the number of children, like 2',
      1,
      6,
      'Number of children must be between 1 and 6',
    ),
    ageMin: wholeNumber('Enter the youngest age as a number, like 0', 0, 17, 'Youngest age must be between 0 and 17'),
    ageMax: wholeNumber('Enter the oldest age as a number, like 17', 0, 21, 'Oldest age must be between 0 and 21'),
    genderPreference: z.enum(genderPreferences, { error: 'Select which children the household may care for' }),
    siblingGroups: checkbox,
    disability: checkbox,
    uasc: checkbox,
    emergency: checkbox,
    shortBreaks: checkbox,
    stayingPut: checkbox,
    skillLevel: z
      .enum(['1', '2', '3'], { error: 'Select the skill level' })
      .transform((v) => Number(v) as (typeof skillLevels)[number]),
  })
  .superRefine((v, ctx) => {
    if (v.ageMax > 17 && !v.stayingPut) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageMax'],
        message: 'Oldest age must be 17 or under, unless the household offers Staying Put (up to 21)',
      });
    }
    if (v.ageMin > v.ageMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageMin'],
        message: 'Youngest age must be the same as or less than the oldest age',
      });
    }
  });
export type TermsInput = z.infer<typeof termsForm>;

export const allocationForm = z.object({
  allocatedSswId: optionalId('Select a supervising social worker from the list'),
  firstYearLeadId: optionalId('Select a first-year lead worker from the list'),
  mentorName: optionalText(200),
});
export type AllocationInput = z.infer<typeof allocationForm>;

/**
 * A carer: who they are, and on the change form the day they left the household (a couple
 * separating), after which they are a former carer, kept on the record.
 */
export function carerForm(today: IsoDate) {
  return withDates(
    CARER_DATES,
    z
      .object({
        firstName: requiredText('Enter the carer’s first name', 100),
        lastName: requiredText('Enter the carer’s last name', 100),
        dateOfBirth,
        email,
        phone,
        isStaff: checkbox,
        joinedOn: optionalGovukDate('Date they joined the household'),
        leftOn: optionalGovukDate('Date they left'),
      })
      .superRefine(notInFuture(today, 'joinedOn', 'Date they joined the household'))
      .superRefine(notInFuture(today, 'leftOn', 'Date they left'))
      .superRefine(
        datesInOrder(
          'dateOfBirth',
          'joinedOn',
          'Date they joined the household must be on or after their date of birth',
        ),
      )
      .superRefine(datesInOrder('dateOfBirth', 'leftOn', 'Date they left must be on or after their date of birth'))
      .superRefine(datesInOrder('joinedOn', 'leftOn', 'Date they left must be on or after the date they joined')),
  );
}
export const CARER_DATES = ['dateOfBirth', 'joinedOn', 'leftOn'] as const;
export type CarerInput = z.infer<ReturnType<typeof carerForm>>;

/**
 * A birth child or other adult in the household: who, and when they came and left. A member added
 * to the record late gives the day they moved in, so the record does not read as a new arrival; a
 * member who has left stays on the record as a former member.
 */
export function memberForm(today: IsoDate) {
  return withDates(
    MEMBER_DATES,
    z
      .object({
        firstName: requiredText('Enter their first name', 100),
        lastName: requiredText('Enter their last name', 100),
        dateOfBirth,
        relationship: z.enum(memberRelationships, { error: 'Select how they are related to the household' }),
        movedInOn: optionalGovukDate('Date they moved in'),
        leftOn: optionalGovukDate('Date they left'),
      })
      .superRefine(notInFuture(today, 'movedInOn', 'Date they moved in'))
      .superRefine(notInFuture(today, 'leftOn', 'Date they left'))
      .superRefine(
        datesInOrder('dateOfBirth', 'movedInOn', 'Date they moved in must be on or after their date of birth'),
      )
      .superRefine(datesInOrder('movedInOn', 'leftOn', 'Date they left must be on or after the date they moved in')),
  );
}
export const MEMBER_DATES = ['dateOfBirth', 'movedInOn', 'leftOn'] as const;
export type MemberInput = z.infer<ReturnType<typeof memberForm>>;

/**
 * A change the carers tell the service about from their portal: who came or left, when (if they
 * know; it may be to come), and anything more; for another change, what it is.
 */
export const changeNoticeForm = withDates(
  ['onDate'],
  z
    .object({
      kind: z.enum(changeNoticeKinds, { error: 'Select what has changed' }),
      personName: optionalText(200),
      onDate: optionalGovukDate('Date of the change'),
      details: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      if (v.kind !== 'other' && v.personName === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['personName'],
          message:
            v.kind === 'moved_in'
              ? 'Enter the name of the person coming to live with you'
              : 'Enter the name of the person leaving your household',
        });
      }
      if (v.kind === 'other' && v.details === null) {
        ctx.addIssue({ code: 'custom', path: ['details'], message: 'Tell us what has changed' });
      }
    }),
);
export type ChangeNoticeInput = z.infer<typeof changeNoticeForm>;

export const checkForm = withDates(
  ['completedOn', 'expiresOn'],
  z
    .object({
      person: z.string({ error: 'Select whose check this is' }).regex(CHECK_PERSON, 'Select whose check this is'),
      kind: z.enum(checkKinds, { error: 'Select the kind of check' }),
      completedOn: govukDate('Date the check was completed'),
      expiresOn: optionalGovukDate('Expiry date'),
      ...checkOutcomeAnswers,
    })
    .superRefine((v, ctx) => {
      refineCheckOutcome(v, ctx);
      if (v.kind !== 'reference' && !v.expiresOn) {
        ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Enter the expiry date' });
      }
      if (v.expiresOn && v.completedOn && v.expiresOn <= v.completedOn) {
        ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Expiry date must be after the date completed' });
      }
    }),
);
export type CheckInput = z.infer<typeof checkForm>;

export const profileForm = z.object({
  profileAbout: optionalText(2000),
  profileLikes: optionalText(2000),
  profileHome: optionalText(2000),
  pets: optionalText(1000),
});
export type ProfileInput = z.infer<typeof profileForm>;

export const restrictedAccessForm = z.object({
  userId: requiredId('Select a manager'),
});

/** Date fields, so the error summary links to the day box of each. */
export const dateFieldNames = ['onDate', 'dateOfBirth', 'completedOn', 'expiresOn', 'movedInOn', 'leftOn'];

export const listSortKeys = ['name', 'reference', 'status_date'] as const;

/** Drops NUL bytes (PostgreSQL refuses them) from free text in a query string. */
const searchText = z
  .string()
  .transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 100))
  .catch('');

const idOrEmpty = z
  .string()
  .refine((v) => isUuid(v))
  .optional()
  .catch(undefined);

/** Filters, sort and page of the households list; anything unexpected falls back to the default. */
export const householdListQuery = z.object({
  q: searchText.optional().transform((v) => v ?? ''),
  status: z.enum(householdStatuses).optional().catch(undefined),
  team: idOrEmpty,
  type: z.enum(householdTypes).optional().catch(undefined),
  /** A worker's id, 'me' or 'none' (unallocated). */
  worker: z
    .string()
    .refine((v) => isUuid(v) || v === 'me' || v === 'none')
    .optional()
    .catch(undefined),
  sort: z.enum(listSortKeys).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: pageNumber,
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;
