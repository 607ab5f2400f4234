/** The independence checklist in words: its dates, where it has got to, and each skill area. */
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  cameIntoCareAfter15AndAHalf,
  completeDueOn,
  completionWays,
  SKILL_AREA_COUNT,
  skillAreas,
  startDueOn,
} from './labels.ts';
import type { AreaRow } from './queries.ts';

/** What a checklist is, for its status: its dates and how many areas are done (none when not started). */
export interface ChecklistState {
  startedOn: IsoDate;
  completedOn: IsoDate | null;
  completedHow: string | null;
  areasDone: number;
}

/** The young person's dates the checklist's are counted from. */
export interface YoungPersonDates {
  dateOfBirth: IsoDate;
  lookedAfterSince: IsoDate;
}

/**
 * Where the young person's checklist has got to, in words: started or when it was due to start
 * (15½, or their first review when they came into care after 15½), the areas done ("2 of 8"), completed or when it is due to be (17½), and whether either is
 * overdue (only while the young person is in care).
 */
export function checklistStatus(
  { dateOfBirth, lookedAfterSince }: YoungPersonDates,
  checklist: ChecklistState | null,
  inCare: boolean,
  today: IsoDate,
) {
  const startDue = startDueOn(dateOfBirth, lookedAfterSince);
  const cameLate = cameIntoCareAfter15AndAHalf(dateOfBirth, lookedAfterSince);
  const completeDue = completeDueOn(dateOfBirth);
  const completed = checklist?.completedOn ?? null;
  const areasDone = checklist?.areasDone ?? 0;
  return {
    started: checklist !== null,
    startedOn: checklist ? formatDate(checklist.startedOn) : null,
    startDueOn: formatDate(startDue),
    /** Why it is due then, in a few words: "15½", or the first review after coming into care. */
    startDueWhen: cameLate ? `first review after coming into care on ${formatDate(lookedAfterSince)}` : '15½',
    startOverdue: checklist === null && inCare && compareIsoDates(today, startDue) > 0,
    startedLate: checklist !== null && compareIsoDates(checklist.startedOn, startDue) > 0,
    areasDone,
    areasTotal: SKILL_AREA_COUNT,
    areasText: `${areasDone} of ${SKILL_AREA_COUNT}`,
    completeDueOn: formatDate(completeDue),
    completedOn: completed ? formatDate(completed) : null,
    completedHowText: checklist?.completedHow
      ? ((completionWays as Record<string, string>)[checklist.completedHow] ?? null)
      : null,
    completeOverdue: checklist !== null && completed === null && inCare && compareIsoDates(today, completeDue) > 0,
  };
}

/** Every skill area in the checklist's order, done or not, with the day and who confirmed it. */
export function areaRows(areas: readonly AreaRow[]) {
  const byKey = new Map(areas.map((a) => [a.area, a]));
  return skillAreas.map((area) => {
    const done = byKey.get(area.key);
    return {
      key: area.key,
      name: area.name,
      hint: area.hint,
      done: Boolean(done),
      doneOn: done ? formatDate(done.doneOn) : null,
      confirmedBy: done?.confirmedBy ?? null,
      recordedBy: done?.recordedByName ?? null,
    };
  });
}

/** How many of the fixed areas are done (a key no longer in the list is not counted). */
export function areasDoneCount(areas: readonly AreaRow[]): number {
  const keys = new Set<string>(skillAreas.map((a) => a.key));
  return areas.filter((a) => keys.has(a.area)).length;
}
