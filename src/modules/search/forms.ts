import { z } from 'zod';

/** What may be typed in the search box: a name (or part of one), or a reference. */
export const searchForm = z.object({
  q: z
    .string({ error: 'Enter a name or a reference to search for' })
    .transform((q) => q.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(2, 'Enter at least 2 letters of a name, or a reference such as H-000123')
        .max(100, 'Search for 100 characters or fewer'),
    ),
});

/**
 * A household (H-000123) or child (C-000123) reference, in any case, with or without the hyphen
 * and the leading zeros: the forms the reference could be stored in.
 */
export function referenceIn(q: string): { kind: 'household' | 'child'; references: string[] } | null {
  const match = /^([hc])-?(\d{1,12})$/i.exec(q.trim());
  if (!match) return null;
  const letter = match[1]!.toUpperCase();
  const digits = match[2]!;
  const references = [...new Set([`${letter}-${digits}`, `${letter}-${digits.padStart(6, '0')}`])];
  return { kind: letter === 'H' ? 'household' : 'child', references };
}
