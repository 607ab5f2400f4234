/** The zod schemas of the concerns forms: a matter, each step of its process, a notification. */
import { z } from 'zod';
import { govukDate, optionalGovukDate } from '../../platform/views/date-input.ts';
import { optionalText, removalForm, requiredText } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import {
  againstKinds,
  categories,
  eventKinds,
  findings,
  formRaisers,
  immediateActions,
  kinds,
  meetingKinds,
  noticeMethods,
  outcomes,
  placementEffects,
  recipients,
  takenUpValues,
  themes,
} from './labels.ts';

export { isUuid };

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

/** Ids from checkboxes: none, one or many; anything not an id is dropped. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [v ?? []].flat().filter(isUuid));

/** Values from checkboxes, from a list. */
const listOf = <T extends readonly string[]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [v ?? []].flat().filter((x): x is T[number] => (values as readonly string[]).includes(x)));

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v && isUuid(v) ? v : null));

const TIME = /^([01]?\d|2[0-3])[:.][0-5]\d$/;

/** A time of day on the 24-hour clock ("14:30" or "9.05"), as HH:MM. */
export const timeOfDay = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .regex(TIME, `Enter the ${what} on the 24-hour clock, like 14:30`)
    .transform((v) => {
      const [h = '0', m = '00'] = v.split(/[:.]/);
      return `${h.padStart(2, '0')}:${m}`;
    });

export const matterDateFields = ['knownOn'] as const;
/** A matter: what the form asks depends on its kind (the kind is chosen first, and carried in the form). */
export const matterForm = z
  .object({
    kind: choice(kinds, 'Select what kind of matter this is'),
    /** 'service', 'carer:<id>' or 'household_member:<id>': who it is about, from one list. */
    about: z.string({ error: 'Select who it is about' }).trim().min(1, 'Select who it is about'),
    raisedBy: choice(formRaisers as unknown as [string, ...string[]], 'Select who raised it'),
    raisedByName: optionalText(200),
    knownOn: govukDate('Date it became known'),
    knownAtTime: z.string().trim().optional(),
    category: z
      .string()
      .optional()
      .transform((v) => ((categories as readonly string[]).includes(v ?? '') ? v! : null)),
    summary: requiredText('Enter what happened or what was said', 10000),
    childIds: ids,
    themes: listOf(themes),
    teamId: optionalId,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const harm = v.kind === 'allegation' || v.kind === 'standard_of_care';
    const [against, id] = v.about.split(':');
    if (harm && against === 'service') issue('about', 'Select the carer or the member of the household it is about');
    else if (!(againstKinds as readonly string[]).includes(against ?? '') || (against !== 'service' && !isUuid(id))) {
      issue('about', 'Select who it is about from the list');
    }
    if (harm && !v.category) issue('category', 'Select the category');
    if (v.kind === 'complaint' && v.themes.length === 0) issue('themes', 'Select at least one theme of the complaint');
    if (v.kind === 'allegation') {
      if (!v.knownAtTime) issue('knownAtTime', 'Enter the time it became known');
      else if (!TIME.test(v.knownAtTime))
        issue('knownAtTime', 'Enter the time it became known on the 24-hour clock, like 14:30');
    }
  })
  .transform((v) => {
    const [h = '0', m = '00'] = (v.knownAtTime ?? '').split(/[:.]/);
    const [against, id] = v.about.split(':');
    const { about: _about, ...rest } = v;
    return {
      ...rest,
      againstKind: against as (typeof againstKinds)[number],
      personId: against === 'service' ? null : (id ?? null),
      knownAtTime: v.kind === 'allegation' ? `${h.padStart(2, '0')}:${m}` : null,
    };
  });
export type MatterInput = z.infer<typeof matterForm>;

/** Why a matter's opening details are being changed (asked with the form it was recorded on). */
export const matterChangeReasonForm = z.object({
  reason: requiredText('Enter why the details are being changed', 500),
});

export const referralDates = ['referredOn'] as const;
export const referralForm = z.object({
  referredOn: govukDate('Date it was referred to the LADO'),
  ladoName: optionalText(200),
});

export const decisionDates = ['decisionOn'] as const;
export const decisionForm = z.object({
  decisionOn: govukDate('Date of the LADO’s decision'),
  immediateAction: choice(immediateActions, 'Select what the LADO decided'),
  notes: optionalText(5000),
});

