/**
 * Wraps every table of a page (not tables nested in another table) in a container that scrolls
 * sideways on its own, so a wide table never makes the whole page wider than a phone's screen.
 * The container is a named region that takes keyboard focus, so it can be scrolled without a
 * pointer (WCAG 2.1.1); it is named after the table's caption.
 */
const TAG = /<table\b[^>]*>|<\/table>/gi;

function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function captionOf(html: string, from: number, to: number): string {
  const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(html.slice(from, to));
  const text = caption ? plain(caption[1]!) : '';
  return (text || 'Table').replace(/"/g, '&quot;');
}

export function wrapTables(html: string): string {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  let openedAt = 0;
  for (const match of html.matchAll(TAG)) {
    const closing = match[0].startsWith('</');
    if (!closing && depth++ === 0) {
      out.push(html.slice(last, match.index));
      last = match.index;
      openedAt = match.index;
    } else if (closing && depth > 0 && --depth === 0) {
      const end = match.index + match[0].length;
      const label = captionOf(html, openedAt, end);
      out.push(`<div class="app-table-scroll" role="region" aria-label="${label}" tabindex="0">`);
      out.push(html.slice(openedAt, end), '</div>');
      last = end;
    }
  }
  if (depth !== 0) return html; // unbalanced: leave the page as it is
  out.push(html.slice(last));
  return out.join('');
}
