/**
 * The fields of the forms of learning from serious case reviews that are filled in twice, once to
 * record and once to change: a review, a team meeting and an extended team manager meeting; and the
 * one box that confirms a removal.
 * Filled from a record when it is changed, from what was typed when it is shown again.
 */
import { dateBoxes } from '../../platform/views/date-input.ts';
import { yesNo, type Field } from '../../platform/views/fields.ts';
import type { ExtendedRow, MeetingRow, ReviewRow } from './queries.ts';

/** Choices for a select, from people (by name) or reviews (by title). */
export const choices = (rows: { id: string; name?: string; title?: string }[]) =>
  rows.map((r) => ({ value: r.id, text: r.name ?? r.title ?? '' }));

export const reviewFields: Field[] = [
  {
    type: 'text',
    name: 'title',
    label: 'Title of the review',
    hint: 'As published, for example “Child T: a serious case review”',
  },
  {
    type: 'text',
    name: 'publishedBy',
    label: 'Who published it',
    hint: 'For example, a local safeguarding children partnership',
  },
  { type: 'date', name: 'publishedOn', label: 'Date published', hint: 'For example, 14 3 2026' },
  { type: 'text', name: 'link', label: 'Web address of the published report', hint: 'Starting https://' },
  {
    type: 'textarea',
    name: 'learning',
    label: 'Its learning for fostering',
    hint: 'A summary of what the review found that matters for fostering practice',
    rows: 6,
  },
];

/** A review's form, filled from the review. */
export const reviewValues = (r: ReviewRow): Record<string, unknown> => ({
  title: r.title,
  publishedBy: r.publishedBy,
  ...dateBoxes('publishedOn', r.publishedOn),
  link: r.link,
  learning: r.learning,
});

/** A team meeting's fields: who may chair it, and the reviews it may have discussed. */
export const meetingFields = (
  chairs: { id: string; name: string }[],
  reviews: { id: string; title: string }[],
): Field[] => [
  { type: 'date', name: 'heldOn', label: 'Date of the meeting', hint: 'For example, 14 11 2026' },
  { type: 'select', name: 'chairedBy', label: 'Who chaired it', choices: choices(chairs) },
  { type: 'text', name: 'attended', label: 'How many attended', width: 2 },
  {
    type: 'textarea',
    name: 'attendees',
    label: 'Who attended (optional)',
    hint: 'Names of the staff who attended',
    rows: 2,
  },
  { type: 'select', name: 'reviewId', label: 'Serious case review discussed', choices: choices(reviews) },
  {
    type: 'textarea',
    name: 'learning',
    label: 'What the team took from it',
    hint: 'The learning the team agreed for its own practice',
    rows: 6,
  },
];

/** A meeting's form, filled from the meeting. */
export const meetingValues = (m: MeetingRow): Record<string, unknown> => ({
  ...dateBoxes('heldOn', m.heldOn),
  chairedBy: m.chairedBy,
  attended: String(m.attended),
  attendees: m.attendees ?? '',
  reviewId: m.reviewId,
  learning: m.learning,
});

/** An extended team manager meeting's fields, with the reviews it may have discussed. */
export const extendedFields = (reviews: { id: string; title: string }[]): Field[] => [
  { type: 'date', name: 'heldOn', label: 'Date of the meeting', hint: 'For example, 14 11 2026' },
  {
    type: 'radios',
    name: 'reflectivePractice',
    label: 'Were reflective practice and learning on the agenda?',
    choices: yesNo,
    inline: true,
  },
  { type: 'textarea', name: 'learning', label: 'The learning discussed', rows: 6 },
  {
    type: 'select',
    name: 'reviewId',
    label: 'Serious case review discussed (optional)',
    choices: choices(reviews),
  },
];

/** An extended meeting's form, filled from the meeting. */
export const extendedValues = (e: ExtendedRow): Record<string, unknown> => ({
  ...dateBoxes('heldOn', e.heldOn),
  reflectivePractice: e.reflectivePractice ? 'yes' : 'no',
  learning: e.learning,
  reviewId: e.reviewId ?? '',
});

/** The box that confirms a removal ("The meeting was recorded by mistake"). */
export const confirmField = (text: string): Field => ({
  type: 'checkboxes',
  name: 'confirm',
  label: 'Confirm',
  choices: [{ value: 'yes', text }],
});
