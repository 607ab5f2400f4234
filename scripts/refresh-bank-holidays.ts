/**
 * Refreshes Hearth's England and Wales bank holidays from GOV.UK.
 *
 *   npx tsx scripts/refresh-bank-holidays.ts               fetch https://www.gov.uk/bank-holidays.json
 *   npx tsx scripts/refresh-bank-holidays.ts --file f.json read a copy saved from that address
 *   options: --dry-run (print the changes, write nothing), --url <address>, --target <path>
 *
 * Each year the feed lists replaces that year in src/platform/dates/bank-holidays.json; years it
 * no longer lists are kept. Prints what changed. Exit code 0 on success, 1 on any failure.
 */
import { realpathSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  bankHolidayDivisionSchema,
  describeBankHolidayMerge,
  formatBankHolidaysFile,
  govUkBankHolidaysFeedSchema,
  mergeBankHolidays,
} from '../src/platform/dates/bank-holidays-feed.ts';

const GOV_UK_FEED = 'https://www.gov.uk/bank-holidays.json';
const DEFAULT_TARGET = fileURLToPath(new URL('../src/platform/dates/bank-holidays.json', import.meta.url));
const FETCH_TIMEOUT_MS = 20_000;

const USAGE = `Usage: npx tsx scripts/refresh-bank-holidays.ts [--file <path> | --url <address>] [--target <path>] [--dry-run]
  --file <path>     read the GOV.UK feed from a file instead of fetching it
  --url <address>   fetch the feed from this address (default ${GOV_UK_FEED})
  --target <path>   the bank holiday file to update (default src/platform/dates/bank-holidays.json)
  --dry-run         print what would change, write nothing`;

/** A failure with a message for the person running the script. */
class RefreshError extends Error {}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

async function fetchFeed(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new RefreshError(
      `Could not fetch ${url} (${describeCause(error)}).\n` +
        `Check the network connection, or save the feed from a machine that has one and run again with --file <path>.`,
    );
  }
  if (!response.ok) {
    throw new RefreshError(
      `Could not fetch ${url}: the server answered ${response.status} ${response.statusText}.\n` +
        `Try again later, or save the feed by hand and run again with --file <path>.`,
    );
  }
  return response.text();
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RefreshError(`Could not read ${what} ${path} (${describeCause(error)}).`);
  }
}

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RefreshError(`${what} is not JSON (${describeCause(error)}).`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new RefreshError(`${what} is not in the expected format:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Where the script writes what it has to say: the console, or a test's collector. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

async function refresh(argv: string[], out: Output): Promise<void> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        url: { type: 'string' },
        target: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new RefreshError(`${describeCause(error)}\n${USAGE}`);
  }
  if (options.help) {
    out.log(USAGE);
    return;
  }
  if (options.file !== undefined && options.url !== undefined) {
    throw new RefreshError(`Give either --file or --url, not both.\n${USAGE}`);
  }

  const source = options.file ?? options.url ?? GOV_UK_FEED;
  const feedText = options.file !== undefined ? await readText(options.file, 'the feed file') : await fetchFeed(source);
  const feed = parseJson(feedText, govUkBankHolidaysFeedSchema, `The feed from ${source}`);
  const target = options.target ?? DEFAULT_TARGET;
  const current = parseJson(
    await readText(target, 'the bank holiday file'),
    bankHolidayDivisionSchema,
    `The bank holiday file ${target}`,
  );

  const merge = mergeBankHolidays(current, feed['england-and-wales']);
  out.log(`Bank holidays from ${source}`);
  for (const line of describeBankHolidayMerge(merge)) out.log(line);

  const unchanged = merge.added.length + merge.removed.length + merge.changed.length === 0;
  if (options['dry-run']) {
    out.log(`Dry run: ${target} not written.`);
  } else if (unchanged) {
    out.log(`${target} is up to date.`);
  } else {
    // Write beside the file, then rename: a failure part-way never leaves half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, formatBankHolidaysFile(merge.merged), 'utf8');
    await rename(temporary, target);
    out.log(`Wrote ${merge.merged.events.length} bank holidays to ${target}.`);
  }
}

/** Runs the script with these arguments; resolves to its exit code (0 done, 1 failed). */
export async function refreshBankHolidays(argv: string[], out: Output = console): Promise<number> {
  try {
    await refresh(argv, out);
    return 0;
  } catch (error) {
    const message = error instanceof RefreshError ? error.message : describeCause(error);
    out.error(`refresh-bank-holidays: ${message}`);
    return 1;
  }
}

// Run from the command line (not when a test imports it to call refreshBankHolidays).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await refreshBankHolidays(process.argv.slice(2));
}
