// `npm start`: builds first when there is no build, then serves it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/server.js') || !existsSync('build/index.js')) {
  console.log('No build found: building first (this takes a minute the first time).');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('../build/server.js');
