/** What the pages of learning from serious case reviews show, in words. */
import { differenceInDays, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { quarterWords } from './labels.ts';
import {
  actionDonePath,
  actionNotDonePath,
  editActionPath,
  removeActionPath,
  reviewPath,
  teamMeetingPath,
  teamMeetingsPath,
} from './paths.ts';
import type { ActionRow, DiscussionRow, ExtendedRow, MeetingRow, ReviewRow, TeamLine } from './queries.ts';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** A review in the list. */
export const reviewListRow = (r: ReviewRow) => ({
  title: r.title,
  href: reviewPath(r.id),
  publishedBy: r.publishedBy,
  publishedOn: formatDate(r.publishedOn),
  teams: r.teams === 0 ? 'Not yet discussed' : `${r.teams} ${r.teams === 1 ? 'team' : 'teams'}`,
});

/** A team's line: when it last discussed a review, and whether it has this quarter. */
export const teamLineView = (t: TeamLine, quarterStart: IsoDate) => ({
  team: t.teamName,
  area: t.areaName,
  href: teamMeetingsPath(t.teamId),
  last: t.lastHeldOn ? `${formatDate(t.lastHeldOn)}: ${t.lastReviewTitle}` : 'No meeting recorded',
  thisQuarter:
    t.thisQuarter > 0
      ? `Yes (${t.thisQuarter} ${t.thisQuarter === 1 ? 'meeting' : 'meetings'})`
      : `Not yet in ${quarterWords(quarterStart)}`,
  done: t.thisQuarter > 0,
});

/** A team's discussion of a review, on the review's page. */
export const discussionView = (d: DiscussionRow) => ({
  team: d.teamName,
  heldOn: formatDate(d.heldOn),
  href: d.opens ? teamMeetingPath(d.meetingId) : null,
});

/** A meeting in a team's list. */
export const meetingListRow = (m: MeetingRow) => ({
  heldOn: formatDate(m.heldOn),
  href: teamMeetingPath(m.id),
  review: m.reviewTitle,
  chair: m.chairName,
  attended: people(m.attended),
  openActions: m.openActions === 0 ? 'None open' : `${m.openActions} open`,
});

/** A meeting's rows, for its summary list. */
export const meetingRows = (m: MeetingRow) => [
  { key: 'Team', value: m.teamName },
  { key: 'Date of the meeting', value: formatDate(m.heldOn) },
  { key: 'Chaired by', value: m.chairName },
  { key: 'Attended', value: m.attendees ? `${people(m.attended)}: ${m.attendees}` : people(m.attended) },
  { key: 'What the team took from it', value: m.learning },
  { key: 'Recorded by', value: m.recordedByName ?? 'Not known' },
];

/** An action on its meeting's page: what, whose, by when, and done or not; changed or removed by those who record the meetings. */
export const actionView = (a: ActionRow, today: IsoDate, mayClose: boolean, mayChange: boolean) => {
  const late = differenceInDays(today, a.dueOn);
  return {
    action: a.action,
    owner: a.ownerName,
    dueOn: formatDate(a.dueOn),
    status: a.doneOn
      ? `Done on ${formatDate(a.doneOn)}${a.doneByName ? ` (${a.doneByName})` : ''}`
      : late > 0
        ? `Overdue by ${late} ${late === 1 ? 'day' : 'days'}`
        : 'Open',
    overdue: !a.doneOn && late > 0,
    doneHref: !a.doneOn && mayClose ? actionDonePath(a.id) : null,
    notDoneHref: a.doneOn && mayClose ? actionNotDonePath(a.id) : null,
    changeHref: mayChange ? editActionPath(a.id) : null,
    removeHref: mayChange ? removeActionPath(a.id) : null,
  };
};

/** An extended team manager meeting, in the list and on its page. */
export const extendedView = (e: ExtendedRow) => ({
  heldOn: formatDate(e.heldOn),
  reflectivePractice: e.reflectivePractice ? 'Yes' : 'No',
  learning: e.learning,
  review: e.reviewTitle,
  reviewHref: e.reviewId ? reviewPath(e.reviewId) : null,
  recordedBy: e.recordedByName ?? 'Not known',
});

/** A page's address without what was just done, for its pagers: the banner is not shown again on page 2. */
export function withoutDone(url: string): string {
  const parsed = new URL(url, 'http://hearth.local');
  parsed.searchParams.delete('done');
  return `${parsed.pathname}${parsed.search}`;
}
