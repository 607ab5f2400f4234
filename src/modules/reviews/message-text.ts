/** The words of the review's messages: what social workers, workers, managers and carers read. */
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { LINK_DAYS, LINK_DAYS_TEXT } from './settings.ts';

const SIGN_OFF = ['', 'Fostering review team'];

/** The message carrying a link to a child's social worker (or to whoever will help a child). */
export function linkMessageText(input: { kind: string; carers: string; child: string; url: string; now: Date }) {
  const expires = formatDate(addDays(todayInLondon(input.now), LINK_DAYS));
  if (input.kind === 'social_worker_feedback') {
    return {
      subject: 'Your feedback for a foster carers’ annual review',
      body: [
        `The foster carers of ${input.child} (${input.carers}) are having their annual review.`,
        '',
        'Please tell the reviewing officer how the placement is meeting the child’s needs, using this link (no sign-in needed; it works once):',
        input.url,
        '',
        `The link stops working on ${expires} (${LINK_DAYS_TEXT}). Please do not forward it.`,
        ...SIGN_OFF,
      ].join('\n'),
    };
  }
  return {
    subject: 'A child’s views for a foster carers’ annual review',
    body: [
      `The foster carers of ${input.child} (${input.carers}) are having their annual review, and the child’s views matter.`,
      '',
      'Please give the child this link (no sign-in needed; it works once). Their answers are not shown to the carers:',
      input.url,
      '',
      `The link stops working on ${expires} (${LINK_DAYS_TEXT}).`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

/** The reminder after 7 days, to whoever the link went to (by email) or the worker who handed it over. */
export function reminderText(input: {
  what: string;
  household: string;
  requestedOn: string;
  expiresOn: string;
  handed: boolean;
}) {
  return {
    subject: `Reminder: ${input.what} for an annual review`,
    body: [
      input.handed
        ? `The link you handed over on ${formatDate(input.requestedOn)} for ${input.what} (annual review of ${input.household}) has not been used yet.`
        : `We sent you a link on ${formatDate(input.requestedOn)} asking for ${input.what} for the annual review of foster carers. We have not had it yet.`,
      '',
      input.handed
        ? 'You may want to help them use it, or make a new link on the review page.'
        : 'Please use the link in that message. If you cannot find it, ask the reviewing officer for a new one.',
      `The link stops working on ${formatDate(input.expiresOn)}.`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

/** The requester's manager told after 14 days. */
export function managerText(input: { what: string; household: string; requester: string; requestedOn: string }) {
  return {
    subject: `Not returned after 14 days: ${input.what} for an annual review`,
    body: [
      `${input.requester} asked on ${formatDate(input.requestedOn)} for ${input.what} for the annual review of ${input.household}.`,
      'It has not been returned after 14 days, and a reminder has been sent.',
      '',
      'The review page in Hearth shows what has been gathered so far.',
      ...SIGN_OFF,
    ].join('\n'),
  };
}

/**
 * The carers' copy of the report; `corrected` when the report is sent again after a correction
 * (its comments date then said only while it has not passed).
 */
export function reportText(input: {
  household: string;
  reviewedOn: string;
  commentsDueOn: string;
  corrected?: { today: string };
}) {
  const review = formatDate(input.reviewedOn);
  const comments =
    input.corrected && input.commentsDueOn < input.corrected.today
      ? 'If anything in it is not right, tell your reviewing officer: in the portal, or by replying to this message.'
      : `You have until ${formatDate(input.commentsDueOn)} to comment on it: in the portal, or by replying to your reviewing officer.`;
  return {
    subject: `Your ${input.corrected ? 'corrected ' : ''}annual review report (${review})`,
    body: [
      `Dear ${input.household},`,
      '',
      input.corrected
        ? `The report of your review on ${review} has been corrected. The corrected report is attached as a PDF and replaces the one we sent you before. You can also read it in the carers’ portal.`
        : `The report of your review on ${review} is attached as a PDF. You can also read it in the carers’ portal.`,
      '',
      comments,
      ...SIGN_OFF,
    ].join('\n'),
  };
}
