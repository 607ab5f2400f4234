/**
 * GOV.UK pagination for a list page, keeping the other query parameters. `param` names the page
 * number in the query string: a page with two paged lists gives each its own.
 */
export function pagination(url: string, page: number, pageSize: number, total: number, param = 'page') {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = new URL(url, 'http://hearth.local');
  const href = (p: number) => {
    base.searchParams.set(param, String(p));
    return `${base.pathname}?${base.searchParams.toString()}`;
  };
  const window = [1, page - 1, page, page + 1, pages]
    .filter((p, i, all) => p >= 1 && p <= pages && all.indexOf(p) === i)
    .sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  window.forEach((p, i) => {
    const prev = window[i - 1];
    if (prev !== undefined && p - prev > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: href(p), current: p === page });
  });
  return {
    page,
    pages,
    total,
    from: total === 0 ? 0 : (page - 1) * pageSize + 1,
    to: Math.min(total, page * pageSize),
    govuk:
      pages > 1
        ? {
            items,
            previous: page > 1 ? { href: href(page - 1) } : undefined,
            next: page < pages ? { href: href(page + 1) } : undefined,
          }
        : null,
  };
}
