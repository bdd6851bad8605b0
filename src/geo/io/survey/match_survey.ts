import area from '@turf/area';
import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import Flatbush from 'flatbush';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { foldDiacritics } from '../../search/fold_diacritics';
import type { ClusterGeometry } from '../../types';

/** What matching needs of a cluster (the app sends only this to the survey worker). */
export type MatchCluster = Feature<ClusterGeometry | null, { id: string; name: string }>;

/** How an imported shape was paired with a cluster. */
export type MatchBasis = 'id' | 'name' | 'overlap' | 'none';

/** One imported shape and the cluster it most likely draws. */
export interface SurveyMatch {
  /** Index of the feature in the import. */
  feature: number;
  /** A label for the shape: its name in the file, or its layer, or its number. */
  label: string;
  /** Geodesic area of the shape (ha); null for points and lines. */
  areaHa: number | null;
  clusterId: string | null;
  basis: MatchBasis;
  /** Other clusters the shape overlaps (the planner may pick one instead). */
  alsoOverlaps: string[];
}

/** Property names files use for a feature's name (KML name, Shapefile TEN/Ten_CCN, DXF layer…). */
const NAME_KEYS = ['name', 'Name', 'NAME', 'ten', 'Ten', 'TEN', 'ten_ccn', 'TEN_CCN', 'Ten_CCN', 'label', 'title', 'layer', 'Layer'];

/**
 * A name folded for comparison, without the words every cluster's name has, its words sorted:
 * drawings write "CCN Gián Khẩu (mẫu)" for "CCN Mẫu Gián Khẩu".
 */
function key(s: string): string {
  const words = foldDiacritics(s)
    .replace(/\b(ccn|cum cong nghiep|cum cn|khu cong nghiep|kcn)\b/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...new Set(words)].sort().join(' ');
}

const isArea = (g: Geometry | null): g is Polygon | MultiPolygon => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

/**
 * Pairs each imported shape with a cluster: the same id (the app's own exports), the same name
 * (folded as the search folds it, without "CCN"), or overlap with the cluster's current
 * footprint (the largest overlap by bounding box first). Each cluster is proposed once.
 *
 * @param features - the import, in WGS 84
 * @param clusters - the clusters as shown (journal applied)
 * @returns one match per feature, in import order
 */
export function matchSurvey(features: readonly Feature<Geometry | null, unknown>[], clusters: readonly MatchCluster[]): SurveyMatch[] {
  const byId = new Map(clusters.map((c) => [c.properties.id, c]));
  const byName = new Map<string, string>();
  for (const c of clusters) {
    const k = key(c.properties.name);
    if (k) byName.set(k, c.properties.id);
  }
  const taken = new Set<string>();
  // Clusters indexed by box once: a file may hold tens of thousands of shapes.
  const placed = clusters.flatMap((c, k) => (c.geometry ? [k] : []));
  const tree = placed.length ? new Flatbush(placed.length) : null;
  for (const k of placed) {
    const b = bbox(clusters[k]!.geometry!);
    tree!.add(b[0], b[1], b[2], b[3]);
  }
  tree?.finish();
  return features.map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const nameProp = NAME_KEYS.map((k) => p[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const label = nameProp ?? `#${i + 1}`;
    const areaHa = isArea(f.geometry) ? area(f.geometry) / 10_000 : null;
    const fb = f.geometry ? bbox(f.geometry) : null;
    const near = fb && tree ? tree.search(fb[0], fb[1], fb[2], fb[3]).map((j) => placed[j]!).sort((a, b) => a - b) : [];
    const overlaps = near.filter((k) => booleanIntersects(f.geometry!, clusters[k]!.geometry!)).map((k) => clusters[k]!.properties.id);
    const pick = (clusterId: string | null, basis: MatchBasis): SurveyMatch => {
      if (clusterId) taken.add(clusterId);
      return { feature: i, label, areaHa, clusterId, basis, alsoOverlaps: overlaps.filter((id) => id !== clusterId) };
    };
    const id = typeof p.id === 'string' ? p.id : null;
    if (id && byId.has(id) && !taken.has(id)) return pick(id, 'id');
    const named = nameProp ? byName.get(key(nameProp)) : undefined;
    if (named && !taken.has(named)) return pick(named, 'name');
    const free = overlaps.find((c) => !taken.has(c));
    return free ? pick(free, 'overlap') : pick(null, 'none');
  });
}
