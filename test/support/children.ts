import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { areas, users } from '../../src/platform/auth/tables.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { children } from '../../src/modules/children/tables.ts';
import {
  agencyPlacements,
  delegatedAuthorities,
  placements,
  referralEvents,
  referrals,
} from '../../src/modules/placements/tables.ts';
import { refreshDueItems } from '../../src/platform/due/index.ts';

/**
 * Fixture builders for children, referrals and placements in `*.db.test.ts` files. They write
 * straight to the database (no audit, no rules) so a test can set up the world it needs, and
 * refresh the kept deadlines of what they write, as the services do; made-up people only.
 */

export type Child = typeof children.$inferSelect;
export type Referral = typeof referrals.$inferSelect;
export type Placement = typeof placements.$inferSelect;
export type AgencyPlacement = typeof agencyPlacements.$inferSelect;

let counter = 0;
/** A reference the service never gives (7+ digits; the service numbers C-000001 upwards). */
function fixtureReference(prefix: string): string {
  counter += 1;
  return `${prefix}-9${String(randomInt(0, 99_999)).padStart(5, '0')}${counter}`;
}

async function userId(db: DbOrTx, username: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id ?? null;
}

async function areaId(db: DbOrTx, name: string): Promise<string> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.name, name));
  if (!row) throw new Error(`makeChild: no area called ${name} (is the demo seeded?)`);
  return row.id;
}

export interface ChildOverrides extends Partial<typeof children.$inferInsert> {
  /** Area by name (default 'East Kent'); ignored when areaId is given. */
  area?: string;
  /**
   * The allocated children's social worker by username (default 'cicsw' when that demo user
   * exists). Pass `null` for an unallocated child; allocatedSocialWorkerId wins when given.
   */
  socialWorker?: string | null;
}

/** A child in care: 9 years old, looked after since 2024-01-15, East Kent, allocated to cicsw. */
export async function makeChild(db: DbOrTx, overrides: ChildOverrides = {}): Promise<Child> {
  const { area, socialWorker, ...values } = overrides;
  const resolvedArea = values.areaId ?? (await areaId(db, area ?? 'East Kent'));
  let allocated: string | null | undefined = values.allocatedSocialWorkerId;
  if (allocated === undefined) {
    allocated = socialWorker === null ? null : await userId(db, socialWorker ?? 'cicsw');
  }
  const [row] = await db
    .insert(children)
    .values({
      reference: fixtureReference('C'),
      firstName: 'Riley',
      lastName: 'Testchild',
      dateOfBirth: '2016-03-10',
      gender: 'female',
      ethnicity: 'White British',
      legalStatus: 's31_care_order',
      lookedAfterSince: '2024-01-15',
      schoolPostcode: null,
      ...values,
      areaId: resolvedArea,
      allocatedSocialWorkerId: allocated,
    })
    .returning();
  await refreshDueItems(db, 'child', [row!.id]);
  return row!;
}

export interface ReferralOverrides extends Partial<typeof referrals.$inferInsert> {
  childId: string;
  /** Who made it, by username (default 'cicsw' when that demo user exists). */
  requestedByUser?: string;
}

/** A submitted long-term referral, planned, needed from 2025-09-01, single child. */
export async function makeReferral(db: DbOrTx, overrides: ReferralOverrides): Promise<Referral> {
  const { requestedByUser, ...values } = overrides;
  const requestedBy = values.requestedBy ?? (await userId(db, requestedByUser ?? 'cicsw'));
  const [row] = await db
    .insert(referrals)
    .values({
      placementType: 'long_term',
      urgency: 'planned',
      neededFrom: '2025-09-01',
      needs: 'A settled family home close to school.',
      siblingGroupSize: 1,
      status: 'submitted',
      ...values,
      requestedBy,
    })
    .returning();
  await db.insert(referralEvents).values({ referralId: row!.id, kind: 'submitted', byUserId: requestedBy });
  return row!;
}

export interface PlacementOverrides extends Partial<typeof placements.$inferInsert> {
  childId: string;
  householdId: string;
}

/** An open long-term placement that started on 2025-01-06. */
export async function makePlacement(db: DbOrTx, overrides: PlacementOverrides): Promise<Placement> {
  const [row] = await db
    .insert(placements)
    .values({ placementType: 'long_term', startDate: '2025-01-06', ...overrides })
    .returning();
  await refreshDueItems(db, 'placement', [row!.id]);
  return row!;
}

export interface AgencyPlacementOverrides extends Partial<typeof agencyPlacements.$inferInsert> {
  childId: string;
}

/**
 * An open long-term placement with an agency that started on 2025-01-06, written as the service
 * writes one: with the kept facts and deadlines that follow it.
 */
export async function makeAgencyPlacement(db: DbOrTx, overrides: AgencyPlacementOverrides): Promise<AgencyPlacement> {
  const [row] = await db
    .insert(agencyPlacements)
    .values({
      agencyName: 'Kestrel Family Placements',
      placementType: 'long_term',
      startDate: '2025-01-06',
      ...overrides,
    })
    .returning();
  await refreshDueItems(db, 'agency-placement', [row!.id]);
  return row!;
}

/** A delegated authority form for a placement: drafted (not signed) unless dates are given. */
export async function makeDelegatedAuthority(
  db: DbOrTx,
  overrides: Partial<typeof delegatedAuthorities.$inferInsert> & { placementId: string },
): Promise<typeof delegatedAuthorities.$inferSelect> {
  const [row] = await db
    .insert(delegatedAuthorities)
    .values({
      medicalHolder: 'shared',
      educationHolder: 'foster_carer',
      socialHolder: 'foster_carer',
      religiousHolder: 'parent',
      culturalHolder: 'shared',
      ...overrides,
    })
    .returning();
  await refreshDueItems(db, 'placement', [overrides.placementId]);
  return row!;
}
