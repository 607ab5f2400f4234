import type { Measure } from './types.ts';

const measures = new Map<string, Measure>();

/** A module registers each of its measures once (at start-up, from its measures.ts). */
export function registerMeasure(measure: Measure): void {
  const existing = measures.get(measure.id);
  if (existing && existing !== measure) throw new Error(`measure ${measure.id} is registered twice`);
  measures.set(measure.id, measure);
}

export function allMeasures(): Measure[] {
  return [...measures.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function findMeasure(id: string): Measure | undefined {
  return measures.get(id);
}
