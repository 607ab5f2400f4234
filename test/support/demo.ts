import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { users } from '../../src/platform/auth/tables.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { allMeasures } from '../../src/platform/measures/index.ts';
import { currentMonth, last12Months } from '../../src/platform/measures/periods.ts';
import { figuresByMonth } from '../../src/platform/measures/scorecard.ts';
import { todayInLondon } from '../../src/platform/dates/iso-date.ts';
import { registerAllModules } from '../../src/modules/index.ts';
import { seedDemo } from '../../scripts/demo/seed.ts';

/** The demo users' password in every test app. */
export const DEMO_PASSWORD = 'test-demo-password';

/**
 * Loads the small demo service, as every test app has it. The global setup loads it once into
 * the seeded templates (PGlite dump and PostgreSQL template database) that test apps are copied
 * from, rather than each test app loading it again.
 *
 * Then counts the scorecard's last twelve months once and stores the counts, as the first opening
 * of the scorecard does (figuresByMonth): the demo is a service whose scorecard has been read, and
 * each test file that opens a page of figures does not count the whole year again for itself (four
 * seconds of work a file on CI's two cores, the most expensive page of any crawl). A change a test
 * makes to the records marks those counts out of date, and they are counted again, as on a server.
 */
export async function seedTestDemo(db: Db): Promise<void> {
  await seedDemo(db, { password: DEMO_PASSWORD, scale: 'small' });
  await quickToCheckPasswords(db);
  registerAllModules();
  const today = todayInLondon();
  await figuresByMonth(db, allMeasures(), last12Months(currentMonth(today)), today);
}

/**
 * The test demo's users keep their password under a hash that is quick to check: the same argon2id,
 * at its least cost (1 MiB, one pass) where Hearth hashes at OWASP's (19 MiB, two passes, about 25
 * ms of CPU a check, which a thousand sign-ins across the test files paid again and again). A hash
 * names its own cost, so sign-in checks it as any other; Hearth's own hashing, and that sign-in
 * takes it, are tested in src/platform/auth (passwords.test.ts, auth.db.test.ts).
 */
async function quickToCheckPasswords(db: Db): Promise<void> {
  const [head] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.username, 'head'));
  if (!head?.passwordHash) return;
  const quick = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await db.update(users).set({ passwordHash: quick }).where(eq(users.passwordHash, head.passwordHash));
}
