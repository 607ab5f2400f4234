/**
 * How modules may depend on each other. A module may use another module's tables, the conditions
 * that say who may read its records and the records as a viewer may read them (`scope.ts`), the
 * addresses of its pages (`paths.ts`) and the words for its codes (`labels.ts`). Anything else
 * crosses modules through declarations in a module's entry, registered by `registerModules` (the
 * panel business, the links and sections on another module's pages, a household's year on the
 * annual review, measures and deadline rules).
 * Tests and their shared fixtures (`test-support.ts`) may use any module.
 *
 * The few imports that still reach further are listed below with the reason each stays; the test
 * fails on any new one, and on a listed one that is no longer there, so the list stays true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const modulesDir = resolve(import.meta.dirname);
const OPEN_TO_OTHER_MODULES = new Set(['tables.ts', 'scope.ts', 'paths.ts', 'labels.ts']);

const STATUS =
  'Recruitment moves a household from enquiry through assessment with the households module’s own writer, the one place that applies the allowed transitions, keeps the status periods and refreshes the deadlines.';

/** "importing file -> imported file", both relative to src/modules, with why it stays. */
const STILL_CROSSING: Record<string, string> = {
  'recruitment/service.ts -> households/service.ts': STATUS,
  'recruitment/step.ts -> households/service.ts': STATUS,
};

function isTestCode(file: string): boolean {
  return file.endsWith('.test.ts') || file.endsWith('/test-support.ts');
}

function moduleFiles(): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const walk = (dir: string) => {
      for (const item of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, item.name);
        if (item.isDirectory()) walk(path);
        else if (item.name.endsWith('.ts') && !isTestCode(path)) files.push(path);
      }
    };
    walk(join(modulesDir, entry.name));
  }
  return files;
}

const importPattern = /^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms;

/** Every import from one module's file into another module, as "from -> to". */
export function crossingImports(): string[] {
  const crossings: string[] = [];
  for (const file of moduleFiles()) {
    const from = relative(modulesDir, file);
    const ownModule = from.split('/')[0];
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const to = relative(modulesDir, resolve(dirname(file), match[1]!));
      if (to.startsWith('..')) continue; // the platform, or outside src/modules
      const [module, ...rest] = to.split('/');
      if (module === ownModule || rest.length === 0) continue;
      if (rest.length === 1 && OPEN_TO_OTHER_MODULES.has(rest[0]!)) continue;
      crossings.push(`${from} -> ${to}`);
    }
  }
  return [...new Set(crossings)].sort();
}

describe('module boundaries', () => {
  const crossings = crossingImports();

  it('finds the imports it checks (the scan reads the modules)', () => {
    expect(moduleFiles().length).toBeGreaterThan(100);
  });

  it('no module imports another module’s services, queries or routes', () => {
    const unlisted = crossings.filter((c) => !(c in STILL_CROSSING));
    expect(unlisted).toEqual([]);
  });

  it('every import listed as still crossing is still there', () => {
    const gone = Object.keys(STILL_CROSSING).filter((c) => !crossings.includes(c));
    expect(gone).toEqual([]);
  });

  it('only src/modules/index.ts imports the modules’ entries', () => {
    const entryImports = crossings.filter((c) => c.endsWith('/index.ts'));
    expect(entryImports.filter((c) => !(c in STILL_CROSSING))).toEqual([]);
  });
});
