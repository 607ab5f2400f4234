process.env.TZ = 'Europe/London';

import { count } from 'drizzle-orm';
import { loadConfig, ConfigError } from './config.ts';
import { users } from './platform/auth/tables.ts';
import { openDatabase, DataDirLockedError, type Database } from './platform/db/client.ts';
import { runMigrationsAtStart } from './platform/db/migrate.ts';
import { databaseRoleProblem } from './platform/db/role.ts';
import { anchorLogLine, writeAuditAnchor } from './platform/audit/anchors.ts';
import { sealAuditTrail } from './platform/audit/seal.ts';
import { purgeExpiredSessions } from './platform/auth/sessions.ts';
import { buildApp } from './app.ts';
import { registerAllModules } from './modules/index.ts';
import { refreshProvisionalFigures, snapshotLastYear } from './platform/measures/snapshots.ts';
import { loggableError } from './platform/views/errors.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { deliverNotes } from './modules/supervision/notes.ts';
import { runReviewMessages } from './modules/reviews/jobs.ts';
import { rebuildChangedDueRules, renewDailyDueRules } from './platform/due/index.ts';
import { bankHolidaysKnownUntil, bankHolidaysRunOutWithin, todayInLondon } from './platform/dates/index.ts';

const CHECKPOINT_EVERY_MS = 5 * 60 * 1000;
const SNAPSHOT_EVERY_MS = 60 * 60 * 1000;
const REFRESH_FIGURES_EVERY_MS = 60 * 1000;
const DELIVER_EVERY_MS = 60 * 1000;
const ANCHOR_EVERY_MS = 5 * 60 * 1000;
const SEAL_EVERY_MS = 1000;

