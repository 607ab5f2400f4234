/** The set-up every deadline test shares: its own test app, and the head of fostering, who sees every deadline. */
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { checkDueItems } from '../../src/platform/due/index.ts';
import { viewer } from '../../src/modules/home/test-support.ts';
import type { SignedInUser } from '../../src/platform/auth/sessions.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { testAppForFile, type TestApp } from './app.ts';

export interface DueFixture {
  t: TestApp;
  /** The test file's database (inside tests and hooks only). */
  db: () => Db;
  /** The head of fostering, as a route would see them (inside tests only). */
  head: () => SignedInUser;
}

/**
 * For a deadline test file: a test app created before its tests and closed after them.
 * `on`: the day the file's hand-worked dates are set on. Its tests then run as if it were that day
 * (the clock of this process reads it, and runs on from noon; timers are real), so what a service
 * keeps as at today is kept as at that day: a young person of 17 in the file is not 18 yet when the
 * tests run years later, nor is a carer's first-year training past its second anniversary.
 */
export function dueFixture(options: { on?: string } = {}): DueFixture {
  const t = testAppForFile();
  let head: SignedInUser | undefined;
  beforeAll(async () => {
    if (options.on) {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      vi.setSystemTime(new Date(`${options.on}T12:00:00Z`));
    }
    head = await viewer(t.database.db, 'head');
  });
  afterAll(() => {
    if (options.on) vi.useRealTimers();
  });
  return { t, db: () => t.database.db, head: () => head! };
}

/** Asserts that the kept deadlines are what a rebuild computes now: none missing, none extra. */
export async function expectDueItemsInStep(db: Db): Promise<void> {
  const check = await checkDueItems(db);
  expect({ missing: check.missing, extra: check.extra }).toEqual({ missing: [], extra: [] });
}
