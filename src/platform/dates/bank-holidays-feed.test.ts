import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bankHolidayDivisionSchema,
  describeBankHolidayMerge,
  mergeBankHolidays,
  type BankHoliday,
} from './bank-holidays-feed.ts';

const holiday = (date: string, title: string, notes = ''): BankHoliday => ({
  title,
  date,
  notes,
  bunting: true,
});

describe('mergeBankHolidays', () => {
  const current = {
    division: 'england-and-wales' as const,
    events: [
      holiday('2024-12-25', 'Christmas Day'),
      holiday('2025-12-25', 'Christmas Day'),
      holiday('2025-12-26', 'Boxing Day'),
      holiday('2026-05-04', 'Early May bank holiday'),
    ],
  };
  // A feed covering 2025 and 2026: one note changed, one holiday moved, one added.
  const feed = {
    division: 'england-and-wales' as const,
    events: [
      holiday('2026-06-01', 'Extra bank holiday'),
      holiday('2025-12-25', 'Christmas Day'),
      holiday('2025-12-26', 'Boxing Day', 'Changed note'),
      holiday('2026-05-08', 'Early May bank holiday'),
    ],
  };
  const merge = mergeBankHolidays(current, feed);

  it('replaces the years the feed lists and keeps the others', () => {
    expect(merge.merged.events.map((e) => e.date)).toEqual([
      '2024-12-25', // kept: the feed has no 2024
      '2025-12-25',
      '2025-12-26',
      '2026-05-08', // moved: 2026-05-04 is gone, because 2026 comes from the feed
      '2026-06-01',
    ]);
    expect(merge.yearsFromFeed).toEqual([2025, 2026]);
    expect(merge.yearsKept).toEqual([2024]);
  });

  it('reports what was added, removed and changed', () => {
    expect(merge.added.map((e) => e.date)).toEqual(['2026-05-08', '2026-06-01']);
    expect(merge.removed.map((e) => e.date)).toEqual(['2026-05-04']);
    expect(merge.changed).toEqual([
      {
        before: holiday('2025-12-26', 'Boxing Day'),
        after: holiday('2025-12-26', 'Boxing Day', 'Changed note'),
      },
    ]);
    expect(describeBankHolidayMerge(merge)).toEqual([
      'Years from the feed: 2025-2026; years kept from the file: 2024.',
      'Added   2026-05-08 Early May bank holiday',
      'Added   2026-06-01 Extra bank holiday',
      'Removed 2026-05-04 Early May bank holiday',
      'Changed 2025-12-26: notes "" -> "Changed note"',
      '4 changes.',
    ]);
  });

  it('reports no changes for the same data', () => {
    const again = mergeBankHolidays(merge.merged, feed);
    expect(describeBankHolidayMerge(again).at(-1)).toBe('No changes.');
  });
});

describe('bankHolidayDivisionSchema', () => {
  it('rejects impossible dates, a date listed twice and another division', () => {
    const parse = (value: unknown) => bankHolidayDivisionSchema.safeParse(value).success;
    expect(parse({ division: 'england-and-wales', events: [holiday('2026-12-25', 'Christmas Day')] })).toBe(true);
    expect(parse({ division: 'england-and-wales', events: [holiday('2026-02-30', 'No such day')] })).toBe(false);
    const twice = [holiday('2026-12-25', 'Christmas Day'), holiday('2026-12-25', 'Christmas Day')];
    expect(parse({ division: 'england-and-wales', events: twice })).toBe(false);
    expect(parse({ division: 'scotland', events: [] })).toBe(false);
  });
});

describe('scripts/refresh-bank-holidays.ts', () => {
  const script = fileURLToPath(new URL('../../../scripts/refresh-bank-holidays.ts', import.meta.url));
  const shipped = fileURLToPath(new URL('./bank-holidays.json', import.meta.url));
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

  function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', script, ...args], (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
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
    const result = await run('--file', join(dir, 'feed.json'), '--target', target);
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
