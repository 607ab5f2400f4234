/**
 * Every module's statutory deadlines, registered with the deadline engine in one place (called
 * when the home routes are registered, so "My work" and the rules page know them all).
 */
import { registerChildrenDueRules } from '../children/due.ts';
import { registerHouseholdsDueRules } from '../households/due.ts';
import { registerPlacementsDueRules } from '../placements/due.ts';
import { registerSupervisionDueRules } from '../supervision/due.ts';

export function registerAllDueRules(): void {
  registerChildrenDueRules();
  registerPlacementsDueRules();
  registerHouseholdsDueRules();
  registerSupervisionDueRules();
}
