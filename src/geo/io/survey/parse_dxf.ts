import DxfParser from 'dxf-parser';
import type { Polygon, Position } from 'geojson';
import type { ParseResult, RawSurvey, SurveyIssue } from './types';

type Props = RawSurvey['features'][number]['properties'];
type Fail = { ok: false; issue: SurveyIssue };
type XY = [number, number];

/** Entities handed to dxf-parser; everything else is only counted, so none of its other handlers runs on a broken file. */
const READ = new Set(['LWPOLYLINE', 'POLYLINE', 'VERTEX', 'SEQEND', 'HATCH', 'TEXT', 'MTEXT']);
/** Largest angle one approximating segment of a bulge (an arc in a polyline) may span: 22.5°, so a semicircle gets 8. */
const ARC_STEP = Math.PI / 8;

/**
 * Reads an AutoCAD DXF (ASCII) drawing with dxf-parser into polygons with the drawing's own
 * coordinates (DXF has no coordinate system: the hint is unknown). Closed LWPOLYLINEs and
 * POLYLINEs (flag 1, or first vertex equal to the last) and HATCH boundary paths (polyline and
 * line/arc edges; the largest path is the shell, paths inside it holes) become Polygons with
 * `layer`, `handle`, `entity` and, when exactly one TEXT or MTEXT lies inside, `label`.
 * Bulges are approximated by short chords (a note counts them); open polylines, lines, arcs,
 * texts, block references and paper-space entities are dropped with a note counting each kind.
 *
 * dxf-parser 1.1.2 can loop forever on malformed input (a POLYLINE whose VERTEX run is broken,
 * an unknown group right after a LWPOLYLINE vertex's X), so the file is checked group by group
 * first, and only the ENTITIES section, with the entities read here, is handed to it; the
 * first bad group is refused with its line (`dxf_unreadable`). dxf-parser has no HATCH
 * reader: one is registered here.
 *
 * @param bytes - the .dxf content (UTF-8, or the ANSI code page $DWGCODEPAGE names)
 * @param fileName - the file's name (unused; for symmetry with the other parsers)
 * @returns the raw survey, or one coded reason (`dxf_no_closed` says what was found)
 */
export function parseDxf(bytes: Uint8Array, fileName: string): ParseResult {
  void fileName;
  if (startsWith(bytes, 'AutoCAD Binary DXF')) return fail('dxf_binary', {});
  const decoded = decode(bytes);
  const notes: SurveyIssue[] = [...decoded.notes];
  const lines = decoded.text.split(/\r\n|\r|\n/);
  const scan = scanGroups(lines);
  if (!scan.ok) return scan;

  let dxf: ReturnType<DxfParser['parseSync']>;
  try {
    const parser = new DxfParser();
    parser.registerEntityHandler(HatchReader as unknown as Parameters<DxfParser['registerEntityHandler']>[0]);
    dxf = parser.parseSync(scan.entities);
  } catch (e) {
    return fail('dxf_unreadable', { line: scan.entitiesLine, detail: String((e as Error)?.message ?? e).slice(0, 120) });
  }
  const entities = (dxf?.entities ?? []) as unknown as Entity[];

  const dropped = new Map<string, number>(scan.skipped);
  const drop = (kind: string) => dropped.set(kind, (dropped.get(kind) ?? 0) + 1);
  const shapes: { rings: XY[][]; e: Entity }[] = [];
  const texts: { at: XY; text: string }[] = [];
  let bulges = 0;
  let paper = 0;
  for (const e of entities) {
    if (e.inPaperSpace) {
      paper++;
      continue;
    }
    if (e.type === 'TEXT' || e.type === 'MTEXT') {
      const at = e.type === 'TEXT' ? (e.startPoint ?? e.endPoint) : e.position;
      if (at && Number.isFinite(at.x) && Number.isFinite(at.y) && e.text) texts.push({ at: [at.x, at.y], text: plainText(e.text) });
      drop(e.type);
      continue;
    }
    const paths = e.type === 'HATCH' ? (e.paths ?? null) : polylinePath(e);
    if (!paths || paths.length === 0) {
      drop(e.type);
      continue;
    }
    const rings: XY[][] = [];
    for (const p of paths) {
      const mirror = (e.extrusionDirectionZ ?? e.extrusionDirection?.z ?? 1) < 0;
      const ring = arcsToChords(p.vertices, p.closed, () => bulges++).map(([x, y]): XY => [mirror ? -x : x, y]);
      if (ring.length >= 4) rings.push(ring);
    }
    if (rings.length === 0) drop(e.type);
    else shapes.push({ rings, e });
  }

  const features: RawSurvey['features'] = [];
  for (const { rings, e } of shapes) {
    for (const polygon of assemble(rings)) {
      const inside = texts.filter((t) => inRing(t.at, polygon.coordinates[0] as Position[]));
      const properties: Props = { layer: unicodeEscapes(e.layer ?? '0'), handle: String(e.handle ?? ''), entity: e.type };
      if (inside.length === 1) properties.label = unicodeEscapes((inside[0] as { text: string }).text);
      features.push({ type: 'Feature', properties, geometry: polygon });
    }
  }
  const found = [...dropped].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ') || '—';
  const total = [...dropped.values()].reduce((a, b) => a + b, 0);
  if (features.length === 0) return fail('dxf_no_closed', { found, total, paper_space: paper });
  if (total > 0) notes.push({ code: 'dxf_dropped', params: { found, total } });
  if (paper > 0) notes.push({ code: 'dxf_paper_space', params: { count: paper } });
  if (bulges > 0) notes.push({ code: 'dxf_bulges', params: { count: bulges } });
  return { ok: true, survey: { format: 'dxf', features, crs: { kind: 'unknown' }, notes } };
}