/** Whether no one has an account yet: a first start. */
async function hasNoUsers(db: Database['db']): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await runMigrationsAtStart(database, config.MIGRATION_DATABASE_URL);
  if (config.NODE_ENV === 'production' && database.kind === 'postgres') {
    const problem = await databaseRoleProblem(database.db);
    if (problem) {
      console.error(problem);
      await database.close();
      process.exit(1);
    }
  }
  const mailer = createMailer(config);
  const app = await buildApp({ config, database, mailer });
  if (mailer.mode === 'outbox') {
    app.log.warn('SMTP_URL is not set: supervision notes are kept in the outbox page, not emailed');
  }

  if (config.NODE_ENV !== 'production' && (await hasNoUsers(database.db))) {
    // The demo generator is loaded only when the demo is: a production server never imports it.
    const { seedDemo } = await import('../scripts/demo/seed.ts');
    const { demoUsers } = await import('../scripts/demo/people.ts');
    app.log.info('first start: loading the demo service (made-up people only)');
    await seedDemo(database.db, {
      password: config.HEARTH_DEMO_PASSWORD,
      scale: config.DEMO_SCALE,
      publicUrl: config.publicUrl,
    });
    console.log(
      [
        '',
        'Demo sign-ins (made-up people; every one uses the password in HEARTH_DEMO_PASSWORD,',
        `by default "hearth-demo"):`,
        ...demoUsers.map((u) => `  ${u.username.padEnd(12)} ${u.role}`),
        '',
      ].join('\n'),
    );
  }

  // Anchors the audit trail's end (count, newest entry, hash) in audit_anchors and in the log, so
  // `npm run audit:verify` notices newest entries deleted later. Now, then every few minutes.
  const anchorAuditTrail = async () => {
    const outcome = await writeAuditAnchor(database.db, config.sessionSecret);
    if (outcome.kind === 'written') {
      const { entryCount, headId, headHash, signature } = outcome.anchor;
      app.log.info({ auditAnchor: { entryCount, headId, headHash, signature } }, anchorLogLine(outcome.anchor));
    } else if (outcome.kind === 'tail-missing') {
      app.log.error(
        { auditAnchor: { entryCount: outcome.anchor.entryCount, headId: outcome.anchor.headId } },
        `audit trail: entry ${outcome.anchor.headId}, the newest when last anchored, is missing or altered: ` +
          'not anchoring over it; run npm run audit:verify',
      );
    }
  };
  // Work done in the background, in short steps (a measure, a batch of messages): a stop tells the
  // scorecard's loops to take no next step and waits for the steps in flight before the database
  // closes, so nothing fails for lack of it; what was left goes on at the next start.
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const inBackground = (failed: string, work: () => Promise<unknown>): Promise<void> | null => {
    if (stopping.signal.aborted) return null;
    const done: Promise<void> = work()
      .then(() => undefined)
      .catch((err: unknown) => app.log.error({ err: loggableError(err as Error) }, failed))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
    return done;
  };
  /** A background task not started again while its last run is still going. */
  const oneAtATime = (failed: string, work: () => Promise<unknown>) => {
    let running: Promise<void> | null = null;
    return () => {
      if (running) return;
      running = inBackground(failed, work);
      void running?.finally(() => {
        running = null;
      });
    };
  };

  await anchorAuditTrail();
  // Requests write audit entries without a lock; the sealer chains them a moment later, in the
  // order they committed (a pass at a time: a slow pass is not overlapped by the next).
  const sealTimer = setInterval(
    oneAtATime('sealing the audit trail failed', () => sealAuditTrail(database.db)),
    SEAL_EVERY_MS,
  );
  sealTimer.unref();
  const anchorTimer = setInterval(() => {
    inBackground('anchoring the audit trail failed', anchorAuditTrail);
  }, ANCHOR_EVERY_MS);
  anchorTimer.unref();

  // Working days count the bank holidays shipped in bank-holidays.json: said a year before they end.
  if (bankHolidaysRunOutWithin(todayInLondon())) {
    app.log.warn(
      `the England and Wales bank holidays Hearth knows end on ${bankHolidaysKnownUntil()}: refresh them from ` +
        'GOV.UK with `npx tsx scripts/refresh-bank-holidays.ts` and restart (the deadlines are rebuilt at the start)',
    );
  }
  // The kept deadlines: rebuilt only for rules whose definition changed since they were built
  // (a new or changed rule after an upgrade, or a refreshed bank holiday calendar); otherwise one
  // small read.
  registerAllModules();
  const rebuilt = await rebuildChangedDueRules(database.db);
  if (rebuilt.length) app.log.info({ rules: rebuilt }, 'deadline rules changed: their items were rebuilt');
  // Deadlines that move with the calendar (a half-year ending): worked out again once a day.
  const renewDaily = async () => {
    const renewed = await renewDailyDueRules(database.db);
    if (renewed.length) app.log.info({ rules: renewed }, 'deadlines that move with the calendar were renewed');
  };
  await renewDaily();

  // The scorecard of each closed month of the last year, stored once it ends (one measure at a time).
  const snapshots = () => {
    inBackground('scorecard snapshot failed', () => snapshotLastYear(database.db, undefined, stopping.signal));
    inBackground('renewing the calendar’s deadlines failed', renewDaily);
  };
  const snapshotTimer = setInterval(snapshots, SNAPSHOT_EVERY_MS);
  snapshotTimer.unref();

  // The current month's figures, counted again when a few minutes old or soon after a change to the
  // records they count, so the scorecard and a measure page read stored figures (one measure at a
  // time, resting between them; a run still going is not started twice).
  const refreshFigures = oneAtATime('counting the current month’s figures failed', () =>
    refreshProvisionalFigures(database.db, undefined, { background: true, signal: stopping.signal }),
  );
  const refreshTimer = setInterval(refreshFigures, REFRESH_FIGURES_EVERY_MS);
  refreshTimer.unref();

  // Supervision notes waiting for the mail server (a failure is retried with a growing wait).
  const deliveryTimer = setInterval(() => {
    inBackground('sending supervision notes failed', () => deliverNotes(database.db, mailer));
    // Annual reviews: links chased (a reminder after 7 days, the manager told after 14), messages sent.
    inBackground('annual review messages failed', () => runReviewMessages(database.db, mailer));
  }, DELIVER_EVERY_MS);
  deliveryTimer.unref();

  const timer = setInterval(() => {
    inBackground('checkpoint failed', () => database.checkpoint());
    inBackground('session purge failed', () => purgeExpiredSessions(database.db));
  }, CHECKPOINT_EVERY_MS);
  timer.unref();

  const stop = async (signal: string) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    clearInterval(timer);
    clearInterval(snapshotTimer);
    clearInterval(refreshTimer);
    clearInterval(deliveryTimer);
    clearInterval(anchorTimer);
    clearInterval(sealTimer);
    try {
      await app.close();
      await Promise.allSettled([...inFlight]);
      await anchorAuditTrail().catch((err: unknown) =>
        app.log.error({ err: loggableError(err as Error) }, 'anchoring the audit trail failed'),
      );
      mailer.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  refreshFigures();
  snapshots();
  app.log.info(
    { engine: database.kind, startupMs: Math.round(performance.now() - started) },
    `Hearth is ready on http://localhost:${config.PORT}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    // A database error's message can carry query parameters (personal data): print its cause only.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error('Hearth could not start:', cause instanceof Error ? cause.message : cause);
  }
  process.exit(1);
});
