/**
 * Builds MapLibre SDF glyph PBFs for the bundled Be Vietnam Pro font, so that symbol labels
 * (Vietnamese names with all diacritics) render offline.
 *
 *   npx tsx geodata/build/glyphs.ts        (or: npm run glyphs)
 *
 * Output: public/fonts/Be Vietnam Pro Regular/{start}-{end}.pbf
 *         public/fonts/Be Vietnam Pro SemiBold/{start}-{end}.pbf
 * for the ranges in RANGES only. Use in a style as
 *   glyphs: '/fonts/{fontstack}/{range}.pbf', 'text-font': ['Be Vietnam Pro Regular']
 *
 * How:
 *  - Which code points exist: read from the cmap table of each fontsource woff2 subset
 *    (latin, latin-ext, vietnamese), intersected with that subset's unicode-range (unicode.json).
 *  - Rasterising: headless Chromium (playwright-core + @sparticuz/chromium) draws each code point
 *    with @mapbox/tiny-sdf (the rasteriser MapLibre itself uses for local glyphs) at
 *    fontSize 24, buffer 3, radius 8, cutoff 0.25 (the standard glyph-PBF settings), using the
 *    woff2 files registered through the FontFace API.
 *  - Encoding: the MapLibre glyph PBF schema, written with `pbf` in Node.
 *
 * Metrics conversion (reproduces maplibre-gl 6 GlyphManager._createGlyph for local glyphs):
 * MapLibre draws local glyphs at 2x and stores left = glyphLeft/2 + 0.5, top = glyphTop/2 - 27.5
 * with a 6px (2x) border; with the 1px atlas padding and rectBuffer = 4 (getGlyphQuads) that puts
 * the ink's top-left at (glyphLeft, 27 - glyphTop) in 1x shaping units. A PBF glyph (3px border)
 * puts its ink at (left, -top), so the exact equivalent is left = glyphLeft, top = glyphTop - 27.
 * width/height are the ink box WITHOUT the 3px buffer; the bitmap is (width+6) x (height+6).
 * advance is rounded (uint32 in the schema).
 *
 * Ranges outside RANGES are not generated: MapLibre only requests another range when a label
 * contains a character outside Latin / Latin-1 / Latin Extended / Vietnamese / general
 * punctuation (e.g. "™" U+2122 -> 8448-8703). Such a request 404s and MapLibre then draws that
 * character locally with a system font (warnOnce in the console).
 *
 * NFD text: maplibre-gl 6 shapes by grapheme cluster, and a multi-code-point cluster
 * (base letter + U+0300–U+036F mark) is ALWAYS drawn locally with TinySDF, never taken from the
 * glyph PBFs (see GlyphManager._getAndCacheGlyphsPromise). The 768-1023 range is still built
 * (lone marks), but label text should be NFC-normalised in the data pipeline
 * (`s.normalize('NFC')`); every Vietnamese letter has a precomposed NFC code point.
 *
 * Determinism: code points are sorted, fields are written in a fixed order, no timestamps.
 * The bitmaps depend on the Chromium build's rasteriser (pinned by the @sparticuz/chromium
 * version in package-lock) and the font files; same inputs -> same bytes.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PbfWriter } from 'pbf';
import chromium from '@sparticuz/chromium';
import { chromium as pw, type Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FONTSOURCE_DIR = path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json'));
const TINY_SDF_FILE = require.resolve('@mapbox/tiny-sdf');
const OUT_DIR = path.join(ROOT, 'public', 'fonts');

/** 256-code-point ranges to build: Latin-1, Latin Ext-A/B, IPA+spacing modifiers, combining
 * diacritics, Latin Extended Additional (Vietnamese U+1EA0–U+1EF9), general punctuation + ₫/€. */
export const RANGES = [0, 256, 512, 768, 7680, 8192] as const;
export const FONTS = [
  { name: 'Be Vietnam Pro Regular', weight: 400 },
  { name: 'Be Vietnam Pro SemiBold', weight: 600 },
] as const;
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;

/** Standard glyph PBF SDF settings (node-fontnik / sdf-glyph-foundry). */
const SDF = { fontSize: 24, buffer: 3, radius: 8, cutoff: 0.25 } as const;
/** Baseline shift: see header comment (MapLibre local glyph path: topAdjustment 27.5 at 2x). */
const TOP_OFFSET = 27;

// ---------------------------------------------------------------------------------------------
// Font coverage: WOFF2 table directory + cmap (format 4 / 12).

const WOFF2_KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca',
  'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea',
  'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL',
  'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat',
  'Gloc', 'Feat', 'Sill',
];