// ---- the group check ----

type Scan = { ok: true; entities: string; entitiesLine: number; skipped: Map<string, number> } | Fail;

/**
 * Checks every group (a code line, then a value line): the code an integer, the value of the
 * type its code range has; in ENTITIES, each X followed by its Y, a POLYLINE's VERTEX run ended
 * by SEQEND, a LWPOLYLINE's vertex count before its vertices. Builds the ENTITIES section
 * dxf-parser will read (only the entities in {@link READ}) and counts the others.
 */
function scanGroups(lines: string[]): Scan {
  let start = 0;
  while (start < lines.length && (lines[start] as string).trim() === '') start++;
  if (start >= lines.length) return fail('dxf_not_dxf', {});
  const firstCode = (lines[start] as string).trim();
  const firstValue = (lines[start + 1] ?? '').trim();
  if (!((firstCode === '0' && firstValue === 'SECTION') || firstCode === '999')) return fail('dxf_not_dxf', {});

  let section = '';
  let entity = '';
  let keep = false;
  let inPolyline = false;
  let lwCount = false;
  let entitiesLine = 0;
  let ended = false;
  const out: string[] = ['0', 'SECTION', '2', 'ENTITIES'];
  const skipped = new Map<string, number>();
  for (let i = start; i < lines.length; i += 2) {
    const codeLine = (lines[i] as string).trim();
    if (codeLine === '' && i >= lines.length - 2) break; // the newline after EOF
    const value = lines[i + 1];
    if (!/^-?\d{1,4}$/.test(codeLine)) return fail('dxf_unreadable', { line: i + 1 });
    if (value === undefined) return fail('dxf_truncated', { line: i + 1 });
    const code = Number(codeLine);
    const v = value.trim();
    const type = valueType(code);
    if ((type === 'float' && !FLOAT.test(v)) || (type === 'int' && !INT.test(v)) || (type === 'bool' && v !== '0' && v !== '1')) {
      return fail('dxf_unreadable', { line: i + 2 });
    }
    if (code === 0) {
      if (section === 'ENTITIES' && inPolyline && v !== 'VERTEX' && v !== 'SEQEND') return fail('dxf_unreadable', { line: i + 2 });
      if (v === 'SEQEND') inPolyline = false;
      if (v === 'EOF') {
        ended = true;
        break;
      }
      if (v === 'SECTION') {
        section = '';
        entity = '';
        continue;
      }
      if (v === 'ENDSEC') {
        if (section === 'ENTITIES' && inPolyline) return fail('dxf_unreadable', { line: i + 2 });
        section = '';
        keep = false;
        continue;
      }
      entity = v;
      if (section === 'ENTITIES') {
        keep = READ.has(v);
        if (v === 'POLYLINE') inPolyline = true;
        lwCount = false;
        if (!keep) skipped.set(v, (skipped.get(v) ?? 0) + 1);
      }
    } else if (code === 2 && section === '' && entity === '') {
      section = v;
      if (v === 'ENTITIES') entitiesLine = i + 1;
      continue;
    }
    if (section !== 'ENTITIES' || !keep) continue;
    if (code >= 10 && code <= 18 && (lines[i + 2] ?? '').trim() !== String(code + 10)) return fail('dxf_unreadable', { line: i + 3 });
    if (entity === 'LWPOLYLINE' && code === 90) lwCount = Number(v) > 0;
    if (entity === 'LWPOLYLINE' && code === 10 && !lwCount) return fail('dxf_unreadable', { line: i + 1 });
    // Groups of a code range dxf-parser has no type for would be logged to the console; none matters here.
    if (type === 'unknown') continue;
    out.push(codeLine, value);
  }
  if (!ended && section !== '') return fail('dxf_truncated', { line: lines.length });
  out.push('0', 'ENDSEC', '0', 'EOF');
  return { ok: true, entities: out.join('\n'), entitiesLine, skipped };
}

