/**
 * Every view of a personal record is audited (the brief's standards; architecture.md: every view and
 * change of a child's, carer's or household's record is written to the audit trail). Signs in as demo
 * users on the small demo, opens their home and follows the links breadth first, opening one page of
 * each kind as words-on-pages.db.test.ts does. Each HTML page answered 200 whose path carries a record
 * id shows a personal record, unless listed in NOT_PERSONAL, and must write at least one 'view' entry
 * to the audit trail. A form under a record counts: it shows the record it changes (at least whose it
 * is), as the household's own forms already audit. The response carries no request id and requests run
 * one at a time, so a request's entries are those written after the newest entry before it.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/sql.ts';
import { signedIn, testAppForFile, type Agent } from './support/app.ts';

const t = testAppForFile();

/**
 * Who signs in, and the fewest record pages each must open (on the small demo they open about 93, 48,
 * 1, 28, 5, 1, 8, 63 and 2): a crawl that stops short fails. The head reaches most kinds of record; the
 * others reach records through their own scope or pages the head is not offered: the supervising
 * social worker their households, the carer the portal, a child's social worker their referrals, the
 * LADO allegations, a panel member the meetings, the training officer carers' training, a service
 * manager the recruitment steps, the administrator staff accounts.
 */
const USERS: Record<string, number> = {
  head: 80,
  ssw: 30,
  carer: 1,
  cicsw: 20,
  lado: 4,
  panel: 1,
  training: 5,
  servicemanager: 40,
  admin: 2,
};

/** Pages with a record id that show no person's record: reading them is not a view to audit. */
const NOT_PERSONAL: [RegExp, string][] = [
  // The business plan, its targets and actions: the service's aims; staff are named only as owners.
  [/^\/plan\//, 'the business plan'],
  // A course: its title, length, who must attend and its dates; no one booked is named.
  [/^\/training\/courses\/:id/, 'a training course'],
  // Cancelling a session shows the course and date only.
  [/^\/training\/sessions\/:id\/cancel$/, 'cancelling a training session'],
  // The carer books a session: the only people named are the reader's own household, offered as who may come.
  [/^\/portal\/training\/sessions\/:id$/, 'a session offered in the carer portal'],
  // Adding an item shows the meeting's date and the kinds of item; no household until a kind is chosen.
  [/^\/panel\/meetings\/:id\/items\/new$/, 'choosing the kind of a panel item'],
  // A six-monthly summary of an area: counts and themes, no person (audited as a service review all the same).
  [/^\/service-reviews\/[^/]+\/[^/]+\/areas\/:id$/, "a six-monthly review's summary for an area"],
  // A team's meetings on serious case reviews: staff's work on published reviews, no carer or child (each meeting
  // listed is audited all the same, but a team with none yet shows nothing to audit); its form likewise.
  [/^\/teams\/:id\/team-meetings(\/new)?$/, "a team's meetings on serious case reviews"],
  // A set of published rates put right or removed: amounts and dates, no person.
  [/^\/payments\/rates\/:id\/(change|remove)$/, 'a set of published rates'],
];

const NOT_A_PAGE = /sign-out|\/assets\/|\.(pdf|docx|xlsx|csv|png|jpe?g)\b|\/photo\b|\/download|\/export|format=/;
const RECORD_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const kindOf = (path: string) => path.split('?')[0]!.replace(RECORD_ID, ':id');
/** The head of fostering's pages count the whole service: a page can take seconds on a busy machine. */
const CRAWL_TIMEOUT_MS = 300_000;

async function newestAuditEntry(): Promise<number> {
  const [row] = await queryRows<{ id: number | null }>(t.database.db, sql`select max(id) as id from audit_events`);
  return Number(row?.id ?? 0);
}

async function viewsWrittenAfter(id: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_events where id > ${id} and action = 'view'`,
  );
  return Number(row?.n ?? 0);
}

/** Opens one page of each kind breadth first; returns the record pages checked and those that wrote no view. */
async function recordPagesSeenBy(agent: Agent): Promise<{ checked: number; unaudited: Map<string, string> }> {
  const queue = ['/'];
  const seen = new Set<string>();
  const kinds = new Set<string>();
  const unaudited = new Map<string, string>();
  let checked = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if (seen.has(path) || kinds.has(kind)) continue;
    seen.add(path);
    kinds.add(kind);
    const before = await newestAuditEntry();
    const response = await agent.get(path);
    const location = response.headers.location;
    if (typeof location === 'string' && location.startsWith('/')) queue.push(location);
    if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('text/html')) continue;
    if (kind.includes(':id') && !NOT_PERSONAL.some(([pattern]) => pattern.test(kind))) {
      checked += 1;
      if ((await viewsWrittenAfter(before)) === 0) {
        unaudited.set(kind, /<title>([^<]*?)(?: - Hearth)?<\/title>/.exec(response.body)?.[1] ?? '');
      }
    }
    for (const [, href] of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = href!.replace(/&amp;/g, '&');
      if (!NOT_A_PAGE.test(next) && !seen.has(next)) queue.push(next);
    }
  }
  return { checked, unaudited };
}

describe('each page that shows a personal record', () => {
  it.each(Object.entries(USERS))(
    'writes a view to the audit trail, for %s',
    async (username, fewest) => {
      const { checked, unaudited } = await recordPagesSeenBy(await signedIn(t.app, username));
      expect(checked, 'record pages opened').toBeGreaterThanOrEqual(fewest);
      const missing = [...unaudited].map(([kind, title]) => `${kind} (${title}) wrote no view`).sort();
      expect(missing).toEqual([]);
    },
    CRAWL_TIMEOUT_MS,
  );
});