export function woff2Table(buf: Buffer, wanted: string): Buffer {
  if (buf.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a woff2 file');
  const numTables = buf.readUInt16BE(12);
  let p = 48;
  const base128 = (): number => {
    let v = 0;
    for (let i = 0; i < 5; i++) {
      const b = buf[p++];
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) return v;
    }
    throw new Error('bad UIntBase128');
  };
  const tables: { tag: string; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = buf[p++];
    let tag: string;
    if ((flags & 0x3f) === 0x3f) {
      tag = buf.toString('latin1', p, p + 4);
      p += 4;
    } else tag = WOFF2_KNOWN_TAGS[flags & 0x3f];
    const version = flags >> 6;
    const origLength = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const length = transformed ? base128() : origLength;
    tables.push({ tag, length });
  }
  const totalCompressed = buf.readUInt32BE(20);
  const data = brotliDecompressSync(buf.subarray(p, p + totalCompressed));
  let off = 0;
  for (const t of tables) {
    if (t.tag === wanted) return data.subarray(off, off + t.length);
    off += t.length;
  }
  throw new Error(`table ${wanted} not found`);
}

export function cmapCodePoints(cmap: Buffer): Set<number> {
  const out = new Set<number>();
  const n = cmap.readUInt16BE(2);
  const subOffsets: number[] = [];
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      subOffsets.push(cmap.readUInt32BE(8 + i * 8));
    }
  }
  for (const o of subOffsets) {
    const format = cmap.readUInt16BE(o);
    if (format === 4) {
      const segX2 = cmap.readUInt16BE(o + 6);
      const ends = o + 14, starts = ends + segX2 + 2, deltas = starts + segX2, rangeOffs = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = cmap.readUInt16BE(ends + s), start = cmap.readUInt16BE(starts + s);
        const delta = cmap.readInt16BE(deltas + s), ro = cmap.readUInt16BE(rangeOffs + s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let gid: number;
          if (ro === 0) gid = (c + delta) & 0xffff;
          else {
            const g = cmap.readUInt16BE(rangeOffs + s + ro + (c - start) * 2);
            gid = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (gid !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(o + 12);
      for (let g = 0; g < groups; g++) {
        const start = cmap.readUInt32BE(o + 16 + g * 12), end = cmap.readUInt32BE(o + 20 + g * 12);
        const gid = cmap.readUInt32BE(o + 24 + g * 12);
        for (let c = start; c <= end; c++) if (gid + (c - start) !== 0) out.add(c);
      }
    }
  }
  return out;
}

/** fontsource's per-subset unicode-range, e.g. "U+0000-00FF,U+0131,...". */
const UNICODE_RANGES: Record<string, string> = JSON.parse(readFileSync(path.join(FONTSOURCE_DIR, 'unicode.json'), 'utf8'));

function parseUnicodeRange(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
  });
}

interface SubsetFile { subset: string; unicodeRange: string; ranges: [number, number][]; base64: string; cmap: Set<number> }

function loadSubset(subset: string, weight: number): SubsetFile {
  const file = path.join(FONTSOURCE_DIR, 'files', `be-vietnam-pro-${subset}-${weight}-normal.woff2`);
  const unicodeRange = UNICODE_RANGES[subset];
  if (!unicodeRange) throw new Error(`no unicode-range for subset ${subset}`);
  const buf = readFileSync(file);
  return {
    subset,
    unicodeRange,
    ranges: parseUnicodeRange(unicodeRange),
    base64: buf.toString('base64'),
    cmap: cmapCodePoints(woff2Table(buf, 'cmap')),
  };
}

