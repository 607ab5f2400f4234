/**
 * The demo business plan links each measure to the actions its own plan target names: a measure
 * that says it tracks "Target 3, action 3.2" is shown on action 3.2, and one that names only a
 * target ("Target 8") on at least one of that target's actions. Measures from another plan
 * ("Business plan 2016") or none are left out. So a head of fostering reading an action sees every
 * figure Hearth keeps for it.
 */
import { describe, expect, it } from 'vitest';
import { registerAllModules } from '../../src/modules/index.ts';
import { dueRule } from '../../src/platform/due/index.ts';
import { allMeasures, findMeasure } from '../../src/platform/measures/index.ts';
import { demoPlanActions } from './plan.ts';

/** The actions ("action 3.2", "actions 1.1, 1.2 and 6.3", "Target 10.2") and targets ("Target 8") a plan target names. */
export function namedInPlanTarget(text: string): { actions: string[]; targets: string[] } {
  const actions = [...text.matchAll(/\bactions? (\d+\.\d+(?:(?:, | and )\d+\.\d+)*)/gi)].flatMap((m) =>
    m[1]!.split(/, | and /),
  );
  actions.push(...[...text.matchAll(/\bTarget (\d+\.\d+)/g)].map((m) => m[1]!));
  const targets = [...text.matchAll(/\bTarget (\d+)\b(?!\.\d)/g)].map((m) => m[1]!);
  return { actions: [...new Set(actions)], targets: [...new Set(targets)] };
}

describe('the demo business plan', () => {
  it('reads the actions and targets a plan target names', () => {
    expect(namedInPlanTarget('Business plan actions 1.1, 1.2, 3.2 and 6.3: children’s feedback')).toEqual({
      actions: ['1.1', '1.2', '3.2', '6.3'],
      targets: [],
    });
    expect(namedInPlanTarget('Target 1, action 1.1: children seen; Target 7: support')).toEqual({
      actions: ['1.1'],
      targets: ['1', '7'],
    });
    expect(namedInPlanTarget('Target 10.2: robust recommendations')).toEqual({ actions: ['10.2'], targets: [] });
  });

  it('links every measure to the actions its plan target names', () => {
    registerAllModules();
    const actions = demoPlanActions();
    const linkedTo = (id: string) => actions.filter((a) => a.measures.includes(id)).map((a) => a.n);
    const missing: string[] = [];
    let checked = 0;
    for (const measure of allMeasures()) {
      const text = measure.planTarget ?? '';
      if (!text || /^None\b|Business plan 2016/i.test(text)) continue;
      const named = namedInPlanTarget(text);
      const linked = linkedTo(measure.id);
      checked += 1;
      for (const n of named.actions) if (!linked.includes(n)) missing.push(`${measure.id} on action ${n}`);
      if (named.actions.length === 0) {
        for (const t of named.targets) {
          if (!linked.some((n) => n.startsWith(`${t}.`))) missing.push(`${measure.id} on an action of target ${t}`);
        }
      }
    }
    expect(checked, 'measures with a plan target').toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('links only deadlines and measures Hearth has (a renamed one would show as a bare id)', () => {
    registerAllModules();
    const actions = demoPlanActions();
    const deadlines = actions.flatMap((a) => a.deadlines);
    expect(deadlines.length, 'deadlines linked').toBeGreaterThan(10);
    expect(deadlines.filter((id) => !dueRule(id))).toEqual([]);
    expect(actions.flatMap((a) => a.measures).filter((id) => !findMeasure(id))).toEqual([]);
  });
});
