/**
 * The body rows of the first table after `marker` in a page, one line of text per row (tags
 * removed, white space folded): what a reader of the table sees, in order.
 */
export function tableRowsAfter(body: string, marker: string): string[] {
  const at = body.indexOf(marker);
  const table = at < 0 ? '' : body.slice(at + marker.length).split('</table>')[0]!;
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].slice(1).map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
