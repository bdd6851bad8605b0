import centroid from '@turf/centroid';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ClusterCollection, ClusterProps } from '../types';

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
    const p = f.properties;
    const props: AnchorProps = {
      id: p.id,
      name: p.name,
      status: p.status,
      wwtp: p.wwtp,
      geometry_quality: p.geometry_quality,
      ex_province: p.ex_province,
      point_only: f.geometry.type === 'Point',
    };
    if (f.geometry.type === 'Point') return { type: 'Feature', properties: props, geometry: f.geometry };
    const c = centroid(f);
    const g = booleanPointInPolygon(c, f.geometry) ? c.geometry : pointOnFeature(f).geometry;
    return { type: 'Feature', properties: props, geometry: g };
  });
  return { type: 'FeatureCollection', features };
}
