import { createHash } from 'node:crypto';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { CLUSTER_TILES_DIR, clusterTiles, type EncodedTile } from './src/geo/tiles/cluster_tiles.ts';
import type { ClusterCollection } from './src/geo/types.ts';
import { MAP_CONTEXT_FILE, mapContextFile } from './src/geo/tiles/map_context.ts';

/** Data files served under /data/ (dev) and emitted into dist/data/ (build). */
const DATA: Record<string, string> = {
  'clusters.geojson': 'geodata/clusters.geojson',
  'industrial_zones.geojson': 'geodata/industrial_zones.geojson',
  'craft_villages.geojson': 'geodata/craft_villages.geojson',
  'ex_provinces.geojson': 'geodata/boundaries/ex_provinces.geojson',
  'province.geojson': 'geodata/boundaries/province.geojson',
  'reported_figures.json': 'geodata/reported_figures.json',
  'communes_2025.geojson': 'geodata/boundaries/communes_2025.geojson',
  'communes_2009.geojson': 'geodata/boundaries/communes_2009.geojson',
  'old_units.json': 'geodata/boundaries/old_units.json',
};

/**
 * The map's cluster tiles (polygons and anchor points), cut from the clusters file, so the
 * map's worker decodes small tiles instead of parsing and tiling the whole file. None when
 * the clusters file is missing or unreadable (the app then reports the clusters file).
 */
function tiles(): EncodedTile[] {
  try {
    return clusterTiles(JSON.parse(readFileSync(DATA['clusters.geojson']!, 'utf8')) as ClusterCollection);
  } catch {
    return [];
  }
}

/** Dev server: the tiles, cut again whenever the clusters file changes. */
let devTiles: { mtime: number; byPath: Map<string, Uint8Array> } | null = null;
function devTile(path: string): Uint8Array | undefined {
  const file = DATA['clusters.geojson']!;
  const mtime = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (devTiles?.mtime !== mtime) devTiles = { mtime, byPath: new Map(tiles().map((t) => [`${t.z}/${t.x}/${t.y}.pbf`, t.bytes])) };
  return devTiles.byPath.get(path);
}

/** The map's context file, merged from the boundary and zone files (see src/geo/tiles/map_context.ts). */
function contextFile(): string {
  const read = (name: string) => (existsSync(DATA[name]!) ? readFileSync(DATA[name]!, 'utf8') : null);
  return mapContextFile({ exProvinces: read('ex_provinces.geojson'), province: read('province.geojson'), zones: read('industrial_zones.geojson') });
}

function geodata(): Plugin {
  return {
    name: 'geodata',
    configureServer(server) {
      server.middlewares.use(`/${CLUSTER_TILES_DIR}/`, (req, res) => {
        const tile = devTile((req.url ?? '').replace(/^\//, '').split('?')[0]!);
        // A tile with no clusters is not made: 404, which the map reads as empty.
        if (!tile) return void res.writeHead(404).end();
        res.setHeader('Content-Type', 'application/x-protobuf');
        res.end(tile);
      });
      server.middlewares.use(`/${MAP_CONTEXT_FILE}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(contextFile());
      });
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]!);
        const rel = DATA[name];
        const file = rel && resolve(rel);
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(file));
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
      this.emitFile({ type: 'asset', fileName: MAP_CONTEXT_FILE, source: contextFile() });
      for (const t of tiles()) this.emitFile({ type: 'asset', fileName: `${CLUSTER_TILES_DIR}/${t.z}/${t.x}/${t.y}.pbf`, source: t.bytes });
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
        .replace('__TILES_DIR__', CLUSTER_TILES_DIR)
        .replace('__FILES__', JSON.stringify(['./', ...files.filter((f) => f !== 'index.html'), 'index.html', ...glyphs]));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: sw });
    },
  };
}

/** No inline script; map tiles only from OpenStreetMap or EOX (satellite imagery) when the planner turns an online basemap on. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org https://tiles.maps.eox.at",
  "connect-src 'self' blob: https://tile.openstreetmap.org https://tiles.maps.eox.at",
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
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // A script for MapLibre's workers must stay a file ending in .mjs: they import() it by that name.
    assetsInlineLimit: (file: string) => (file.endsWith('.mjs') ? false : undefined),
  },
  // Module workers, so the survey worker can keep the LGPL geojson-validation in a chunk of its own.
  worker: {
    format: 'es',
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'geojson-validation', test: /node_modules[\\/]geojson-validation/ }] } } },
  },
  preview: { port: 4173 },
});
