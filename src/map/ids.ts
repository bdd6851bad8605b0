/** Source ids. */
export const SRC = {
  /** Ex-province land and outlines, the province outline and the industrial zones (src/geo/tiles/map_context.ts). */
  context: 'context',
  clusters: 'clusters',
  clusterAnchors: 'cluster-anchors',
  /** The selected and focused clusters' polygons (the highlight draws only these). */
  highlight: 'highlight',
  villages: 'villages',
  /** The 129 communes and wards of 2025 (polygons and label points). */
  communes: 'communes',
  /** The 2009 communes (for reading older documents), loaded when first shown. */
  communes2009: 'communes-2009',
  osm: 'osm',
  /** Satellite imagery (Sentinel-2 cloudless 2016, EOX), online, off by default. */
  imagery: 'imagery',
  areas: 'areas',
  /** The proposal under assessment (Proposals panel). */
  proposal: 'proposal',
  imported: 'imported',
  importedImage: 'imported-image',
  prox: 'prox',
} as const;

/** Layer ids, bottom to top. */
export const LYR = {
  imagery: 'imagery-raster',
  osm: 'osm-raster',
  land: 'ex-province-fill',
  exProvinceLine: 'ex-province-line',
  provinceLine: 'province-line',
  commune2009Line: 'commune-2009-line',
  communeLine: 'commune-line',
  zoneFill: 'zone-fill',
  zoneLine: 'zone-line',
  clusterFill: 'cluster-fill',
  clusterLineSurveyed: 'cluster-line-surveyed',
  clusterLineTraced: 'cluster-line-traced',
  clusterLineSchematic: 'cluster-line-schematic',
  clusterHighlight: 'cluster-highlight',
  clusterDot: 'cluster-dot',
  clusterPoint: 'cluster-point',
  villageDot: 'village-dot',
  areaFill: 'area-fill',
  areaLine: 'area-line',
  proposalFill: 'proposal-fill',
  proposalLine: 'proposal-line',
  importedImage: 'imported-image',
  importedFill: 'imported-fill',
  importedLine: 'imported-line',
  importedPoint: 'imported-point',
  proxRing: 'prox-ring',
  proxLink: 'prox-link',
  proxHit: 'prox-hit',
  commune2009Label: 'commune-2009-label',
  communeLabel: 'commune-label',
  villageLabel: 'village-label',
  exProvinceLabel: 'ex-province-label',
  zoneLabel: 'zone-label',
  clusterLabel: 'cluster-label',
} as const;

/** Layers a click can pick a cluster from. */
export const CLUSTER_LAYERS = [LYR.clusterFill, LYR.clusterDot, LYR.clusterPoint] as const;

/** Fontstacks bundled in public/fonts (Be Vietnam Pro, full Vietnamese coverage). */
export const FONT_REGULAR = ['Be Vietnam Pro Regular'];
export const FONT_BOLD = ['Be Vietnam Pro SemiBold'];
