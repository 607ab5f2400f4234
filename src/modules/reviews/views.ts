/** View models of the review pages: what each record says, in words. */
import { formatDate } from '../../platform/views/format.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { ageGroups, contributionKinds, extraReasons, outcomes, type ExtraReason, type Outcome } from './labels.ts';
import { messageStatusText } from './messages.ts';
import { newLinkPath } from './paths.ts';
import type { LinkRow, ReviewDetails, ReviewRow } from './queries.ts';

const purposes: Record<string, string> = {
  link: 'Link sent',
  reminder: 'Reminder',
  manager: 'Manager told',
  report: 'The carers’ copy of the report',
};

/** The tag a review shows: gathering (overdue once its date has passed), completed, to panel, presented, late. */
export function reviewTags(review: ReviewRow, today = todayInLondon()): { text: string; classes: string }[] {
  const tags = [
    review.status === 'completed'
      ? { text: 'Completed', classes: 'govuk-tag--green' }
      : { text: 'Gathering views', classes: 'govuk-tag--blue' },
  ];
  if (review.status === 'completed' && review.toPanel) {
    tags.push(
      review.presentedToPanelOn
        ? { text: 'Presented to panel', classes: 'govuk-tag--green' }
        : { text: 'To panel', classes: 'govuk-tag--purple' },
    );
  }
  if (review.status === 'gathering' && review.dueOn && review.dueOn < today) {
    tags.push({ text: 'Overdue', classes: 'govuk-tag--red' });
  }
  if (review.status === 'completed' && review.kind === 'annual' && review.dueOn && review.reviewedOn! > review.dueOn) {
    tags.push({ text: 'Late', classes: 'govuk-tag--red' });
  }
  return tags;
}

export function kindText(review: ReviewRow): string {
  if (review.kind === 'extra')
    return `Extra review: ${(extraReasons[review.reason as ExtraReason] ?? '').toLowerCase()}`;
  return review.firstReview ? 'Annual review (first since approval)' : 'Annual review';
}

export const outcomeText = (review: ReviewRow) => (review.outcome ? outcomes[review.outcome as Outcome] : null);

/** Where a link stands, in words. */
export function linkText(link: LinkRow, now = new Date()): string {
  const made = `Link ${link.delivery === 'email' ? `emailed to ${link.email}` : 'handed over'} on ${formatDate(link.requestedOn)}`;
  if (link.usedAt) return `Returned on ${formatDate(link.usedAt)}`;
  if (link.withdrawnAt) return `${made}: replaced or closed`;
  if (link.expiresAt <= now) return `${made}: expired on ${formatDate(link.expiresAt)}`;
  const chased = link.managerToldAt ? '; reminder sent, manager told' : link.remindedAt ? '; reminder sent' : '';
  return `${made}; works until ${formatDate(link.expiresAt)}${chased}`;
}

/** Each placed child's row: their form, and where their views and their social worker's feedback stand. */
export function childRows(details: ReviewDetails, reviewId: string, canAsk: boolean) {
  return details.children.map((child) => {
    const cell = (kind: 'child_views' | 'social_worker_feedback') => {
      const given = details.contributions.find((c) => c.kind === kind && c.childId === child.childId);
      if (given) return { text: `Returned on ${formatDate(given.receivedOn)}`, done: true, href: null };
      const link = details.links
        .map((l) => l.link)
        .filter((l) => l.kind === kind && l.childId === child.childId)
        .at(-1);
      return {
        text: link ? linkText(link) : 'Not asked for yet',
        done: false,
        href: canAsk ? newLinkPath(reviewId, kind, child.childId) : null,
        again: Boolean(link),
      };
    };
    return {
      ...child,
      form: ageGroups[child.ageGroup],
      views: cell('child_views'),
      feedback: cell('social_worker_feedback'),
    };
  });
}

/** The review's messages, newest first, for its page. */
export function messageRows(details: ReviewDetails) {
  return [...details.messages].reverse().map((m) => ({
    purpose: purposes[m.purpose] ?? m.purpose,
    to: m.recipients.join(', ') || 'No email address',
    status: messageStatusText(m),
    on: m.sentAt ?? m.createdAt,
  }));
}

/** Whether the carers' report, the SSW's report and each member's views were received. */
export function reportStatus(details: ReviewDetails, kind: 'carer_report' | 'ssw_report') {
  const c = details.contributions.find((x) => x.kind === kind);
  return {
    title: contributionKinds[kind],
    text: c ? `Received on ${formatDate(c.receivedOn)} from ${c.givenBy}` : 'Not recorded yet',
    done: Boolean(c),
  };
}

/** The carers may still comment on their copy. */
export const commentsOpen = (review: ReviewRow) =>
  review.status === 'completed' &&
  !review.carerComment &&
  review.commentsDueOn !== null &&
  todayInLondon() <= review.commentsDueOn;

const flashes: Record<string, string> = {
  started: 'Review started',
  recorded: 'Saved',
  check: 'Check recorded',
  completed: 'Review completed: the carers have been sent their copy of the report',
  cancelled: 'Review cancelled: a new review can be started',
  corrected: 'Review corrected',
  comment: 'Thank you: your comments have been sent to the reviewing officer',
};
export const flashOf = (done: string | undefined) => (done ? flashes[done] : undefined);

/** Errors shaped for the page, with a date field's link pointing at its day box. */
export const pageErrors = (errors: FormErrors | undefined, dateNames: readonly string[] = []) =>
  errors && {
    ...errors,
    list: errors.list.map((e) => (dateNames.some((n) => e.href === `#${n}`) ? { ...e, href: `${e.href}-day` } : e)),
  };
