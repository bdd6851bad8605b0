import bbox from '@turf/bbox';
import type { Feature } from 'geojson';

/** The lon/lat box around features, or null when there are none. */
export function bboxOf(features: readonly Feature[]): [number, number, number, number] | null {
  if (!features.length) return null;
  const b = bbox({ type: 'FeatureCollection', features: [...features] });
  return b.every(Number.isFinite) ? [b[0], b[1], b[2], b[3]] : null;
}
