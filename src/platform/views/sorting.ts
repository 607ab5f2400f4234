/** Sort direction of a server-sorted list. */
export type SortDir = 'asc' | 'desc';

/**
 * The header links of a server-sorted table: each column's link (which flips direction when it
 * is the current sort) and its aria-sort value, for the GOV.UK table's sortable headers.
 */
export function sortColumns<K extends string>(
  keys: readonly K[],
  current: { sort: K; dir: SortDir },
  hrefFor: (change: { sort: K; dir: SortDir }) => string,
): Record<K, { href: string; ariaSort: 'ascending' | 'descending' | 'none' }> {
  return Object.fromEntries(
    keys.map((key) => {
      const isCurrent = current.sort === key;
      const dir: SortDir = isCurrent && current.dir === 'asc' ? 'desc' : 'asc';
      const ariaSort = isCurrent ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none';
      return [key, { href: hrefFor({ sort: key, dir }), ariaSort }];
    }),
  ) as Record<K, { href: string; ariaSort: 'ascending' | 'descending' | 'none' }>;
}
