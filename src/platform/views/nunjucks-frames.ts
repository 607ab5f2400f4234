/**
 * Nunjucks sets every template variable through `Frame#set`, which splits the name on dots each
 * time (so that `loop.index` lands in `loop`): a `{% for %}` sets seven `loop.` names per row, and a
 * macro each of its arguments. On the scorecard (96 measures, each with a 12-month trend table)
 * that was about 1,300 rows, and the arrays made by splitting were a sixth of the page's rendering.
 *
 * The names come from the compiled templates (variables, loop names, macro arguments), never from
 * what a page shows, so there are few: each is split once and kept. What a set does is unchanged.
 */
import nunjucks from 'nunjucks';

interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

const parts = new Map<string, readonly string[]>();

function partsOf(name: string): readonly string[] {
  let split = parts.get(name);
  if (split === undefined) {
    split = name.split('.');
    parts.set(name, split);
  }
  return split;
}

let installed = false;

/** Splits each variable name once (idempotent; for every environment). */
export function keepVariableNames(): void {
  if (installed) return;
  installed = true;
  const prototype = (nunjucks.runtime as unknown as { Frame: { prototype: Frame } }).Frame.prototype;
  prototype.set = function (this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
    const path = partsOf(name);
    if (resolveUp) {
      // As Nunjucks does: a name already set in an enclosing frame is set there.
      const frame = this.resolve(path[0]!, true);
      if (frame) return frame.set(name, value);
    }
    let object = this.variables;
    for (let i = 0; i < path.length - 1; i += 1) {
      const key = path[i]!;
      // As Nunjucks does: anything falsy there is replaced by an object.
      if (!object[key]) object[key] = {};
      object = object[key] as Record<string, unknown>;
    }
    object[path[path.length - 1]!] = value;
  };
}
