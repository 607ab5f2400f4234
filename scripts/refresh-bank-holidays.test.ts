import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankHolidayDivisionSchema, type BankHoliday } from '../src/platform/dates/bank-holidays-feed.ts';
import { refreshBankHolidays } from './refresh-bank-holidays.ts';

const holiday = (date: string, title: string, notes = ''): BankHoliday => ({
  title,
  date,
  notes,
  bunting: true,
});

describe('scripts/refresh-bank-holidays.ts', () => {
  const script = fileURLToPath(new URL('./refresh-bank-holidays.ts', import.meta.url));
  const shipped = fileURLToPath(new URL('../src/platform/dates/bank-holidays.json', import.meta.url));
  let dir: string;
  let server: Server;
  let baseUrl: string;
  let shippedBefore: string;

  // The real data for 2026-2028, with Early May 2027 moved to Friday 7 May (made up), and 2029
  // added (worked by hand: 1 Jan 2029 is a Monday; Easter Sunday is 1 April 2029).
  const y2029 = [
    holiday('2029-01-01', 'New Year’s Day'),
    { ...holiday('2029-03-30', 'Good Friday'), bunting: false },
    holiday('2029-04-02', 'Easter Monday'),
    holiday('2029-05-07', 'Early May bank holiday'),
    holiday('2029-05-28', 'Spring bank holiday'),
    holiday('2029-08-27', 'Summer bank holiday'),
    holiday('2029-12-25', 'Christmas Day'),
    holiday('2029-12-26', 'Boxing Day'),
  ];
  async function feedText(): Promise<string> {
    const shippedEvents = bankHolidayDivisionSchema.parse(JSON.parse(shippedBefore)).events;
    const events = shippedEvents
      .filter((e) => e.date >= '2026')
      .map((e) => (e.date === '2027-05-03' ? { ...e, date: '2027-05-07' } : e))
      .concat(y2029);
    return JSON.stringify({
      'england-and-wales': { division: 'england-and-wales', events },
      scotland: { division: 'scotland', events: [holiday('2029-11-30', 'St Andrew’s Day')] },
    });
  }

  type Result = { code: number; stdout: string; stderr: string };
  /** The script as an operator runs it, in a process of its own (once: it costs a second's start). */
  function runCommand(...args: string[]): Promise<Result> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', script, ...args], (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
  }
  /** The same script's work, called here, with what it prints collected. */
  async function run(...args: string[]): Promise<Result> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await refreshBankHolidays(args, {
      log: (line) => stdout.push(`${line}\n`),
      error: (line) => stderr.push(`${line}\n`),
    });
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-bank-holidays-'));
    shippedBefore = await readFile(shipped, 'utf8');
    await writeFile(join(dir, 'feed.json'), await feedText());
    server = createServer((request, response) => {
      if (request.url === '/bank-holidays.json') {
        void feedText().then((text) => response.writeHead(200, { 'content-type': 'application/json' }).end(text));
      } else {
        response.writeHead(503, 'Service Unavailable').end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  async function freshTarget(name: string): Promise<string> {
    const target = join(dir, name);
    await copyFile(shipped, target);
    return target;
  }

  it('merges a feed file, keeping older years, and prints what changed', async () => {
    const target = await freshTarget('merge.json');
    const result = await runCommand('--file', join(dir, 'feed.json'), '--target', target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Years from the feed: 2026-2029; years kept from the file: 2015-2025.');
    expect(result.stdout).toContain('Added   2027-05-07 Early May bank holiday');
    expect(result.stdout).toContain('Removed 2027-05-03 Early May bank holiday');
    expect(result.stdout).toContain('Added   2029-01-01 New Year’s Day');
    expect(result.stdout).toContain('10 changes.'); // 8 added for 2029, 1 moved (added + removed)
    expect(result.stdout).not.toContain('St Andrew'); // Scotland is ignored

    const written = bankHolidayDivisionSchema.parse(JSON.parse(await readFile(target, 'utf8'))).events;
    const before = bankHolidayDivisionSchema.parse(JSON.parse(shippedBefore)).events;
    expect(written.filter((e) => e.date < '2026')).toEqual(before.filter((e) => e.date < '2026'));
    expect(written.filter((e) => e.date >= '2029')).toEqual(y2029);
    expect(written.some((e) => e.date === '2027-05-03')).toBe(false);
    expect(await readFile(shipped, 'utf8')).toBe(shippedBefore); // the real file is untouched

    const again = await run('--file', join(dir, 'feed.json'), '--target', target);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  }, 30_000);

  it('writes nothing on a dry run', async () => {
    const target = await freshTarget('dry-run.json');
    const result = await run('--file', join(dir, 'feed.json'), '--target', target, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run');
    expect(await readFile(target, 'utf8')).toBe(shippedBefore);
  }, 30_000);

  it('fetches the feed over HTTP', async () => {
    const target = await freshTarget('fetched.json');
    const result = await run('--url', `${baseUrl}/bank-holidays.json`, '--target', target);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added   2029-12-26 Boxing Day');
  }, 30_000);

  it('fails clearly when the server or the network fails', async () => {
    const target = await freshTarget('unreachable.json');
    const down = await run('--url', `${baseUrl}/down`, '--target', target);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('the server answered 503');
    expect(down.stderr).toContain('--file');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there now
    const refused = await run('--url', `http://127.0.0.1:${port}/bank-holidays.json`, '--target', target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Could not fetch http://127.0.0.1:${port}/bank-holidays.json`);
    expect(refused.stderr).toContain('--file');
    expect(await readFile(target, 'utf8')).toBe(shippedBefore);
  }, 30_000);

  it('rejects a feed that is not in the GOV.UK format, changing nothing', async () => {
    const target = await freshTarget('invalid.json');
    const bad = join(dir, 'bad-feed.json');
    await writeFile(
      bad,
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [holiday('2027-02-30', 'No such day')],
        },
      }),
    );
    const result = await run('--file', bad, '--target', target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not in the expected format');
    expect(result.stderr).toContain('must be a real calendar date');
    expect(await readFile(target, 'utf8')).toBe(shippedBefore);

    const missing = await run('--file', join(dir, 'no-such-file.json'), '--target', target);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Could not read the feed file');
  }, 30_000);
});
