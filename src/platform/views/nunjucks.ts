import { createRequire } from 'node:module';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { datesInWords, formatCount, formatDate, formatDateTime } from './format.ts';
import { keepImportedMacros } from './nunjucks-imports.ts';
import { keepVariableNames } from './nunjucks-frames.ts';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Where templates are found: the platform layout, every module's views/, then the design systems. */
export function templatePaths(): string[] {
  const viewsOf = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .map((name) => `${dir}/${name}/views`)
          .filter((views) => existsSync(views))
      : [];
  return [
    `${root}src/platform/views/templates`,
    ...viewsOf(`${root}src/platform`),
    ...viewsOf(`${root}src/modules`),
    `${root}node_modules/govuk-frontend/dist`,
    `${root}node_modules/@ministryofjustice/frontend`,
  ];
}

/**
 * Nunjucks' `trim`, with the same result (JavaScript's `\s` is the whitespace String#trim removes)
 * in linear time. Nunjucks' own is a regular expression, /^\s*|\s*$/g, that tries `\s*$` from every
 * position of a run of spaces and so reads each run once for each space in it; GOV.UK Frontend's
 * components trim every block they wrap (`caller() | trim`), whose runs of indentation are long:
 * it was a seventh of the time a page took to render (CPU profile of every kind of page).
 * A safe string stays safe, as Nunjucks' copySafeness keeps it.
 */
function trim(value: unknown): unknown {
  const trimmed = String(value ?? '').trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
}

/** Configures the Nunjucks environment: MOJ's filters and Hearth's own. */
export function configureNunjucks(env: nunjucks.Environment): nunjucks.Environment {
  keepImportedMacros();
  keepVariableNames();
  const mojFilters = require('@ministryofjustice/frontend/moj/filters/all.js') as () => Record<
    string,
    (...args: unknown[]) => unknown
  >;
  for (const [name, filter] of Object.entries(mojFilters())) env.addFilter(name, filter);
  env.addFilter('ukDate', formatDate);
  env.addFilter('ukDateTime', formatDateTime);
  env.addFilter('datesInWords', datesInWords);
  env.addFilter('count', formatCount);
  env.addFilter('trim', trim);
  return env;
}

/** A standalone environment (for rendering outside a request: emails, PDFs, tests). */
export function createNunjucksEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatePaths(), { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  return configureNunjucks(env);
}
