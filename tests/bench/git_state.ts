import { execFileSync } from 'node:child_process';

/**
 * The commit a benchmark measured, with a mark when the app's sources differ from it.
 * `BENCH_COMMIT` names it for a run made from a snapshot of the tree (e.g. `git archive`, no .git).
 *
 * @param root - the repository
 */
export function gitState(root: string): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts']);
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return '?';
  }
}
