/**
 * Test fixtures for staff supervision: made-up members of staff (signing in with the demo password),
 * and sessions, agreements, training and start dates written straight to the database with the
 * member's deadlines kept, as the service keeps them.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { staffAgreements, staffSessions, staffStarts, staffTraining } from './tables.ts';

let made = 0;

/** A member of staff in a team (default: a supervising social worker of East Kent Fostering Team 1). */
export async function makeStaffUser(
  db: DbOrTx,
  values: { displayName?: string; role?: string; team?: string | null; createdAt?: string } = {},
) {
  made += 1;
  const username = `staff-fixture-${made}-${Math.random().toString(36).slice(2, 8)}`;
  const team = values.team === undefined ? 'East Kent Fostering Team 1' : values.team;
  const [row] = await queryRows<{ id: string; username: string }>(
    db,
    sql`insert into users (username, display_name, role, team_id, area_id, password_hash, created_at)
      select ${username}, ${values.displayName ?? `Fixture Worker ${made}`}, ${values.role ?? 'supervising_social_worker'},
        t.id, t.area_id, (select password_hash from users where username = 'ssw'),
        ${values.createdAt ?? '2020-01-06'}::timestamptz
      from (select 1) one left join teams t on t.name = ${team}
      returning id, username`,
  );
  return row!;
}

const refresh = (db: DbOrTx, id: string) => refreshDueItems(db, 'staff-member', [id]);

export async function makeStart(db: DbOrTx, userId: string, joinedOn: string, inductionRequired = false) {
  await db.insert(staffStarts).values({ userId, joinedOn, inductionRequired });
  await refresh(db, userId);
}

export async function makeSession(db: DbOrTx, staffUserId: string, heldOn: string, supervisorId: string) {
  const [row] = await db
    .insert(staffSessions)
    .values({
      staffUserId,
      supervisorId,
      heldOn,
      caseDiscussion: 'Fixture discussion.',
      wellbeing: 'Fixture wellbeing.',
      development: 'Fixture development.',
      actions: 'Fixture actions.',
    })
    .returning();
  await refresh(db, staffUserId);
  return row!;
}

export async function makeAgreement(
  db: DbOrTx,
  staffUserId: string,
  signedOn: string,
  frequencyWeeks: number,
  by: string,
) {
  await db.insert(staffAgreements).values({ staffUserId, supervisorId: by, signedOn, frequencyWeeks });
  await refresh(db, staffUserId);
}

export async function makeTraining(db: DbOrTx, staffUserId: string, items: Record<string, string>) {
  await db
    .insert(staffTraining)
    .values(Object.entries(items).map(([item, completedOn]) => ({ staffUserId, item, completedOn })));
  await refresh(db, staffUserId);
}