const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;

/** The value type of a group code, by the ranges of the DXF reference (the ones dxf-parser parses). */
function valueType(c: number): 'string' | 'float' | 'int' | 'bool' | 'unknown' {
  if (c < 0) return 'unknown';
  if (c <= 9 || (c >= 100 && c <= 109) || (c >= 300 && c <= 369) || (c >= 390 && c <= 399) || (c >= 410 && c <= 419) || (c >= 430 && c <= 439) || (c >= 470 && c <= 481) || c === 999 || (c >= 1000 && c <= 1009)) return 'string';
  if ((c >= 10 && c <= 59) || (c >= 110 && c <= 149) || (c >= 210 && c <= 239) || (c >= 460 && c <= 469) || (c >= 1010 && c <= 1059)) return 'float';
  if ((c >= 60 && c <= 99) || (c >= 160 && c <= 179) || (c >= 270 && c <= 289) || (c >= 370 && c <= 389) || (c >= 400 && c <= 409) || (c >= 420 && c <= 429) || (c >= 440 && c <= 459) || (c >= 1060 && c <= 1071)) return 'int';
  if (c >= 290 && c <= 299) return 'bool';
  return 'unknown';
}

// ---- entities ----

interface Vertex {
  x: number;
  y: number;
  bulge?: number;
  splineControlPoint?: boolean;
}
interface Path {
  vertices: Vertex[];
  closed: boolean;
}
interface Entity {
  type: string;
  layer?: string;
  handle?: string | number;
  inPaperSpace?: boolean;
  shape?: boolean;
  vertices?: Vertex[];
  is3dPolygonMesh?: boolean;
  isPolyfaceMesh?: boolean;
  extrusionDirectionZ?: number;
  extrusionDirection?: { z?: number };
  paths?: Path[];
  text?: string;
  startPoint?: { x: number; y: number };
  endPoint?: { x: number; y: number };
  position?: { x: number; y: number };
}

/** A closed LWPOLYLINE's or 2D/3D POLYLINE's one path; null when open or a mesh. */
function polylinePath(e: Entity): Path[] | null {
  if ((e.type !== 'LWPOLYLINE' && e.type !== 'POLYLINE') || e.is3dPolygonMesh || e.isPolyfaceMesh) return null;
  const vertices = (e.vertices ?? []).filter((v) => !v.splineControlPoint && Number.isFinite(v.x) && Number.isFinite(v.y));
  const a = vertices[0];
  const b = vertices[vertices.length - 1];
  if (!a || !b || vertices.length < 3) return null;
  const repeats = a.x === b.x && a.y === b.y;
  if (!e.shape && !repeats) return null;
  // A repeated first vertex is dropped: the edge into it keeps its bulge, on the vertex before.
  return [{ vertices: repeats ? vertices.slice(0, -1) : vertices, closed: true }];
}

