import type { ClusterStatus, WwtpState } from '../geo/types';

/**
 * Colours from the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies. Shared by the map style and the legend.
 */
export const STATUS_COLOR: Record<ClusterStatus, string> = {
  planned: '#E69F00',
  established: '#CC79A7',
  operating: '#009E73',
  // Taken out of the plan: grey, still on the map and in counts of its own.
  withdrawn: '#BBBBBB',
};

/** Outline colour by wastewater-plant state. */
export const WWTP_COLOR: Record<WwtpState, string> = {
  compliant: '#0072B2',
  operating: '#56B4E9',
  under_construction: '#F0E442',
  none: '#D55E00',
  unknown: '#7a7a7a',
};

export const ZONE_COLOR = '#6a5acd';
export const VILLAGE_COLOR = '#8B4513';
export const HIGHLIGHT_COLOR = '#000000';
export const AREA_COLOR = '#0b5cad';
export const IMPORTED_COLOR = '#111111';
export const PROX_COLOR = '#000000';
/**
 * Cluster outlines by how the footprint was obtained, shared by the map style and the legend
 * so the two draw the same pattern. Dash, line and gap lengths are in outline widths (the unit
 * of MapLibre's `line-dasharray`).
 */
export const OUTLINE = {
  /** Width by zoom (`[zoom, px]` stops): surveyed and source-coordinates footprints draw one solid line of it. */
  width: [
    [9, 1.5],
    [14, 3.5],
  ],
  /** Traced footprints: two thin solid lines, each `tracedLine` widths, `tracedGap` widths apart. */
  tracedLine: 0.5,
  tracedGap: 0.7,
  /** Schematic footprints: dashes and gaps. */
  schematicDash: [2, 1.5],
} as const;

/** Map background: everything outside the province (no land/sea data is bundled for it). */
export const OUTSIDE_COLOR = '#dfe6ea';

/** 2025 commune and ward boundaries and names: slate grey, apart from every data colour (KCN are violet). */
export const COMMUNE_COLOR = '#5f6b7a';
/** 2009 communes (reference for older documents): brown, dashed. */
export const COMMUNE_2009_COLOR = '#9a7b55';

/** A proposed cluster under assessment (red-purple, apart from status and wastewater colours). */
export const PROPOSAL_COLOR = '#b5179e';
