import { z } from 'zod';
import { pageNumber } from '../../platform/views/params.ts';

/** How far ahead My work looks, in days (overdue items are always shown). */
export const horizons = { '7': 'The next 7 days', '28': 'The next 4 weeks', '91': 'The next 3 months' } as const;
export type Horizon = keyof typeof horizons;
export const DEFAULT_HORIZON: Horizon = '28';

/** The deadline states a list can be narrowed to. */
export const statuses = { overdue: 'Overdue', soon: 'Due in the next 7 days' } as const;
export type DueStatus = keyof typeof statuses;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The filters of the My work list, from the query string. Anything unexpected is ignored (the
 * list is shown unfiltered) rather than refused: these are links and a GET form.
 */
export const myWorkQuery = z.object({
  rule: optional(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/)),
  /** A team id, or 'none' for items belonging to no team. */
  team: optional(z.union([z.literal('none'), z.uuid()])),
  status: optional(z.enum(['overdue', 'soon'])),
  /** A caseworker's own caseload (the default) or their whole team's households. */
  whose: z.enum(['mine', 'team']).catch('mine').default('mine'),
  within: z.enum(['7', '28', '91']).catch(DEFAULT_HORIZON).default(DEFAULT_HORIZON),
  page: pageNumber,
  changed: optional(z.literal('password')),
});
export type MyWorkQuery = z.infer<typeof myWorkQuery>;
