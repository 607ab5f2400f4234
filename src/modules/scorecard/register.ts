import type { KeptFacts } from '../../platform/measures/facts.ts';
import { householdStatusPeriodFacts } from '../households/facts.ts';
import { childSeenFacts, householdSupervisionFacts } from '../supervision/facts.ts';
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

/**
 * Every module's kept facts (tables derived from its records and kept in step on write), for the
 * rebuild command, its check and the demo loader.
 */
export function allKeptFacts(): KeptFacts[] {
  return [householdStatusPeriodFacts, householdSupervisionFacts, childSeenFacts];
}
