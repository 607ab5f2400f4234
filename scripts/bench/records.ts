/**
 * The record pages the benchmark times (issue 3): sign-in to My work, the household list
 * (filtered, first and 40th page), a household, a child, search, and matching for a referral.
 * Each scenario signs in as the demo user who would use the page.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { surnames } from '../demo/names.ts';
import { BenchAgent } from './agent.ts';
import type { Scenario } from './timing.ts';

/** Records to open, found in the demo data. */
interface Targets {
  household: string | null;
  child: string | null;
  referral: string | null;
  plan: string | null;
}

async function one(db: Db, query: ReturnType<typeof sql>): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, query);
  return row?.id ?? null;
}

async function findTargets(db: Db): Promise<Targets> {
  return {
    // The busiest household on ssw's caseload.
    household: await one(
      db,
      sql`select h.id from households h join users u on u.id = h.allocated_ssw_id where u.username = 'ssw'
          order by (select count(*) from placements p where p.household_id = h.id) desc, h.reference limit 1`,
    ),
    // The cicsw child with the longest placement history.
    child: await one(
      db,
      sql`select c.id from children c join users u on u.id = c.allocated_social_worker_id where u.username = 'cicsw'
          order by (select count(*) from placements p where p.child_id = c.id) desc, c.reference limit 1`,
    ),
    // The demo's business plan, which the head of fostering reads each quarter.
    plan: await one(db, sql`select id from plans order by period_start desc limit 1`),
    // An accepted referral in East Kent, which the demo manager matches.
    referral: await one(
      db,
      sql`select r.id from referrals r join children c on c.id = r.child_id join areas a on a.id = c.area_id
          where r.status = 'accepted' and a.name = 'East Kent' order by r.created_at limit 1`,
    ),
  };
}

/** A name with one letter dropped: search forgives typing mistakes. */
function misspelt(i: number): string {
  const name = surnames[(i * 7) % surnames.length]!;
  return name.length > 4 ? name.slice(0, 2) + name.slice(3) : name;
}

export async function recordScenarios(app: FastifyInstance, db: Db, password: string): Promise<Scenario[]> {
  const targets = await findTargets(db);
  const as = async (username: string) => {
    const agent = new BenchAgent(app);
    await agent.signIn(username, password);
    return agent;
  };
  const [ssw, head, manager, cicsw] = await Promise.all([as('ssw'), as('head'), as('manager'), as('cicsw')]);
  const missing = { statusCode: 404 };
  let signingIn = new BenchAgent(app);

  return [
    {
      page: 'Sign in, then My work (ssw)',
      prepare: async () => {
        signingIn = new BenchAgent(app);
        await signingIn.openSignIn();
      },
      run: async () => {
        const signedIn = await signingIn.post('/sign-in', { username: 'ssw', password });
        if (signedIn.statusCode !== 303) return signedIn;
        return signingIn.get('/my-work');
      },
    },
    { page: 'My work (ssw)', run: () => ssw.get('/my-work') },
    { page: 'My work, my team (ssw)', run: () => ssw.get('/my-work?whose=team') },
    { page: 'My work (manager)', run: () => manager.get('/my-work') },
    { page: 'My work (head of fostering)', run: () => head.get('/my-work') },
    { page: 'Households, approved, page 1 (head)', run: () => head.get('/households?status=approved&page=1') },
    { page: 'Households, approved, page 40 (head)', run: () => head.get('/households?status=approved&page=40') },
    { page: 'Children in care, page 1 (head)', run: () => head.get('/children') },
    { page: 'Children in care, page 300 (head)', run: () => head.get('/children?page=300') },
    {
      page: 'Household page (ssw)',
      run: async () => (targets.household ? ssw.get(`/households/${targets.household}`) : missing),
    },
    {
      page: 'Child page (cicsw)',
      run: async () => (targets.child ? cicsw.get(`/children/${targets.child}`) : missing),
    },
    { page: 'Search, a misspelt name (ssw)', run: (i) => ssw.get(`/search?q=${encodeURIComponent(misspelt(i))}`) },
    // The scorecard as its readers open it: the figures stored (month-end snapshots and the current
    // month's count, kept by the server's background; the warm-up request stores any missing).
    { page: 'Scorecard (head)', run: () => head.get('/scorecard') },
    { page: 'Scorecard, a measure (head)', run: () => head.get('/scorecard/households.approved') },
    {
      page: 'Business plan (head)',
      run: async () => (targets.plan ? head.get(`/plan/${targets.plan}`) : missing),
    },
    {
      page: 'Matching for a referral (manager)',
      run: async () => (targets.referral ? manager.get(`/referrals/${targets.referral}/matching`) : missing),
    },
  ];
}
