import { z } from 'zod';
import { pageNumber } from '../../platform/views/params.ts';
import { addDays, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { checkboxValues, requiredId } from '../../platform/views/form-fields.ts';
import { futureDateErrors, govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import {
  authorityHolderKeys,
  decisionAreaKeys,
  documentKindKeys,
  endingKeys,
  placementTypeKeys,
  urgencyKeys,
  type DecisionArea,
} from './labels.ts';

/** How far ahead a placement with an agency may be recorded as starting. */
export const MAX_DAYS_AHEAD = 90;

type Issue = { path: string; message: string };
const issues = (ctx: z.RefinementCtx, list: Issue[]) => {
  for (const i of list) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
};

/** A date on or before today: the message starts with `what`. */
function notFuture(date: IsoDate | null, today: IsoDate, path: string, what: string): Issue[] {
  return futureDateErrors(path, what, date, today).map((e) => ({ path: e.field, message: e.message }));
}

export const referralForm = (today: IsoDate) =>
  z
    .object({
      needs: requiredText('Describe the child’s needs and what the carers will need to do', 5000),
      placementType: z.enum(placementTypeKeys, { error: 'Select the type of placement needed' }),
      urgency: z.enum(urgencyKeys, { error: 'Select how urgent the placement is' }),
      neededFrom: govukDate('Date needed from'),
      siblingGroupSize: z
        .string({ error: 'Enter how many children are to be placed together' })
        .trim()
        .min(1, 'Enter how many children are to be placed together')
        .regex(/^\d+$/, 'Number of children must be a whole number, like 1 or 2')
        .transform(Number)
        .pipe(
          z
            .number()
            .min(1, 'Number of children must be 1 or more (1 means no siblings)')
            .max(8, 'Number of children must be 8 or fewer'),
        ),
    })
    .superRefine((form, ctx) => {
      if (compareIsoDates(form.neededFrom, today) < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['neededFrom'],
          message: 'Date needed from must be today or in the future',
        });
      }
    });
export type ReferralInput = z.infer<ReturnType<typeof referralForm>>;

export const returnForm = z.object({
  reasons: requiredText('Enter the reasons for returning the referral, so the social worker can put it right', 5000),
});

export const matchForm = z.object({
  householdId: requiredId('Choose a household from the matching list'),
  reasons: requiredText('Enter the reasons for the match', 5000),
  supportPackage: requiredText('Enter the support package for the carers', 5000),
});
export type MatchInput = z.infer<typeof matchForm>;

const childSawProfile = z
  .enum(['yes', 'no', 'unknown'], { error: 'Select whether the child saw the carers’ profile before arriving' })
  .transform((v) => (v === 'unknown' ? null : v === 'yes'));

/**
 * The start of a placement: from a match, or an emergency placement. It may start up to
 * `maxDaysAhead` days from today (the PLACEMENT_MAX_DAYS_AHEAD setting): planned until then.
 */
export const placementForm = (today: IsoDate, options: { withHousehold: boolean; maxDaysAhead: number }) =>
  z
    .object({
      householdId: options.withHousehold
        ? requiredId('Select the household')
        : z
            .string()
            .optional()
            .transform(() => null),
      startDate: govukDate('Start date'),
      placementType: z.enum(placementTypeKeys, { error: 'Select the type of placement' }),
      placementPlanOn: optionalGovukDate('Placement plan date'),
      childSawProfile,
    })
    .superRefine((form, ctx) => {
      const latest = addDays(today, options.maxDaysAhead);
      if (compareIsoDates(form.startDate, latest) > 0) {
        const message =
          `Start date must be no later than ${formatDate(latest)}, ${options.maxDaysAhead} days from today: ` +
          'record a placement planned further ahead nearer the time';
        issues(ctx, [{ path: 'startDate', message }]);
      }
      issues(ctx, notFuture(form.placementPlanOn, today, 'placementPlanOn', 'Placement plan date'));
    });
export type PlacementInput = z.infer<ReturnType<typeof placementForm>>;

/** The ending of a placement. A reason is required when it was unplanned. */
const endingFields = {
  endDate: govukDate('End date'),
  ending: z.enum(endingKeys, { error: 'Select whether the ending was planned or unplanned' }),
  endReason: optionalText(2000),
};

function endingIssues(form: { endDate: IsoDate; ending: string; endReason: string | null }, today: IsoDate): Issue[] {
  const list = notFuture(form.endDate, today, 'endDate', 'End date');
  if (form.ending === 'unplanned' && !form.endReason) {
    list.push({ path: 'endReason', message: 'Enter the reason the placement ended unplanned' });
  }
  return list;
}

export const endForm = (today: IsoDate) =>
  z.object(endingFields).superRefine((form, ctx) => issues(ctx, endingIssues(form, today)));
export type EndInput = z.infer<ReturnType<typeof endForm>>;

