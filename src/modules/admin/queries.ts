import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { areas, secondFactors, teams, users } from '../../platform/auth/tables.ts';
import { roleNames, roles, type Role } from '../../platform/access/roles.ts';
import { isUuid, type UserListQuery } from './forms.ts';
import { likePattern } from '../../platform/db/sql.ts';

export const USERS_PAGE_SIZE = 25;

/** The columns every user page shows: no password hash. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
  areaId: users.areaId,
  areaName: areas.name,
  householdId: users.householdId,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  deactivatedAt: users.deactivatedAt,
  passwordChangedAt: users.passwordChangedAt,
  secondFactorRequired: users.secondFactorRequired,
  /** When their authenticator app was set up (null: not set up, or set-up not finished). */
  secondFactorSetUpAt: secondFactors.confirmedAt,
};

export type UserRecord = Omit<Awaited<ReturnType<typeof userRecordQuery>>[number], 'role' | 'teamName' | 'areaName'> & {
  role: Role;
  roleName: string;
  teamName: string | null;
  areaName: string | null;
};

function userRecordQuery(db: DbOrTx) {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id));
}

function withRoleName<T extends { role: string }>(row: T): T & { role: Role; roleName: string } {
  const role = row.role as Role;
  return { ...row, role, roleName: roleNames[role] ?? row.role };
}

/** Role display names in SQL, so the list can sort by what the reader sees. */
const roleNameSql = sql`case ${users.role} ${sql.join(
  roles.map((r) => sql`when ${r} then ${roleNames[r]}`),
  sql` `,
)} else ${users.role} end`;

function listConditions(query: UserListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.username, pattern))!);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.team) conditions.push(eq(users.teamId, query.team));
  if (query.status) conditions.push(eq(users.active, query.status === 'active'));
  return conditions.length ? and(...conditions) : undefined;
}

/** One page of users matching the filters, sorted on the server. */
export async function listUsers(db: DbOrTx, query: UserListQuery) {
  const where = listConditions(query);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const direction = query.dir === 'desc' ? desc : asc;
  const primary = {
    name: direction(users.displayName),
    username: direction(users.username),
    role: direction(roleNameSql),
  }[query.sort];
  const rows = await userRecordQuery(db)
    .where(where)
    .orderBy(primary, asc(users.displayName), asc(users.username))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return { users: rows.map(withRoleName), total, page };
}

/** One user's account, with team and area names, or null. */
export async function findUser(db: DbOrTx, id: string): Promise<UserRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await userRecordQuery(db).where(eq(users.id, id)).limit(1);
  return row ? withRoleName(row) : null;
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return Boolean(row);
}

export async function findTeam(db: DbOrTx, id: string) {
  const [row] = await db.select().from(teams).where(eq(teams.id, id)).limit(1);
  return row ?? null;
}

export async function findArea(db: DbOrTx, id: string) {
  const [row] = await db.select().from(areas).where(eq(areas.id, id)).limit(1);
  return row ?? null;
}
