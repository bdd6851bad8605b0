import { createHash } from 'node:crypto';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { CLUSTER_ANCHORS_FILE, clusterAnchorsText } from './src/geo/cluster_anchors.ts';
import type { ClusterCollection } from './src/geo/types.ts';

/** Data files served under /data/ (dev) and emitted into dist/data/ (build). */
const DATA: Record<string, string> = {
  'clusters.geojson': 'geodata/clusters.geojson',
  'industrial_zones.geojson': 'geodata/industrial_zones.geojson',
  'craft_villages.geojson': 'geodata/craft_villages.geojson',
  'ex_provinces.geojson': 'geodata/boundaries/ex_provinces.geojson',
  'province.geojson': 'geodata/boundaries/province.geojson',
  'reported_figures.json': 'geodata/reported_figures.json',
};

/**
 * The map's anchor points (dots and labels) derived from the clusters file, so the map can
 * load them by URL instead of computing them on the main thread at start. Null when the
 * clusters file is missing or unreadable (the app then reports the clusters file).
 */
function anchorsText(): string | null {
  try {
    return clusterAnchorsText(JSON.parse(readFileSync(DATA['clusters.geojson']!, 'utf8')) as ClusterCollection);
  } catch {
    return null;
  }
}

function geodata(): Plugin {
  return {
    name: 'geodata',
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]!);
        const rel = DATA[name];
        const file = rel && resolve(rel);
        const body = name === CLUSTER_ANCHORS_FILE ? anchorsText() : file && existsSync(file) ? readFileSync(file) : null;
        if (body === null) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(body);
      });
    },
    generateBundle() {
      for (const [name, rel] of Object.entries(DATA)) {
        if (!existsSync(rel)) {
          this.warn(`geodata file missing: ${rel} (run npm run geodata); the app will report it`);
          continue;
        }
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(rel) });
      }
      const anchors = anchorsText();
      if (anchors !== null) this.emitFile({ type: 'asset', fileName: `data/${CLUSTER_ANCHORS_FILE}`, source: anchors });
    },
  };
}

/**
 * A service worker that precaches the whole build (app, data, fonts, glyphs), so the map
 * reopens with no connection at all. The file list is written at build time.
 */
function offline(): Plugin {
  return {
    name: 'offline-sw',
    apply: 'build',
    generateBundle(_, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const glyphs = existsSync('public/fonts')
        ? readdirSync('public/fonts').flatMap((d) => readdirSync(`public/fonts/${d}`).map((f) => `fonts/${encodeURIComponent(d)}/${f}`))
        : [];
      // The version follows the contents (data files keep their names), so any change installs a new cache.
      const hash = createHash('sha256');
      for (const f of files) {
        const item = bundle[f]!;
        hash.update(f).update(item.type === 'chunk' ? item.code : item.source);
      }
      const version = hash.digest('hex').slice(0, 12);
      const sw = readFileSync('src/app/sw_template.js', 'utf8')
        .replace('__VERSION__', version)
        .replace('__FILES__', JSON.stringify(['./', ...files.filter((f) => f !== 'index.html'), 'index.html', ...glyphs]));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: sw });
    },
  };
}

/** No inline script; map tiles only from OpenStreetMap when the planner turns the online basemap on. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "connect-src 'self' https://tile.openstreetmap.org",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  base: './',
  plugins: [preact(), geodata(), csp(), offline()],
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1200 },
  preview: { port: 4173 },
});
