/**
 * A tiny static server on 127.0.0.1 for the browser benchmark. Both pages come from it, so
 * they pay the same HTTP costs:
 * - `/s/<n>/…`            the production build (dist/), with `data/clusters.geojson` = n synthetic clusters
 *                          (and the cluster tiles cut from them, as the build cuts them)
 * - `/s/<n>/bare.html`     the bare MapLibre page, reading the same `data/clusters.geojson`
 * - `/ml/…`                maplibre-gl's own ESM build from node_modules (for the bare page)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { clustersFile, REAL_FILES, tilesDir } from './datasets';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/json', '.pbf': 'application/x-protobuf', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.map': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

function inside(base: string, rel: string): string | null {
  const p = normalize(join(base, decodeURIComponent(rel)));
  return p.startsWith(base) && existsSync(p) && statSync(p).isFile() ? p : null;
}

/** Resolves a request path to a file, or null (404). */
export function resolvePath(pathname: string): string | null {
  const ml = /^\/ml\/(.+)$/.exec(pathname);
  if (ml) return inside(join(ROOT, 'node_modules/maplibre-gl/dist'), ml[1]!);
  const m = /^\/s\/(\d+)\/(.*)$/.exec(pathname);
  if (!m) return null;
  const n = Number(m[1]);
  const rest = m[2] || 'index.html';
  if (rest === 'bare.html') return join(import.meta.dirname, 'bare.html');
  if (rest === 'data/clusters.geojson') return clustersFile(n);
  const tile = /^data\/tiles\/(\d+\/\d+\/\d+\.pbf)$/.exec(rest);
  if (tile) return inside(tilesDir(n), tile[1]!);
  const real = REAL_FILES[/^data\/([\w.]+)$/.exec(rest)?.[1] ?? ''];
  if (real) return real;
  // (everything else, files the build derives from the real ones too, e.g. the map's context file, from dist/)
  return inside(join(ROOT, 'dist'), rest);
}

/** Starts the server on a free port of 127.0.0.1; resolves with its base URL. */
export function startServer(): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = resolvePath(url.pathname);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size, 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((res, rej) => {
    server.listen(0, '127.0.0.1', () => res({ base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server }));
    server.on('error', rej);
  });
}
