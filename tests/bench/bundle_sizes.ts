/**
 * Bundle budget: gzip size of every chunk in dist/assets (*.js, *.mjs, *.css), and the
 * total for "app code excluding maplibre-gl" against the 60 KB gzip budget.
 *
 * Vite puts maplibre-gl into the same entry chunk as the app, so a chunk is split by its
 * source map: every generated character is attributed to the source it maps to (VLQ
 * mappings decoded here), the characters of each package are concatenated and gzipped on
 * their own. CSS has no map; its rules are split by selector (`.maplibregl-*` = maplibre).
 * Run alone with `npx tsx tests/bench/bundle_sizes.ts`; `npm run bench:browser` runs it too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { markdownTable } from './markdown_section';

/** The budget for gzipped app code outside maplibre-gl (bytes). */
export const BUDGET_GZIP = 60 * 1024;

/** One package's share of a chunk. */
export interface PartSize {
  /** `app (src/)`, `maplibre-gl`, a package name, or `(unmapped)`. */
  name: string;
  raw: number;
  /** gzip of this part's code alone (bytes). */
  gzip: number;
}

/** One file of dist/assets. */
export interface ChunkSize {
  file: string;
  /** Loaded by index.html (entry script, stylesheet) or later (dynamic import, worker). */
  initial: boolean;
  raw: number;
  gzip: number;
  /** Per package, largest first (JS with a source map, and CSS). */
  parts: PartSize[];
  /** gzip of the chunk's code that is not maplibre-gl (bytes). */
  nonMaplibreGzip: number;
  /** Whole chunk is maplibre-gl (e.g. its worker). */
  maplibreOnly: boolean;
}

export interface BundleReport {
  chunks: ChunkSize[];
  /** Sum over chunks of gzip(non-maplibre code), initial chunks only. */
  appInitialGzip: number;
  /** Same, over every chunk (initial + lazy). */
  appAllGzip: number;
  /** The chunk(s) holding the geojson-validation package. */
  geojsonValidationChunks: string[];
  /** The chunk(s) holding src/geo/dataset/validate_dataset.ts. */
  validateDatasetChunks: string[];
}

const gz = (s: string | Buffer): number => gzipSync(s).length;

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one VLQ-encoded segment into its fields. */
function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const d = B64.get(c);
    if (d === undefined) throw new Error(`Expected a base64 VLQ character in the source map, got ${JSON.stringify(c)}`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Groups a source path of the map: the npm package, or the app. */
export function packageOf(source: string): string {
  const i = source.lastIndexOf('node_modules/');
  if (i < 0) return /(^|\/)src\//.test(source) ? 'app (src/)' : source.replace(/^(\.\.\/)+/, '');
  const rest = source.slice(i + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

/** Splits generated JS by the package each character maps to (source map v3). */
function splitByMap(code: string, map: { mappings: string; sources: string[] }): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  const push = (name: string, text: string) => {
    if (!text) return;
    const a = parts.get(name);
    if (a) a.push(text);
    else parts.set(name, [text]);
  };
  const lines = code.split('\n');
  const groups = map.sources.map(packageOf);
  let src = 0;
  map.mappings.split(';').forEach((lineMap, li) => {
    const line = lines[li] ?? '';
    let col = 0;
    let prevCol = 0;
    let prevName = '(unmapped)';
    for (const seg of lineMap ? lineMap.split(',') : []) {
      if (!seg) continue;
      const f = decodeSegment(seg);
      col += f[0]!;
      push(prevName, line.slice(prevCol, col));
      if (f.length >= 4) {
        src += f[1]!;
        prevName = groups[src] ?? '(unmapped)';
      } else prevName = '(unmapped)';
      prevCol = col;
      // the other fields (line, column, name) are relative too but not needed
    }
    push(prevName, line.slice(prevCol) + '\n');
  });
  return parts;
}

/** Top-level CSS rules, split into maplibre-gl's (`.maplibregl-*`) and the rest. */
function splitCss(css: string): Map<string, string[]> {
  const parts = new Map<string, string[]>([['maplibre-gl', []], ['app + fonts', []]]);
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      const rule = css.slice(start, i + 1);
      parts.get(/\.maplibregl-|\.mapboxgl-/.test(rule.slice(0, rule.indexOf('{'))) ? 'maplibre-gl' : 'app + fonts')!.push(rule);
      start = i + 1;
    }
  }
  parts.get('app + fonts')!.push(css.slice(start));
  return parts;
}

/**
 * Measures every chunk in `dist/assets`.
 *
 * @param dist - the build directory
 * @returns per-chunk sizes and the budget totals
 */
