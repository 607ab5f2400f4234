/**
 * The forms of a work's steps as data: each step's heading, its fields (drawn by the shared field
 * macro), its schema and date boxes, how it is filled from the work, and the service that saves it.
 * One template (lifelong-links-step.njk) draws them all; the routes register one page for each.
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, type Field } from '../../platform/views/fields.ts';
import type { FormResult } from '../../platform/views/forms.ts';
import type { Result, Who } from '../../platform/views/results.ts';
import {
  AGREEMENT_DATES,
  agreementForm,
  END_DATES,
  endForm,
  MEETING_DATES,
  meetingForm,
  PLAN_DATES,
  peopleForm,
  planForm,
} from './forms.ts';
import {
  agreementChoices,
  agreementHints,
  agreementNames,
  endReasonHints,
  endReasonNames,
  endReasons,
} from './labels.ts';
import type { WorkStep } from './paths.ts';
import type { WorkRow } from './queries.ts';
import { endWork, recordAgreement, recordMeeting, recordPeople, recordPlan } from './service.ts';

export interface StepForm<I> {
  /** The page's heading. */
  title: string;
  intro: string;
  button: string;
  /** The banner on the work's page once saved. */
  done: string;
  dates: readonly string[];
  fields: Field[];
  schema: (today: IsoDate) => z.ZodType<I, unknown>;
  /** The form filled from the work as it stands. */
  values: (work: WorkRow) => Record<string, unknown>;
  save: (db: Db, who: Who, workId: string, input: I) => Promise<Result>;
}

const example = 'For example, 27 3 2026';

const agreement: StepForm<z.infer<ReturnType<typeof agreementForm>>> = {
  title: 'The child’s agreement',
  intro:
    'Lifelong Links goes ahead with the child’s agreement, asked in a way that suits their age and understanding. Record the day they agreed, or why they were not asked.',
  button: 'Save the child’s agreement',
  done: 'The child’s agreement has been recorded',
  dates: AGREEMENT_DATES,
  fields: [
    {
      type: 'radios',
      name: 'agreement',
      label: 'Did the child agree to Lifelong Links?',
      choices: choicesOf(agreementChoices, agreementNames, agreementHints),
    },
    { type: 'date', name: 'agreedOn', label: 'Date the child agreed', hint: `Only if they agreed. ${example}` },
  ],
  schema: agreementForm,
  values: (w) => ({
    agreement: w.agreedOn ? 'agreed' : (w.notAskedReason ?? undefined),
    ...dateBoxes('agreedOn', w.agreedOn),
  }),
  save: recordAgreement,
};

const people: StepForm<z.infer<typeof peopleForm>> = {
  title: 'Coordinator and people found',
  intro:
    'The relatives and other adults who matter to the child that the coordinator has found so far, and how many of them have been contacted. Update the counts as the work goes on.',
  button: 'Save the counts',
  done: 'The people found have been updated',
  dates: [],
  fields: [
    {
      type: 'text',
      name: 'coordinator',
      label: 'Coordinator (optional)',
      hint: 'The Family Group Conferencing worker coordinating the work',
      width: 20,
    },
    { type: 'text', name: 'peopleFound', label: 'People found', hint: 'A whole number, like 4', width: 2 },
    {
      type: 'text',
      name: 'peopleContacted',
      label: 'People contacted',
      hint: 'Of the people found, how many have been contacted',
      width: 2,
    },
  ],
  schema: () => peopleForm,
  values: (w) => ({
    coordinator: w.coordinator ?? '',
    peopleFound: String(w.peopleFound),
    peopleContacted: String(w.peopleContacted),
  }),
  save: recordPeople,
};

const meeting: StepForm<z.infer<ReturnType<typeof meetingForm>>> = {
  title: 'Family network meeting',
  intro:
    'The meeting that brings together the people who matter to the child, to agree a plan for their relationships.',
  button: 'Save the meeting',
  done: 'The family network meeting has been recorded',
  dates: MEETING_DATES,
  fields: [{ type: 'date', name: 'meetingOn', label: 'Date of the family network meeting', hint: example }],
  schema: meetingForm,
  values: (w) => dateBoxes('meetingOn', w.meetingOn),
  save: recordMeeting,
};

const plan: StepForm<z.infer<ReturnType<typeof planForm>>> = {
  title: 'Plan agreed',
  intro: 'The plan agreed at or after the family network meeting for the child’s lasting relationships.',
  button: 'Save the plan',
  done: 'The plan agreed has been recorded',
  dates: PLAN_DATES,
  fields: [
    { type: 'date', name: 'planAgreedOn', label: 'Date the plan was agreed', hint: example },
    {
      type: 'textarea',
      name: 'planNote',
      label: 'A short note of the plan',
      hint: 'Who the child will keep in touch with, and how. Carers do not see this.',
      rows: 4,
    },
  ],
  schema: planForm,
  values: (w) => ({ ...dateBoxes('planAgreedOn', w.planAgreedOn), planNote: w.planNote ?? '' }),
  save: recordPlan,
};

const end: StepForm<z.infer<ReturnType<typeof endForm>>> = {
  title: 'End the Lifelong Links work',
  intro:
    'Once ended, the work’s steps can no longer be changed (only its start can be corrected). New work can be started for the child later.',
  button: 'End the work',
  done: 'The Lifelong Links work has ended',
  dates: END_DATES,
  fields: [
    { type: 'date', name: 'endedOn', label: 'Date the work ended', hint: example },
    {
      type: 'radios',
      name: 'endReason',
      label: 'Why did the work end?',
      choices: choicesOf(endReasons, endReasonNames, endReasonHints),
    },
    { type: 'textarea', name: 'endNote', label: 'Note (needed for “Other”)', rows: 3 },
  ],
  schema: endForm,
  values: () => ({}),
  save: endWork,
};

/** A step's form with its schema and service bound: what the routes use. */
export interface Step extends Omit<StepForm<unknown>, 'schema' | 'save'> {
  /** Parses the posted form and saves it: the form's errors with what was typed, or the service's result. */
  submit(db: Db, who: Who, workId: string, body: unknown, today: IsoDate): Promise<Unparsed | Result>;
}
type Unparsed = Extract<FormResult<unknown>, { ok: false }>;

function bound<I>({ schema, save, ...form }: StepForm<I>): Step {
  return {
    ...form,
    async submit(db, who, workId, body, today) {
      const parsed = parseDatedForm(schema(today), body, form.dates);
      return parsed.ok ? save(db, who, workId, parsed.value) : parsed;
    },
  };
}

/** Each step's form. */
export const stepForms: Record<WorkStep, Step> = {
  agreement: bound(agreement),
  people: bound(people),
  meeting: bound(meeting),
  plan: bound(plan),
  end: bound(end),
};
