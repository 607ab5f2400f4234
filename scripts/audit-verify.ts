/**
 * npm run audit:verify — walks the audit trail's hash chain and reports the first broken link, then
 * compares the trail with its newest anchor (written by Hearth at start-up and every few minutes) to
 * notice newest entries that were deleted: `npm run audit:verify -- --anchor <count>:<hash>` also
 * compares with an anchor kept outside the database (from Hearth's log).
 * Exits 0 when the trail is whole, 1 when an entry was altered or removed, 2 on other errors.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { verifyAuditChain } from '../src/platform/audit/service.ts';
import { parseAnchorArgument, type GivenAnchor } from '../src/platform/audit/anchors.ts';

process.env.TZ = 'Europe/London';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let given: GivenAnchor | undefined;
try {
  const { values } = parseArgs({ options: { anchor: { type: 'string' } } });
  if (values.anchor !== undefined) {
    given =
      parseAnchorArgument(values.anchor) ??
      fail('--anchor must be <count>:<hash>, as in the "audit trail anchored" line of Hearth\'s log');
  }
} catch (error) {
  fail(
    `${error instanceof Error ? error.message : String(error)}\nUsage: npm run audit:verify [-- --anchor <count>:<hash>]`,
  );
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
try {
  const result = await verifyAuditChain(database.db, { secret: config.sessionSecret, given });
  let whole = true;
  if (result.brokenAt) {
    whole = false;
    console.error(
      `Audit trail BROKEN at entry ${result.brokenAt.id}: ${result.brokenAt.reason}. ` +
        `${result.checked} entries before it are intact.`,
    );
  }
  if (result.missingTail) {
    whole = false;
    console.error(
      `Audit trail INCOMPLETE: ${result.missingTail.reason}. The ${result.checked} entries left link correctly.`,
    );
  }
  if (result.unsignedAnchors > 0) {
    whole = false;
    console.error(
      `${result.unsignedAnchors} newer audit anchor(s) are not signed with this SESSION_SECRET: ` +
        'they were written outside Hearth, or the secret has changed since (Hearth writes a new anchor when it starts).',
    );
  }
  if (result.unsealed > 0) {
    console.log(
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
    console.log(
      `Audit trail intact: ${result.checked} entries checked` +
        (reached.length
          ? `; it reaches ${reached.join(' and ')}.`
          : '. No anchor yet: Hearth writes one when it starts, after which deleted newest entries are noticed.'),
    );
  } else {
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
