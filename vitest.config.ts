import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Without TEST_DATABASE_URL every test runs on PGlite, the app's own engine.
 * With it (as CI sets it), every database test runs on that PostgreSQL server, each file in its own
 * database made from one migrated template: it answers the whole-service crawls about twice as fast
 * as PGlite, and its server is the older, stricter engine. PGlite then runs the platform's and the
 * scripts' database tests where the embedded engine can differ (the engines, the audit trail, the
 * database roles, dates and figures in SQL, the small demo's load), and every test that needs no
 * database. Not twice: sign-in and the council's accounts (src/platform/auth, the organisation's
 * page), which run on PGlite in the browser journeys (sign-in, second factor, sign-in provider), and
 * the county demo's contents, which its load on both engines (seed.db.test.ts) does not change.
 * The global setup migrates once and loads the small demo once, on each engine: a test app is a
 * copy of the template with the demo (test/support/db.ts), never a new load.
 */
export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    // Fails a select whose subquery would misread an outer column (test/support/unqualified-columns.ts).
    setupFiles: ['./test/support/unqualified-columns.ts'],
    testTimeout: 30_000,
    // Files share a worker's module cache: the app's few hundred modules are imported once per
    // worker, not once per file (which was a third of the run). Each file still gets its own
    // database and app; a test that registers a rule, a scope or a measure of its own removes it.
    isolate: false,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the machine has cores: a single worker on CI's two
    // cores. Most database tests run on the PostgreSQL server, and a worker waiting for it leaves
    // its core to the server's own processes: three workers on two cores finished the run about
    // 7% sooner than two (347 s against 372 s, measured on CI's kind of machine).
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: postgres
            ? [
                'src/modules/**/*.db.test.ts',
                'test/**/*.db.test.ts',
                'src/platform/auth/**/*.db.test.ts',
                'src/platform/views/organisation.db.test.ts',
                'scripts/demo/seed-county.db.test.ts',
              ]
            : [],
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
