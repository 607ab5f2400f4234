/**
 * The household lifecycle as the households module declares it to others (recruitment): an
 * enquiry recorded as a new household, and a move of status, each through this module's own writer
 * (recordEnquiry, changeStatus), which applies the allowed moves and keeps the status periods,
 * the deadlines and the audit trail; and the date of a move a step made, put right with the step's
 * own date (redateStepMove).
 */
import type { HouseholdLifecycle } from '../../platform/modules/household-lifecycle.ts';
import { invalid } from '../../platform/views/results.ts';
import { householdTypes, isHouseholdStatus, type HouseholdType } from './labels.ts';
import { changeStatus, recordEnquiry } from './service.ts';
import { redateStepMove } from './status-corrections.ts';

const isHouseholdType = (value: string): value is HouseholdType =>
  (householdTypes as readonly string[]).includes(value);

export const householdLifecycle: HouseholdLifecycle = {
  recordEnquiry(db, who, household, enquiredOn) {
    const { householdType } = household;
    if (!isHouseholdType(householdType)) {
      return Promise.resolve(invalid({ field: 'householdType', message: 'Select the type of fostering' }));
    }
    return recordEnquiry(db, who, { ...household, householdType }, enquiredOn);
  },
  changeStatus(db, who, householdId, move) {
    const { toStatus } = move;
    if (!isHouseholdStatus(toStatus)) {
      return Promise.resolve(invalid({ field: 'toStatus', message: 'Select the new status' }));
    }
    return changeStatus(db, who, householdId, { ...move, toStatus }, { origin: 'module-step' });
  },
  redateMove: redateStepMove,
};
