import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Every test runs on PGlite. With TEST_DATABASE_URL set, the database tests (*.db.test.ts)
 * run again on that PostgreSQL server, each file in its own database made from one migrated template.
 * The global setup migrates once and loads the small demo once, on each engine: a test app is a
 * copy of the template with the demo (test/support/db.ts), never a new load.
 */
export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the machine has cores: a single worker on CI's two
    // cores, leaving one idle while the other migrates, loads and queries PGlite. Two workers keep
    // both busy (the PostgreSQL project's files spend much of their time waiting on the server).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          env: { HEARTH_TEST_DB: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts', 'test/**/*.db.test.ts'],
                env: { HEARTH_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