export function bundleSizes(dist: string): BundleReport {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) throw new Error(`Expected a production build in ${assets}; run npx vite build first`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialFiles = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+)"/g)].map((m) => m[1]!));
  const chunks: ChunkSize[] = [];
  const gjv: string[] = [];
  const vds: string[] = [];
  for (const file of readdirSync(assets).filter((f) => /\.(m?js|css)$/.test(f)).sort()) {
    const buf = readFileSync(join(assets, file));
    const code = buf.toString('utf8');
    const mapPath = join(assets, `${file}.map`);
    let split: Map<string, string[]>;
    if (file.endsWith('.css')) split = splitCss(code);
    else if (existsSync(mapPath)) {
      const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { mappings: string; sources: string[] };
      split = splitByMap(code, map);
      if (map.sources.some((s) => s.includes('node_modules/geojson-validation/'))) gjv.push(file);
      if (map.sources.some((s) => s.endsWith('src/geo/dataset/validate_dataset.ts'))) vds.push(file);
    } else {
      // no map (the MapLibre worker is copied as is): identify by its licence banner
      split = new Map([[/^\/\*\*?\s*\n?\s*\*\s*MapLibre GL JS/.test(code) ? 'maplibre-gl' : '(unmapped)', [code]]]);
    }
    const parts = [...split]
      .map(([name, texts]) => ({ name, raw: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), gzip: gz(texts.join('')) }))
      .filter((p) => p.raw > 0)
      .sort((a, b) => b.raw - a.raw);
    const maplibreOnly = parts.every((p) => p.name === 'maplibre-gl' || p.raw < 200);
    const nonMl = parts.filter((p) => p.name !== 'maplibre-gl');
    const nonMaplibreGzip = maplibreOnly ? 0 : parts.length === nonMl.length ? gz(buf) : gz(code.length ? joinNonMaplibre(split) : '');
    chunks.push({ file, initial: initialFiles.has(file), raw: buf.length, gzip: gz(buf), parts, nonMaplibreGzip, maplibreOnly });
  }
  const appInitialGzip = chunks.filter((c) => c.initial).reduce((n, c) => n + c.nonMaplibreGzip, 0);
  const appAllGzip = chunks.reduce((n, c) => n + c.nonMaplibreGzip, 0);
  return { chunks, appInitialGzip, appAllGzip, geojsonValidationChunks: gjv, validateDatasetChunks: vds };
}

function joinNonMaplibre(split: Map<string, string[]>): string {
  return [...split].filter(([name]) => name !== 'maplibre-gl').flatMap(([, t]) => t).join('');
}

const kb = (b: number): string => (b / 1024).toFixed(1);

/**
 * The "Bundle budget" section of BENCHMARKS.md.
 *
 * @param r - the measured report
 * @param header - date/machine line
 * @returns markdown
 */
export function bundleMarkdown(r: BundleReport, header: string): string {
  const rows = r.chunks.map((c) => {
    const top = c.parts.filter((p) => p.raw >= 2048).slice(0, 6).map((p) => `${p.name} ${kb(p.gzip)}`).join(', ');
    return [`\`${c.file}\``, c.initial ? 'initial' : 'lazy', kb(c.raw), kb(c.gzip), c.maplibreOnly ? '0 (all maplibre-gl)' : kb(c.nonMaplibreGzip), top || '—'];
  });
  const pass = (b: number) => (b <= BUDGET_GZIP ? '**pass**' : '**FAIL**');
  // Over budget: what the initial chunk carries besides maplibre, biggest first.
  const entry = r.chunks.filter((c) => c.initial && !c.maplibreOnly);
  const heavy = entry
    .flatMap((c) => c.parts.filter((p) => p.name !== 'maplibre-gl'))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 8)
    .map((p) => `${p.name} ${kb(p.gzip)} KB`)
    .join(', ');
  return [
    '## Bundle budget',
    '',
    header,
    '',
    'gzip = node:zlib default level (6), per file. "non-maplibre gzip" = the chunk\'s code that its source map attributes to anything other than `node_modules/maplibre-gl` (app sources and other packages), gzipped on its own; CSS split by selector (`.maplibregl-*` = maplibre-gl). Per-package figures (KB gzip, alone) are the biggest parts of a chunk. Source maps (`*.map`) and fonts are not counted.',
    '',
    markdownTable(['chunk', 'loaded', 'raw KB', 'gzip KB', 'non-maplibre gzip KB', 'biggest parts (gzip KB)'], rows),
    '',
    `App code excluding maplibre-gl, initial load (entry JS + CSS): **${kb(r.appInitialGzip)} KB gzip** vs budget ${kb(BUDGET_GZIP)} KB → ${pass(r.appInitialGzip)}.`,
    `All chunks (initial + lazy, incl. the proximity worker): ${kb(r.appAllGzip)} KB gzip, for reference: the budget is for the initial load, the lazy chunks load on first use.`,
    `Biggest non-maplibre parts of the initial load: ${heavy || '—'}.`,
    '',
    `geojson-validation (LGPL-3.0) is in: ${r.geojsonValidationChunks.map((f) => `\`${f}\``).join(', ') || 'no chunk'}; \`src/geo/dataset/validate_dataset.ts\` is in: ${r.validateDatasetChunks.map((f) => `\`${f}\``).join(', ') || 'no chunk'}. ` +
      (r.geojsonValidationChunks.some((f) => r.chunks.find((c) => c.file === f)?.initial)
        ? '**It is in an initial chunk: the LGPL code is not isolated.**'
        : 'Neither is an initial chunk, so it is loaded lazily (dynamic `import()`), in its own chunk(s).'),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = bundleSizes(resolve(import.meta.dirname, '../../dist'));
  process.stdout.write(`${bundleMarkdown(r, '(stand-alone run)')}\n`);
}
