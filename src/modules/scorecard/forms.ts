import { z } from 'zod';
import { currentMonth, isMonth } from '../../platform/measures/index.ts';
import { pageNumber, queryId } from '../../platform/views/params.ts';

/** The scorecard's filters. Anything unreadable falls back to the default (this month, the whole service). */
export const scorecardQuery = z.object({
  month: z.string().optional().catch(undefined),
  area: queryId,
  team: queryId,
  list: z.enum(['met', 'missed']).optional().catch(undefined),
  page: pageNumber,
});

export interface ScorecardFilters {
  month: string;
  area?: string;
  team?: string;
  list: 'met' | 'missed';
  page: number;
}

/** This month when none (or a future month) is asked for. */
export function filtersFrom(query: unknown, today?: string): ScorecardFilters {
  const q = scorecardQuery.parse(query ?? {});
  const now = currentMonth(today);
  const month = q.month && isMonth(q.month) && q.month <= now && q.month >= '2000-01' ? q.month : now;
  return { month, area: q.area, team: q.team, list: q.list ?? 'met', page: q.page ?? 1 };
}
