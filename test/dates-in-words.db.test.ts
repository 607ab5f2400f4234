/**
 * Dates a person reads are written "26 October 2026", never "2026-10-26" (issue 10). Signs in as
 * each role on the small demo, opens their home and follows the links on each page (a few pages of
 * each kind, so every area and its records are reached without reading the whole demo), and looks
 * for an ISO date in what a reader sees: the page's text and its title, not attribute values
 * (a date input's value, a link's address).
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from './support/app.ts';

const t = testAppForFile();

const ROLES = ['head', 'ssw', 'manager', 'reviewer', 'training', 'lado', 'adviser', 'cicsw', 'carer'];
/** Pages opened per person, and of each kind (the same path with other ids). */
const PAGES = 60;
const OF_A_KIND = 2;
/** Files, downloads and signing out are not pages to read. */
const NOT_A_PAGE = /sign-out|\/assets\/|\.(pdf|docx|xlsx|csv|png|jpe?g)\b|\/photo\b|\/download|\/export|format=/;
const ISO_DATE = /\b20\d\d-\d\d-\d\d\b/;
/** The head of fostering's pages count the whole service: a page can take seconds on a busy machine. */
const CRAWL_TIMEOUT_MS = 120_000;

/** What a reader sees: the text between tags (the title included), without scripts or styles. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z0-9#]+;/gi, ' ')
    .replace(/\s+/g, ' ');
}

/** Opens pages breadth first from the person's home; returns each ISO date found, with its page. */
async function isoDatesSeenBy(agent: Agent): Promise<{ opened: number; found: string[] }> {
  const queue = ['/'];
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  const found: string[] = [];
  let opened = 0;
  while (queue.length > 0 && opened < PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const kind = path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (kinds.get(kind)! > OF_A_KIND) continue;
    const response = await agent.get(path);
    opened += 1;
    const location = response.headers.location;
    if (typeof location === 'string' && location.startsWith('/')) queue.push(location);
    if (!String(response.headers['content-type'] ?? '').includes('text/html')) continue;
    const text = visibleText(response.body);
    const match = ISO_DATE.exec(text);
    if (match) found.push(`${path}: …${text.slice(Math.max(0, match.index - 60), match.index + 10).trim()}`);
    for (const [, href] of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = href!.replace(/&amp;/g, '&');
      if (!NOT_A_PAGE.test(next) && !seen.has(next)) queue.push(next);
    }
  }
  return { opened, found };
}

describe('dates on pages', () => {
  it.each(ROLES)(
    'are written in words on the pages %s opens',
    async (username) => {
      const agent = await signedIn(t.app, username);
      const { opened, found } = await isoDatesSeenBy(agent);
      expect(opened, 'pages opened').toBeGreaterThan(5);
      expect(found).toEqual([]);
    },
    CRAWL_TIMEOUT_MS,
  );
});
