import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, Agent } from '../../../test/support/app.ts';
import { teams, users } from '../../platform/auth/tables.ts';
import { auditEvents } from '../../platform/audit/tables.ts';

/** The id of a user by username (demo users are known by name). */
export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function teamId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
  if (!row) throw new Error(`no team ${name}`);
  return row.id;
}

export async function auditOf(t: TestApp, recordId: string, action?: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.recordType, 'user'),
        eq(auditEvents.recordId, recordId),
        action ? eq(auditEvents.action, action) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id));
}

/** The temporary password on the page it is shown on. */
export function temporaryPasswordOn(response: LightMyRequestResponse): string {
  const match = /data-temporary-password>([^<]+)</.exec(response.body);
  if (!match) throw new Error('no temporary password on the page');
  return match[1]!;
}

/** Adds a user through the form and returns their id and the temporary password shown once. */
export async function addUser(
  admin: Agent,
  form: Record<string, string>,
): Promise<{ id: string; password: string; page: LightMyRequestResponse }> {
  await admin.get('/admin/users/new');
  const created = await admin.post('/admin/users/new', form);
  expect(created.statusCode, created.body).toBe(303);
  const location = String(created.headers.location);
  const id = /^\/admin\/users\/([0-9a-f-]{36})\/temporary-password$/.exec(location)?.[1];
  if (!id) throw new Error(`unexpected redirect ${location}`);
  const page = await admin.get(location);
  expect(page.statusCode).toBe(200);
  return { id, password: temporaryPasswordOn(page), page };
}
