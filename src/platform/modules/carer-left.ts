import type { DbOrTx } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';
import type { Who } from '../views/results.ts';

/**
 * What other modules do, in the same save, when a carer leaves their household (a couple
 * separating): the training module gives up the places booked for them on sessions after the day
 * they left. Each module declares its part (`whenCarerLeaves` in its entry); the households module,
 * which records the leaving, names none of them.
 */
export interface CarerLeft {
  carerId: string;
  householdId: string;
  leftOn: IsoDate;
}

export type CarerLeftHandler = (tx: DbOrTx, who: Who, left: CarerLeft) => Promise<void>;

const handlers: CarerLeftHandler[] = [];

/** Called by `registerModules` for each module's declarations; registering one twice is harmless. */
export function registerCarerLeftHandler(handler: CarerLeftHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

/** Does every module's part of a carer leaving, in the caller's transaction, in the order the modules are listed. */
export async function carerLeft(tx: DbOrTx, who: Who, left: CarerLeft): Promise<void> {
  for (const handler of handlers) await handler(tx, who, left);
}
