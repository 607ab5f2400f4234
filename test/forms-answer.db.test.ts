/**
 * Bad input gets a clear message and loses nothing the user typed; nothing crashes the server (the
 * brief's standards). Signs in as demo users on the small demo, opens one page of each kind as
 * words-on-pages.db.test.ts does, and submits each kind of form it finds, once: with its hidden
 * fields and the CSRF token, every text box and text area filled with the same words, and nothing
 * else chosen (no radio, box, date or file). A form refused answers 400 with the GOV.UK error summary
 * and gives back the words typed; no form answers a server error or "not found". Forms that sign
 * out, change passwords or sessions, or upload files are left to their own tests.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from './support/app.ts';

const t = testAppForFile();

/** The head of fostering reaches most forms; the others hold forms only they are offered. */
const USERS = ['head', 'cicsw', 'training', 'lado', 'carer'];
const NOT_A_PAGE = /sign-out|\/assets\/|\.(pdf|docx|xlsx|csv|png|jpe?g)\b|\/photo\b|\/download|\/export|format=/;
const NOT_TRIED = /sign-out|second-factor|password|\/account|\/admin\//;
const TYPED = 'Words typed by the tester';
const TIMEOUT_MS = 300_000;

interface Form {
  action: string;
  hidden: [string, string][];
  textBoxes: string[];
  upload: boolean;
}

/** The forms that post, with their hidden fields and text boxes (a date's day, month and year are not text). */
function formsOn(html: string, page: string): Form[] {
  const found: Form[] = [];
  for (const [, attributes, body] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attributes!)) continue;
    const action = (/action="([^"]*)"/.exec(attributes!)?.[1] ?? page).replace(/&amp;/g, '&');
    if (!action.startsWith('/')) continue;
    const hidden: [string, string][] = [];
    const textBoxes: string[] = [];
    for (const [tag] of body!.matchAll(/<(?:input|textarea)\b[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (!name || name === '_csrf') continue;
      if (/type="hidden"/.test(tag)) hidden.push([name, /value="([^"]*)"/.exec(tag)?.[1] ?? '']);
      else if (
        !/type="(radio|checkbox|file|submit|number|email|tel|date|password)"/.test(tag) &&
        !/-(day|month|year)$/.test(name)
      ) {
        textBoxes.push(name);
      }
    }
    found.push({ action, hidden, textBoxes, upload: /type="file"/.test(body!) });
  }
  return found;
}

const kindOf = (path: string) => path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');

/** Opens one page of each kind and submits each kind of form once; returns what went wrong. */
async function formsTriedBy(agent: Agent): Promise<{ tried: number; wrong: string[] }> {
  const queue = ['/'];
  const seen = new Set<string>();
  const pageKinds = new Set<string>();
  const formKinds = new Set<string>();
  const wrong: string[] = [];
  let tried = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path) || pageKinds.has(kindOf(path))) continue;
    seen.add(path);
    pageKinds.add(kindOf(path));
    const page = await agent.get(path);
    const location = page.headers.location;
    if (typeof location === 'string' && location.startsWith('/')) queue.push(location);
    if (!String(page.headers['content-type'] ?? '').includes('text/html')) continue;
    for (const [, href] of page.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = href!.replace(/&amp;/g, '&');
      if (!NOT_A_PAGE.test(next) && !seen.has(next)) queue.push(next);
    }
    for (const form of formsOn(page.body, path)) {
      if (form.upload || NOT_TRIED.test(form.action) || formKinds.has(kindOf(form.action))) continue;
      formKinds.add(kindOf(form.action));
      const values: Record<string, string> = Object.fromEntries(form.hidden);
      for (const name of form.textBoxes) values[name] = TYPED;
      await agent.get(path); // the token of the page the form is on
      const response = await agent.post(form.action, values);
      tried += 1;
      const what = `${form.action} (on ${path}) answered ${response.statusCode}`;
      if (response.statusCode >= 500 || response.statusCode === 404) wrong.push(what);
      if (response.statusCode === 400) {
        if (!response.body.includes('govuk-error-summary')) wrong.push(`${what} without an error summary`);
        else if (form.textBoxes.length > 0 && !response.body.includes(TYPED))
          wrong.push(`${what} and lost the words typed`);
      }
    }
  }
  return { tried, wrong };
}

describe('every form, submitted with words typed and nothing chosen', () => {
  it.each(USERS)(
    'answers with a clear message and keeps the words, for %s',
    async (username) => {
      const { tried, wrong } = await formsTriedBy(await signedIn(t.app, username));
      // The head reaches about ninety kinds of form on the small demo; a crawl that stops short fails.
      expect(tried, 'forms tried').toBeGreaterThan(username === 'head' ? 60 : 0);
      expect(wrong).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
