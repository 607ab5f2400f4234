import { registerChildMeasures } from '../children/measures.ts';
import { registerHouseholdMeasures } from '../households/measures.ts';
import { registerPlacementMeasures } from '../placements/measures.ts';
import { registerSupervisionMeasures } from '../supervision/measures.ts';

/**
 * Every module's measures, registered once. A new module's measures (supervision, reviews,
 * training ...) are added here with one line: the engine and the pages need no change.
 */
export function registerAllMeasures(): void {
  registerHouseholdMeasures();
  registerPlacementMeasures();
  registerChildMeasures();
  registerSupervisionMeasures();
}
