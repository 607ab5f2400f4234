/** The set-up every deadline test shares: its own test app, and the head of fostering, who sees every deadline. */
import { beforeAll } from 'vitest';
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

/** For a deadline test file: a test app created before its tests and closed after them. */
export function dueFixture(): DueFixture {
  const t = testAppForFile();
  let head: SignedInUser | undefined;
  beforeAll(async () => {
    head = await viewer(t.database.db, 'head');
  });
  return { t, db: () => t.database.db, head: () => head! };
}
