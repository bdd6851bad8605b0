import type { ProximityIndex } from './proximity_index';
import type { ProximityAnswer, ProximityQuestion } from './proximity_protocol';

/**
 * Answer one proximity question with a built index; shared by the worker and
 * the tests. Distances in the answer are kilometres.
 *
 * @param index - from `buildProximityIndex`
 * @param question - what to compute
 * @returns the answer, of the same `kind`
 * @example
 * answerQuestion(index, { kind: 'satellites', zoneId: 'kcn-hoa-xa', km: 5 });
 * // { kind: 'satellites', zoneId: 'kcn-hoa-xa', km: 5, clusters: [...] }
 */
export function answerQuestion(index: ProximityIndex, question: ProximityQuestion): ProximityAnswer {
  if (question === null || typeof question !== 'object') {
    throw new Error(`Expected a proximity question object, got ${String(question)}`);
  }
  switch (question.kind) {
    case 'nearestZones':
      return { kind: 'nearestZones', matches: index.nearestZones() };
    case 'nearestClusters':
      return { kind: 'nearestClusters', matches: index.nearestClusters() };
    case 'satellites':
      return { kind: 'satellites', zoneId: question.zoneId, km: question.km, clusters: index.satellites(question.zoneId, question.km) };
    case 'allSatellites':
      return { kind: 'allSatellites', km: question.km, groups: index.allSatellites(question.km) };
    case 'villagesNearCluster':
      const { clusterId, km } = question;
      return { kind: 'villagesNearCluster', clusterId, km, villages: index.villagesNearCluster(clusterId, km) };
    case 'clustersNearPolygon':
      return { kind: 'clustersNearPolygon', km: question.km, clusters: index.clustersNearPolygon(question.polygon, question.km) };
    case 'union':
      return { kind: 'union', from: question.from, to: question.to, mode: question.mode, hits: index.union(question.from, question.to, question.mode) };
    default: {
      const unknown: never = question;
      throw new Error(`Expected a question kind of nearestZones, nearestClusters, satellites, allSatellites, villagesNearCluster, clustersNearPolygon or union, got ${JSON.stringify((unknown as { kind?: unknown }).kind)}`);
    }
  }
}
