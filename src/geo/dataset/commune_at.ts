import Flatbush from 'flatbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { ClusterCollection } from '../types';
import { representativePoint } from '../io/representative_point';

/** One 2025 commune or ward as the app bundles it. */
export interface CommuneProps {
  /** GSO 2025 code, e.g. "13753". */
  code: string;
  /** Full name, e.g. "Xã Hiển Khánh", "Phường Phủ Lý". */
  name: string;
  kind: 'xã' | 'phường';
}
export type CommuneFeature = Feature<Polygon | MultiPolygon, CommuneProps>;

/** Where a point lies among the communes, and how sure that is. */
export interface CommuneHit {
  code: string;
  name: string;
  /** `inside`: in the polygon; `nearest`: in none, the nearest within the tolerance. */
  how: 'inside' | 'nearest';
  /** Distance to the commune's border (m): how close the answer came to another commune. */
  borderM: number;
}

/** The communes indexed by box, for many point-in-polygon questions. */
export interface CommuneIndex {
  communes: readonly CommuneFeature[];
  tree: Flatbush | null;
}

/** Points this far (m) outside every polygon still take the nearest one (gaps along borders, the coast). */
export const NEAREST_M = 100;

const M_PER_DEG_LAT = 110_574;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** Indexes the communes once. */
export function communeIndex(communes: readonly CommuneFeature[]): CommuneIndex {
  if (!communes.length) return { communes, tree: null };
  const tree = new Flatbush(communes.length);
  for (const c of communes) {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings(c.geometry)) for (const [x, y] of ring as [number, number][]) {
      if (x < b[0]!) b[0] = x;
      if (y < b[1]!) b[1] = y;
      if (x > b[2]!) b[2] = x;
      if (y > b[3]!) b[3] = y;
    }
    tree.add(b[0]!, b[1]!, b[2]!, b[3]!);
  }
  tree.finish();
  return { communes, tree };
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Distance (m) from a point to a polygon's border, locally flat (the communes are a few km across). */
function borderDistanceM(p: Position, g: Polygon | MultiPolygon): number {
  const kx = mPerDegLon(p[1]!);
  let best = Infinity;
  for (const ring of rings(g)) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0]! - p[0]!) * kx;
      const ay = (ring[i - 1]![1]! - p[1]!) * M_PER_DEG_LAT;
      const bx = (ring[i]![0]! - p[0]!) * kx;
      const by = (ring[i]![1]! - p[1]!) * M_PER_DEG_LAT;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * The 2025 commune a point lies in. Where neighbouring polygons overlap (they were drawn
 * independently), the one the point lies deepest in; outside all of them, the nearest within
 * {@link NEAREST_M}; null beyond (outside the province).
 */
export function communeAt(index: CommuneIndex, p: Position): CommuneHit | null {
  if (!index.tree) return null;
  const padLon = NEAREST_M / mPerDegLon(p[1]!);
  const padLat = NEAREST_M / M_PER_DEG_LAT;
  const near = index.tree.search(p[0]! - padLon, p[1]! - padLat, p[0]! + padLon, p[1]! + padLat).sort((a, b) => a - b);
  let inside: CommuneHit | null = null;
  let nearest: CommuneHit | null = null;
  for (const k of near) {
    const c = index.communes[k]!;
    const d = borderDistanceM(p, c.geometry);
    const hit = { code: c.properties.code, name: c.properties.name, borderM: Math.round(d) };
    if (booleanPointInPolygon(p, c.geometry)) {
      if (!inside || d > inside.borderM) inside = { ...hit, how: 'inside' };
    } else if (d <= NEAREST_M && (!nearest || d < nearest.borderM)) nearest = { ...hit, how: 'nearest' };
  }
  return inside ?? nearest;
}

/**
 * The clusters with `commune_2025` recomputed where their geometry is not the bundled one (an
 * edited footprint, a new cluster); the same collection when none is.
 *
 * @param fc - the clusters as shown (journal applied)
 * @param base - the bundled clusters, whose communes the build computed
 */
export function relocateEdited(fc: ClusterCollection, base: ClusterCollection, index: CommuneIndex): ClusterCollection {
  const bundled = new Map(base.features.map((f) => [f.properties.id, f.geometry]));
  let changed = false;
  const features = fc.features.map((f) => {
    if (bundled.get(f.properties.id) === f.geometry || !f.geometry) return f;
    const at = representativePoint(f.geometry);
    const hit = at ? communeAt(index, at) : null;
    if ((hit?.code ?? null) === (f.properties.commune_2025_code ?? null)) return f;
    changed = true;
    return { ...f, properties: { ...f.properties, commune_2025: hit?.name ?? null, commune_2025_code: hit?.code ?? null } };
  });
  return changed ? { ...fc, features } : fc;
}
