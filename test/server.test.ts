import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';

/** Starts `tsx src/server.ts` as a user would, and collects what it prints. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', DEMO_SCALE: 'small', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async () => {
    const until = Date.now() + 60_000;
    while (!output.includes('Hearth is ready') && Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, ready, output: () => output };
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('starting and stopping Hearth', () => {
  it('loads the demo on first start, refuses a second process on the same data, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(`${tmpdir()}/hearth-server-`);
    dirs.push(dataDir);
    const first = start({ DATA_DIR: dataDir, PORT: '3197' });
    children.push(first.child);
    await first.ready();
    expect(first.output()).toContain('Demo sign-ins');
    expect(first.output()).toContain('ssw2');
    const health = await fetch('http://127.0.0.1:3197/health').then((r) => r.json());
    expect(health.status).toBe('ok');

    const second = start({ DATA_DIR: dataDir, PORT: '3198' });
    children.push(second.child);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('Another Hearth process is using the data directory');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // Stopped while the scorecard's months were being stored in the background: that work is left
    // between two measures, to go on at the next start, and nothing fails for lack of the database.
    expect(first.output()).toContain('stopping: finishing requests in flight');
    expect(first.output()).not.toContain('"level":50');

    // The second start reuses the data: no demo load, and the sign-ins still work.
    const again = start({ DATA_DIR: dataDir, PORT: '3199' });
    children.push(again.child);
    await again.ready();
    expect(again.output()).not.toContain('Demo sign-ins');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('stops with a message naming a bad setting', async () => {
    const bad = start({ PORT: 'not-a-port' });
    children.push(bad.child);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT');
  });
});
