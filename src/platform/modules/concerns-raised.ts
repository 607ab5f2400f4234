import type { DbOrTx } from '../db/client.ts';
import type { Result, Who } from '../views/results.ts';
import { oneDeclaration } from './declared.ts';

/**
 * A safeguarding concern that another module's work finds about a household (a case-file audit
 * that finds one), raised at once, in that work's transaction, with the module that keeps concerns.
 * That module declares how (`raisesConcerns` in its entry); the finder names no other module.
 */
export interface ConcernFound {
  householdId: string;
  /** What was found, in the finder's words. */
  summary: string;
  /** The record that found it: its type ('case-audit') and id, so the concern links back to it. */
  foundBy: { recordType: string; recordId: string };
}

/** Raises a concern found by another module's record; refuses (never half-writes) what it cannot. */
export type ConcernRaiser = (tx: DbOrTx, who: Who, found: ConcernFound) => Promise<Result>;

const raiser = oneDeclaration<ConcernRaiser>('how a concern is raised');

/** Called by `registerModules`: the one module that keeps concerns declares how one is raised. */
export const registerConcernRaiser = raiser.register;

/** Raises a concern found by another module's record, in the caller's transaction. */
export function raiseConcern(tx: DbOrTx, who: Who, found: ConcernFound): Promise<Result> {
  return raiser.get()(tx, who, found);
}
