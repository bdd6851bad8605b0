import type { Polygon, Position } from 'geojson';
import { mulberry32, pickOne, type Random } from '../synth/seeded_random';
import { EX_PROVINCES, STATUSES, WWTP_STATES, type ClusterCollection, type ClusterFeature, type ClusterGeometry } from '../types';
import { EDIT_FIELDS, type Change, type EditField, type JournalRecord } from './change';

/** Shares of each record kind in a synthetic journal (they need not add up to 1). */
export interface JournalMix {
  facts: number;
  footprints: number;
  reverts: number;
  features: number;
}

/** About what planners do: mostly facts, a quarter footprints, a few reverts and new clusters. */
export const DEFAULT_JOURNAL_MIX: Readonly<JournalMix> = Object.freeze({ facts: 0.7, footprints: 0.25, reverts: 0.04, features: 0.01 });

const SOURCES = [
  'QĐ 512/QĐ-UBND ngày 16/3/2020',
  'https://sct.ninhbinh.gov.vn/tin-tuc/cum-cong-nghiep',
  'Báo cáo Sở Công Thương tháng 6/2025',
  'https://baoninhbinh.org.vn/ccn',
];

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const int = (rand: Random, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const date = (rand: Random): string => `${int(rand, 2015, 2025)}-${String(int(rand, 1, 12)).padStart(2, '0')}-${String(int(rand, 1, 28)).padStart(2, '0')}`;

/** A value a planner could set for a fact (null for some clearable facts). */
function factValue(rand: Random, field: EditField, k: number): unknown {
  if (field !== 'name' && rand() < 0.05) return null;
  switch (field) {
    case 'name': return `CCN Sửa đổi ${k}`;
    case 'status': return pickOne(rand, STATUSES);
    case 'wwtp': return pickOne(rand, WWTP_STATES);
    case 'planned_area_ha': return round(5 + rand() * 95, 2);
    case 'occupancy_pct': return int(rand, 0, 100);
    case 'established_year': return int(rand, 1995, 2025);
    case 'decision': return `${int(rand, 1, 3000)}/QĐ-UBND`;
    case 'decision_date': return date(rand);
    case 'investor': return `Công ty Cổ phần Hạ tầng ${int(rand, 1, 99)}`;
    case 'new_commune': return `Xã Mới ${int(rand, 1, 130)}`;
    case 'notes': return `Ghi chú ${k}: theo nguồn, diện tích có thể thay đổi.`;
  }
}

/** A first position of a geometry, to draw a new footprint near the old one. */
function anchorOf(g: ClusterGeometry): Position {
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'Polygon') return g.coordinates[0]![0]!;
  return g.coordinates[0]![0]![0]!;
}

/** A simple star-shaped ring of `n` distinct vertices (closed: n + 1 positions) around `c`. */
function footprint(rand: Random, c: Position, n: number): Polygon {
  const r0 = 0.001 + rand() * 0.004;
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = r0 * (0.7 + 0.3 * rand());
    ring.push([round(c[0]! + r * Math.cos(a), 7), round(c[1]! + r * Math.sin(a), 7)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * A random but valid journal over some clusters, for property tests and benchmarks. Pure and
 * seeded. Changes set valid values (`checkRecord` accepts every record), footprints have 5–40
 * vertices, reverts name an earlier change (so some switch one back on), new clusters get ids
 * `new-<seed>-<k>` and later records may edit them. `from` is left null: nothing reads it back.
 *
 * @param base - the clusters to edit (at least one)
 * @param n - how many records
 * @param seed - PRNG seed (integer)
 * @param mix - shares of facts, footprints, reverts and new clusters
 * @returns the journal, timestamps increasing by one second from 2026-01-01
 * @example
 * synthJournal(clusters, 10_000, 1).length // 10000
 */
export function synthJournal(base: ClusterCollection, n: number, seed: number, mix: JournalMix = DEFAULT_JOURNAL_MIX): JournalRecord[] {
  if (!base.features.length) throw new Error('Expected at least one cluster to edit, got none');
  const rand = mulberry32(seed);
  const targets: ClusterFeature[] = [...base.features];
  const changeIds: string[] = [];
  const out: JournalRecord[] = [];
  const total = mix.facts + mix.footprints + mix.reverts + mix.features;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  for (let k = 0; k < n; k++) {
    const id = `j${seed}-${k}`;
    const at = new Date(t0 + k * 1000).toISOString();
    const source = rand() < 0.8 ? pickOne(rand, SOURCES) : `https://example.vn/nguon/${seed}/${k}`;
    const pick = rand() * total;
    if (pick < mix.reverts && changeIds.length) {
      out.push({ kind: 'revert', id, reverts: pickOne(rand, changeIds), at });
      continue;
    }
    let c: Change;
    const f = pickOne(rand, targets);
    if (pick < mix.reverts + mix.features) {
      const pid = `new-${seed}-${k}`;
      const province = pickOne(rand, EX_PROVINCES);
      const to: ClusterFeature = {
        type: 'Feature',
        geometry: footprint(rand, anchorOf(f.geometry), int(rand, 5, 40)),
        properties: {
          id: pid, name: `CCN Mới ${k}`, ex_province: province, old_district: null, communes: [], new_commune: null,
          planned_area_ha: round(5 + rand() * 70, 2), status: 'planned', wwtp: 'unknown', occupancy_pct: null, projects: null,
          workers: null, model: null, industries: null, decision: null, sources: [], as_of: date(rand), geometry_quality: 'traced',
        },
      };
      c = { kind: 'change', id, target: pid, field: 'feature', from: null, to, source, as_of: date(rand), at };
      targets.push(to);
    } else if (pick < mix.reverts + mix.features + mix.footprints) {
      const to = { geometry: footprint(rand, anchorOf(f.geometry), int(rand, 5, 40)), quality: rand() < 0.8 ? 'traced' : 'surveyed' };
      c = { kind: 'change', id, target: f.properties.id, field: 'geometry', from: null, to, source, as_of: date(rand), at };
    } else {
      const field = pickOne(rand, EDIT_FIELDS);
      c = { kind: 'change', id, target: f.properties.id, field, from: null, to: factValue(rand, field, k), source, as_of: date(rand), at };
    }
    if (rand() < 0.1) c.group = `g${seed}-${Math.floor(k / 3)}`;
    changeIds.push(id);
    out.push(c);
  }
  return out;
}
