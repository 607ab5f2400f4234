import { z } from 'zod';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { govukDate, optionalGovukDate, withDates } from '../../platform/views/date-input.ts';
import { trimmed } from '../../platform/views/form-fields.ts';
import { isUuid } from '../../platform/views/params.ts';

export { isUuid };

/** How each child placed at the visit was seen. */
export const seenValues = ['seen_alone', 'seen', 'not_seen'] as const;
export type Seen = (typeof seenValues)[number];
/** Whether a child placed since the last visit saw the carers' profile before arriving. */
export const profileSeenValues = ['yes', 'no', 'none_placed'] as const;
export type ProfileSeen = (typeof profileSeenValues)[number];
export const profileSeenNames: Record<ProfileSeen, string> = {
  yes: 'Yes',
  no: 'No',
  none_placed: 'No child has been placed since the last visit',
};

export const seenNames: Record<Seen, string> = {
  seen_alone: 'Seen alone',
  seen: 'Seen (not alone)',
  not_seen: 'Not seen',
};

/** Rows of actions on the form. */
export const ACTION_ROWS = 3;
const actionDateNames = Array.from({ length: ACTION_ROWS }, (_, i) => `action${i + 1}Due`);
export const supervisionDateFields = ['visitDate', ...actionDateNames];

const actionFields: Record<string, z.ZodType> = {};
for (let i = 1; i <= ACTION_ROWS; i += 1) {
  actionFields[`action${i}`] = optionalText(1000);
  actionFields[`action${i}Owner`] = optionalText(200);
  actionFields[`action${i}Due`] = optionalGovukDate('Date for this action');
}

export interface SupervisionAction {
  action: string;
  owner: string;
  dueOn: string;
}

export interface SupervisionInput {
  visitDate: string;
  announced: boolean;
  /** The template's answers: empty (null) while the supervision is a draft. */
  attendees: string | null;
  workingWell: string | null;
  worries: string | null;
  needsToHappen: string | null;
  scalingQuestion: string | null;
  scalingScore: number | null;
  /** What the children said (null when not recorded: the question came in after older visits). */
  childrenVoice?: string | null;
  trainingProgress?: string | null;
  profileSeenBeforeArrival?: ProfileSeen | null;
  actions: SupervisionAction[];
  /** child id → how they were seen (children not listed count as not seen). */
  seen: Record<string, Seen>;
}

const base = z.object({
  visitDate: govukDate('Date of the visit'),
  announced: z.enum(['announced', 'unannounced'], { error: 'Select whether the visit was announced' }),
  attendees: optionalText(1000, 'who attended'),
  workingWell: optionalText(10000, 'what is working well'),
  worries: optionalText(10000, 'what we are worried about'),
  needsToHappen: optionalText(10000, 'what needs to happen'),
  scalingQuestion: optionalText(500, 'the scaling question'),
  scalingScore: trimmed.pipe(
    z
      .string()
      .regex(/^(10|[0-9])?$/, 'The score must be a whole number from 0 to 10')
      .transform((v) => (v === '' ? null : Number(v))),
  ),
  childrenVoice: optionalText(10000, 'what the children said'),
  trainingProgress: optionalText(10000, 'the progress with training and the personal development plan'),
  profileSeenBeforeArrival: z
    .enum(profileSeenValues, { error: 'Select whether the child saw the carers’ profile before arriving' })
    .optional()
    .transform((v) => v ?? null),
  ...actionFields,
});

/** The template's answers as a SupervisionInput: actions checked row by row, each child's "seen". */
function toInput(v: unknown, ctx: z.RefinementCtx): SupervisionInput {
  const values = v as Record<string, unknown>;
  const actions: SupervisionAction[] = [];
  for (let i = 1; i <= ACTION_ROWS; i += 1) {
    const action = values[`action${i}`] as string | null;
    const owner = values[`action${i}Owner`] as string | null;
    const dueOn = values[`action${i}Due`] as string | null;
    if (!action && !owner && !dueOn) continue;
    if (!action) ctx.addIssue({ code: 'custom', path: [`action${i}`], message: `Enter action ${i}` });
    if (!owner) ctx.addIssue({ code: 'custom', path: [`action${i}Owner`], message: `Enter who will do action ${i}` });
    if (!dueOn) ctx.addIssue({ code: 'custom', path: [`action${i}Due`], message: `Enter the date for action ${i}` });
    if (action && owner && dueOn) actions.push({ action, owner, dueOn });
  }
  const seen: Record<string, Seen> = {};
  for (const [key, value] of Object.entries(values)) {
    const childId = key.startsWith('seen-') ? key.slice(5) : null;
    if (childId && isUuid(childId) && (seenValues as readonly string[]).includes(String(value))) {
      seen[childId] = value as Seen;
    }
  }
  return {
    visitDate: values.visitDate as string,
    announced: values.announced === 'announced',
    attendees: values.attendees as string | null,
    workingWell: values.workingWell as string | null,
    worries: values.worries as string | null,
    needsToHappen: values.needsToHappen as string | null,
    scalingQuestion: values.scalingQuestion as string | null,
    scalingScore: values.scalingScore as number | null,
    childrenVoice: values.childrenVoice as string | null,
    trainingProgress: values.trainingProgress as string | null,
    profileSeenBeforeArrival: values.profileSeenBeforeArrival as ProfileSeen | null,
    actions,
    seen,
  };
}

/** The Signs of Safety template, with up to three actions and each placed child's "seen". */
export const supervisionForm = withDates(supervisionDateFields, base.passthrough()).transform(toInput);

/** Correcting a finalised supervision: the same template, filled in, and why it is being corrected. */
export const correctionForm = withDates(
  supervisionDateFields,
  base.extend({ reason: requiredText('Enter why the supervision is being corrected', 500) }).passthrough(),
).transform((v, ctx): SupervisionInput & { reason: string } => ({ ...toInput(v, ctx), reason: v.reason }));

/** Why a supervision recorded in error is being removed. */
export const removeSupervisionForm = removalForm('supervision');

/** The answers a supervision must have before it is finalised, each with what to do when it is missing. */
export const answersForFinal = [
  ['attendees', 'Enter who attended'],
  ['workingWell', 'Enter what is working well'],
  ['worries', 'Enter what we are worried about'],
  ['needsToHappen', 'Enter what needs to happen'],
  ['scalingQuestion', 'Enter the scaling question'],
  ['scalingScore', 'Enter a score from 0 to 10'],
] as const;

/** What is still missing from a draft before it can be finalised (empty when it is complete). */
export function missingForFinal(
  saved: Record<(typeof answersForFinal)[number][0], string | number | null>,
): { field: string; message: string }[] {
  return answersForFinal
    .filter(([field]) => saved[field] === null || saved[field] === '')
    .map(([field, message]) => ({ field, message }));
}

/** The supervision agreement: signed date, the carers who signed, the SSW who signed. */
export const agreementForm = withDates(
  ['signedOn'],
  z.object({
    signedOn: govukDate('Date it was signed'),
    signedByCarers: requiredText('Enter the carers who signed', 500),
  }),
);
export type AgreementInput = z.infer<typeof agreementForm>;

/** The date the notes were sent to the carers. */
export const notesSentForm = withDates(
  ['notesSentOn'],
  z.object({ notesSentOn: govukDate('Date the notes were sent') }),
);
