import { formatNumber, type Lang } from '../geo/format';
import { DECREE_32_URL } from '../geo/proposal/decree32';
import { checkProposal, type CheckLine, type CommuneFeature } from '../geo/proposal/check_proposal';
import { selectProposals } from '../store/selectors';
import type { Proposal, Store } from '../store/types';
import { t, type MessageKey } from './i18n';
import './i18n_proposal';

const num = (v: string | number, lang: Lang) => (typeof v === 'number' ? formatNumber(v, lang) : v);

/** What the app used to judge one line, in the UI language. */
export function usedText(l: CheckLine, lang: Lang): string {
  const p = Object.fromEntries(Object.entries(l.params).map(([k, v]) => [k, num(v, lang)]));
  const k = (key: string) => t(lang, key as MessageKey, p);
  switch (l.id) {
    case 'size': return k('proposal.used.size');
    case 'total': return l.verdict === 'no-data' ? k('proposal.used.total.noData') : t(lang, 'proposal.used.total', { ...p, basis: t(lang, `proposal.basis.${l.params.basis}` as MessageKey) });
    case 'overlapClusters':
    case 'overlapZones':
    case 'overlapProposals':
      return l.verdict === 'pass' ? k('proposal.used.overlap.none') : `${k('proposal.used.overlap')}${l.params.schematic ? ` ${k('proposal.used.overlap.schematic')}` : ''}`;
    case 'location': return l.params.n ? k('proposal.used.location') : k('proposal.used.location.none');
    case 'planList': return l.verdict === 'pass' ? t(lang, 'proposal.used.planList', { ...p, how: t(lang, `proposal.how.${l.params.how}` as MessageKey) }) : k('proposal.used.planList.none');
    case 'areaOccupancy': {
      const body = !l.params.n ? k('proposal.used.areaOccupancy.none') : l.params.missing ? k('proposal.used.areaOccupancy.missing') : k('proposal.used.areaOccupancy');
      return `${body} ${k('proposal.used.areaNote')}`;
    }
    case 'occupancy': return l.verdict === 'no-data' ? k('proposal.used.occupancy.noData') : k('proposal.used.occupancy');
    case 'infrastructure': return t(lang, 'proposal.used.infrastructure', { wwtp: t(lang, `wwtp.${l.params.wwtp}` as MessageKey) });
    case 'nearVillage':
    case 'nearZone':
    case 'nearCluster':
      return l.verdict === 'no-data' ? k('proposal.used.near.none') : t(lang, 'proposal.used.near', { ...p, trust: t(lang, `prox.trust.${l.params.trust}` as MessageKey) });
  }
}

/** The ex-provinces each 2025 commune was made from (the old communes now in it). */
function exProvincesByCommune(s: Store): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const c of s.oldUnits?.communes ?? []) {
    if (!c.now_code) continue;
    const list = m.get(c.now_code) ?? m.set(c.now_code, []).get(c.now_code)!;
    if (!list.includes(c.province)) list.push(c.province);
  }
  return m;
}

/** The check of one proposal against the dataset as it is now (edits included). */
export function runCheck(s: Store, p: Proposal): CheckLine[] {
  const communes = (s.communes?.features ?? []).filter((f) => f.geometry.type !== 'Point') as unknown as CommuneFeature[];
  return checkProposal(p, {
    clusters: s.clusters?.features ?? [],
    zones: s.zones?.features ?? [],
    villages: s.villages?.features ?? [],
    communes,
    exProvinces: exProvincesByCommune(s),
    others: selectProposals(s).filter((o) => o.id !== p.id).map((o) => ({ id: o.id, name: o.name, geometry: o.geometry })),
  });
}

/** A proposal and its check as GeoJSON: the results in its properties, each line with its article, verdict and basis. */
export function proposalGeoJSON(p: Proposal, lines: CheckLine[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      geometry: p.geometry,
      properties: {
        id: p.id, name: p.name, kind: p.kind, expands: p.expands, variant: p.variant, created_at: p.created_at,
        checked_at: new Date().toISOString(), decree: `Nghị định 32/2024/NĐ-CP (${DECREE_32_URL})`,
        checks: lines.map((l) => ({ id: l.id, article: l.article, verdict: l.verdict, basis_vi: usedText(l, 'vi'), basis_en: usedText(l, 'en'), ...l.params })),
      },
    }],
  }, null, 2);
}

