/** The staff module's forms: zod schemas, dates from GOV.UK date inputs. */
import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { govukDate, optionalGovukDate, withDates } from '../../platform/views/date-input.ts';
import { grades } from '../audits/labels.ts';
import { SUPERVISION_WEEKS_CHOICES, trainingKeys, type TrainingKey } from './settings.ts';

export const agreementDateFields = ['signedOn'];
export const agreementForm = withDates(
  agreementDateFields,
  z.object({
    signedOn: govukDate('Date it was signed by both'),
    frequencyWeeks: z
      .enum(SUPERVISION_WEEKS_CHOICES.map(String) as [string, ...string[]], {
        error: 'Select how often supervision takes place',
      })
      .transform(Number),
  }),
);
export type AgreementInput = z.infer<typeof agreementForm>;

export const sessionDateFields = ['heldOn', 'nextOn'];
export const sessionForm = withDates(
  sessionDateFields,
  z.object({
    heldOn: govukDate('Date of the session'),
    caseDiscussion: requiredText('Enter the case discussion and reflection', 20000),
    wellbeing: requiredText('Enter what was discussed about wellbeing', 20000),
    development: requiredText('Enter what was discussed about training and development', 20000),
    actions: requiredText('Enter the actions agreed', 10000),
    pdpReviewed: z.enum(['yes', 'no'], { error: 'Select whether the PDP was reviewed' }).transform((v) => v === 'yes'),
    nextOn: optionalGovukDate('Date of the next session'),
  }),
);
export type SessionInput = z.infer<typeof sessionForm>;

export const signForm = z.object({
  confirm: z.literal('yes', { error: 'Confirm that this is a true record of your supervision' }),
  staffComment: optionalText(5000),
  /** The version of the record the member read (when the supervisor last signed it): a changed record is read again. */
  version: z.string().max(40).optional(),
});
export type SignInput = z.infer<typeof signForm>;

export const pdpDateFields = ['reviewedOn'];
export const pdpForm = withDates(
  pdpDateFields,
  z.object({
    goals: requiredText('Enter the goals', 10000),
    training: requiredText('Enter the training planned', 10000),
    support: requiredText('Enter the support agreed', 10000),
    reviewedOn: govukDate('Date it was reviewed'),
  }),
);
export type PdpInput = z.infer<typeof pdpForm>;

export const trainingDateFields = ['completedOn'];
export const trainingForm = withDates(
  trainingDateFields,
  z.object({
    item: z
      .string({ error: 'Select the training' })
      .refine((v): v is TrainingKey => (trainingKeys as readonly string[]).includes(v), 'Select the training')
      .transform((v) => v as TrainingKey),
    completedOn: govukDate('Date it was completed'),
  }),
);
export type TrainingInput = z.infer<typeof trainingForm>;

export const startDateFields = ['joinedOn'];
export const startForm = withDates(
  startDateFields,
  z.object({
    joinedOn: govukDate('Date they joined the fostering service'),
    inductionRequired: z
      .enum(['yes', 'no'], { error: 'Select whether they follow the induction programme' })
      .transform((v) => v === 'yes'),
  }),
);
export type StartInput = z.infer<typeof startForm>;

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');

/** The auditor's judgement of a folder: three questions on the notes, the grade, the findings and actions. */
export const folderAuditForm = z.object({
  notesShowAnalysis: yesNo('Select whether the supervision notes show analysis of the cases discussed'),
  notesSignsOfSafety: yesNo('Select whether the supervision notes follow the Signs of Safety approach'),
  actionsFollowedUp: yesNo('Select whether actions are agreed and followed up at the next session'),
  grade: z.enum(grades, { error: 'Select the grade of the folder' }),
  findings: requiredText('Enter what the audit found', 10000),
  actionsForManager: optionalText(5000),
});
export type FolderAuditInput = z.infer<typeof folderAuditForm>;

export const actionsDoneForm = z.object({ doneOn: govukDate('Date the actions were done') });
export const ACTIONS_DONE_DATES = ['doneOn'] as const;
