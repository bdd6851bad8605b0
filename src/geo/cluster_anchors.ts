import centroid from '@turf/centroid';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ClusterCollection, ClusterProps } from './types';

/** Properties carried by an anchor point (what the dot and label layers need). */
export type AnchorProps = Pick<ClusterProps, 'id' | 'name' | 'status' | 'wwtp' | 'geometry_quality' | 'ex_province'> & {
  /** True when the cluster has no polygon (no source gives its area). */
  point_only: boolean;
};

/**
 * One label/dot point per cluster: the centroid of a polygon (or a point on its
 * surface when the centroid falls outside), or the cluster's own point.
 *
 * @param fc - clusters
 * @returns a point per cluster, same order and ids
 */
export function clusterAnchors(fc: ClusterCollection): FeatureCollection<Point, AnchorProps> {
  const features = fc.features.map((f): Feature<Point, AnchorProps> => {
    const props = anchorProps(f);
    if (f.geometry.type === 'Point') return { type: 'Feature', properties: props, geometry: f.geometry };
    const c = centroid(f);
    const g = booleanPointInPolygon(c, f.geometry) ? c.geometry : pointOnFeature(f).geometry;
    return { type: 'Feature', properties: props, geometry: g };
  });
  return { type: 'FeatureCollection', features };
}

function anchorProps(f: ClusterCollection['features'][number]): AnchorProps {
  const p = f.properties;
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    wwtp: p.wwtp,
    geometry_quality: p.geometry_quality,
    ex_province: p.ex_province,
    point_only: f.geometry.type === 'Point',
  };
}

/** A feature of the map's cluster source: a cluster's polygon or its anchor point. */
export type ClusterMapFeature = Feature<Polygon | MultiPolygon | Point, AnchorProps>;

/**
 * What the map draws the clusters from, in one source: each cluster's polygon (fill and
 * outlines) and its anchor point (dot, marker, label), both with the cluster's id (so one
 * feature state covers both) and only the properties the style reads.
 *
 * @param fc - clusters
 * @returns the polygons, then one anchor point per cluster
 */
export function clusterMap(fc: ClusterCollection): FeatureCollection<Polygon | MultiPolygon | Point, AnchorProps> {
  const polygons = fc.features
    .filter((f) => f.geometry.type !== 'Point')
    .map((f): ClusterMapFeature => ({ type: 'Feature', properties: anchorProps(f), geometry: f.geometry as Polygon | MultiPolygon }));
  return { type: 'FeatureCollection', features: [...polygons, ...clusterAnchors(fc).features] };
}

/** The cluster map file the build derives from clusters.geojson (the map loads it by URL). */
export const CLUSTER_MAP_FILE = 'cluster_map.geojson';

/**
 * The text of the cluster map file: `clusterMap`, the anchor points rounded to 6 decimals
 * (~0.1 m; the polygons are the source file's), one line.
 *
 * @param fc - clusters
 * @returns GeoJSON text
 */
export function clusterMapText(fc: ClusterCollection): string {
  const m = clusterMap(fc);
  m.features = m.features.map((f) =>
    f.geometry.type === 'Point' ? { ...f, geometry: { type: 'Point', coordinates: f.geometry.coordinates.map((x) => Math.round(x * 1e6) / 1e6) } } : f,
  );
  return JSON.stringify(m);
}
