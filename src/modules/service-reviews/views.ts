/** The six-monthly reviews in words: a review's state in the list and on its page, and its figures as tables. */
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatCount, formatDate, formatDateTime } from '../../platform/views/format.ts';
import type { FigureSection, Figures } from './figure-parts.ts';
import { actionName, reviewKind } from './kinds.ts';
import { serviceReviewPath } from './paths.ts';
import { halfYearWords, reviewDueOn } from './periods.ts';
import type { ListRow, SavedReview } from './queries.ts';

/** An amount in pence, as "£123.45". */
const pounds = (pence: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);

/** A review's tag: overdue, due by a day, or completed (late, when after its due date). */
export function stateTag(dueOn: IsoDate, completedOn: IsoDate | null, today: IsoDate) {
  if (completedOn) {
    return compareIsoDates(completedOn, dueOn) > 0
      ? { text: 'Completed late', classes: 'govuk-tag--orange' }
      : { text: 'Completed', classes: 'govuk-tag--green' };
  }
  return compareIsoDates(dueOn, today) < 0
    ? { text: 'Overdue', classes: 'govuk-tag--red' }
    : { text: 'Due', classes: 'govuk-tag--yellow' };
}

/** A row of the list, in words. */
export function listRowView(row: ListRow, today: IsoDate) {
  const kind = reviewKind(row.kind);
  return {
    title: kind.title,
    area: row.areaName ?? 'Whole service',
    action: actionName(kind),
    halfYear: halfYearWords(row.periodStart),
    dueOn: formatDate(row.dueOn),
    tag: stateTag(row.dueOn, row.completedOn, today),
    started: row.started && !row.completedOn,
    completed: row.completedOn
      ? `${formatDate(row.completedOn)}${row.completedByName ? ` by ${row.completedByName}` : ''}`
      : null,
    href: serviceReviewPath(row.kind, row.periodStart, row.areaId),
  };
}

/** A table of figures for the page: its headings and rows, the values written out. */
function sectionView(section: FigureSection) {
  const value = (v: number | null) =>
    v === null ? 'Not recorded' : section.as === 'pence' ? pounds(v) : formatCount(v);
  return {
    title: section.title,
    note: section.note,
    empty: section.rows.length ? null : (section.empty ?? 'Nothing to count.'),
    head: [{ text: 'What was counted' }, ...section.columns.map((c) => ({ text: c, format: 'numeric' }))],
    rows: section.rows.map((r) => [{ text: r.label }, ...r.values.map((v) => ({ text: value(v), format: 'numeric' }))]),
  };
}

export const figuresView = (figures: Figures) => figures.sections.map(sectionView);

/** Where the review stands, for its page: due by, and completed (by whom, when) or not yet. */
export function reviewStatus(periodStart: IsoDate, saved: SavedReview | null, today: IsoDate) {
  const dueOn = reviewDueOn(periodStart);
  const completedOn = saved?.completedOn ?? null;
  return {
    dueOn: formatDate(dueOn),
    tag: stateTag(dueOn, completedOn, today),
    completed: completedOn
      ? `${formatDateTime(saved!.completedAt)}${saved!.completedByName ? ` by ${saved!.completedByName}` : ''}`
      : null,
    lastSaved:
      saved && !completedOn
        ? `${formatDateTime(saved.updatedAt)}${saved.updatedByName ? ` by ${saved.updatedByName}` : ''}`
        : null,
    sharedOn: saved?.sharedOn ? formatDate(saved.sharedOn) : null,
  };
}
