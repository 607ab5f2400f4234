/** Audits turned into what their pages show, in words. */
import { addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  gradeNames,
  grades,
  gradeTagColours,
  isGrade,
  overallGrade,
  pickedBecauseNames,
  sectionNames,
  sections,
  statusNames,
} from './labels.ts';
import type { AuditRecord, SectionRow } from './queries.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-03' as "March 2026". */
export function monthName(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${year}`;
}

export const thisMonth = () => todayInLondon().slice(0, 7);
export const monthBefore = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);
export const monthAfter = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/** A grade as a GOV.UK tag's options (or a grey "Not graded"). */
export function gradeTag(grade: string | null) {
  return isGrade(grade)
    ? { text: gradeNames[grade], classes: gradeTagColours[grade] }
    : { text: 'Not graded', classes: 'govuk-tag--grey' };
}

/** Where an inadequate audit's putting right stands, in words. */
export function putRightText(a: AuditRecord): string | null {
  if (a.grade !== 'inadequate' && a.putRightOn) {
    // Put right while graded inadequate, the grading changed since: the record of it stays.
    const confirmed = a.confirmedOn ? `, confirmed ${formatDate(a.confirmedOn)}` : '';
    return `Put right ${formatDate(a.putRightOn)}${confirmed}, while the audit was graded inadequate (its grading has been changed since)`;
  }
  if (a.grade !== 'inadequate' || !a.putRightDueOn) return null;
  if (!a.putRightOn) {
    const late = a.putRightDueOn < todayInLondon();
    return `${late ? 'Overdue: was due' : 'Due'} by ${formatDate(a.putRightDueOn)}`;
  }
  const when = a.putRightOn <= a.putRightDueOn ? 'on time' : 'late';
  const confirmed = a.confirmedOn
    ? `, confirmed ${formatDate(a.confirmedOn)}`
    : ', awaiting the auditor’s confirmation';
  return `Put right ${formatDate(a.putRightOn)} (${when})${confirmed}`;
}

/** The summary list of an audit's record page. */
export function auditRows(a: AuditRecord) {
  const rows: { key: { text: string }; value: { text: string } }[] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value) rows.push({ key: { text: key }, value: { text: value } });
  };
  add('Household', `${a.householdName} (${a.householdReference})`);
  add('Team', a.teamName);
  add('Supervising social worker', a.sswName ?? 'Not allocated');
  add('Sample', `${a.central ? 'Central sample' : 'Team sample'}, ${monthName(a.month)}`);
  add('Why picked', pickedBecauseNames[a.pickedBecause] ?? a.pickedBecause);
  add('Status', statusNames[a.status] ?? a.status);
  add('Reason for the swap', a.swapReason);
  add('Auditor', a.auditorName);
  add('Date of the audit', a.auditedOn ? formatDate(a.auditedOn) : null);
  add('Safeguarding concern raised', a.safeguarding);
  add('Putting right', putRightText(a));
  add('What was done', a.putRightNotes);
  add('Recorded by', a.putRightOn ? a.putRightByName : null);
  return rows;
}

/** Why the overall grade is what it is, as the page says it. */
export function gradeReason(a: AuditRecord, rows: SectionRow[]): string | null {
  if (a.status !== 'completed') return null;
  const { reason } = overallGrade(
    rows.map((r) => r.grade),
    a.delegatedAuthorityMissing === true,
  );
  return a.delegatedAuthorityMissing && a.delegatedAuthorityDetail
    ? `${reason} No current signed delegated authority for: ${a.delegatedAuthorityDetail}.`
    : reason;
}

/** The sections in the template's order, with their grade, findings and actions. */
export function sectionViews(rows: SectionRow[]) {
  return sections.flatMap((section) => {
    const row = rows.find((r) => r.section === section);
    return row
      ? [{ name: sectionNames[section], tag: gradeTag(row.grade), findings: row.findings, actions: row.actions }]
      : [];
  });
}

/** The grading form's sections, each a set of radios checked as `values` say (first grading or put right). */
export const gradingSections = (values: Record<string, unknown>) =>
  sections.map((s) => ({
    key: s,
    name: sectionNames[s],
    items: grades.map((g) => ({ value: g, text: gradeNames[g], checked: values[`${s}-grade`] === g })),
  }));
