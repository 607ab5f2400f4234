/**
 * npm run audit:verify — walks the audit trail's hash chain and reports the first broken link.
 * Exits 0 when the chain is whole, 1 when an entry was altered or removed, 2 on other errors.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { verifyAuditChain } from '../src/platform/audit/service.ts';

process.env.TZ = 'Europe/London';
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
try {
  const result = await verifyAuditChain(database.db);
  if (result.brokenAt) {
    console.error(
      `Audit trail BROKEN at entry ${result.brokenAt.id}: ${result.brokenAt.reason}. ` +
        `${result.checked} entries before it are intact.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${result.checked} entries checked.`);
  }
} finally {
  await database.close();
}
