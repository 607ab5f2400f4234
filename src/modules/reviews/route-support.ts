/** What the review pages share: access, breadcrumbs, the refusal page, the submitted body. */
import type { FastifyReply, RouteShorthandOptions } from 'fastify';
import type { FormErrors } from '../../platform/views/forms.ts';
import { refused } from '../../platform/views/results.ts';
import { householdPath } from '../households/paths.ts';
import { householdReviewsPath, reviewPath } from './paths.ts';

export const viewAccess: RouteShorthandOptions = { config: { access: { permission: 'reviews.view' } } };
export const runAccess: RouteShorthandOptions = { config: { access: { permission: 'reviews.run' } } };
export const contributeAccess: RouteShorthandOptions = { config: { access: { permission: 'reviews.contribute' } } };
export const portalAccess: RouteShorthandOptions = { config: { access: { permission: 'portal.use' } } };
/** The links without an account are public (the secret in them is the key): slow down anyone guessing. */
export const linkAccess: RouteShorthandOptions = {
  config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
};

const RUN_REFUSED = [
  'Reviews are run by the fostering review team (reviewing officers) and the head of fostering, independently of the supervising social worker. The supervising social worker’s report may also be recorded by the household’s own worker or their team manager. A review under way can be cancelled, and a completed review corrected, by those who run reviews.',
];

export const crumbs = (household: { id: string; name: string }, reviews = true) => [
  { text: 'Households', href: '/households' },
  { text: household.name, href: householdPath(household.id) },
  ...(reviews ? [{ text: 'Reviews', href: householdReviewsPath(household.id) }] : []),
];

export const reviewCrumbs = (record: { review: { id: string }; household: { id: string; name: string } }) => [
  ...crumbs(record.household),
  { text: 'Review', href: reviewPath(record.review.id) },
];

export function refusedRun(reply: FastifyReply, result: Parameters<typeof refused>[1], backHref: string) {
  return refused(reply, result, { backHref, lines: RUN_REFUSED });
}

export { bodyOf } from '../../platform/views/forms.ts';

/** A date's error links to its day box, as the GOV.UK pattern asks. */
export function dayLinked(errors: FormErrors): FormErrors {
  const dates = ['#receivedOn', '#checkedOn', '#reviewedOn'];
  return { ...errors, list: errors.list.map((e) => (dates.includes(e.href) ? { ...e, href: `${e.href}-day` } : e)) };
}
