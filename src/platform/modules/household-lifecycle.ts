import type { Db } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';
import type { Result, Who } from '../views/results.ts';
import { oneDeclaration } from './declared.ts';

/**
 * A household's lifecycle as another module moves it: recruitment records an enquiry as a new
 * household (with its first carer) and moves it from enquiry through assessment. The households
 * module alone applies the moves it allows, keeps the status periods and deadlines and audits each;
 * it declares how (`householdLifecycle` in its entry), so recruitment names none of its functions.
 * Statuses and household types are the households module's codes, kept as strings here.
 */

/** A new household from an enquiry, and its first carer. */
export interface NewHousehold {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  teamId: string;
  /** One of the households module's types ('mainstream', 'family_and_friends' ...). */
  householdType: string;
  carerFirstName: string;
  carerLastName: string;
}

/** A move to another status, on a day, with a reason where the move needs one. */
export interface StatusMove {
  /** One of the households module's statuses ('in_assessment', 'withdrawn' ...). */
  toStatus: string;
  onDate: IsoDate;
  reason: string | null;
}

export interface HouseholdLifecycle {
  /** Records the enquiry made on `enquiredOn`: the household, its first carer and its first status. */
  recordEnquiry(db: Db, who: Who, household: NewHousehold, enquiredOn: IsoDate): Promise<Result>;
  /** Moves the household to a status if the move is allowed, under the households module's rules. */
  changeStatus(db: Db, who: Who, householdId: string, move: StatusMove): Promise<Result<object>>;
  /**
   * Moves the date of a status change a step recorded (found by its status and the day it was
   * recorded on) when the step's own date is put right, in the step's transaction: refused, with a
   * message for the date's field, when the new day would put the household's status history out of
   * order. Nothing to move is not a refusal. A move that ended the household's approval moves the day
   * what ended with it ended (see household-changes.ts), on `who`'s trail.
   */
  redateMove(db: Db, householdId: string, move: StatusRedate, who: Who): Promise<string | null>;
}

/** The status change a step recorded on `wasOn`, to be dated `nowOn`. */
export interface StatusRedate {
  toStatus: string;
  wasOn: IsoDate;
  nowOn: IsoDate;
}

const lifecycle = oneDeclaration<HouseholdLifecycle>('the household lifecycle');

/** Called by `registerModules`: the module that keeps households declares how they are moved. */
export const registerHouseholdLifecycle = lifecycle.register;

/** How a household is recorded and moved, as the module that keeps households declared it. */
export const householdLifecycle = lifecycle.get;
