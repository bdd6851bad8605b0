/**
 * Footprints from planners: reviewed traced or surveyed cluster boundaries committed in
 * `geodata/sources/footprints.geojson`, which replace the clusters' schematic geometry in the
 * build. Pure (no file access), so the tests call it directly.
 */
import { rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { formatError, validateClusters } from '../../src/geo/dataset/validate_dataset';
import type { ClusterProps } from '../../src/geo/types';

/** Qualities a committed footprint may have. */
export const FOOTPRINT_QUALITIES = ['traced', 'surveyed'] as const;

/** A cluster drawn with its committed footprint. */
export type FootprintFeature = Feature<Polygon | MultiPolygon, ClusterProps>;

/** The footprints file could not be used; `problems` holds one line per problem (`file › id › field: reason`). */
export class FootprintError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the footprints:\n${problems.join('\n')}`);
    this.name = 'FootprintError';
  }
}

const FIELDS: ReadonlySet<string> = new Set(['id', 'geometry_quality', 'geometry_source', 'geometry_as_of', 'notes']);
/** Fields of the merged cluster that the footprint decides (the gate's other errors belong to the CSV row). */
const FOOTPRINT_FIELDS: ReadonlySet<string> = new Set(['geometry', 'geojson', 'geometry_quality', 'geometry_source', 'geometry_as_of']);
const ISO_DATE = /^\d{4}(-[01]\d(-[0-3]\d)?)?$/;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const describe = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Checks the committed footprints and gives each footprint's cluster drawn with it: its
 * geometry replaced by the footprint (rounded to 6 decimals, RFC 7946 winding), its
 * `geometry_quality`, `geometry_source` and `geometry_as_of` set from the footprint, and the
 * footprint's notes appended to its own. Every footprint must name a cluster, be `traced` or
 * `surveyed`, give a source and an ISO date, and pass the dataset gate's geometry rules
 * (closed rings, no self-intersection, inside the province).
 *
 * @param clusters - the clusters of the build, with their properties from the CSV
 * @param fc - the parsed footprints file (anything; it is checked)
 * @param opts - the province outline (Feature or FeatureCollection), and the file name used in messages
 * @returns the clusters drawn with a footprint, by id (the others keep their schematic geometry)
 * @throws FootprintError naming each footprint's id and problem
 * @example
 * applyFootprints(props, { type: 'FeatureCollection', features: [] }, { provinceOutline }).size // 0
 */
export function applyFootprints(
  clusters: readonly ClusterProps[],
  fc: unknown,
  opts: { provinceOutline: unknown; fileName?: string },
): Map<string, FootprintFeature> {
  const file = opts.fileName ?? 'footprints.geojson';
  const problems: string[] = [];
  const problem = (id: string | null, field: string, reason: string) => problems.push(`${file} › ${id ?? '(no id)'} › ${field}: ${reason}`);
  if (!isRecord(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new FootprintError([`${file}: must be a GeoJSON FeatureCollection with a features array; got ${isRecord(fc) ? describe(fc.type) : typeof fc}`]);
  }
  const byId = new Map(clusters.map((p) => [p.id, p]));
  const out = new Map<string, FootprintFeature>();
  fc.features.forEach((f: unknown, i: number) => {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : null;
    const id = props && typeof props.id === 'string' && props.id !== '' ? props.id : null;
    if (!isRecord(f) || !props || id === null) return problem(null, 'id', `feature #${i} must have properties with the id of a cluster; got ${describe(props?.id)}`);
    const before = problems.length;
    const cluster = byId.get(id);
    if (!cluster) problem(id, 'id', 'no cluster has this id (see geodata/sources/clusters.csv)');
    if (out.has(id)) problem(id, 'id', 'a second footprint for the same cluster');
    for (const key of Object.keys(props)) if (!FIELDS.has(key)) problem(id, key, `unknown property; a footprint has only ${[...FIELDS].join(', ')}`);
    const q = props.geometry_quality;
    if (!(FOOTPRINT_QUALITIES as readonly unknown[]).includes(q)) problem(id, 'geometry_quality', `must be ${FOOTPRINT_QUALITIES.join(' or ')}; got ${describe(q)}`);
    const source = props.geometry_source;
    if (typeof source !== 'string' || source.trim() === '') problem(id, 'geometry_source', `required: the URL or document reference the footprint comes from; got ${describe(source)}`);
    const asOf = props.geometry_as_of;
    if (typeof asOf !== 'string' || !ISO_DATE.test(asOf)) problem(id, 'geometry_as_of', `required: the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of that source; got ${describe(asOf)}`);
    const notes = props.notes;
    if (notes !== undefined && notes !== null && typeof notes !== 'string') problem(id, 'notes', `must be a string; got ${describe(notes)}`);
    const g = f.geometry;
    if (!isRecord(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      problem(id, 'geometry', `must be a Polygon or MultiPolygon; got ${describe(isRecord(g) ? g.type : g)}`);
    }
    if (problems.length > before || !cluster) return;

    const merged: FootprintFeature = {
      type: 'Feature',
      properties: {
        ...cluster,
        geometry_quality: q as (typeof FOOTPRINT_QUALITIES)[number],
        geometry_source: (source as string).trim(),
        geometry_as_of: asOf as string,
        notes: typeof notes === 'string' && notes.trim() !== '' ? [cluster.notes, `Footprint: ${notes.trim()}`].filter(Boolean).join(' | ') : cluster.notes ?? null,
        // The planner's own words are not translated: they stand in both languages.
        notes_vi: typeof notes === 'string' && notes.trim() !== '' && (!cluster.notes || cluster.notes_vi) ? [cluster.notes_vi, `Ranh giới: ${notes.trim()}`].filter(Boolean).join(' | ') : cluster.notes_vi ?? null,
      },
      geometry: normalise(g as unknown as Polygon | MultiPolygon),
    };
    // The gate's own rules, on the cluster as it will ship.
    const errors = validateClusters({ type: 'FeatureCollection', features: [merged] }, { fileName: file, provinceOutline: opts.provinceOutline });
    const own = errors.filter((e) => FOOTPRINT_FIELDS.has(e.field));
    for (const e of own) problems.push(formatError(e));
    if (own.length === 0) out.set(id, merged);
  });
  if (problems.length > 0) throw new FootprintError(problems);
  return out;
}

/** Coordinates rounded to 6 decimals (≈ 0.1 m) without repeated positions, rings wound as RFC 7946 asks. */
function normalise(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const r6 = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x);
  const ring = (r: unknown): Position[] => {
    if (!Array.isArray(r)) return r as Position[];
    const pts = r.map((p) => (Array.isArray(p) ? [r6(p[0]), r6(p[1])] : p) as Position);
    return pts.filter((p, i) => i === 0 || !Array.isArray(p) || p[0] !== pts[i - 1]?.[0] || p[1] !== pts[i - 1]?.[1]);
  };
  const poly = (rings: unknown): Position[][] => (Array.isArray(rings) ? rings.map(ring) : (rings as Position[][]));
  const rounded: Polygon | MultiPolygon =
    g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: (g.coordinates as unknown[]).map(poly) };
  // (rewind needs well-formed rings; a malformed one is left for the gate to name)
  try {
    return rewind(rounded) as Polygon | MultiPolygon;
  } catch {
    return rounded;
  }
}
