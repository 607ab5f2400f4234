/**
 * How modules may depend on each other. A module may use another module's tables, the conditions
 * that say who may read its records and the records as a viewer may read them (`scope.ts`), the
 * addresses of its pages (`paths.ts`) and the words for its codes (`labels.ts`). Anything else
 * crosses modules through declarations in a module's entry, registered by `registerModules` (the
 * panel business, the links and sections on another module's pages, a household's year on the
 * annual review, a concern a case audit finds, the household lifecycle recruitment moves, measures
 * and deadline rules). Tests and their shared fixtures (`test-support.ts`) may use any module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const modulesDir = resolve(import.meta.dirname);
const OPEN_TO_OTHER_MODULES = new Set(['tables.ts', 'scope.ts', 'paths.ts', 'labels.ts']);

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

/**
 * Where an import from a module's file (relative to src/modules) leads, when it leads into another
 * module: that module's file, and whether other modules may import it. Null for an import within the
 * module, of the platform, or of a module's entry through src/modules/index.ts.
 */
export function importInto(from: string, specifier: string): { to: string; open: boolean } | null {
  const to = relative(modulesDir, resolve(modulesDir, dirname(from), specifier));
  if (to.startsWith('..')) return null; // the platform, or outside src/modules
  const [module, ...rest] = to.split('/');
  if (module === from.split('/')[0] || rest.length === 0) return null;
  return { to, open: rest.length === 1 && OPEN_TO_OTHER_MODULES.has(rest[0]!) };
}

/** Every import from one module's file into another module, as "from -> to", and whether it is open. */
export function moduleImports(): { link: string; open: boolean }[] {
  const found = new Map<string, boolean>();
  for (const file of moduleFiles()) {
    const from = relative(modulesDir, file);
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const into = importInto(from, match[1]!);
      if (into) found.set(`${from} -> ${into.to}`, into.open);
    }
  }
  return [...found].map(([link, open]) => ({ link, open })).sort((a, b) => a.link.localeCompare(b.link));
}

describe('module boundaries', () => {
  const imports = moduleImports();

  it('reads every module and the imports between them', () => {
    expect(moduleFiles().length).toBeGreaterThan(100);
    // Modules do use each other's tables, scope, paths and labels: the scan sees those imports.
    expect(imports.filter((i) => i.open).length).toBeGreaterThan(50);
  });

  it('tells an import of another module’s tables from one of its services', () => {
    expect(importInto('recruitment/step.ts', '../households/tables.ts')).toEqual({
      to: 'households/tables.ts',
      open: true,
    });
    expect(importInto('recruitment/step.ts', '../households/service.ts')).toEqual({
      to: 'households/service.ts',
      open: false,
    });
    expect(importInto('recruitment/step.ts', './checks.ts')).toBeNull();
    expect(importInto('recruitment/step.ts', '../../platform/db/client.ts')).toBeNull();
  });

  it('no module imports another module’s services, queries, routes or entry', () => {
    expect(imports.filter((i) => !i.open).map((i) => i.link)).toEqual([]);
  });
});
