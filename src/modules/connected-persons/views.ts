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

/**
 * The rows of an approval's page, in order; with `changes`, the day and the officer with a Change link
 * to `approval`, the extension's with one to `extension`.
 */
export function approvalRows(a: ApprovalRow, changes: { approval: string; extension: string } | null = null) {
  const link = (href: string | undefined, what: string) => (href ? { href, what } : {});
  const change = (what: string) => link(changes?.approval, what);
  const changeExtension = (what: string) => link(changes?.extension, what);
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
      {
        key: 'Extended on',
        value: `${formatDate(a.extendedOn)}, by ${a.extendedBy ?? 'the nominated officer'}`,
        ...changeExtension('the date of the extension and the nominated officer'),
      },
      { key: 'Why it was extended', value: reason, ...changeExtension('why it was extended') },
      {
        key: 'Extended to',
        value: a.extendedUntil ? formatDate(a.extendedUntil) : 'The outcome of the independent review',
        ...changeExtension('the new last day'),
      },
      {
        key: 'Fostering panel’s views sought',
        value: a.panelViewsSoughtOn ? formatDate(a.panelViewsSoughtOn) : 'Not recorded',
        ...changeExtension('the date the fostering panel’s views were sought'),
      },
      {
        key: 'Independent reviewing officer told',
        value: a.iroInformed ? 'Yes' : 'Not recorded',
        ...changeExtension('whether the independent reviewing officer was told'),
      },
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
