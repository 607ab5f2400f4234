/**
 * Test fixtures for the payments module: a set of rates and a disability enhancement written
 * straight to the database with their deadlines kept, as the service keeps them, and a child with
 * a disability placed with a new household. Made-up people and figures only.
 */
import { refreshDueItems } from '../../platform/due/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  makeChild,
  makePlacement,
  type ChildOverrides,
  type PlacementOverrides,
} from '../../../test/support/children.ts';
import { makeHousehold, type HouseholdOverrides } from '../../../test/support/households.ts';
import { reviewDueOn } from './service.ts';
import { paymentEnhancements, paymentRates } from './tables.ts';

/**
 * A set of rates from a day: allowances £200, £210, £240, £280; fees £0, £150, £300; day care £11.50
 * against £12.60. It takes the place of a set the demo published from the same day (the demo's
 * year's rates start on 1 April: a test that makes rates from today, run on 1 April, meets them).
 */
export async function makeRates(
  db: DbOrTx,
  effectiveFrom: string,
  overrides: Partial<typeof paymentRates.$inferInsert> = {},
) {
  const values = {
    allowance0To4: 20_000,
    allowance5To10: 21_000,
    allowance11To15: 24_000,
    allowance16To17: 28_000,
    feeLevel1: 0,
    feeLevel2: 15_000,
    feeLevel3: 30_000,
    dayCareHourly: 1_150,
    livingWageHourly: 1_260,
    ...overrides,
  };
  const [row] = await db
    .insert(paymentRates)
    .values({ effectiveFrom, ...values })
    .onConflictDoUpdate({ target: paymentRates.effectiveFrom, set: values })
    .returning();
  await refreshDueItems(db, 'payment-rates', [row!.id]);
  return row!;
}

/** A child with a disability placed with a new household of East Kent Fostering Team 1 (the demo manager's). */
export async function placedChild(
  db: DbOrTx,
  options: { household?: HouseholdOverrides; child?: ChildOverrides; placement?: Partial<PlacementOverrides> } = {},
) {
  const household = await makeHousehold(db, { allocatedSswUsername: 'ssw', ...options.household });
  const child = await makeChild(db, { disability: true, ...options.child });
  const placement = await makePlacement(db, { childId: child.id, householdId: household.id, ...options.placement });
  return { household, child, placement };
}

/** An enhancement for a placement (default: £120 a week, high need), its review date and deadline kept. */
export async function makeEnhancement(
  db: DbOrTx,
  values: Partial<typeof paymentEnhancements.$inferInsert> & { placementId: string; agreedOn: string },
) {
  const [row] = await db
    .insert(paymentEnhancements)
    .values({ weeklyAmount: 12_000, levelOfNeed: 'high', reviewDueOn: reviewDueOn(values.agreedOn), ...values })
    .returning();
  await refreshDueItems(db, 'payment-enhancement', [row!.id]);
  return row!;
}

/** A date's three boxes as a form posts them. */
export function dateBoxesOf(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}
