import { proximityRows, type ProximityRow } from '../geo/proximity/proximity_rows';
import { reconcile, type ReportedFigures } from '../geo/dataset/reconcile';
import { clusterStats, clusterStatsBy } from '../geo/dataset/cluster_stats';
import { filterClusterIds } from '../geo/dataset/filter_clusters';
import { buildNameIndex } from '../geo/search/search_clusters';
import type { ClusterCollection, ClusterFeature, ClusterProps } from '../geo/types';
import { memoLast } from './memo';
import type { Proposal, Store } from './types';
import { proposalsOf } from '../geo/edit/change';

const propsOf = memoLast((fc: ClusterCollection | null): ClusterProps[] => (fc ? fc.features.map((f) => f.properties) : []));

const byId = memoLast((fc: ClusterCollection | null): Map<string, ClusterFeature> => {
  const m = new Map<string, ClusterFeature>();
  for (const f of fc?.features ?? []) m.set(f.properties.id, f);
  return m;
});

const filtered = memoLast((fc: ClusterCollection | null, f: Store['filter']) => {
  const ids = filterClusterIds(propsOf(fc), f);
  const lookup = byId(fc);
  return { ids, props: ids.map((id) => lookup.get(id)!.properties) };
});

const stats = memoLast((props: ClusterProps[]) => clusterStats(props));

const nameIndex = memoLast((props: ClusterProps[], zones: Store['zones'], villages: Store['villages'], communes: Store['communes'], old: Store['oldUnits']) =>
  buildNameIndex([
    ...props.map((p) => ({ id: p.id, name: p.name, fields: placeFields(p) })),
    ...(zones?.features ?? []).map((f) => ({ id: f.properties.id, name: f.properties.name, kind: 'zone' as const, fields: placeFields(f.properties) })),
    ...(villages?.features ?? []).map((f) => ({ id: f.properties.id, name: f.properties.name, kind: 'village' as const, fields: [...placeFields(f.properties), { field: 'craft', text: f.properties.craft ?? '' }] })),
    ...(communes?.features ?? []).filter((f) => f.geometry.type === 'Point').map((f) => ({ id: f.properties.code, name: f.properties.name, kind: 'commune' as const })),
    ...(old?.communes ?? []).map((c, i) => ({ id: `c${i}`, name: c.name, kind: 'oldCommune' as const, fields: [{ field: 'oldDistrict', text: c.district }] })),
    ...(old?.districts ?? []).map((d, i) => ({ id: `d${i}`, name: d.name, kind: 'oldDistrict' as const, fields: [{ field: 'exProvince', text: d.province }] })),
  ]),
);

/** The fields of a cluster, KCN or village that a search also reads (the old and new communes). */
function placeFields(p: { old_district: string | null; new_commune: string | null; commune_2025?: string | null; communes?: string[] }) {
  return [
    { field: 'oldCommune', text: (p.communes ?? []).join(' · ') },
    { field: 'oldDistrict', text: p.old_district ?? '' },
    { field: 'commune2025', text: [p.commune_2025, p.new_commune].filter(Boolean).join(' · ') },
  ];
}

/** Ids of the clusters that pass the current filter (stable while inputs are unchanged). */
export const selectFilteredIds = (s: Store): string[] => filtered(s.clusters, s.filter).ids;
/** Statistics of the filtered clusters, total and per ex-province. */
export const selectFilteredStats = (s: Store) => stats(filtered(s.clusters, s.filter).props);
const communeStats = memoLast((props: ClusterProps[]) => clusterStatsBy(props, (p) => p.commune_2025_code ?? ''));
/** Statistics of the filtered clusters per 2025 commune (by code; '' = in none). */
export const selectFilteredCommuneStats = (s: Store) => communeStats(filtered(s.clusters, s.filter).props);

const communeList = memoLast((communes: Store['communes'], props: ClusterProps[]) => {
  const counts = new Map<string, number>();
  for (const p of props) counts.set(p.commune_2025_code ?? '', (counts.get(p.commune_2025_code ?? '') ?? 0) + 1);
  const list = (communes?.features ?? []).filter((f) => f.geometry.type === 'Point').map((f) => ({ code: f.properties.code, name: f.properties.name, clusters: counts.get(f.properties.code) ?? 0 }));
  return list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
});
/** The 2025 communes by name, each with how many clusters lie in it (all clusters, not only the filtered). */
export const selectCommuneList = (s: Store) => communeList(s.communes, propsOf(s.clusters));

/** Cluster lookup by id. */
export const selectClusterById = (s: Store) => byId(s.clusters);
/** Accent-insensitive index over clusters, KCN, villages, 2025 communes and the old units documents name. */
export const selectNameIndex = (s: Store) => nameIndex(propsOf(s.clusters), s.zones, s.villages, s.communes, s.oldUnits);
/** The cluster whose details are open, if it exists. */
export const selectFocused = (s: Store): ClusterFeature | null => (s.focusId ? byId(s.clusters).get(s.focusId) ?? null : null);

const reconciliation = memoLast((props: ClusterProps[], reported: Store['reported']) => {
  if (!reported || !Array.isArray((reported as { provinces?: unknown }).provinces)) return null;
  const figures = reported as unknown as ReportedFigures;
  const sources = [...new Set(figures.provinces.flatMap((p) => p.sources ?? []))];
  return { rows: reconcile(props, figures), sources };
});

/** Dataset-vs-reported rows for the whole dataset (not the filter), or null without reported figures. */
export const selectReconciliation = (s: Store) => reconciliation(propsOf(s.clusters), s.reported);

const selectionIds = memoLast((sel: Store['selection']) => (sel.type === 'clusters' ? sel.ids : []));
/** Ids of the selected clusters (empty when nothing is selected). */
export const selectSelectedIds = (s: Store): string[] => selectionIds(s.selection);

const selectionStats = memoLast((ids: string[], lookup: Map<string, ClusterFeature>) =>
  clusterStats(ids.map((id) => lookup.get(id)?.properties).filter((p): p is ClusterProps => !!p)),
);
/** Statistics of the selected clusters. */
export const selectSelectionStats = (s: Store) => selectionStats(selectSelectedIds(s), byId(s.clusters));

const proxRows = memoLast((answer: Store['proxAnswer'], km: number) => (answer ? proximityRows(answer, km) : []));
/** Rows of the proximity result (distance-limited for the nearest-* questions). */
export const selectProxRows = (s: Store): ProximityRow[] => proxRows(s.proxAnswer, s.prox.km);

/** Rings, links and hit markers for the map while the proximity panel is open, or null. */
export const selectProxOverlay = (s: Store) => (s.panel === 'proximity' ? s.proxOverlay : null);

const proposalsMemo = memoLast((journal: Store['journal']): Proposal[] => proposalsOf(journal));
/** The proposals the journal holds now (saved and not deleted), in the order first saved. */
export const selectProposals = (s: Store): Proposal[] => proposalsMemo(s.journal);
