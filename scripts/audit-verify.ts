/**
 * npm run audit:verify — walks the audit trail's hash chain and reports the first broken link, then
 * compares the trail with its newest anchor (written by Hearth at start-up and every few minutes) to
 * notice newest entries that were deleted: `npm run audit:verify -- --anchor <count>:<hash>` also
 * compares with an anchor kept outside the database (from Hearth's log).
 * Exits 0 when the trail is whole, 1 when an entry was altered or removed, 2 on other errors.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { verifyAuditChain, type VerifyResult } from '../src/platform/audit/service.ts';
import { parseAnchorArgument, type GivenAnchor } from '../src/platform/audit/anchors.ts';

/** Where the script writes what it has to say: the console, or a test's collector. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** A failure to run the check at all (exit status 2). */
class UsageError extends Error {}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function givenAnchor(argv: string[]): GivenAnchor | undefined {
  let anchor: string | undefined;
  try {
    anchor = parseArgs({ args: argv, options: { anchor: { type: 'string' } } }).values.anchor;
  } catch (error) {
    throw new UsageError(`${message(error)}\nUsage: npm run audit:verify [-- --anchor <count>:<hash>]`);
  }
  if (anchor === undefined) return undefined;
  const given = parseAnchorArgument(anchor);
  if (!given) {
    throw new UsageError('--anchor must be <count>:<hash>, as in the "audit trail anchored" line of Hearth\'s log');
  }
  return given;
}

/** Reports a check's result; true when the trail is whole. */
function report(result: VerifyResult, out: Output): boolean {
  let whole = true;
  if (result.brokenAt) {
    whole = false;
    out.error(
      `Audit trail BROKEN at entry ${result.brokenAt.id}: ${result.brokenAt.reason}. ` +
        `${result.checked} entries before it are intact.`,
    );
  }
  if (result.missingTail) {
    whole = false;
    out.error(
      `Audit trail INCOMPLETE: ${result.missingTail.reason}. The ${result.checked} entries left link correctly.`,
    );
  }
  if (result.unsignedAnchors > 0) {
    whole = false;
    out.error(
      `${result.unsignedAnchors} newer audit anchor(s) are not signed with this SESSION_SECRET: ` +
        'they were written outside Hearth, or the secret has changed since (Hearth writes a new anchor when it starts).',
    );
  }
  if (result.unsealed > 0) {
    out.log(
      `${result.unsealed} newest ${result.unsealed === 1 ? 'entry is' : 'entries are'} written but not yet chained: ` +
        'Hearth chains entries within a second while it runs, and when it starts and stops.',
    );
  }
  if (whole) {
    const reached = result.anchors.map((a) =>
      a.source === 'database'
        ? `the anchor written at ${a.at?.toISOString()} (${a.entryCount} entries)`
        : `the anchor given (${a.entryCount} entries)`,
    );
    out.log(
      `Audit trail intact: ${result.checked} entries checked` +
        (reached.length
          ? `; it reaches ${reached.join(' and ')}.`
          : '. No anchor yet: Hearth writes one when it starts, after which deleted newest entries are noticed.'),
    );
  }
  return whole;
}

/**
 * Runs the check with these arguments on the database the environment names (as Hearth reads
 * it); resolves to the exit status.
 */
export async function verifyAuditTrail(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = console,
): Promise<number> {
  let database;
  let given;
  let config;
  try {
    given = givenAnchor(argv);
    config = loadConfig(env);
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  } catch (error) {
    out.error(message(error));
    return 2;
  }
  try {
    const result = await verifyAuditChain(database.db, { secret: config.sessionSecret, given });
    return report(result, out) ? 0 : 1;
  } finally {
    await database.close();
  }
}

// Run from the command line (not when a test imports it to call verifyAuditTrail).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.TZ = 'Europe/London';
  process.exitCode = await verifyAuditTrail(process.argv.slice(2));
}
