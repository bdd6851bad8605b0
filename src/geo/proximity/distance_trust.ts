import type { GeometryQuality } from '../types';

/**
 * How much a distance can be trusted: `measured` between two traced or surveyed footprints
 * (or a planner's area); `schematic` when either end is a schematic square or a point placed
 * at a commune or district; `same-commune` when both ends are schematic and lie in the same
 * 2025 commune — they were placed from the same commune centre, so the distance says nothing.
 */
export type DistanceTrust = 'measured' | 'schematic' | 'same-commune';
export const DISTANCE_TRUSTS = ['measured', 'schematic', 'same-commune'] as const satisfies readonly DistanceTrust[];

/** What the trust of a distance depends on at each end. */
export interface TrustEnd {
  geometry_quality: GeometryQuality;
  commune_2025?: string | null;
}

const MEASURED: ReadonlySet<GeometryQuality> = new Set(['traced', 'surveyed']);

/**
 * @param a - one end (a cluster, KCN or village)
 * @param b - the other end, or null for an area the planner drew or imported (as good as its lines)
 */
export function distanceTrust(a: TrustEnd, b: TrustEnd | null): DistanceTrust {
  const ma = MEASURED.has(a.geometry_quality);
  const mb = b === null || MEASURED.has(b.geometry_quality);
  if (ma && mb) return 'measured';
  if (!ma && b && !mb && a.commune_2025 && a.commune_2025 === b.commune_2025) return 'same-commune';
  return 'schematic';
}

/**
 * The trust of a proximity result's distance. Without a counterpart feature (a planner's area,
 * a drawn polygon) only the result's own footprint counts; a counterpart that cannot be looked
 * up is taken to be placed like the result.
 *
 * @param me - the result's own place
 * @param placeOf - looks up the counterpart's place by row layer (`cluster`, `zone`, `village`) and id
 */
export function rowTrust(row: { otherLayer: string | null; otherId: string | null }, me: TrustEnd, placeOf: (layer: string, id: string) => TrustEnd | null | undefined): DistanceTrust {
  if (!row.otherLayer || !row.otherId || row.otherLayer === 'area') return distanceTrust(me, null);
  return distanceTrust(me, placeOf(row.otherLayer, row.otherId) ?? me);
}
