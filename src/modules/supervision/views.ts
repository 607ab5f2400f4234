import type { FormErrors } from '../../platform/views/forms.ts';
import { datePartsOf, linkDateErrors } from '../../platform/views/date-input.ts';
import {
  ACTION_ROWS,
  profileSeenNames,
  profileSeenValues,
  seenNames,
  seenValues,
  supervisionDateFields,
} from './forms.ts';
import type { PlacedChild, SupervisionRow } from './queries.ts';

/** Errors with each date field linked to its day box. */
export function pageErrors(errors: FormErrors): FormErrors {
  return linkDateErrors(errors, [...supervisionDateFields, 'signedOn', 'notesSentOn']);
}

/** The form's values from a stored supervision, its children and actions. */
export function storedValues(
  supervision: SupervisionRow,
  seen: { childId: string; seen: string }[],
  actions: { action: string; owner: string; dueOn: string }[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    visitDate: supervision.visitDate,
    announced: supervision.announced ? 'announced' : 'unannounced',
    attendees: supervision.attendees,
    workingWell: supervision.workingWell,
    worries: supervision.worries,
    needsToHappen: supervision.needsToHappen,
    scalingQuestion: supervision.scalingQuestion,
    scalingScore: supervision.scalingScore === null ? '' : String(supervision.scalingScore),
    childrenVoice: supervision.childrenVoice ?? '',
    trainingProgress: supervision.trainingProgress ?? '',
    profileSeenBeforeArrival: supervision.profileSeenBeforeArrival ?? undefined,
  };
  actions.forEach((a, i) => {
    values[`action${i + 1}`] = a.action;
    values[`action${i + 1}Owner`] = a.owner;
    values[`action${i + 1}Due`] = a.dueOn;
  });
  for (const s of seen) values[`seen-${s.childId}`] = s.seen;
  return values;
}

/** Everything the template form needs: dates split for GOV.UK date inputs, action rows and children. */
export function formView(values: Record<string, unknown>, placed: PlacedChild[]) {
  return {
    values,
    visitDate: datePartsOf(values, 'visitDate'),
    actionRows: Array.from({ length: ACTION_ROWS }, (_, i) => ({
      n: i + 1,
      action: values[`action${i + 1}`] ?? '',
      owner: values[`action${i + 1}Owner`] ?? '',
      due: datePartsOf(values, `action${i + 1}Due`),
    })),
    profileSeenItems: profileSeenValues.map((v) => ({
      value: v,
      text: profileSeenNames[v],
      checked: values.profileSeenBeforeArrival === v,
    })),
    children: placed.map((c) => ({
      ...c,
      items: seenValues.map((s) => ({
        value: s,
        text: seenNames[s],
        checked: (values[`seen-${c.childId}`] ?? 'not_seen') === s,
      })),
    })),
  };
}

/** The answer to "did a child placed since the last visit see the profile?", in words. */
export const profileSeenName = (value: string | null) =>
  value ? (profileSeenNames[value as keyof typeof profileSeenNames] ?? value) : 'Not recorded';

export const seenName = (seen: string) => seenNames[seen as keyof typeof seenNames] ?? seen;

export function doneMessage(done: unknown): string | undefined {
  switch (done) {
    case 'recorded':
      return 'Supervision saved as a draft';
    case 'updated':
      return 'Supervision changed';
    case 'finalised':
      return 'Supervision finalised';
    case 'notes-sent':
      return 'Date the notes were sent recorded';
    case 'notes-sent-now':
      return 'The notes have been sent to the carers';
    case 'notes-not-sent':
      return 'The notes could not be sent: see below';
    case 'corrected':
      return 'Supervision corrected';
    case 'removed':
      return 'Supervision removed';
    case 'agreement':
      return 'Supervision agreement recorded';
    default:
      return undefined;
  }
}
