/** The panel's working-day dates. */
import { addDays, isWorkingDay, type IsoDate } from '../../platform/dates/index.ts';
import { workingDaysAfter } from '../../platform/due/index.ts';

/** Papers reach members 5 working days before the meeting. */
export const PAPERS_WORKING_DAYS = 5;
/** The decision within 7 working days of receiving the recommendation and minutes. */
export const DECISION_WORKING_DAYS = 7;
/** The applicant told within 2 working days, in writing within 5. */
export const TOLD_WORKING_DAYS = 2;
export const LETTER_WORKING_DAYS = 5;
/** Representations to the agency or an application to the Independent Review Mechanism within 28 days. */
export const REPRESENTATION_DAYS = 28;

/** The working day `days` working days before `date` (the meeting day itself is not counted). */
export function workingDaysBefore(date: IsoDate, days: number): IsoDate {
  let day = date;
  for (let counted = 0; counted < days;) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

export const papersDueFor = (meetsOn: IsoDate) => workingDaysBefore(meetsOn, PAPERS_WORKING_DAYS);
export const decisionDueFor = (receivedOn: IsoDate) => workingDaysAfter(receivedOn, DECISION_WORKING_DAYS);
export const toldDueFor = (decidedOn: IsoDate) => workingDaysAfter(decidedOn, TOLD_WORKING_DAYS);
export const letterDueFor = (decidedOn: IsoDate) => workingDaysAfter(decidedOn, LETTER_WORKING_DAYS);
/** The last day for representations or the IRM: 28 days from the written notice (or the decision, until sent). */
export const representationsBy = (from: IsoDate) => addDays(from, REPRESENTATION_DAYS);
