import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { queryRows } from './sql.ts';

/** The tables whose protection (append-only triggers) a superuser or their owner could switch off. */
const PROTECTED_TABLES = ['audit_events', 'audit_anchors'];

const WHAT_TO_DO =
  'Set DATABASE_URL to a role that owns no tables and is not a superuser (for example hearth_app), ' +
  'and MIGRATION_DATABASE_URL to the role that owns them (for example hearth_owner), which Hearth uses ' +
  'only to run migrations at start. The README, "Running on PostgreSQL", has the CREATE ROLE and GRANT lines.';

/**
 * Why the connected role must not run Hearth in production, or null when it may. A superuser, or a
 * role that owns the audit tables (or may act as their owner), can disable the triggers that keep
 * the audit trail append-only, so a mistake or an attack through the application could rewrite it.
 */
export async function databaseRoleProblem(db: DbOrTx): Promise<string | null> {
  const [role] = await queryRows<{ name: string; superuser: boolean }>(
    db,
    sql`select current_user::text as name, rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (!role) return null;
  if (role.superuser) {
    return (
      `Hearth will not run in production as the database role "${role.name}": it is a superuser, ` +
      `which can switch off the audit trail's protection. ${WHAT_TO_DO}`
    );
  }
  const owned = await queryRows<{ name: string; owner: string }>(
    db,
    sql`select c.relname::text as name, pg_get_userbyid(c.relowner)::text as owner
          from pg_class c
         where c.oid in (${sql.join(
           PROTECTED_TABLES.map((t) => sql`to_regclass(${t})`),
           sql`, `,
         )})
           and pg_has_role(current_user, c.relowner, 'MEMBER')
         order by c.relname`,
  );
  if (owned.length === 0) return null;
  const names = owned.map((t) => t.name).join(' and ');
  const owner = owned[0]!.owner;
  return (
    `Hearth will not run in production as the database role "${role.name}": ` +
    (owner === role.name ? `it owns ${names}` : `it is a member of "${owner}", which owns ${names}`) +
    `, so it could switch off the audit trail's protection. ${WHAT_TO_DO}`
  );
}
