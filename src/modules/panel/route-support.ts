/** What the panel's routes share: access rules per route, crumbs, and the form-error page helper. */
import type { FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Permission } from '../../platform/access/policy.ts';
import { formErrors, type FormErrors } from '../../platform/views/forms.ts';
import type { Invalid, Refusal } from '../../platform/views/results.ts';
import { refused } from '../../platform/views/results.ts';

export const rule = (permission: Permission): RouteShorthandOptions => ({ config: { access: { permission } } });

export type WithId = { Params: { id: string }; Querystring: Record<string, string | undefined> };

export const calendarCrumb = { text: 'Fostering panel', href: '/panel' };

export { bodyOf } from '../../platform/views/forms.ts';

/** A refusal as its page, or the form's errors for the caller to show again. */
export function errorsOr(reply: FastifyReply, result: Refusal | Invalid, backHref: string): FormErrors | null {
  const done = refused(reply, result, { backHref });
  if (done) return null;
  return formErrors((result as Invalid).errors);
}

export const doneMessages: Record<string, string> = {
  member: 'The panel member has been saved',
  meeting: 'The meeting has been added to the panel calendar',
  date: 'The date of the meeting has been changed',
  attendance: 'Who attended has been saved',
  item: 'The item has been added to the agenda',
  paper: 'The paper has been uploaded: a team manager now quality-assures it',
  qa: 'The quality assurance has been recorded',
  published: 'The quality-assured papers have been published to the members of the meeting',
  recommendation: 'The panel’s recommendation has been recorded',
  minutes: 'The minutes have been signed: the recommendations go to the agency decision maker',
  'minutes-withdrawn': 'The signature of the minutes has been withdrawn: put them right and sign them again',
  decision: 'Your decision has been recorded',
  'decision-changed': 'The decision has been changed',
  'decision-changed-letter':
    'The decision has been changed. The household has the earlier letter: send them a corrected letter if what it said has changed',
  'decision-withdrawn':
    'The decision has been withdrawn and what it changed taken back: the recommendation waits for your decision again',
  letters: 'The dates the applicant was told and written to have been saved',
  evidence: 'The evidence for the skills level has been saved',
};
