/** An audit of a supervision folder in the service's words: what the folder held, the grade, the quarter. */
import { addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { quarterOf, type Quarter } from '../../platform/dates/quarters.ts';
import { formatDate } from '../../platform/views/format.ts';
import { gradeNames, gradeTagColours, grades, type Grade } from '../audits/labels.ts';
import type { AuditRow, FolderContents, FolderReading } from './folder-audit-queries.ts';
import { DEFAULT_SUPERVISION_WEEKS, PDP_CURRENT_MONTHS, SIGN_WITHIN_DAYS } from './settings.ts';

/** The plan's five things, in the order the pages list them. */
export const contentNames: Record<keyof FolderContents, string> = {
  hasAgreement: 'Supervision agreement signed',
  supervisedInTime: 'Supervised as often as agreed',
  sessionsSigned: `Session records signed by the member within ${SIGN_WITHIN_DAYS} days`,
  pdpCurrent: `Personal development plan reviewed in the last ${PDP_CURRENT_MONTHS} months`,
  trainingCurrent: 'Mandatory training up to date',
};
const contentKeys = Object.keys(contentNames) as (keyof FolderContents)[];

const yesTag = (yes: boolean) =>
  yes ? { text: 'Yes', classes: 'govuk-tag--green' } : { text: 'No', classes: 'govuk-tag--red' };

/** What the folder holds today, each with its evidence in words (the audit form). */
export function readingRows(reading: FolderReading, contents: FolderContents) {
  const weeks = reading.frequencyWeeks ?? DEFAULT_SUPERVISION_WEEKS;
  const evidence: Record<keyof FolderContents, string> = {
    hasAgreement: reading.agreementSignedOn
      ? `Signed by both on ${formatDate(reading.agreementSignedOn)}`
      : 'No supervision agreement recorded',
    supervisedInTime: reading.lastSessionOn
      ? `Last supervised on ${formatDate(reading.lastSessionOn)}; agreed every ${weeks} weeks`
      : 'No supervision session recorded',
    sessionsSigned:
      reading.unsignedSessions === 0
        ? `Every record of the last 12 months signed by the member within ${SIGN_WITHIN_DAYS} days`
        : `${reading.unsignedSessions} ${reading.unsignedSessions === 1 ? 'record' : 'records'} of the last 12 months not signed by the member within ${SIGN_WITHIN_DAYS} days of the session`,
    pdpCurrent: reading.pdpReviewedOn
      ? `Last reviewed on ${formatDate(reading.pdpReviewedOn)}`
      : 'No review of a personal development plan recorded',
    trainingCurrent:
      reading.coursesLapsed === 0
        ? 'Every mandatory course done and in date'
        : `${reading.coursesLapsed} mandatory ${reading.coursesLapsed === 1 ? 'course' : 'courses'} not done or out of date`,
  };
  return contentKeys.map((key) => ({ name: contentNames[key], tag: yesTag(contents[key]), evidence: evidence[key] }));
}

/** What the folder held on the day of a recorded audit. */
export const storedRows = (audit: AuditRow) =>
  contentKeys.map((key) => ({ name: contentNames[key], tag: yesTag(audit[key]) }));

const heldOf = (audit: FolderContents) => contentKeys.filter((key) => audit[key]).length;

/** How many of the five the folder held: "Complete" or "3 of 5". */
export function completeText(audit: FolderContents) {
  const held = heldOf(audit);
  return held === contentKeys.length ? 'Complete' : `${held} of ${contentKeys.length}`;
}

/** The same in a sentence's words: "Everything the plan lists" or "3 of the 5 things the plan lists". */
export function heldInWords(audit: FolderContents) {
  const held = heldOf(audit);
  return held === contentKeys.length
    ? 'Everything the plan lists'
    : `${held} of the ${contentKeys.length} things the plan lists`;
}

export const gradeTagOf = (grade: string) =>
  (grades as readonly string[]).includes(grade)
    ? { text: gradeNames[grade as Grade], classes: gradeTagColours[grade as Grade] }
    : { text: grade, classes: 'govuk-tag--grey' };

/** The auditor's three questions on the notes, as the form asks and the page answers them. */
export const noteQuestions = [
  { name: 'notesShowAnalysis', text: 'Do the supervision notes show analysis of the cases discussed?' },
  {
    name: 'notesSignsOfSafety',
    text: 'Do the notes follow the Signs of Safety approach: what is working well, what we are worried about, what needs to happen?',
  },
  {
    name: 'actionsFollowedUp',
    text: 'Are actions agreed with who and by when, and followed up at the next session, including any on performance?',
  },
] as const;

/** A quarter from the page's address ("2026-10": the quarter starting in October 2026), or the one `today` is in. */
export function quarterFrom(value: unknown, today: IsoDate): Quarter {
  if (typeof value === 'string' && /^(19|20)\d{2}-(01|04|07|10)$/.test(value)) return quarterOf(`${value}-01`);
  return quarterOf(today);
}

export const quarterParam = (quarter: Quarter) => quarter.start.slice(0, 7);
export const quarterBefore = (quarter: Quarter) => quarterOf(addMonths(quarter.start, -3));
export const quarterAfter = (quarter: Quarter) => quarterOf(addMonths(quarter.start, 3));