/**
 * A closed ring from vertices whose `bulge` (tan of a quarter of the arc's included angle,
 * positive counter-clockwise) bends the edge to the next vertex: each arc becomes chords of at
 * most {@link ARC_STEP}.
 */
function arcsToChords(all: Vertex[], closed: boolean, onBulge: () => void): XY[] {
  const out: XY[] = [];
  const last = all[all.length - 1];
  // A ring written closed (last vertex = first) is closed once, below.
  const vertices = closed && last && all.length > 1 && last.x === all[0]?.x && last.y === all[0]?.y ? all.slice(0, -1) : all;
  const n = vertices.length;
  for (let i = 0; i < n; i++) {
    const p = vertices[i] as Vertex;
    const q = vertices[(i + 1) % n] as Vertex;
    out.push([p.x, p.y]);
    const b = p.bulge ?? 0;
    if (b === 0 || !Number.isFinite(b) || (i === n - 1 && !closed)) continue;
    onBulge();
    const theta = 4 * Math.atan(b);
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const chord = Math.hypot(dx, dy);
    if (chord === 0) continue;
    // The centre lies off the chord's midpoint along its left normal, by (1 - b²) / (4b) of the chord.
    const k = (1 - b * b) / (4 * b);
    const cx = (p.x + q.x) / 2 - dy * k;
    const cy = (p.y + q.y) / 2 + dx * k;
    const r = Math.hypot(p.x - cx, p.y - cy);
    const a0 = Math.atan2(p.y - cy, p.x - cx);
    const steps = Math.min(64, Math.ceil(Math.abs(theta) / ARC_STEP));
    for (let s = 1; s < steps; s++) out.push([cx + r * Math.cos(a0 + (theta * s) / steps), cy + r * Math.sin(a0 + (theta * s) / steps)]);
  }
  const first = out[0];
  if (first) out.push([first[0], first[1]]);
  return out;
}

/** Polygons from rings: the largest is a shell, rings inside it its holes, the rest shells of their own. */
function assemble(rings: XY[][]): Polygon[] {
  const sorted = [...rings].sort((a, b) => Math.abs(area(b)) - Math.abs(area(a)));
  const polygons: Polygon[] = [];
  for (const ring of sorted) {
    const shell = polygons.find((p) => inRing(ring[0] as XY, p.coordinates[0] as Position[]));
    if (shell && rings.length > 1) shell.coordinates.push(ring);
    else polygons.push({ type: 'Polygon', coordinates: [ring] });
  }
  return polygons;
}

function area(r: XY[]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += (r[i] as XY)[0] * (r[i + 1] as XY)[1] - (r[i + 1] as XY)[0] * (r[i] as XY)[1];
  return s / 2;
}

