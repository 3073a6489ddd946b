import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The project folder, found by walking up from this module to package.json. Works the same from
 * source (tsx, vitest) and from the bundles in build/, so migrations and reference files are found
 * without depending on the current directory.
 */
export function projectPath(...parts: string[]): string {
  if (!root) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error('Cannot find the project folder (no package.json above this module)');
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, ...parts);
}
