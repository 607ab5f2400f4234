/**
 * What the pages of temporary approval share: the one form page (giving, extending, ending, and
 * putting them right), the giving form's day and nominated officer and the extending form (asked
 * again to put them right), and a step's page on an approval.
 */
import type { FastifyReply } from 'fastify';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { extensionReasonNames, extensionReasons, latestExtensionFor } from './labels.ts';
import { approvalPath, connectedPersonsPath } from './paths.ts';
import type { ApprovalRow } from './queries.ts';

export type Body = Record<string, unknown>;

export interface FormPage {
  caption: string;
  heading: string;
  intro: string[];
  button: string;
  action: string;
  cancel: string;
  breadcrumbs: { text: string; href: string }[];
  /** Where to record the connected person's household as an enquiry, when there is none to choose. */
  enquiryHref?: string | null;
}

/** The form page: its fields filled from `values`; a 400 with the errors when given. */
export const showForm = (
  reply: FastifyReply,
  page: FormPage,
  fields: Field[] | null,
  values: Body,
  errors?: FormErrors,
) =>
  reply.code(errors ? 400 : 200).page('connected-persons-form.njk', {
    title: `${page.heading}: ${page.caption}`,
    ...page,
    fields: fields ? formFields(fields, values) : null,
    errors,
  });

export const officerHint = 'The manager nominated by the local authority to make this decision';

/** The giving form's day and nominated officer. */
export const approvalFields: Field[] = [
  { type: 'date', name: 'approvedOn', label: 'Date of the temporary approval', hint: 'For example, 27 3 2026' },
  { type: 'text', name: 'approvedBy', label: 'Approved by (nominated officer)', hint: officerHint, width: 20 },
];

/** A box to tick to confirm. */
export const confirm = (name: string, text: string): Field => ({
  type: 'checkboxes',
  name,
  label: 'Confirm',
  choices: [{ value: 'yes', text }],
});

/** The extending form's fields (regulation 25), asked again to put the extension right. */
export function extendFields(a: ApprovalRow): Field[] {
  const latest = formatDate(latestExtensionFor(a.expiresOn));
  return [
    { type: 'date', name: 'extendedOn', label: 'Date of the decision to extend', hint: 'For example, 27 3 2026' },
    {
      type: 'text',
      name: 'extendedBy',
      label: 'Extension approved by (nominated officer)',
      hint: officerHint,
      width: 20,
    },
    {
      type: 'radios',
      name: 'extensionReason',
      label: 'Why is it extended?',
      choices: choicesOf(extensionReasons, extensionReasonNames, {
        assessment: `Once only, by up to 8 weeks: to ${latest} at the latest`,
        review: 'Until the outcome of the review is known',
      }),
    },
    {
      type: 'date',
      name: 'extendedUntil',
      label: 'New last day of the temporary approval',
      hint: `Only when the full assessment will not be finished in time: no later than ${latest}`,
    },
    {
      type: 'date',
      name: 'panelViewsSoughtOn',
      label: 'Date the fostering panel’s views were sought',
      hint: 'The panel’s views must be sought before the decision',
    },
    confirm(
      'stillMostAppropriate',
      'Placement with the connected person is still the most appropriate placement available',
    ),
    confirm('iroInformed', 'The child’s independent reviewing officer has been told'),
  ];
}

/** The extending form's values for an extension as kept (the confirmation, given when it was extended, ticked). */
export const extensionValues = (
  e: Pick<ApprovalRow, 'extendedBy' | 'extensionReason' | 'extendedUntil' | 'panelViewsSoughtOn' | 'iroInformed'> & {
    extendedOn: string;
  },
): Record<string, string> => ({
  ...dateBoxes('extendedOn', e.extendedOn),
  ...dateBoxes('extendedUntil', e.extendedUntil),
  ...dateBoxes('panelViewsSoughtOn', e.panelViewsSoughtOn),
  extendedBy: e.extendedBy ?? '',
  extensionReason: e.extensionReason ?? '',
  stillMostAppropriate: 'yes',
  ...(e.iroInformed ? { iroInformed: 'yes' } : {}),
});

/** A step's page on an approval (its household and child in the caption), leading back to it. */
export const stepPage = (
  a: ApprovalRow,
  heading: string,
  intro: string[],
  button: string,
  action: string,
): FormPage => ({
  caption: `${a.householdName}: temporary approval for ${a.childName}`,
  heading,
  intro,
  button,
  action,
  cancel: approvalPath(a.id),
  breadcrumbs: [
    { text: 'Connected persons', href: connectedPersonsPath() },
    { text: 'Temporary approval', href: approvalPath(a.id) },
  ],
});
