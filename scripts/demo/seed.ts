import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.ts';
import { areas, teams, users } from '../../src/platform/auth/tables.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { recordAudit, systemActor } from '../../src/platform/audit/service.ts';
import { demoAreas, demoUsers } from './people.ts';

export interface SeedOptions {
  password: string;
  /** small for tests, county for the demo, national for load testing. */
  scale: 'small' | 'county' | 'national';
}

/** True when the database holds no users yet: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return Number(row?.n ?? 0) === 0;
}

/** Loads the demo service: areas, teams and one user per role. Made-up people only. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<{ users: number }> {
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const areaIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    for (const area of demoAreas) {
      const [row] = await tx.insert(areas).values({ name: area.name }).returning({ id: areas.id });
      areaIds.set(area.name, row!.id);
      for (const team of area.teams) {
        const [t] = await tx.insert(teams).values({ name: team, areaId: row!.id }).returning({ id: teams.id });
        teamIds.set(team, t!.id);
      }
    }
    const inserted = await tx
      .insert(users)
      .values(
        demoUsers.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          email: `${u.username}@hearth.example`,
          role: u.role,
          teamId: u.team ? (teamIds.get(u.team) ?? null) : null,
          areaId: u.area ? (areaIds.get(u.area) ?? null) : null,
          passwordHash,
        })),
      )
      .returning({ id: users.id });
    for (const u of inserted) {
      await recordAudit(tx, systemActor('demo data'), { action: 'create', recordType: 'user', recordId: u.id });
    }
  });
  return { users: demoUsers.length };
}
