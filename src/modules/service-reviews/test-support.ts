/**
 * Test support for the six-monthly reviews: the demo's reviews cleared and the deadlines worked out
 * again for a day of the test's choosing, reviews written straight to the database, and an area of
 * the test's own. Made-up names only. Not used by the app.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, type IsoDate } from '../../platform/dates/index.ts';
import { rebuildDueItems } from '../../platform/due/index.ts';
import type { Who } from '../../platform/views/results.ts';
import { serviceReviewsDueRules } from './due.ts';
import { reviewKinds, type KindKey } from './kinds.ts';
import { halfYearEnd, slotId } from './periods.ts';
import { serviceReviews } from './tables.ts';

export const serviceReviewRuleIds = serviceReviewsDueRules.map((r) => r.id);

/** No reviews saved (the demo's cleared), and the reviews' deadlines worked out again as on `today`. */
export async function clearServiceReviews(db: Db, today: IsoDate): Promise<void> {
  await db.execute(sql`delete from service_reviews`);
  await rebuildDueItems(db, { ruleIds: serviceReviewRuleIds, today });
}

/**
 * A review written straight to the database: completed on a day (as if by `by`), or only saved;
 * first saved on `createdOn` (the day it was completed, or else two days after its half-year ended).
 */
export async function makeServiceReview(
  db: DbOrTx,
  f: {
    kind: KindKey;
    periodStart: IsoDate;
    areaId?: string | null;
    completedOn?: IsoDate | null;
    createdOn?: IsoDate;
    by: string;
  },
) {
  const areaId = f.areaId ?? null;
  const completed = f.completedOn ?? null;
  const createdOn = f.createdOn ?? completed ?? addDays(halfYearEnd(f.periodStart), 2);
  await db.insert(serviceReviews).values({
    id: slotId(f.kind, f.periodStart, areaId),
    kind: f.kind,
    areaId,
    periodStart: f.periodStart,
    heard: 'What we heard, in themes.',
    learnt: 'What we learnt.',
    willDo: 'What we will do.',
    updatedBy: f.by,
    createdAt: new Date(`${createdOn}T09:00:00Z`),
    ...(completed
      ? {
          completedOn: completed,
          completedAt: new Date(`${completed}T12:00:00Z`),
          completedBy: f.by,
          figures: { sections: [] },
        }
      : {}),
  });
}

/** Every review of the half-year (each kind, and each area for those written per area), completed on the day. */
export async function completeHalfYear(db: DbOrTx, periodStart: IsoDate, completedOn: IsoDate, by: string) {
  const areaIds = (await queryRows<{ id: string }>(db, sql`select id from areas order by name`)).map((a) => a.id);
  for (const kind of reviewKinds) {
    for (const areaId of kind.perArea ? areaIds : [null]) {
      await makeServiceReview(db, { kind: kind.key, periodStart, areaId, completedOn, by });
    }
  }
}

/** A new area with one fostering team, for figures counted in an area no demo record is in. */
export async function makeArea(db: DbOrTx, name: string): Promise<{ areaId: string; teamId: string }> {
  const [area] = await db.insert(areas).values({ name }).returning();
  const [team] = await db
    .insert(teams)
    .values({ name: `${name} Fostering Team`, areaId: area!.id })
    .returning();
  return { areaId: area!.id, teamId: team!.id };
}

/** Who is acting, for a service call in a test. */
export function whoIs(user: SignedInUser): Who {
  const actor: Actor = { userId: user.id, username: user.username, route: 'test', requestId: null };
  return { user, actor };
}

/** The three areas of the demo, by name. */
export async function areaIdOf(db: DbOrTx, name: string): Promise<string> {
  const [row] = await db
    .select({ id: areas.id })
    .from(areas)
    .where(sql`${areas.name} = ${name}`);
  if (!row) throw new Error(`no area called ${name}`);
  return row.id;
}

/** A member of staff who can sign in (the demo's password), in an area: a service manager by default. */
export async function makeSignInUser(
  db: DbOrTx,
  values: { displayName: string; areaId: string; role?: string },
): Promise<{ id: string; username: string }> {
  const username = `reviews-${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into users (username, display_name, role, area_id, password_hash)
      select ${username}, ${values.displayName}, ${values.role ?? 'service_manager'}, ${values.areaId}::uuid, password_hash
      from users where username = 'ssw' returning id`,
  );
  return { id: row!.id, username };
}
