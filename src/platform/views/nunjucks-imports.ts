/**
 * Nunjucks runs an imported template's top level again at every `{% from "…" import … %}`, to
 * collect the macros it exports. Every GOV.UK component's template imports `govukAttributes`
 * that way, so a list of 50 rows with a tag in each ran `attributes.njk` 50 times: a third of My
 * work's rendering time.
 *
 * A template imported without context sees nothing of the page that imports it (only the
 * environment's globals and filters, set once at start), so what it exports is the same every
 * time: its macros, each making a fresh frame when called. Those exports are kept per compiled
 * template and handed out again. An import `with context` (which can see the page's variables)
 * is run every time, as before. A template recompiled (in development) is a new object, so its
 * exports are collected afresh.
 */
import nunjucks from 'nunjucks';

type Exported = Record<string, unknown>;
type Done = (error: unknown, exported: Exported | null) => void;
interface TemplateInternals {
  getExported(ctx?: unknown, parentFrame?: unknown, cb?: Done): void;
}

const kept = new WeakMap<object, Exported>();
let installed = false;

/** Keeps what a template imported without context exports (idempotent; for every environment). */
export function keepImportedMacros(): void {
  if (installed) return;
  installed = true;
  const prototype = (nunjucks.Template as unknown as { prototype: TemplateInternals }).prototype;
  const collect = prototype.getExported;
  prototype.getExported = function (this: object, ctx?: unknown, parentFrame?: unknown, cb?: Done) {
    // `{% from "x" import y %}` calls getExported(callback); `with context` passes the page's
    // variables and frame first.
    if (typeof ctx !== 'function' || parentFrame !== undefined) {
      return collect.call(this, ctx, parentFrame, cb);
    }
    const done = ctx as Done;
    const exported = kept.get(this);
    if (exported) return done(null, exported);
    return collect.call(this, (error: unknown, fresh: Exported | null) => {
      if (!error && fresh) kept.set(this, fresh);
      done(error, fresh);
    });
  };
}
