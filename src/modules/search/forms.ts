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
