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
 *
 * A change recorded in error is put right the same way. A leaving cleared from the carer's record
 * (`carer-returned`), or an end of approval undone (`approval-restored`), gives back what ended with
 * it: each module keeps which of its records ended because of such a change (`ended_by`,
 * `cancelled_by`), and reopens those, unless something recorded since stands in the way (the carer
 * made an ambassador again, the supported household given another hub family, the training place
 * taken by another carer). A leaving or an end of approval whose
 * day is put right (`wasOn`) moves the days those records ended with it.
 */
export type HouseholdChange =
  | { kind: 'carer-left'; householdId: string; carerId: string; leftOn: IsoDate; wasOn?: IsoDate }
  | { kind: 'carer-returned'; householdId: string; carerId: string; leftOn: IsoDate }
  | { kind: 'approval-ended'; householdId: string; endedOn: IsoDate; wasOn?: IsoDate }
  | { kind: 'approval-restored'; householdId: string; endedOn: IsoDate };

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
