// Bundles the Express server (server/index.ts and what it imports from app/ and db/) into
// build/server.js. Packages stay external; the Remix app is loaded from build/index.js at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/index.ts'],
  outfile: 'build/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('Built build/server.js');
