import type { DbOrTx } from '../../platform/db/client.ts';
import {
  currentMonth,
  figuresByMonth,
  findMeasure,
  formatValue,
  monthName,
  periodOf,
  ragOf,
  ragText,
  targetOf,
  type Measure,
  type Rag,
} from '../../platform/measures/index.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { measurePath } from '../scorecard/paths.ts';

/** A linked measure as shown beside an action: its live value when the scorecard knows it. */
export interface LinkedMeasure {
  id: string;
  href: string;
  title: string;
  /** False for a measure not (yet) registered with the scorecard: shown as a link only. */
  live: boolean;
  /** The month the figure is for, "November 2026". */
  monthName?: string;
  value?: string;
  target?: string;
  rag?: Rag;
  ragText?: string;
  ragClasses?: string;
}

const tagClasses: Record<Rag, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  none: 'govuk-tag--grey',
  unrated: 'govuk-tag--grey',
};

/**
 * The current month's whole-service figure for each linked measure, as the scorecard holds it (its
 * provisional count, kept at most a few minutes old in the background): one read of the stored figures.
 */
export async function linkedMeasures(
  db: DbOrTx,
  ids: readonly string[],
  today: IsoDate,
): Promise<Map<string, LinkedMeasure>> {
  const month = currentMonth(today);
  const period = periodOf(month, today);
  const unique = [...new Set(ids)];
  const registered = unique.map((id) => findMeasure(id)).filter((m): m is Measure => m !== undefined);
  const figures = await figuresByMonth(db, registered, [month], today);
  const result = new Map<string, LinkedMeasure>();
  for (const id of unique) {
    const measure = findMeasure(id);
    const href = measurePath(encodeURIComponent(id));
    if (!measure) {
      result.set(id, { id, href, title: id, live: false });
      continue;
    }
    const service = figures
      .get(id)
      ?.get(month)
      ?.figures.find((f) => f.scopeKind === 'service');
    const value = service?.value ?? null;
    const target = targetOf(measure, period);
    const rag = ragOf(measure, value, target);
    result.set(id, {
      id,
      href,
      title: measure.title,
      live: true,
      monthName: monthName(month),
      value: formatValue(measure, value),
      target: target === null ? 'none' : formatValue(measure, target),
      rag,
      ragText: ragText[rag],
      ragClasses: tagClasses[rag],
    });
  }
  return result;
}
