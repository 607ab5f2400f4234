/** The staff folder turned into what its pages show, in the service's words. */
import { isRole, roleNames } from '../../platform/access/roles.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { changeTrainingPath, removeTrainingPath, sessionPath } from './paths.ts';
import type { Folder, MemberRecord } from './queries.ts';
import {
  DEFAULT_SUPERVISION_WEEKS,
  inductionDueOn,
  inductionItems,
  mandatoryCourses,
  renewalDueOn,
  supervisionDueOn,
  trainingNames,
} from './settings.ts';

export const roleName = (role: string) => (isRole(role) ? roleNames[role] : role);

const tag = (text: string, colour: string) => ({ text, classes: `govuk-tag--${colour}` });

/** A due date as a tag: overdue (red), due within 14 days (yellow), or in time (green). */
export function dueTag(dueOn: string, today = todayInLondon()) {
  if (dueOn < today) return tag('Overdue', 'red');
  const soon = new Date(`${today}T12:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 14);
  return dueOn <= soon.toISOString().slice(0, 10) ? tag('Due soon', 'yellow') : tag('In time', 'green');
}

/** The caption and headings of a member's pages. */
export const memberCaption = (member: MemberRecord) =>
  `${member.displayName}, ${roleName(member.role)}${member.teamName ? `, ${member.teamName}` : ''}`;

/** When the member's next supervision is due, from the folder. */
export function nextDue(member: MemberRecord, folder: Folder, joinedFallback: string) {
  const weeks = folder.agreement?.frequencyWeeks ?? DEFAULT_SUPERVISION_WEEKS;
  const from = folder.lastSessionOn ?? folder.agreement?.signedOn ?? folder.start?.joinedOn ?? joinedFallback;
  return supervisionDueOn(from, weeks);
}

/** The mandatory training table's rows: course, last done, renewal due, status. */
export function trainingRows(folder: Folder, joinedOn: string, today = todayInLondon()) {
  return mandatoryCourses.map((course) => {
    const last = folder.training.get(course.key) ?? null;
    const due = last ? renewalDueOn(last, course.key) : inductionDueOn(joinedOn);
    return [
      { text: course.name },
      { text: last ? formatDate(last) : 'Not done' },
      { text: `${formatDate(due)} (every ${course.renewMonths} months)` },
      { html: statusHtml(last ? dueTag(due, today) : due < today ? tag('Overdue', 'red') : tag('Not done', 'grey')) },
    ];
  });
}

/** The induction programme's rows: item, done on (or not yet). */
export function inductionRows(folder: Folder) {
  return inductionItems.map((item) => {
    const done = folder.training.get(item.key) ?? null;
    return [{ text: item.name }, { text: done ? formatDate(done) : 'Not done yet' }];
  });
}

export const inductionDone = (folder: Folder) => inductionItems.filter((i) => folder.training.has(i.key)).length;

function statusHtml(t: { text: string; classes: string }) {
  return `<strong class="govuk-tag ${t.classes}">${t.text}</strong>`;
}

/** The folder's sessions table. */
export function sessionRows(folder: Folder) {
  return folder.sessions.map((s) => [
    { html: `<a class="govuk-link" href="${sessionPath(s.id)}">${formatDate(s.heldOn)}</a>` },
    { text: s.supervisorName },
    { text: s.pdpReviewed ? 'Yes' : 'No' },
    {
      html: s.staffSignedAt
        ? statusHtml(tag('Signed by both', 'green'))
        : statusHtml(tag('Awaiting signature', 'yellow')),
    },
  ]);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every training record, the latest first; for the member's manager, with links to change or remove each. */
export function trainingRecordRows(folder: Folder, correct: boolean) {
  return folder.trainingRecords.map((t) => {
    const name = trainingNames[t.item] ?? t.item;
    const which = `<span class="govuk-visually-hidden"> the record of ${escapeHtml(name)} on ${formatDate(t.completedOn)}</span>`;
    return [
      { text: name },
      { text: formatDate(t.completedOn) },
      ...(correct
        ? [
            {
              html: `<a class="govuk-link" href="${changeTrainingPath(t.id)}">Change${which}</a>
                <a class="govuk-link govuk-!-margin-left-2" href="${removeTrainingPath(t.id)}">Remove${which}</a>`,
            },
          ]
        : []),
    ];
  });
}

export const doneMessages: Record<string, string> = {
  agreement: 'The supervision agreement has been saved',
  session: 'The supervision session has been recorded. It is now waiting for the member of staff to sign it',
  signed: 'You have signed your supervision record',
  pdp: 'The personal development plan has been saved',
  training: 'The training has been recorded',
  joined: 'The start date has been saved',
  'session-removed': 'The supervision session has been removed. The next supervision due has been worked out again',
  'training-changed': 'The training record has been changed',
  'training-removed': 'The training record has been removed',
  unchanged: 'Nothing was changed',
};
