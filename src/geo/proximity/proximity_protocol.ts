import type { MultiPolygon, Polygon } from 'geojson';
import type { NearestMatch, Neighbour, ProximityData, ProxLayer, SatelliteGroup, UnionFrom, UnionHit, UnionMode } from './proximity_types';

/** A question the proximity worker answers; distances in kilometres. */
export type ProximityQuestion =
  | { kind: 'nearestZones' }
  | { kind: 'nearestClusters' }
  | { kind: 'satellites'; zoneId: string; km: number }
  | { kind: 'allSatellites'; km: number }
  | { kind: 'villagesNearCluster'; clusterId: string; km: number }
  | { kind: 'clustersNearPolygon'; polygon: Polygon | MultiPolygon; km: number }
  | { kind: 'union'; from: UnionFrom; to: ProxLayer; mode: UnionMode };

/** The answer to a question of the same `kind`. */
export type ProximityAnswer =
  | { kind: 'nearestZones'; matches: NearestMatch[] }
  | { kind: 'nearestClusters'; matches: NearestMatch[] }
  | { kind: 'satellites'; zoneId: string; km: number; clusters: Neighbour[] }
  | { kind: 'allSatellites'; km: number; groups: SatelliteGroup[] }
  | { kind: 'villagesNearCluster'; clusterId: string; km: number; villages: Neighbour[] }
  | { kind: 'clustersNearPolygon'; km: number; clusters: Neighbour[] }
  | { kind: 'union'; from: UnionFrom; to: ProxLayer; mode: UnionMode; hits: UnionHit[] };

/** A message to the worker: load data (builds the index once), or ask. */
export type ProximityRequest =
  | { type: 'load'; requestId: number; data: ProximityData }
  | { type: 'ask'; requestId: number; question: ProximityQuestion };

/** A message from the worker, echoing the request's `requestId`. */
export type ProximityResponse =
  | { type: 'loaded'; requestId: number; counts: { clusters: number; zones: number; villages: number }; ms: number }
  | { type: 'answer'; requestId: number; answer: ProximityAnswer; ms: number }
  | { type: 'error'; requestId: number; message: string };

/** Every question kind, for exhaustive checks and UI menus. */
export const PROXIMITY_QUESTION_KINDS = [
  'nearestZones',
  'nearestClusters',
  'satellites',
  'allSatellites',
  'villagesNearCluster',
  'clustersNearPolygon',
  'union',
] as const satisfies readonly ProximityQuestion['kind'][];