export const meetingDates = ['heldOn'] as const;
export const meetingForm = z.object({
  kind: choice(meetingKinds, 'Select the kind of meeting'),
  heldOn: govukDate('Date of the meeting'),
  attendees: requiredText('Enter who attended', 2000),
  decisions: requiredText('Enter what was decided', 10000),
  police: choice(['yes', 'no'], 'Select whether the police are involved'),
  childrensServices: choice(['yes', 'no'], 'Select whether children’s services are making enquiries'),
});

export const outcomeDates = ['outcomeOn'] as const;
export const outcomeForm = z.object({
  outcome: choice(outcomes, 'Select the outcome'),
  outcomeOn: govukDate('Date of the outcome'),
});

export const childToldDates = ['toldOn'] as const;
export const childToldForm = z.object({
  childId: z.string({ error: 'Select the child' }).refine(isUuid, 'Select the child'),
  toldOn: govukDate('Date the child was told'),
  toldBy: requiredText('Enter who told the child', 200),
  toldHow: requiredText('Enter how the child was told', 2000),
});

export const carerToldDates = ['toldOn'] as const;
export const carerToldForm = z.object({
  toldOn: govukDate('Date the carer was told'),
  toldBy: requiredText('Enter who told the carer', 200),
});

export const panelDates = ['presentedOn'] as const;
export const panelForm = z.object({
  presentedOn: govukDate('Date it was presented to the fostering panel'),
  approvalReview: choice(['yes', 'no'], 'Select whether a review of the carers’ approval follows'),
});

export const supportDates = ['offeredOn'] as const;
export const supportForm = z.object({
  supportBy: requiredText('Enter who supports the carer', 200),
  organisation: optionalText(200),
  offeredOn: govukDate('Date support was offered'),
  takenUp: choice(takenUpValues, 'Select whether the carer took up the support'),
});

export const placementDates = ['onDate'] as const;
export const placementLinkForm = z.object({
  placementId: z.string({ error: 'Select the placement' }).refine(isUuid, 'Select the placement'),
  effect: choice(placementEffects, 'Select whether the placement was suspended or ended'),
  onDate: govukDate('Date of the suspension or ending'),
});

export const accountForm = z.object({
  childId: z.string({ error: 'Select the child' }).refine(isUuid, 'Select the child'),
  account: requiredText('Enter the child’s account', 20000),
});

export const closeDates = ['closedOn'] as const;
export const closeForm = z.object({
  closedOn: govukDate('Date it was closed'),
  result: optionalText(10000),
  learning: optionalText(5000),
});

export const responseDates = ['respondedOn'] as const;
export const responseForm = z.object({
  respondedOn: govukDate('Date of the response'),
  finding: choice(findings, 'Select whether the complaint was upheld'),
  response: requiredText('Enter the response, in short', 10000),
});

export const extensionForm = z.object({
  reason: requiredText('Enter why the response needs longer', 2000),
});

/** The extension put right: still extended (why), or taken off as recorded in error; and why it is changed. */
export const extensionChangeForm = z
  .object({
    extended: choice(['yes', 'no'], 'Select whether the time to respond was extended'),
    extensionReason: optionalText(2000, 'why the response needs longer'),
    reason: requiredText('Enter why the extension is being changed', 500),
  })
  .superRefine((v, ctx) => {
    if (v.extended === 'yes' && !v.extensionReason) {
      ctx.addIssue({ code: 'custom', path: ['extensionReason'], message: 'Enter why the response needs longer' });
    }
  });

export const escalateDates = ['receivedOn'] as const;
export const escalateForm = z.object({
  receivedOn: govukDate('Date the request for the next stage was received'),
});

export const panelHeldDates = ['panelOn', 'reportOn'] as const;
export const panelHeldForm = z.object({
  panelOn: govukDate('Date the review panel met'),
  reportOn: optionalGovukDate('Date of the panel’s report'),
});

export const eventDates = ['knownOn'] as const;
export const eventForm = z.object({
  kind: choice(eventKinds, 'Select what happened'),
  childId: optionalId,
  knownOn: govukDate('Date it became known'),
  knownAtTime: timeOfDay('time it became known'),
  summary: requiredText('Enter what happened', 10000),
});

/** Why an event recorded in error is removed. */
export const removeEventForm = removalForm('significant event');

export const noticeDates = ['toldOn'] as const;
export const noticeForm = z.object({
  recipient: choice(recipients, 'Select who was told'),
  toldOn: govukDate('Date they were told'),
  toldAtTime: timeOfDay('time they were told'),
  method: choice(noticeMethods, 'Select how they were told'),
});
