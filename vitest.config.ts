import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Every test runs on PGlite. With TEST_DATABASE_URL set, the platform's and the whole-service
 * database tests and every module's measure, deadline and access tests run again on that PostgreSQL
 * server, each file in its own database made from one migrated template.
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
                // The platform's database tests (the engines, the audit trail, sign-in, the roles), the
                // whole-service tests and each module's measures, deadlines and access tests: where
                // several connections at once, and the server's own planner, can differ from PGlite.
                // The rest of the modules' database tests run on PGlite only, as the browser tests do.
                include: [
                  'src/platform/**/*.db.test.ts',
                  'scripts/**/*.db.test.ts',
                  'test/**/*.db.test.ts',
                  'src/modules/**/measures*.db.test.ts',
                  'src/modules/**/due*.db.test.ts',
                  'src/modules/**/access*.db.test.ts',
                  'src/modules/**/*measure*.db.test.ts',
                ],
                env: { HEARTH_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
