import type { DbOrTx } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';
import type { Who } from '../views/results.ts';

/**
 * What other modules do, in the same save, when a household changes in a way their records follow:
 * a carer leaves it (a couple separating), and the training module gives up the places booked for
 * them on sessions after the day they left; or its approval ends (deregistered, or withdrawn or
 * refused), and the extra support module ends its time as a hub family and the support it had from
 * one. Each module declares its part (`whenHouseholdChanges` in its entry); the households module,
 * which records the change, names none of them.
 */
export type HouseholdChange =
  | { kind: 'carer-left'; householdId: string; carerId: string; leftOn: IsoDate }
  | { kind: 'approval-ended'; householdId: string; endedOn: IsoDate };

export type HouseholdChangeHandler = (tx: DbOrTx, who: Who, change: HouseholdChange) => Promise<void>;

const handlers: HouseholdChangeHandler[] = [];

/** Called by `registerModules` for each module's declarations; registering one twice is harmless. */
export function registerHouseholdChangeHandler(handler: HouseholdChangeHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

/** Does every module's part of the change, in the caller's transaction, in the order the modules are listed. */
export async function householdChanged(tx: DbOrTx, who: Who, change: HouseholdChange): Promise<void> {
  for (const handler of handlers) await handler(tx, who, change);
}
