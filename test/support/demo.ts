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
  registerAllModules();
  const today = todayInLondon();
  await figuresByMonth(db, allMeasures(), last12Months(currentMonth(today)), today);
}
