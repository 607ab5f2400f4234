import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { isRole, roles, type Role } from '../../access/roles.ts';
import { areas, roleMappings, teams } from '../tables.ts';

/** A value of the provider's group or role claim, and the role, team and area it gives. */
export interface RoleMapping {
  id: string;
  claimValue: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  areaId: string | null;
  areaName: string | null;
  createdAt: Date;
}

export interface NewRoleMapping {
  claimValue: string;
  role: Role;
  teamId: string | null;
  areaId: string | null;
}

/**
 * The order mappings are tried in: by role, as the roles are listed (administrator, head of
 * fostering ... foster carer), then by claim value. Someone in two mapped groups gets the first.
 */
const roleRank = sql<number>`case ${roleMappings.role} ${sql.join(
  roles.map((r, i) => sql`when ${r} then ${i}`),
  sql` `,
)} else ${roles.length} end`;

function mappingQuery(db: DbOrTx) {
  return db
    .select({
      id: roleMappings.id,
      claimValue: roleMappings.claimValue,
      role: roleMappings.role,
      teamId: roleMappings.teamId,
      teamName: teams.name,
      areaId: roleMappings.areaId,
      areaName: areas.name,
      createdAt: roleMappings.createdAt,
    })
    .from(roleMappings)
    .leftJoin(teams, eq(teams.id, roleMappings.teamId))
    .leftJoin(areas, eq(areas.id, roleMappings.areaId));
}

function asMapping(row: Awaited<ReturnType<ReturnType<typeof mappingQuery>['execute']>>[number]): RoleMapping | null {
  return isRole(row.role) ? { ...row, role: row.role } : null;
}

/** One page of the mappings, in the order they are tried. */
export async function listRoleMappings(db: DbOrTx, page: number, pageSize: number) {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(roleMappings);
  const total = Number(count?.n ?? 0);
  const last = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, last);
  const rows = await mappingQuery(db)
    .orderBy(roleRank, asc(roleMappings.claimValue))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return { mappings: rows.map(asMapping).filter((m) => m !== null), total, page: shown };
}

export async function findRoleMapping(db: DbOrTx, id: string): Promise<RoleMapping | null> {
  const [row] = await mappingQuery(db).where(eq(roleMappings.id, id)).limit(1);
  return row ? asMapping(row) : null;
}

/** The mapping that applies to someone with these claim values: the first in the order above. */
export async function mappingFor(db: DbOrTx, values: string[]): Promise<RoleMapping | null> {
  if (values.length === 0) return null;
  const rows = await mappingQuery(db)
    .where(inArray(roleMappings.claimValue, values))
    .orderBy(roleRank, asc(roleMappings.claimValue));
  return rows.map(asMapping).find((m) => m !== null) ?? null;
}

export type AddRoleMappingResult = { ok: true; id: string } | { ok: false; reason: 'taken' };

/** Adds a mapping (one per claim value); written to the audit trail. */
export async function addRoleMapping(db: Db, actor: Actor, mapping: NewRoleMapping): Promise<AddRoleMappingResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roleMappings)
      .values({ ...mapping, createdBy: actor.userId })
      .onConflictDoNothing({ target: roleMappings.claimValue })
      .returning({ id: roleMappings.id });
    if (!row) return { ok: false as const, reason: 'taken' as const };
    await recordAudit(tx, actor, {
      action: 'create',
      recordType: 'role-mapping',
      recordId: row.id,
      detail: { ...mapping },
    });
    return { ok: true as const, id: row.id };
  });
}

/** Removes a mapping: the people it gave a role keep it until they next sign in. */
export async function removeRoleMapping(db: Db, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(roleMappings).where(eq(roleMappings.id, id)).returning();
    if (!row) return false;
    await recordAudit(tx, actor, {
      action: 'delete',
      recordType: 'role-mapping',
      recordId: id,
      detail: { claimValue: row.claimValue, role: row.role, teamId: row.teamId, areaId: row.areaId },
    });
    return true;
  });
}
