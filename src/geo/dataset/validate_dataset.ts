/**
 * Validation gate for the shipped geodata (clusters, industrial zones, craft villages).
 * Pure and browser-safe (no DOM, no node APIs): the CLI (geodata/build/validate_cli.ts),
 * the tests and the app's loader all call this module. It is the only importer of the
 * LGPL-3 `geojson-validation` package, so the app can lazy-load it as its own chunk.
 */
import { asOfBeyondSources, translationLoses } from './release_checks';
import gjv from 'geojson-validation';
import { isSourceRef } from './source_ref';
import { area, booleanClockwise, booleanPointInPolygon, kinks, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { EX_PROVINCES, GEOMETRY_QUALITIES, STATUSES, WWTP_STATES, type ClusterProps, type GeometryQuality, type VillageProps, type ZoneProps } from '../types';

/** One problem found in a dataset file. */
export interface ValidationError {
  /** File name as given in the options, e.g. "clusters.geojson". */
  file: string;
  /** Feature id, or null when the feature has none (or the error is about the whole file). */
  id: string | null;
  /** Property or part at fault: "status", "sources", "geometry", "id", … */
  field: string;
  /** What was expected and what came. */
  reason: string;
}

/** Options shared by the validators. */
export interface ValidateOptions {
  /** Name used in error messages. */
  fileName: string;
  /** The merged province outline (Feature or FeatureCollection of Polygon/MultiPolygon); null skips the inside-the-province check (outline unavailable). */
  provinceOutline: unknown;
  /**
   * Rules for the bundled dataset (not a planner's file): every note has its Vietnamese
   * translation, and as-of is not newer than the newest dated source (`sourceDates`: URL → date).
   */
  release?: { sourceDates: ReadonlyMap<string, string> };
  /** Allowed distance outside the outline, metres (default 300: the outline is low-resolution). */
  toleranceM?: number;
  /** Allowed relative area error of schematic footprints (default 0.01 = 1 %). */
  areaTolerance?: number;
}

type Kind =
  | 'string' | 'string?' | 'number?' | 'int?' | 'string[]' | 'urls' | 'date' | 'date?'
  | readonly string[];

interface Rule { kind: Kind; required: boolean }
type Schema = Record<string, Rule>;
/** A schema that lists every property of `P`, no more (a field added to the interface must be added here). */
type SchemaOf<P> = { [K in keyof Required<P>]: Rule };

const req = (kind: Kind) => ({ kind, required: true });
const opt = (kind: Kind) => ({ kind, required: false });

const TRANSLATIONS = { notes_vi: opt('string?'), reported_conflicts_vi: opt('string?') };
const CLUSTER_SCHEMA = {
  id: req('string'), name: req('string'), ex_province: req(EX_PROVINCES), old_district: req('string?'), inferred_district: opt('string?'),
  communes: req('string[]'), new_commune: req('string?'), commune_2025: opt('string?'), commune_2025_code: opt('string?'), planned_area_ha: req('number?'), status: req(STATUSES),
  wwtp: req(WWTP_STATES), occupancy_pct: req('number?'), projects: req('int?'), workers: req('int?'),
  model: req('string?'), industries: req('string?'), decision: req('string?'), sources: req('urls'), as_of: req('date'),
  geometry_quality: req(GEOMETRY_QUALITIES), notes: opt('string?'), reported_conflicts: opt('string?'), ...TRANSLATIONS,
  location_basis: opt(['source', 'name-inferred']), established_year: opt('int?'), decision_date: opt('date?'),
  investor: opt('string?'), geometry_source: opt('string?'), geometry_as_of: opt('date?'),
} satisfies SchemaOf<ClusterProps>;
const ZONE_SCHEMA = {
  id: req('string'), name: req('string'), ex_province: req(EX_PROVINCES), old_district: req('string?'), inferred_district: opt('string?'),
  communes: req('string[]'), new_commune: req('string?'), commune_2025: opt('string?'), commune_2025_code: opt('string?'), area_ha: req('number?'), status: req(STATUSES),
  sources: req('urls'), as_of: req('date'), geometry_quality: req(GEOMETRY_QUALITIES), notes: opt('string?'),
  reported_conflicts: opt('string?'), ...TRANSLATIONS, location_basis: opt(['source', 'name-inferred']),
} satisfies SchemaOf<ZoneProps>;
const VILLAGE_SCHEMA = {
  id: req('string'), name: req('string'), craft: req('string?'), ex_province: req(EX_PROVINCES),
  old_district: req('string?'), inferred_district: opt('string?'), old_commune: req('string?'), new_commune: req('string?'), commune_2025: opt('string?'), commune_2025_code: opt('string?'), recognised: req(['yes', 'unknown']),
  sources: req('urls'), as_of: req('date'), geometry_quality: req(GEOMETRY_QUALITIES), notes: opt('string?'),
  reported_conflicts: opt('string?'), ...TRANSLATIONS, location_basis: opt(['source', 'name-inferred']),
} satisfies SchemaOf<VillageProps>;

interface Layer {
  schema: Schema;
  geometryTypes: readonly string[];
  /** Property holding the area the schematic footprint must match. */
  areaField: string | null;
  /** The layer records where a traced or surveyed footprint comes from (`geometry_source`, `geometry_as_of`). */
  footprintSource: boolean;
}

const CLUSTERS: Layer = { schema: CLUSTER_SCHEMA, geometryTypes: ['Polygon', 'MultiPolygon', 'Point'], areaField: 'planned_area_ha', footprintSource: true };
const ZONES: Layer = { schema: ZONE_SCHEMA, geometryTypes: ['Polygon', 'MultiPolygon', 'Point'], areaField: 'area_ha', footprintSource: false };
const VILLAGES: Layer = { schema: VILLAGE_SCHEMA, geometryTypes: ['Point'], areaField: null, footprintSource: false };

/** Footprints drawn from real evidence (coordinates, imagery, a boundary description), not placed schematically. */
const FOOTPRINT_QUALITIES: readonly GeometryQuality[] = ['surveyed', 'traced'];

/**
 * Validate `clusters.geojson` against ClusterProps and the geometry rules.
 *
 * @param fc - Parsed file content (anything; it is checked).
 * @param opts - File name for messages, province outline, tolerances.
 * @returns All errors found (empty when valid).
 */
export function validateClusters(fc: unknown, opts: ValidateOptions): ValidationError[] {
  return validateLayer(fc, opts, CLUSTERS);
}

/**
 * Validate `industrial_zones.geojson` against ZoneProps and the geometry rules.
 *
 * @param fc - Parsed file content.
 * @param opts - File name, province outline, tolerances.
 * @returns All errors found (empty when valid).
 */
export function validateZones(fc: unknown, opts: ValidateOptions): ValidationError[] {
  return validateLayer(fc, opts, ZONES);
}

/**
 * Validate `craft_villages.geojson` against VillageProps (points only).
 *
 * @param fc - Parsed file content.
 * @param opts - File name, province outline, tolerances.
 * @returns All errors found (empty when valid).
 */
export function validateVillages(fc: unknown, opts: ValidateOptions): ValidationError[] {
  return validateLayer(fc, opts, VILLAGES);
}

/**
 * Checks a boundary layer (ex-province outlines, the province outline): a FeatureCollection
 * of valid Polygon/MultiPolygon features with closed rings.
 *
 * @param fc - parsed file content
 * @param fileName - name used in the messages
 * @returns problems as readable sentences (empty when the layer is usable)
 */
export function validateBoundaries(fc: unknown, fileName: string): string[] {
  if (!isRecord(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return [`${fileName}: expected a FeatureCollection`];
  }
  if (fc.features.length === 0) return [`${fileName}: expected at least one boundary feature`];
  const out: string[] = [];
  fc.features.forEach((f: unknown, i: number) => {
    const g = isRecord(f) ? f.geometry : undefined;
    if (!isRecord(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      out.push(`${fileName} › feature ${i} › geometry: expected a Polygon or MultiPolygon; got ${describe(isRecord(g) ? g.type : g)}`);
      return;
    }
    for (const msg of gjv.isFeature(f, true)) out.push(`${fileName} › feature ${i} › geojson: ${msg}`);
  });
  return out;
}

/**
 * Checks the 2025 communes file: polygons (and one label point each) with a GSO code and a name.
 *
 * @returns one line per problem (empty when fine)
 */
export function validateCommunes(fc: unknown, fileName: string): string[] {
  if (!isRecord(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return [`${fileName}: expected a FeatureCollection`];
  const out: string[] = [];
  let polygons = 0;
  fc.features.forEach((f: unknown, i: number) => {
    const p = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const g = isRecord(f) && isRecord(f.geometry) ? f.geometry : null;
    const where = `${fileName} › feature ${i}`;
    if (typeof p.code !== 'string' || !/^\d+$/.test(p.code)) out.push(`${where} › code: expected a GSO code (digits); got ${describe(p.code)}`);
    if (typeof p.name !== 'string' || !p.name.trim()) out.push(`${where} › name: expected a commune name; got ${describe(p.name)}`);
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon' && g.type !== 'Point')) return void out.push(`${where} › geometry: expected a Polygon, MultiPolygon or label Point; got ${describe(g?.type)}`);
    if (g.type !== 'Point') polygons++;
    for (const msg of gjv.isFeature(f, true)) out.push(`${where} › geojson: ${msg}`);
  });
  if (!polygons) out.push(`${fileName}: expected commune polygons, found none`);
  return out;
}

/**
 * Format an error as one line: `file › id › field: reason`.
 *
 * @param e - The error.
 * @returns A single-line message naming file, feature id, field and reason.
 */
export function formatError(e: ValidationError): string {
  return `${e.file} › ${e.id ?? '(no id)'} › ${e.field}: ${e.reason}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function outlinePolygons(outline: unknown): Feature<Polygon | MultiPolygon>[] {
  const feats = isRecord(outline) && outline.type === 'FeatureCollection' && Array.isArray(outline.features) ? outline.features : [outline];
  const out: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of feats) {
    if (isRecord(f) && isRecord(f.geometry) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
      out.push(f as unknown as Feature<Polygon | MultiPolygon>);
    }
  }
  if (out.length === 0) throw new TypeError('provinceOutline must be a Feature or FeatureCollection of Polygon/MultiPolygon');
  return out;
}

function describe(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function checkKind(v: unknown, kind: Kind): string | null {
  if (Array.isArray(kind)) {
    return typeof v === 'string' && (kind as readonly string[]).includes(v) ? null : `must be one of ${(kind as readonly string[]).join(', ')}; got ${describe(v)}`;
  }
  switch (kind) {
    case 'string':
      return typeof v === 'string' && v.trim() !== '' ? null : `must be a non-empty string; got ${describe(v)}`;
    case 'string?':
      return v === null || typeof v === 'string' ? null : `must be a string or null; got ${describe(v)}`;
    case 'number?':
      return v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0) ? null : `must be a non-negative number or null; got ${describe(v)}`;
    case 'int?':
      return v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? null : `must be a non-negative integer or null; got ${describe(v)}`;
    case 'string[]':
      return Array.isArray(v) && v.every((s) => typeof s === 'string') ? null : `must be an array of strings; got ${describe(v)}`;
    case 'date':
      return isIsoDate(v) ? null : `must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD; got ${describe(v)}`;
    case 'date?':
      return v === null || isIsoDate(v) ? null : `must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, or null; got ${describe(v)}`;
    case 'urls': {
      if (!Array.isArray(v) || v.length === 0) return `must list at least one source URL; got ${describe(v)}`;
      const bad = v.filter((u) => !isSourceRef(u));
      return bad.length === 0 ? null : `every source must be an http(s) URL or an official document number (e.g. 512/QĐ-UBND); got ${bad.map(describe).join(', ')}`;
    }
    default:
      return null;
  }
}

function isIsoDate(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}(-[01]\d(-[0-3]\d)?)?$/.test(v);
}


function ringsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function decimals(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : s.length - i - 1;
}

function validateLayer(fc: unknown, opts: ValidateOptions, layer: Layer): ValidationError[] {
  const file = opts.fileName;
  const tol = opts.toleranceM ?? 300;
  const areaTol = opts.areaTolerance ?? 0.01;
  const outline = opts.provinceOutline === null || opts.provinceOutline === undefined ? [] : outlinePolygons(opts.provinceOutline);
  const errors: ValidationError[] = [];
  // one "outside" message per feature
  const reported = new Set<string>();
  const err = (id: string | null, field: string, reason: string): void => {
    errors.push({ file, id, field, reason });
  };

  if (!isRecord(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    err(null, 'type', `file must be a GeoJSON FeatureCollection with a features array; got ${isRecord(fc) ? describe(fc.type) : typeof fc}`);
    return errors;
  }
  if ('crs' in fc) err(null, 'crs', 'RFC 7946 files must not carry a "crs" member');

  const seen = new Set<string>();
  fc.features.forEach((f: unknown, index: number) => {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : null;
    const id = props && typeof props.id === 'string' ? props.id : null;
    const label = id ?? `feature #${index}`;
    const fid = id ?? null;

    for (const msg of gjv.isFeature(f, true)) err(fid, 'geojson', `invalid GeoJSON (${label}): ${msg}`);
    if (!isRecord(f) || !props) {
      err(fid, 'properties', `feature #${index} must be an object with a properties object`);
      return;
    }

    // schema
    for (const [key, spec] of Object.entries(layer.schema)) {
      if (!(key in props)) {
        if (spec.required) err(fid, key, key === 'sources' ? 'must list at least one source URL; the property is missing' : 'required property is missing');
        continue;
      }
      const problem = checkKind(props[key], spec.kind);
      if (problem) err(fid, key, problem);
    }
    for (const key of Object.keys(props)) if (!(key in layer.schema)) err(fid, key, 'unknown property (not in the TypeScript interface)');
    if (typeof props.occupancy_pct === 'number' && props.occupancy_pct > 100) err(fid, 'occupancy_pct', `must be at most 100; got ${props.occupancy_pct}`);
    // A place found from its name alone must say so: never shown as if a source had said it.
    // (A district looked up from the commune a source names is the source's place, not a guess.)
    const namesCommune = (Array.isArray(props.communes) && props.communes.length > 0) || !!props.old_commune;
    if (props.inferred_district && props.location_basis !== 'name-inferred' && !namesCommune) err(fid, 'location_basis', `must be "name-inferred" when the district is inferred (${describe(props.inferred_district)}); got ${describe(props.location_basis)}`);

    if (opts.release) checkRelease(props, fid, opts.release.sourceDates);

    // ids
    if (id !== null) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err(fid, 'id', `must be an ASCII slug (a-z, 0-9, '-'); got ${describe(id)}`);
      if (seen.has(id)) err(fid, 'id', `duplicate id ${describe(id)}`);
      seen.add(id);
    }

    // geometry
    const g = f.geometry;
    if (!isRecord(g) || typeof g.type !== 'string' || !Array.isArray(g.coordinates)) {
      err(fid, 'geometry', `must be a geometry with coordinates; got ${describe(g === undefined ? undefined : isRecord(g) ? g.type : g)}`);
      return;
    }
    if (!layer.geometryTypes.includes(g.type)) {
      err(fid, 'geometry', `type must be one of ${layer.geometryTypes.join(', ')}; got ${g.type}`);
      return;
    }
    const q = typeof props.geometry_quality === 'string' ? props.geometry_quality : '';
    if (layer.footprintSource) checkFootprintSource(props, q, g.type, fid);
    if (g.type === 'Point') {
      if (q.startsWith('schematic')) err(fid, 'geometry_quality', `${q} requires a polygon footprint; got a Point`);
      checkPoint(g.coordinates as Position, fid);
      return;
    }
    if (q.startsWith('point')) err(fid, 'geometry_quality', `${q} requires a Point; got ${g.type}`);
    const geom = g as unknown as Polygon | MultiPolygon;
    let ringsOk = true;
    for (const poly of ringsOf(geom)) {
      poly.forEach((ring, ri) => {
        if (!Array.isArray(ring) || ring.length < 4) {
          err(fid, 'geometry', `ring ${ri} must have at least 4 positions; got ${Array.isArray(ring) ? ring.length : 'none'}`);
          ringsOk = false;
          return;
        }
        const a = ring[0];
        const z = ring[ring.length - 1];
        if (!a || !z || a[0] !== z[0] || a[1] !== z[1]) {
          err(fid, 'geometry', `ring ${ri} is not closed: first position ${describe(a)} differs from last ${describe(z)}`);
          ringsOk = false;
          return;
        }
        const cw = booleanClockwise(ring);
        if (ri === 0 && cw) err(fid, 'geometry', 'outer ring must be counter-clockwise (RFC 7946)');
        if (ri > 0 && !cw) err(fid, 'geometry', `hole ${ri} must be clockwise (RFC 7946)`);
        for (const p of ring) checkPoint(p, fid);
      });
    }
    if (!ringsOk) return;
    const k = kinks(geom);
    if (k.features.length > 0) {
      const p = k.features[0]?.geometry.coordinates ?? [];
      err(fid, 'geometry', `polygon self-intersects (${k.features.length} kink(s), first at ${p.map((x) => x.toFixed(6)).join(', ')})`);
      return;
    }
    if (layer.areaField && q.startsWith('schematic')) {
      const want = props[layer.areaField];
      const gotHa = area(geom) / 10_000;
      if (typeof want !== 'number' || want <= 0) {
        err(fid, layer.areaField, `a schematic footprint needs a known area; got ${describe(want)} (use a Point when no source gives the area)`);
      } else if (Math.abs(gotHa - want) / want > areaTol) {
        err(fid, layer.areaField, `schematic footprint area ${gotHa.toFixed(2)} ha differs from ${layer.areaField} ${want} ha by more than ${(areaTol * 100).toFixed(0)}%`);
      }
    }
  });
  return errors;

  /** A traced or surveyed footprint says where it comes from and when; no other geometry claims a footprint source. */
  // Planners read Vietnamese first; and an as-of newer than every dated source claims more than the sources say.
  function checkRelease(props: Record<string, unknown>, fid: string | null, sourceDates: ReadonlyMap<string, string>): void {
    for (const [en, vi] of [['notes', 'notes_vi'], ['reported_conflicts', 'reported_conflicts_vi']] as const) {
      const a = props[en];
      const b = props[vi];
      if (typeof a !== 'string' || a.trim() === '') continue;
      if (typeof b !== 'string' || b.trim() === '') {
        err(fid, vi, `missing: ${en} has no Vietnamese translation (add a row with its exact text to geodata/sources/notes_vi.csv)`);
        continue;
      }
      const lost = translationLoses(a, b);
      if (lost) err(fid, vi, `must keep ${lost} of ${en} (geodata/sources/notes_vi.csv)`);
    }
    const sources = Array.isArray(props.sources) ? props.sources.filter((u): u is string => typeof u === 'string') : [];
    if (typeof props.as_of === 'string') {
      const beyond = asOfBeyondSources(props.as_of, sources, sourceDates);
      if (beyond) err(fid, 'as_of', `must not be newer than its newest dated source (${beyond.date}, ${beyond.url}); got ${describe(props.as_of)}`);
    }
  }

  function checkFootprintSource(props: Record<string, unknown>, q: string, type: string, fid: string | null): void {
    if ((FOOTPRINT_QUALITIES as readonly string[]).includes(q)) {
      if (type === 'Point') err(fid, 'geometry_quality', `${q} requires a polygon footprint; got a Point`);
      // (a value of the wrong type is the schema's error)
      const missing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
      if (missing(props.geometry_source)) {
        err(fid, 'geometry_source', `a ${q} footprint must name its source (URL or document reference); got ${describe(props.geometry_source)}`);
      }
      if (missing(props.geometry_as_of)) err(fid, 'geometry_as_of', `a ${q} footprint must give the ISO date of its source; got ${describe(props.geometry_as_of)}`);
      return;
    }
    for (const key of ['geometry_source', 'geometry_as_of']) {
      if (props[key] !== undefined && props[key] !== null) err(fid, key, `only a traced or surveyed footprint has a ${key}; got ${describe(props[key])} with ${q || 'no geometry_quality'}`);
    }
  }

  function checkPoint(p: Position, fid: string | null): void {
    const [lon, lat] = p;
    if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      err(fid, 'geometry', `position must be [lon, lat] in degrees; got ${describe(p)}`);
      return;
    }
    if (decimals(lon) > 6 || decimals(lat) > 6) err(fid, 'geometry', `coordinates must have at most 6 decimals; got ${describe(p)}`);
    if (outline.length === 0 || reported.has(fid ?? '')) return;
    const inside = outline.some((o) => booleanPointInPolygon(p, o));
    if (inside) return;
    const d = Math.min(...outline.map((o) => Math.abs(pointToPolygonDistance(p, o, { units: 'meters' }))));
    if (d > tol) {
      reported.add(fid ?? '');
      err(fid, 'geometry', `feature lies outside the province outline: position ${describe(p)} is ${Math.round(d)} m outside (tolerance ${tol} m)`);
    }
  }
}
