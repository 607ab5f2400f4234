import { z } from 'zod';

/**
 * Ids, page numbers and counts read from a path or query string. Every route reads them through
 * these, so a value the database would refuse (a huge page, a negative count, a malformed id)
 * becomes the default or a "page not found", never a server error.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or query value can be a record id (anything else would make PostgreSQL raise an error). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A record id in a query string; anything else is as if it were not there. */
export const queryId = z.string().regex(UUID).optional().catch(undefined);

/** The highest page number a list accepts: past its last page a list shows its last page or none. */
export const MAX_PAGE = 100_000;

/**
 * A whole number from a query string within [min, max]; anything else (missing, huge, negative,
 * fractional, not a number, given twice) is the fallback.
 */
export function boundedInt(min: number, max: number, fallback: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max).catch(fallback),
  ) as z.ZodType<number, unknown>;
}

/** A list's page number: 1 unless a whole number from 1 to MAX_PAGE is given. */
export const pageNumber = boundedInt(1, MAX_PAGE, 1);

/** The page number in a query string (see pageNumber). */
export function pageFrom(value: unknown): number {
  return pageNumber.parse(value);
}
