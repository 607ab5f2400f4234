/** View-model builders: a household's safer-care plan in words, for its page and the household's page. */
import { differenceInDays, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { choicesOf } from '../../platform/views/fields.ts';
import { planAreaNames, planAreas, planReasonName, planReasons, planReasonNames } from './labels.ts';
import { memberRelationshipNames } from '../households/labels.ts';
import { placementTypes } from '../placements/labels.ts';
import type { HouseholdChange, PlanRow } from './queries.ts';
import { dueAgainOf } from './service.ts';

const areaName = (area: string) => (planAreaNames as Record<string, string>)[area] ?? area;

/**
 * Where the plan in force stands: due again soon, overdue, or in date. A household that owes no
 * review now (its approval on hold, ended or not yet given) is never told it is overdue or due soon,
 * as My work does not list it: a date passed is said as such.
 */
export function reviewTag(reviewBy: IsoDate, today: IsoDate, owed = true) {
  if (reviewBy < today) {
    return owed ? { text: 'Overdue', classes: 'govuk-tag--red' } : { text: 'Date passed', classes: 'govuk-tag--grey' };
  }
  if (owed && differenceInDays(reviewBy, today) <= 42) return { text: 'Due soon', classes: 'govuk-tag--yellow' };
  return { text: 'In date', classes: 'govuk-tag--green' };
}

/** A version in words. */
export function planView(p: PlanRow) {
  return {
    id: p.id,
    agreedOn: formatDate(p.agreedOn),
    reviewBy: formatDate(p.reviewBy),
    reason: planReasonName(p.reason),
    covers: p.covers.map(areaName),
    summary: p.summary,
    copyGivenOn: p.copyGivenOn ? formatDate(p.copyGivenOn) : null,
    recordedBy: p.recordedByName,
  };
}

/**
 * The plan in force: when it was agreed and when it is due again, 12 months on or sooner when the
 * household changed since (`changedOn`, by default the row's own; `owed`: the household is
 * approved, so the deadline runs).
 */
export function currentPlanView(p: PlanRow, today: IsoDate, owed = true, changedOn = p.firstChangeOn) {
  const due = dueAgainOf(p.reviewBy, changedOn);
  return {
    ...planView(p),
    reviewBy: formatDate(due.on),
    dueBecause: due.changedOn ? `Sooner than a year: the household changed on ${formatDate(due.changedOn)}` : null,
    tag: reviewTag(due.on, today, owed),
  };
}

/** The form's choices, ticked or selected as the values say. */
export function planChoices(values: Record<string, unknown>) {
  const ticked = [values.covers ?? []].flat();
  return {
    reasons: choicesOf(planReasons, planReasonNames).map((c) => ({ ...c, checked: values.reason === c.value })),
    areas: choicesOf(planAreas, planAreaNames).map((c) => ({ ...c, checked: ticked.includes(c.value) })),
  };
}

/** What changed since the plan was agreed, in words: "3 March 2026: a child placed (short-term)". */
export function changeView(change: HouseholdChange): string {
  const when = formatDate(change.on);
  if (change.kind === 'placed') {
    const type = (placementTypes as Record<string, string>)[change.detail];
    return `${when}: a child placed${type ? ` (${type.toLowerCase()})` : ''}`;
  }
  const relationship =
    change.detail === 'carer' ? 'carer' : (memberRelationshipNames as Record<string, string>)[change.detail];
  const who = `${change.name}${relationship ? ` (${relationship.toLowerCase()})` : ''}`;
  return change.kind === 'left'
    ? `${when}: ${who} left the household`
    : `${when}: ${who} came to live in the household`;
}
