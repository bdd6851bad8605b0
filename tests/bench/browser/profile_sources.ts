import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// (a dependency of vite's: the benchmarks only read source maps with it)
import { SourceMapConsumer } from 'source-map-js';

/** A CPU profile node's call frame, as Chromium's profiler gives it. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Where each node of a CPU profile of the built app ran, in the sources: the original file and
 * function through dist/'s source maps (bench-server URLs `/s/<n>/assets/…js`), or the bundle's
 * file name where no map applies, and "(native)" for frames without a URL.
 *
 * @param nodes - the profile's nodes
 * @param root - the repository (dist/ is read from it)
 * @returns node id → { file, fn }
 */
export function profileSources(nodes: readonly ProfileNode[], root: string): Map<number, { file: string; fn: string }> {
  type Consumer = InstanceType<typeof SourceMapConsumer>;
  const maps = new Map<string, Consumer | null>();
  const consumer = (url: string): Consumer | null => {
    if (maps.has(url)) return maps.get(url)!;
    const m = /\/s\/\d+\/(assets\/[^?#]+\.js)$/.exec(url);
    const file = m ? join(root, 'dist', `${m[1]}.map`) : '';
    const c = file && existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null;
    maps.set(url, c);
    return c;
  };
  const where = new Map<number, { file: string; fn: string }>();
  for (const n of nodes) {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    if (!url) {
      where.set(n.id, { file: functionName || '(native)', fn: functionName || '(native)' });
      continue;
    }
    const pos = consumer(url)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    const file = pos?.source ? pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '') : url.replace(/^.*\//, '');
    where.set(n.id, { file, fn: (pos?.source && pos.name) || functionName || '(anonymous)' });
  }
  return where;
}
