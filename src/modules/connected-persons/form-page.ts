/**
 * What the pages of temporary approval share: the one form page (giving, extending, ending, and
 * putting them right), the giving form's day and nominated officer (asked again to put them right),
 * and a step's page on an approval.
 */
import type { FastifyReply } from 'fastify';
import { formFields, type Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
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
