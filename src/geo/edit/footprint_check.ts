import area from '@turf/area';
import type { ClusterGeometry } from '../types';

/** Cluster sizes allowed by Decree 32/2024/NĐ-CP, Article 4 (ha). */
export const DECREE_32_SIZE = {
  standard: { min: 10, max: 75 },
  /** Craft-village clusters and clusters in mountain areas. */
  craftOrMountain: { min: 5, max: 75 },
} as const;
export type SizeRule = keyof typeof DECREE_32_SIZE;

/** A drafted footprint measured against the planned area and the decree's size rule. */
export interface FootprintCheck {
  /** Geodesic area (ha); null for a point or no geometry. */
  areaHa: number | null;
  /** (area − planned) / planned, in %; null without both. */
  diffPct: number | null;
  /** The difference is more than 10 % either way. */
  offPlan: boolean;
  /** Against the size rule: below its minimum, above its maximum, or within. */
  size: 'small' | 'large' | 'ok' | null;
  rule: { min: number; max: number };
}

/** Above this difference from the planned area the planner is warned (%). */
export const PLAN_TOLERANCE_PCT = 10;

/**
 * Measures a footprint for the editor: its area beside the planned one, and the decree's size rule.
 *
 * @param g - the footprint (lon/lat degrees), or null
 * @param plannedHa - the planned area (ha), or null when no source gives it
 * @param rule - which size rule applies (the planner says whether the cluster is a craft-village or mountain one)
 * @example
 * footprintCheck(square20ha, 18, 'standard') // { areaHa: 20, diffPct: 11.1, offPlan: true, size: 'ok', … }
 */
export function footprintCheck(g: ClusterGeometry | null, plannedHa: number | null, rule: SizeRule = 'standard'): FootprintCheck {
  const r = DECREE_32_SIZE[rule];
  const areaHa = g && g.type !== 'Point' ? area(g) / 10_000 : null;
  const diffPct = areaHa !== null && plannedHa ? ((areaHa - plannedHa) / plannedHa) * 100 : null;
  return {
    areaHa,
    diffPct,
    offPlan: diffPct !== null && Math.abs(diffPct) > PLAN_TOLERANCE_PCT,
    size: areaHa === null ? null : areaHa < r.min ? 'small' : areaHa > r.max ? 'large' : 'ok',
    rule: { min: r.min, max: r.max },
  };
}