/** Code points of [start, start+255] that the font (as served by its unicode-range subsets) has. */
function coveredCodePoints(subsets: SubsetFile[], start: number): number[] {
  const out: number[] = [];
  for (let c = start; c < start + 256; c++) {
    if (/\p{Cc}/u.test(String.fromCodePoint(c))) continue; // control characters: never drawn
    const has = subsets.some((s) => s.cmap.has(c) && s.ranges.some(([a, b]) => c >= a && c <= b));
    if (has) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export function chromiumArgs(): string[] {
  return chromium.args.filter(
    (a) => a !== '--single-process' && a !== '--disable-web-security' && !a.startsWith('--headless'),
  );
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  return pw.launch({ executablePath, args: chromiumArgs(), headless: true });
}

interface RawGlyph {
  id: number;
  bitmap: string; // base64, (glyphWidth+2*buffer) * (glyphHeight+2*buffer) bytes, '' when empty
  glyphWidth: number;
  glyphHeight: number;
  glyphLeft: number;
  glyphTop: number;
  glyphAdvance: number;
}

async function rasterize(
  browser: Browser,
  weight: number,
  subsets: SubsetFile[],
  codePoints: number[],
): Promise<RawGlyph[]> {
  const page = await browser.newPage();
  try {
    const tinySdfSource = readFileSync(TINY_SDF_FILE, 'utf8').replace(/^export default class TinySDF/m, 'class TinySDF');
    // tsx/esbuild (keepNames) wraps named functions inside the evaluated callback in __name(...),
    // which does not exist in the page: provide a no-op.
    await page.addScriptTag({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await page.addScriptTag({ content: `(function(){${tinySdfSource}\nwindow.TinySDF = TinySDF;})();` });
    return await page.evaluate(
      async ({ weight, faces, codePoints, sdf }) => {
        const family = 'BVPGlyphBuild';
        // Later-added faces are checked first for overlapping unicode-ranges (CSS Fonts 4);
        // add in reverse so latin wins over latin-ext over vietnamese, like fontsource's CSS.
        for (const f of [...faces].reverse()) {
          const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
          const face = new FontFace(family, bytes, { weight: String(weight), style: 'normal', unicodeRange: f.unicodeRange });
          await face.load();
          document.fonts.add(face);
        }
        await document.fonts.ready;
        // Sanity check: the registered font must actually be used (not a system fallback).
        const probe = new OffscreenCanvas(8, 8).getContext('2d')!;
        const widthWith = (fam: string) => {
          probe.font = `${weight} 24px ${fam}`;
          return probe.measureText('Hamburgefontsiv Đồng Văn Ứng Hoà').width;
        };
        if (widthWith(`"${family}", monospace`) === widthWith('monospace') || widthWith(`"${family}", serif`) !== widthWith(`"${family}", monospace`)) {
          throw new Error('Be Vietnam Pro FontFace not applied in canvas');
        }
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const TinySDF = (window as any).TinySDF;
        const tiny = new TinySDF({ ...sdf, fontFamily: `"${family}"`, fontWeight: String(weight), fontStyle: 'normal', lang: 'vi' });
        const b64 = (a: Uint8ClampedArray) => {
          let s = '';
          for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
          return btoa(s);
        };
        return codePoints.map((id) => {
          const g = tiny.draw(String.fromCodePoint(id));
          const empty = g.glyphWidth === 0 || g.glyphHeight === 0;
          return {
            id,
            bitmap: empty ? '' : b64(g.data),
            glyphWidth: empty ? 0 : g.glyphWidth,
            glyphHeight: empty ? 0 : g.glyphHeight,
            glyphLeft: g.glyphLeft,
            glyphTop: g.glyphTop,
            glyphAdvance: g.glyphAdvance,
          };
        });
      },
      {
        weight,
        faces: subsets.map((s) => ({ base64: s.base64, unicodeRange: s.unicodeRange })),
        codePoints,
        sdf: SDF,
      },
    );
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PBF encoding

interface PbfGlyph { id: number; bitmap: Uint8Array | null; width: number; height: number; left: number; top: number; advance: number }

function toPbfGlyph(g: RawGlyph): PbfGlyph {
  const isFormat = /^\p{Cf}$/u.test(String.fromCodePoint(g.id)); // e.g. U+200B..U+200F, U+2060..: no ink, no advance
  const bitmap = g.bitmap && !isFormat ? new Uint8Array(Buffer.from(g.bitmap, 'base64')) : null;
  const width = bitmap ? g.glyphWidth : 0;
  const height = bitmap ? g.glyphHeight : 0;
  if (bitmap && bitmap.length !== (width + 2 * SDF.buffer) * (height + 2 * SDF.buffer)) {
    throw new Error(`bitmap size mismatch for U+${g.id.toString(16)}`);
  }
  return {
    id: g.id,
    bitmap,
    width,
    height,
    left: bitmap ? g.glyphLeft : 0,
    top: bitmap ? g.glyphTop - TOP_OFFSET : -TOP_OFFSET,
    advance: isFormat ? 0 : Math.max(0, Math.round(g.glyphAdvance)),
  };
}

export function encodeGlyphPbf(name: string, range: string, glyphs: PbfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, (stack: { name: string; range: string; glyphs: PbfGlyph[] }, p: PbfWriter) => {
    p.writeStringField(1, stack.name);
    p.writeStringField(2, stack.range);
    for (const g of stack.glyphs) {
      p.writeMessage(3, (gl: PbfGlyph, q: PbfWriter) => {
        q.writeVarintField(1, gl.id);
        if (gl.bitmap) q.writeBytesField(2, gl.bitmap);
        q.writeVarintField(3, gl.width);
        q.writeVarintField(4, gl.height);
        q.writeSVarintField(5, gl.left);
        q.writeSVarintField(6, gl.top);
        q.writeVarintField(7, gl.advance);
      }, g);
    }
  }, { name, range, glyphs: [...glyphs].sort((a, b) => a.id - b.id) });
  return pbf.finish();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const browser = await launchChromium();
  try {
    for (const font of FONTS) {
      const subsets = SUBSETS.map((s) => loadSubset(s, font.weight));
      const perRange = RANGES.map((start) => ({ start, codePoints: coveredCodePoints(subsets, start) }));
      const all = perRange.flatMap((r) => r.codePoints);
      const raw = await rasterize(browser, font.weight, subsets, all);
      const byId = new Map(raw.map((g) => [g.id, g]));
      const dir = path.join(OUT_DIR, font.name);
      if (existsSync(dir)) rmSync(dir, { recursive: true });
      mkdirSync(dir, { recursive: true });
      for (const { start, codePoints } of perRange) {
        const range = `${start}-${start + 255}`;
        const glyphs = codePoints.map((c) => toPbfGlyph(byId.get(c)!));
        const bytes = encodeGlyphPbf(font.name, range, glyphs);
        writeFileSync(path.join(dir, `${range}.pbf`), bytes);
        console.log(`${font.name}/${range}.pbf  ${glyphs.length} glyphs  ${bytes.length} bytes`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
