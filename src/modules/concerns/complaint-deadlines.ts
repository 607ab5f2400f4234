/**
 * The deadlines of each complaint stage, in working days (Children Act 1989 Representations
 * Procedure (England) Regulations 2006): stage 1 responded to within 10 (extended, 20); stage 2
 * within 25 (extended, 65); stage 3 a review panel within 30, its report within 5 of the panel and
 * the response within 15 of the report. Worked out when a stage is written and kept on its row.
 */
import { addWorkingDays, type IsoDate } from '../../platform/dates/index.ts';
import { COMPLAINT_TIMESCALES } from './settings.ts';

export interface StageDeadlines {
  panelBy: IsoDate | null;
  reportBy: IsoDate | null;
  respondBy: IsoDate;
}

/**
 * A stage's deadlines from the day it was received: stages 1 and 2 to their (extended) response;
 * stage 3 from the day the panel met and the report was sent when known, else as they are due.
 */
export function stageDeadlines(
  stage: number,
  receivedOn: IsoDate,
  options: { extended?: boolean; panelOn?: IsoDate | null; reportOn?: IsoDate | null } = {},
): StageDeadlines {
  if (stage === 1 || stage === 2) {
    const t = COMPLAINT_TIMESCALES[stage];
    return {
      panelBy: null,
      reportBy: null,
      respondBy: addWorkingDays(receivedOn, options.extended ? t.extendedDays : t.days),
    };
  }
  const t = COMPLAINT_TIMESCALES[3];
  const panelBy = addWorkingDays(receivedOn, t.panelDays);
  const reportBy = addWorkingDays(options.panelOn ?? panelBy, t.reportDays);
  const respondBy = addWorkingDays(options.reportOn ?? reportBy, t.responseDays);
  return { panelBy, reportBy, respondBy };
}

/** A new complaint's first stage, received the day the complaint was. */
export function firstComplaintStage(concernId: string, receivedOn: IsoDate, recordedBy: string) {
  return { concernId, stage: 1, receivedOn, recordedBy, ...stageDeadlines(1, receivedOn) };
}

/** The timescale of a stage, in words, for its page. */
export function timescaleText(stage: number, extended: boolean): string {
  if (stage === 1 || stage === 2) {
    const t = COMPLAINT_TIMESCALES[stage];
    return extended
      ? `${t.extendedDays} working days (extended from ${t.days})`
      : `${t.days} working days (can be extended to ${t.extendedDays})`;
  }
  const t = COMPLAINT_TIMESCALES[3];
  return `panel within ${t.panelDays} working days, its report within ${t.reportDays}, the response within ${t.responseDays} of the report`;
}