/** A move: the current placement ends and a new one starts with another household, the same day. */
export const moveForm = (today: IsoDate) =>
  z
    .object({
      ...endingFields,
      householdId: requiredId('Select the household the child is moving to'),
      placementType: z.enum(placementTypeKeys, { error: 'Select the type of the new placement' }),
      placementPlanOn: optionalGovukDate('Placement plan date'),
      childSawProfile,
    })
    .superRefine((form, ctx) => {
      issues(ctx, endingIssues(form, today));
      issues(ctx, notFuture(form.placementPlanOn, today, 'placementPlanOn', 'Placement plan date'));
    });
export type MoveInput = z.infer<ReturnType<typeof moveForm>>;

export const documentDateNames = documentKindKeys.map((k) => `given_${k}`);

/** The placement plan, the profile question and the documents given to the carer. */
/** Each paper's date in a message, so one wrong date among three says which: "Date the referral was given". */
const dateGiven: Record<(typeof documentKindKeys)[number], string> = {
  referral: 'Date the referral was given',
  risk_assessment: 'Date the risk assessment was given',
  placement_arrangements: 'Date the placement arrangements were given',
};

export const paperworkForm = (today: IsoDate) => {
  const documents = Object.fromEntries(
    documentKindKeys.map((k) => [`given_${k}`, optionalGovukDate(dateGiven[k])]),
  ) as Record<`given_${(typeof documentKindKeys)[number]}`, ReturnType<typeof optionalGovukDate>>;
  return z
    .object({ placementPlanOn: optionalGovukDate('Placement plan date'), childSawProfile, ...documents })
    .superRefine((form, ctx) => {
      issues(ctx, notFuture(form.placementPlanOn, today, 'placementPlanOn', 'Placement plan date'));
      for (const k of documentKindKeys) issues(ctx, notFuture(form[`given_${k}`], today, `given_${k}`, dateGiven[k]));
    });
};
export type PaperworkInput = z.infer<ReturnType<typeof paperworkForm>>;

/** The parties who may sign a delegated authority form. */
export const signingParties = {
  foster_carer: 'Foster carer',
  social_worker: 'Child’s social worker',
  parent: 'Parent',
  young_person: 'Child or young person',
  supervising_social_worker: 'Supervising social worker',
} as const;
const signingPartyKeys = Object.keys(signingParties) as [
  keyof typeof signingParties,
  ...(keyof typeof signingParties)[],
];

const areaLabels: Record<DecisionArea, string> = {
  medical: 'medical',
  education: 'education',
  social: 'social',
  religious: 'religious',
  cultural: 'cultural',
};

/** The delegated authority form: who holds each kind of decision, who signed, and the copy given. */
export const delegatedAuthorityForm = (today: IsoDate) => {
  const holders = Object.fromEntries(
    decisionAreaKeys.flatMap((area) => [
      [`${area}Holder`, z.enum(authorityHolderKeys, { error: `Select who holds ${areaLabels[area]} decisions` })],
      [`${area}Notes`, optionalText(2000)],
    ]),
  ) as Record<`${DecisionArea}Holder`, z.ZodEnum<{ [K in (typeof authorityHolderKeys)[number]]: K }>> &
    Record<`${DecisionArea}Notes`, ReturnType<typeof optionalText>>;
  return z
    .object({
      ...holders,
      signedBy: checkboxValues(signingPartyKeys),
      signedOn: optionalGovukDate('Date signed'),
      copyGivenToCarerOn: optionalGovukDate('Date the copy was given'),
    })
    .superRefine((form, ctx) => {
      const list: Issue[] = [
        ...notFuture(form.signedOn, today, 'signedOn', 'Date signed'),
        ...notFuture(form.copyGivenToCarerOn, today, 'copyGivenToCarerOn', 'Date the copy was given'),
      ];
      if (form.signedOn && form.signedBy.length === 0) {
        list.push({ path: 'signedBy', message: 'Select who signed the form' });
      }
      if (form.signedBy.length > 0 && !form.signedOn) {
        list.push({ path: 'signedOn', message: 'Enter the date the form was signed' });
      }
      if (form.copyGivenToCarerOn && !form.signedOn) {
        list.push({
          path: 'copyGivenToCarerOn',
          message: 'Record the signing first: a copy is given once the form is signed',
        });
      } else if (
        form.copyGivenToCarerOn &&
        form.signedOn &&
        compareIsoDates(form.copyGivenToCarerOn, form.signedOn) < 0
      ) {
        list.push({
          path: 'copyGivenToCarerOn',
          message: 'Date the copy was given must be on or after the date signed',
        });
      }
      issues(ctx, list);
    });
};
export type DelegatedAuthorityInput = z.infer<ReturnType<typeof delegatedAuthorityForm>>;

/** The referrals list's filter: a status, every open one (sent, returned, accepted, matched), or all. */
export const referralQueueQuery = z.object({
  status: z
    .enum(['submitted', 'returned', 'accepted', 'matched', 'placed', 'withdrawn', 'open', 'all'])
    .optional()
    .catch(undefined),
  page: pageNumber,
});
export type ReferralQueueQuery = z.infer<typeof referralQueueQuery>;
