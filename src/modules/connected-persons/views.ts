/** Temporary approvals as the pages show them: where each stands, and the rows of an approval's page. */
import type { IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  approvalState,
  endReasonNames,
  extensionReasonNames,
  isEndReason,
  stateTagClasses,
  type ExtensionReason,
} from './labels.ts';
import { approvalPath } from './paths.ts';
import type { ApprovalRow } from './queries.ts';

/** An approval in a list or section: who, for whom, and where it stands today. */
export function approvalSummary(a: ApprovalRow, today: IsoDate) {
  const state = approvalState(a, today);
  return {
    household: `${a.householdName} (${a.householdReference})`,
    child: `${a.childName} (${a.childReference})`,
    approvedOn: formatDate(a.approvedOn),
    tag: { text: state.tag, classes: stateTagClasses[state.key] },
    state: state.text,
    key: state.key,
    href: approvalPath(a.id),
  };
}

/** The rows of an approval's page, in order; the day and the officer with a Change link to `changeHref` when given. */
export function approvalRows(a: ApprovalRow, changeHref: string | null = null) {
  const change = (what: string) => (changeHref ? { href: changeHref, what } : {});
  const rows: { key: string; value: string; href?: string; what?: string }[] = [
    { key: 'Connected person’s household', value: `${a.householdName} (${a.householdReference})` },
    { key: 'Child', value: `${a.childName} (${a.childReference})` },
    { key: 'Approved on', value: formatDate(a.approvedOn), ...change('the date of the temporary approval') },
    { key: 'Approved by (nominated officer)', value: a.approvedBy, ...change('the nominated officer who approved it') },
    { key: 'Last day of the 16 weeks', value: formatDate(a.expiresOn) },
  ];
  if (a.recordedByName) rows.push({ key: 'Recorded by', value: a.recordedByName });
  if (a.extendedOn) {
    const reason = extensionReasonNames[a.extensionReason as ExtensionReason] ?? 'Extended';
    rows.push(
      { key: 'Extended on', value: `${formatDate(a.extendedOn)}, by ${a.extendedBy ?? 'the nominated officer'}` },
      { key: 'Why it was extended', value: reason },
      {
        key: 'Extended to',
        value: a.extendedUntil ? formatDate(a.extendedUntil) : 'The outcome of the independent review',
      },
      {
        key: 'Fostering panel’s views sought',
        value: a.panelViewsSoughtOn ? formatDate(a.panelViewsSoughtOn) : 'Not recorded',
      },
      { key: 'Independent reviewing officer told', value: a.iroInformed ? 'Yes' : 'Not recorded' },
    );
  }
  if (a.fullyApprovedOn) rows.push({ key: 'Approved as foster carers', value: formatDate(a.fullyApprovedOn) });
  if (a.endedOn) {
    rows.push(
      { key: 'Ended on', value: formatDate(a.endedOn) },
      { key: 'Why it ended', value: isEndReason(a.endReason) ? endReasonNames[a.endReason] : 'Not recorded' },
    );
    if (a.endNote) rows.push({ key: 'Note', value: a.endNote });
    if (a.endedByName) rows.push({ key: 'Ended by', value: a.endedByName });
  }
  return rows;
}
