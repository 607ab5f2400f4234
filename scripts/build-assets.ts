/**
 * Builds the stylesheet (sass) and script (esbuild) into public/ with content-hashed names
 * and a manifest. Skips the work when the built files are newer than every source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}public`;
const manifestFile = `${out}/manifest.json`;

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = `${dir}/${entry.name}`;
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

function hashed(name: string, ext: string, content: string | Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const file = `${name}-${hash}.${ext}`;
  writeFileSync(`${out}/${file}`, content);
  return `/assets/${file}`;
}

const force = process.argv.includes('--force');
const sourcesChanged = !existsSync(manifestFile) || newestSource(`${root}assets`) > statSync(manifestFile).mtimeMs;
if (!force && !sourcesChanged) {
  console.log('assets are up to date');
} else {
  // Loaded only when there is work to do: a warm start skips the compilers entirely.
  const sass = await import('sass');
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const css = sass.compile(`${root}assets/scss/app.scss`, {
    loadPaths: [root],
    style: 'compressed',
    quietDeps: true,
    logger: sass.Logger.silent,
  }).css;
  const js = await build({
    entryPoints: [`${root}assets/js/app.js`],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2020',
    logLevel: 'warning',
  });
  const manifest = {
    'app.css': hashed('app', 'css', css),
    'app.js': hashed('app', 'js', js.outputFiles[0]!.contents),
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  console.log(`assets built: ${Object.values(manifest).join(', ')}`);
}