function inRing([x, y]: XY, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as XY;
    const [xj, yj] = ring[j] as XY;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** MTEXT without its formatting codes (\P paragraph, \f font;, braces), for a label. */
function plainText(s: string): string {
  return s
    .replace(/\\P/g, ' ')
    .replace(/\\[A-Za-z][^;\\{}]*;/g, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** AutoCAD writes characters outside the drawing's code page as \U+XXXX. */
function unicodeEscapes(s: string): string {
  return s.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// ---- HATCH, which dxf-parser does not read ----

interface Group {
  code: number;
  value: string | number | boolean;
}
interface Scanner {
  next(): Group;
  isEOF(): boolean;
}

/**
 * dxf-parser entity handler for HATCH: gathers its groups, then reads the boundary paths by
 * their counts (91 paths; per path 92 type, then 72/73/93 and vertices for a polyline path, or
 * 93 edges of lines and arcs). A path with an ellipse or spline edge, or a count that runs past
 * the groups, leaves the hatch without paths (then dropped and counted).
 */
class HatchReader {
  ForEntityName = 'HATCH';
  parseEntity(scanner: Scanner, curr: Group): Entity {
    const groups: Group[] = [];
    const e: Entity = { type: 'HATCH' };
    curr = scanner.next();
    while (!scanner.isEOF() && curr.code !== 0) {
      if (curr.code === 5) e.handle = String(curr.value);
      else if (curr.code === 8) e.layer = String(curr.value);
      else if (curr.code === 67) e.inPaperSpace = curr.value !== 0;
      else if (curr.code === 230) e.extrusionDirectionZ = Number(curr.value);
      groups.push(curr);
      curr = scanner.next();
    }
    e.paths = hatchPaths(groups) ?? [];
    return e;
  }
}

function hatchPaths(g: Group[]): Path[] | null {
  let i = g.findIndex((x) => x.code === 91);
  if (i < 0) return null;
  const num = (code: number): number | null => {
    const x = g[i];
    if (!x || x.code !== code || typeof x.value !== 'number' || !Number.isFinite(x.value)) return null;
    i++;
    return x.value;
  };
  const count = num(91);
  const paths: Path[] = [];
  for (let p = 0; count !== null && p < count; p++) {
    const flag = num(92);
    if (flag === null) return null;
    const vertices: Vertex[] = [];
    if (flag & 2) {
      const hasBulge = num(72);
      num(73);
      const n = num(93);
      if (hasBulge === null || n === null) return null;
      for (let k = 0; k < n; k++) {
        const x = num(10);
        const y = num(20);
        if (x === null || y === null) return null;
        const bulge = g[i]?.code === 42 ? num(42) : 0;
        vertices.push({ x, y, bulge: bulge ?? 0 });
      }
    } else {
      const edges = num(93);
      if (edges === null) return null;
      for (let k = 0; k < edges; k++) {
        const type = num(72);
        if (type === 1) {
          const [x, y, x2, y2] = [num(10), num(20), num(11), num(21)];
          if (x === null || y === null || x2 === null || y2 === null) return null;
          vertices.push({ x, y });
        } else if (type === 2) {
          const [cx, cy, r, a0, a1] = [num(10), num(20), num(40), num(50), num(51)];
          const ccw = num(73);
          if (cx === null || cy === null || r === null || a0 === null || a1 === null || ccw === null) return null;
          vertices.push(...arcEdge(cx, cy, r, a0, a1, ccw !== 0));
        } else return null;
      }
    }
    const sources = g[i]?.code === 97 ? num(97) : 0;
    for (let k = 0; k < (sources ?? 0) && g[i]?.code === 330; k++) i++;
    if (vertices.length >= 3) paths.push({ vertices, closed: true });
  }
  return paths;
}

/** A hatch arc edge (centre, radius, start and end angles in degrees, direction) as its start and intermediate points. */
function arcEdge(cx: number, cy: number, r: number, a0: number, a1: number, ccw: boolean): Vertex[] {
  // Clockwise edges store their angles mirrored (AutoCAD's convention): negate them.
  const s = ((ccw ? a0 : -a0) * Math.PI) / 180;
  let e = ((ccw ? a1 : -a1) * Math.PI) / 180;
  if (ccw && e <= s) e += 2 * Math.PI;
  if (!ccw && e >= s) e -= 2 * Math.PI;
  const steps = Math.min(64, Math.max(1, Math.ceil(Math.abs(e - s) / ARC_STEP)));
  const out: Vertex[] = [];
  for (let k = 0; k < steps; k++) out.push({ x: cx + r * Math.cos(s + ((e - s) * k) / steps), y: cy + r * Math.sin(s + ((e - s) * k) / steps) });
  return out;
}

// ---- text ----

function decode(b: Uint8Array): { text: string; notes: SurveyIssue[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), notes: [] };
  } catch {
    // Before AutoCAD 2007 a DXF is in the ANSI code page its header names ($DWGCODEPAGE ANSI_1258 for Vietnamese).
    const head = String.fromCharCode(...b.subarray(0, Math.min(b.length, 4000)));
    const cp = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*ANSI_(\d{3,4})/.exec(head)?.[1];
    const label = cp ? `windows-${cp}` : 'windows-1252';
    let d: TextDecoder;
    try {
      d = new TextDecoder(label);
    } catch {
      d = new TextDecoder('windows-1252');
    }
    return { text: d.decode(b).normalize('NFC'), notes: cp ? [] : [{ code: 'dxf_codepage_unknown', params: { codepage: 'Windows-1252' } }] };
  }
}

function startsWith(b: Uint8Array, s: string): boolean {
  if (b.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

function fail(code: string, params: Record<string, string | number>): Fail {
  return { ok: false, issue: { code, params } };
}
