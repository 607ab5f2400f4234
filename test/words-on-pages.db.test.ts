/**
 * What a person reads on a page is the service's words (issue 10 and the brief's standards): dates as
 * "26 October 2026", never "2026-10-26"; no record ids, route templates or programming words
 * ("undefined", "NaN", "[object Object]"); and every link on a page leads to a page the reader may
 * open. Signs in as each demo user on the small demo, opens their home and follows the links on each
 * page breadth first, opening one page of each kind (the same path with other ids), so every area
 * and its records are reached without reading the whole demo. Only what a reader sees is checked:
 * the text between tags (the title included), not attribute values (a date input's value, a link's
 * address).
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from './support/app.ts';

const t = testAppForFile();

const USERS = [
  'head',
  'director',
  'servicemanager',
  'manager',
  'ssw',
  'ssw2',
  'assessor',
  'cicsw',
  'lado',
  'reviewer',
  'panel',
  'adviser',
  'decider',
  'training',
  'recruitment',
  'payments',
  'carer',
  'admin',
];
/** A bound on the pages opened per person, well above the kinds any one person has (the head about 250). */
const MOST_PAGES = 600;
/** Files, downloads and signing out are not pages to read. */
const NOT_A_PAGE = /sign-out|\/assets\/|\.(pdf|docx|xlsx|csv|png|jpe?g)\b|\/photo\b|\/download|\/export|format=/;
const NOT_WORDS: [string, RegExp][] = [
  ['a date written 2026-10-26', /\b20\d\d-\d\d-\d\d\b/],
  ['a time written T10:30:00', /T\d\d:\d\d:\d\d/],
  ['a record id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/],
  ['a route template', /\/:[a-z]+\b/i],
  ['a programming word', /\bundefined\b|\bNaN\b|\[object \w+\]|Invalid Date|\bnull\b/],
];
/** The head of fostering's pages count the whole service: a page can take seconds on a busy machine. */
const CRAWL_TIMEOUT_MS = 240_000;

/**
 * What a reader sees: the text between tags (the title included), without scripts or styles, and
 * without the audit trail's technical detail (route and request id) that only administrators see.
 */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<dl class="govuk-body-s app-mono">[\s\S]*?<\/dl>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z0-9#]+;/gi, ' ')
    .replace(/\s+/g, ' ');
}

/** Opens one page of each kind breadth first from the person's home; returns what is wrong, with its page. */
async function pagesSeenBy(agent: Agent): Promise<{ opened: number; wrong: string[] }> {
  const queue: { path: string; from: string }[] = [{ path: '/', from: 'signing in' }];
  const seen = new Set<string>();
  const kinds = new Set<string>();
  const wrong: string[] = [];
  let opened = 0;
  while (queue.length > 0 && opened < MOST_PAGES) {
    const { path, from } = queue.shift()!;
    const kind = path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    if (seen.has(path) || kinds.has(kind)) continue;
    seen.add(path);
    kinds.add(kind);
    const response = await agent.get(path);
    opened += 1;
    if (response.statusCode === 404 || response.statusCode >= 500) {
      wrong.push(`${path} (linked from ${from}) answered ${response.statusCode}`);
    }
    const location = response.headers.location;
    if (typeof location === 'string' && location.startsWith('/')) queue.push({ path: location, from: path });
    if (!String(response.headers['content-type'] ?? '').includes('text/html')) continue;
    const text = visibleText(response.body);
    for (const [what, pattern] of NOT_WORDS) {
      const match = pattern.exec(text);
      if (match)
        wrong.push(`${path} shows ${what}: …${text.slice(Math.max(0, match.index - 60), match.index + 30).trim()}`);
    }
    for (const [, href] of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = href!.replace(/&amp;/g, '&');
      if (!NOT_A_PAGE.test(next) && !seen.has(next)) queue.push({ path: next, from: path });
    }
  }
  return { opened, wrong };
}

describe('the pages each person opens', () => {
  it.each(USERS)(
    'are in words, and their links open, for %s',
    async (username) => {
      const agent = await signedIn(t.app, username);
      const { opened, wrong } = await pagesSeenBy(agent);
      expect(opened, 'pages opened').toBeGreaterThan(5);
      expect(wrong).toEqual([]);
    },
    CRAWL_TIMEOUT_MS,
  );
});
