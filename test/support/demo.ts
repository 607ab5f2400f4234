import type { Db } from '../../src/platform/db/client.ts';
import { seedDemo } from '../../scripts/demo/seed.ts';

/** The demo users' password in every test app. */
export const DEMO_PASSWORD = 'test-demo-password';

/**
 * Loads the small demo service, as every test app has it. The global setup loads it once into
 * the seeded templates (PGlite dump and PostgreSQL template database) that test apps are copied
 * from, rather than each test app loading it again.
 */
export async function seedTestDemo(db: Db): Promise<void> {
  await seedDemo(db, { password: DEMO_PASSWORD, scale: 'small' });
}
