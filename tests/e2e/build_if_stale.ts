import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newestMtime(join(p, n))));
}

/**
 * Rebuilds dist/ when a source is newer than it, so tests and benchmarks always run
 * the current code.
 *
 * @returns true when it built
 */
export function buildIfStale(): boolean {
  const built = newestMtime(join(ROOT, 'dist/index.html'));
  const inputs = ['src', 'public', 'geodata', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(ROOT, p)));
  if (built && built >= Math.max(...inputs)) return false;
  // Vitest sets NODE_ENV=test; the build must be the production one (import.meta.env.PROD), as `npm run build` makes it.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}
