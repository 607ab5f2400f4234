/**
 * The audit page says what each person did in words. This test reads the code for every action,
 * record type and record part it writes to the audit trail (the literals passed to recordAudit and
 * its helpers, the constants they name, and the record types each module registers) and holds
 * words.ts to them: a new module that writes "book" on a "training-booking" fails here until
 * "Booked the training booking" can be said.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerAllModules } from '../../modules/index.ts';
import { recordTypes } from '../access/registry.ts';
import { actionWords, auditWords, partWords, recordWords } from './words.ts';

const src = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.startsWith('test-') &&
      entry.name !== 'tables.ts'
      ? [path]
      : [];
  });
}

const files = sourceFiles(src).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const all = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[1]!);
/** `const STAFF_RECORD = 'staff-member'`: the constants a record type may be named by. */
const constants = new Map(
  files.flatMap((f) => [...f.text.matchAll(/const ([A-Z_]+) = '([a-z-]+)'/g)].map((m) => [m[1]!, m[2]!])),
);

/** The values of `key: ...` in the code: quoted literals (also either side of a `?:`) and named constants. */
function written(key: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const { path, text } of files) {
    for (const expression of all(new RegExp(`\\b${key}: ([^,\\n}]+)`, 'g'), text)) {
      const values = [
        ...all(/'([a-z][a-z-]*)'/g, expression),
        ...all(/^([A-Z_]+)$/g, expression.trim()).map((name) => constants.get(name) ?? name),
      ];
      for (const value of values) found.set(value, path.slice(src.length));
    }
  }
  return found;
}

/** Recruitment's steps write `part: \`recruitment-${step.path}\``: one part for each step's page. */
function recruitmentParts(): Map<string, string> {
  const steps = files.filter((f) => /modules\/recruitment\/steps-[a-z]+\.ts$/.test(f.path));
  expect(steps.length, 'recruitment steps found').toBeGreaterThan(0);
  expect(files.some((f) => f.text.includes('part: `recruitment-${step.path}`'))).toBe(true);
  return new Map(steps.flatMap((f) => all(/\bpath: '([a-z-]+)'/g, f.text).map((p) => [`recruitment-${p}`, f.path])));
}

describe('the audit trail in words', () => {
  it('has words for every action the code writes', () => {
    const actions = written('action');
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions].filter(([action]) => !actionWords[action]).map(([a, where]) => `${a} (${where})`);
    expect(missing).toEqual([]);
  });

  it('has words for every record type the code writes or a module registers', () => {
    registerAllModules();
    const types = written('recordType');
    for (const type of recordTypes()) types.set(type, 'registered');
    expect(types.size).toBeGreaterThan(20);
    const missing = [...types].filter(([type]) => !recordWords[type]).map(([t, where]) => `${t} (${where})`);
    expect(missing).toEqual([]);
  });

  it('has words for every part of a record the code names', () => {
    const parts = new Map([...written('part'), ...recruitmentParts()]);
    const missing = [...parts].filter(([part]) => !partWords[part]).map(([p, where]) => `${p} (${where})`);
    expect(missing).toEqual([]);
  });

  it('says what was done to what, as a sentence', () => {
    expect(auditWords('view', 'household', null)).toBe('Viewed the household record');
    expect(auditWords('update', 'household', { part: 'terms' })).toBe(
      'Changed the approval terms on the household record',
    );
    expect(auditWords('book', 'training-booking', { via: 'portal' })).toBe('Booked the training booking');
    expect(auditWords('update', 'panel-meeting', { part: 'minutes-signed' })).toBe(
      'Changed the signed minutes on the panel meeting',
    );
    expect(auditWords('update', 'household', { part: 'recruitment-initial-visit' })).toBe(
      'Changed the initial visit on the household record',
    );
  });
});
