import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const publicDir = fileURLToPath(new URL('../../../public', import.meta.url));

/** Maps app.css and app.js to their content-hashed file names, built by scripts/build-assets.ts. */
export function loadAssetManifest(): Record<string, string> {
  const file = `${publicDir}/manifest.json`;
  if (!existsSync(file)) return { 'app.css': '/assets/app.css', 'app.js': '/assets/app.js' };
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}
