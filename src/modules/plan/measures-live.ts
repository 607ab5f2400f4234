import type { DbOrTx } from '../../platform/db/client.ts';
import {
  countMeasure,
  currentMonth,
  findMeasure,
  formatValue,
  periodOf,
  ragOf,
  ragText,
  targetOf,
  type Rag,
} from '../../platform/measures/index.ts';
import type { IsoDate } from '../../platform/dates/index.ts';

/** A linked measure as shown beside an action: its live value when the scorecard knows it. */
export interface LinkedMeasure {
  id: string;
  href: string;
  title: string;
  /** False for a measure not (yet) registered with the scorecard: shown as a link only. */
  live: boolean;
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
};

/**
 * The current month's whole-service figure for each linked measure, counted live by the
 * scorecard engine (platform/measures). Each measure is counted once however many actions link it.
 */
export async function linkedMeasures(
  db: DbOrTx,
  ids: readonly string[],
  today: IsoDate,
): Promise<Map<string, LinkedMeasure>> {
  const period = periodOf(currentMonth(today), today);
  const result = new Map<string, LinkedMeasure>();
  for (const id of new Set(ids)) {
    const measure = findMeasure(id);
    const href = `/scorecard/${encodeURIComponent(id)}`;
    if (!measure) {
      result.set(id, { id, href, title: id, live: false });
      continue;
    }
    const { figures } = await countMeasure(db, measure, period);
    const value = figures[0]?.value ?? null;
    const target = targetOf(measure, period);
    const rag = ragOf(measure, value, target);
    result.set(id, {
      id,
      href,
      title: measure.title,
      live: true,
      value: formatValue(measure, value),
      target: formatValue(measure, target),
      rag,
      ragText: ragText[rag],
      ragClasses: tagClasses[rag],
    });
  }
  return result;
}
