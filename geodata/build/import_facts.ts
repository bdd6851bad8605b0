/**
 * One-off (re-runnable) curation step: fact tables (/work/shared/data/facts) → geodata/sources/*.csv.
 *
 * Carries facts and URLs over, NOT the Vietnamese quotes (evidence_vi). Applies the corrections
 * and additions listed in the facts READMEs ("Additions 2026-11-23") and in seed 000, each with
 * its URL. Infers a location from a cluster's name only when the source gives none, and says so
 * in `location_basis` and `notes`. After this step the CSVs are the source of truth: edit them by
 * hand (see geodata/README.md) — re-running this script overwrites manual edits.
 *
 * Run: npx tsx geodata/build/import_facts.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FACTS_DIR, GEODATA, PROVINCE_PREFIX, readCsv, slug, splitList, toCsv, type Row } from './common';
import { loadGazetteer, type CommuneRec } from './gazetteer';
import { adminKey, matchCommune, matchDistrict } from '../../src/geo/dataset/match_commune';

const COMPILED = '2026-11-23';
const SEED000 = 'https://tapchicongthuong.vn/nam-dinh-thanh-lap-them-cac-cum-cong-nghiep-nham-giam-o-nhiem-moi-truong-104881.htm';
const SKHCN_LN = 'https://skhcn.hanam.gov.vn/Pages/ly-nhan-phat-trien-cong-nghiep--tieu-thu-cong-nghiep-tren-dia-ban-huyen.aspx';
const BND_2022_11 = 'http://baonamdinh.vn/channel/5085/202211/nang-cao-hieu-qua-dau-tu-khai-thac-cac-khu-cum-cong-nghiep-ky-1-2553946/';

export const CLUSTER_COLUMNS = [
  'id', 'name', 'ex_province', 'old_district', 'communes', 'planned_area_ha', 'status', 'wwtp',
  'occupancy_pct', 'projects', 'workers', 'model', 'industries', 'decision', 'established_year',
  'lon', 'lat', 'location_basis', 'inferred_district', 'inferred_communes', 'sources', 'as_of',
  'conflicts', 'notes',
] as const;
export const ZONE_COLUMNS = [
  'id', 'name', 'ex_province', 'old_district', 'communes', 'area_ha', 'status', 'lon', 'lat',
  'location_basis', 'inferred_district', 'inferred_communes', 'sources', 'as_of', 'conflicts', 'notes',
] as const;
export const VILLAGE_COLUMNS = [
  'id', 'name', 'craft', 'ex_province', 'old_district', 'old_commune', 'recognised', 'lon', 'lat',
  'location_basis', 'inferred_district', 'inferred_communes', 'sources', 'as_of', 'conflicts', 'notes',
] as const;

interface Override {
  old_district?: string;
  old_communes?: string;
  area?: string;
  status?: string;
  wwtp?: string;
  decision?: string;
  established_year?: string;
  extra_sources?: string[];
  extra_dates?: string[];
  note?: string;
  conflict?: string;
}

/** Corrections and additions, each backed by the URL(s) it adds. */
const CLUSTER_OVERRIDES: Record<string, Override> = {
  'CCN Hòa Hậu': {
    old_district: 'Huyện Lý Nhân', old_communes: 'Hòa Hậu', extra_sources: [SKHCN_LN],
    note: 'District and commune per Sở KH&CN Hà Nam item (undated, c. 2020): then the only CCN of Lý Nhân; the item says the cluster exists, not that it operates.',
  },
  'CCN Tiến Thắng': {
    extra_sources: [SKHCN_LN],
    conflict: 'Area: 25 ha in the 2023 plan dossier (used, newer) vs 50 ha as "CCN Tiến Thắng - Hòa Hậu" in Lý Nhân district planning c. 2020 (skhcn.hanam.gov.vn).',
  },
  'CCN Đức Lý': {
    extra_sources: [SKHCN_LN],
    conflict: 'Area: 65 ha in the 2023 plan dossier (used, newer) vs 75 ha in Lý Nhân district planning c. 2020 (skhcn.hanam.gov.vn).',
  },
  'CCN Thái Hà': {
    extra_sources: ['https://vietnammoi.vn/dua-ve-cong-an.html'],
    note: 'Low-reliability teaser (vietnammoi tag page): a Hợp Tiến member company to start building CCN Thái Hà from Q3/2026, with KCN Thái Hà 1-3 forming a ~700 ha complex.',
  },
  'CCN Nhật Tân': { conflict: 'Area: 17 ha per establishment decision (used) vs 10.5 ha kept in the 2021-2030 plan dossier.' },
  'CCN Biên Hòa': { conflict: 'Area: 8.49 ha decided (used) vs 7.5 ha in use (same source).' },
  'CCN An Mỹ - Đồn Xá': { conflict: 'Has an establishment decision but the 2023 plan dossier proposes removing it from the 2021-2030 plan; final status unknown.' },
  'CCN Yên Bằng': {
    old_district: 'Huyện Ý Yên', old_communes: 'Yên Bằng; Yên Hồng', area: '50', extra_sources: [BND_2022_11], extra_dates: ['2022-11'],
    note: 'District, communes (36.37 ha in Yên Bằng, 13.63 ha in Yên Hồng) and area per Báo Nam Định 2022-11; one of 2 new CCN under construction then.',
  },
  'CCN Thanh Côi': {
    old_district: 'Huyện Vụ Bản', old_communes: 'Tam Thanh', area: '49.8', extra_sources: [BND_2022_11], extra_dates: ['2022-11'],
    note: 'District, commune and area per Báo Nam Định 2022-11 (under construction then).',
  },
  'CCN Tân Thịnh': {
    old_district: 'Huyện Nam Trực', old_communes: 'Tân Thịnh', decision: 'QĐ 1344/QĐ-UBND 28/7/2022', established_year: '2022',
    extra_sources: ['https://cafeland.vn/tin-tuc/khoi-cong-du-an-cum-cong-nghiep-50ha-tai-nam-dinh-130201.html'], extra_dates: ['2022-07-28'],
    note: 'District, commune and establishment decision per cafeland.vn (groundbreaking article); planned workforce 3,000 (a target, not entered as workers).',
  },
  'CCN Cát Thành': {
    status: 'established', extra_sources: ['https://baonamdinh.vn/channel/5104/201906/giai-phap-dong-bo-de-phat-trien-san-xuat-cong-nghiep-lang-nghe-o-truc-ninh-2531524'], extra_dates: ['2019-06'],
    note: 'Status: one of the 3 concentrated CCN Trực Ninh "đã phát triển được" (Báo Nam Định 2019-06); recorded as established, no source names its tenants.',
  },
  'CCN Xuân Tiến': {
    wwtp: 'operating', extra_sources: [SEED000], extra_dates: ['2022'],
    note: 'WWTP: seed article (Tạp chí Công Thương, c. 2022) names CCN Xuân Tiến among the 3 CCN whose central WWTP operates stably.',
  },
  'CCN Yên Dương': {
    wwtp: 'operating', extra_sources: [SEED000], extra_dates: ['2022'],
    note: 'WWTP: seed article (Tạp chí Công Thương, c. 2022) names CCN Yên Dương among the 3 CCN whose central WWTP operates stably.',
  },
  'CCN Kim Thái': {
    extra_sources: ['https://reatimes.vn/nam-dinh-thanh-lap-nhieu-cum-cong-nghiep-von-dau-tu-hang-ty-dong-202250221104620352.htm'], extra_dates: ['2025-02-21'],
    note: 'Infrastructure investor Thiên Minh JSC (reatimes 2025-02-21).',
  },
  'CCN Tống Xá': {
    extra_sources: ['http://baonamdinh.vn/channel/5084/202010/huyen-uy-y-yen-tap-trung-lanh-dao-tao-buoc-dot-pha-trong-phat-trien-kinh-te-2540521/'], extra_dates: ['2020-10'],
    note: 'A 2020 source lists Ý Yên\'s 3 built CCN as Tống Xá, La Xuyên, thị trấn Lâm, so CCN Tống Xá is probably the Yên Xá-commune cluster: possible duplicate of "CCN xã Yên Xá (tên chưa xác nhận)" (not merged, inference only).',
  },
  'CCN Ninh Vân': {
    old_communes: 'Ninh Vân', extra_sources: ['http://tuhaoviet.vn/hang-viet/huong-di-moi-phat-trien-lang-cham-khac-da-my-nghe-ninh-van-n3108.html'],
    note: 'Commune per tuhaoviet.vn (undated): the province issued an establishment decision for "Cụm công nghiệp đá mỹ nghệ Ninh Vân, xã Ninh Vân, huyện Hoa Lư".',
  },
  'CCN Khánh Thượng': { conflict: 'Area: 71.494 ha (QĐ 1065/QĐ-UBND 2020 plan decision, used) vs 70.6 / 70.61 ha (2022-2023 press).' },
  'CCN Gia Vân': { conflict: 'Area: 30 ha (2015 plan, used) vs 20 ha (Báo Ninh Bình 2011).' },
  'CCN Mai Sơn': { conflict: 'Established 2015 and 53.6% occupied (Sở Công Thương profile), but a later Sở Công Thương item (mirror) says the province directed its withdrawal from the CCN plan.' },
  'CCN Ninh Phong': { conflict: 'Area: 45.35 ha (QĐ 1065/2020, used); after NQ 06-NQ/TU (2021) the province directed a reduction, new area not published.' },
  'CCN Nghĩa Sơn': { conflict: 'Area: 9 ha (2022, used) vs "gần 10 ha" (2018).' },
  'CCN Trực Hùng': { conflict: 'Area: 12.86 ha (used) vs "trên 12,8 ha" (2018).' },
  'CCN Đồng Côi': { conflict: 'Operating in 2017 (tenant named) but listed in late 2024 among CCN still being implemented; possibly a new or expanded cluster of the same name.' },
  'CCN Giao Thiện': { conflict: 'Broker page gives 10% occupancy (used); official news reports only the infrastructure groundbreaking (15/3/2024).' },
  'CCN Gia Lập': { conflict: 'Relation to the 2015-plan CCN Gia Phú - Liên Sơn / Gia Thắng - Gia Tiến not established by any source.' },
};

const ZONE_SKIP: Record<string, string> = {
  'KCN Xích Thổ (Xích Thố)': 'Removed from the national KCN plan in 2014 (1499/TTg-KTN); no location or area in any source.',
  'KCN Sơn Hà': 'Removed from the national KCN plan in 2014 (1499/TTg-KTN); no area in any source.',
  'Khu kinh tế Ninh Cơ': 'An economic zone (KKT, 13,950 ha, QĐ 88/QĐ-TTg 2025), not a KCN; it contains KCN Rạng Đông and CCN Thịnh Long, so a footprint would overlap them.',
  'KCN Đồng Văn V giai đoạn 1': 'Merged into the KCN Đồng Văn V feature (phase 1 of the same zone).',
};

const URL_RE = /https?:\/\/[^\s,;()"'|<>]+/g;

function urlsIn(text: string): string[] {
  return (text.match(URL_RE) ?? []).map((u) => u.replace(/[.:]+$/, ''));
}

function isoDatesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(20\d\d-[01]\d(?:-[0-3]\d)?)\b/g)) if (m[1]) out.push(m[1]);
  return out;
}

function urlDates(url: string): string[] {
  const out: string[] = [];
  const a = url.match(/\/(20\d\d)([01]\d)\//);
  if (a) out.push(`${a[1]}-${a[2]}`);
  const b = url.match(/\/d(20\d\d)([01]\d)([0-3]\d)\d+\.htm/);
  if (b) out.push(`${b[1]}-${b[2]}-${b[3]}`);
  const c = url.match(/\/(20\d\d)\/([01]\d)\/([0-3]\d)\//);
  if (c) out.push(`${c[1]}-${c[2]}-${c[3]}`);
  return out;
}

/** Newest ISO date among the row's date, dates in its notes and date stamps in its URLs. */
function asOf(sourceDate: string, notes: string, urls: string[], extra: string[]): { asOf: string; undated: boolean } {
  const cands = [sourceDate, ...isoDatesIn(notes), ...urls.flatMap(urlDates), ...extra].filter((d) => /^20\d\d/.test(d));
  if (cands.length === 0) return { asOf: COMPILED, undated: true };
  return { asOf: cands.sort().at(-1) ?? COMPILED, undated: false };
}

function mapStatus(s: string): { status: string; note: string } {
  if (s === 'planned' || s === 'established' || s === 'operating') return { status: s, note: '' };
  return { status: 'planned', note: 'Status not stated by the sources (plan list or unknown); recorded as planned, the lowest stage.' };
}

/** Name core of a cluster/zone, for locating it by name: "KCN Đồng Văn IV" → ["Đồng Văn"]. */
function nameParts(name: string): string[] {
  const core = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(CCN|KCN|Cụm công nghiệp|Khu công nghiệp)\s+/i, '')
    .replace(/^(hỗ trợ|làng nghề|xã|thị trấn)\s+/i, '')
    .replace(/\s+(mở rộng|giai đoạn\s+\S+)$/i, '')
    .replace(/\s+(I{1,3}|IV|VI?|\d)$/u, '')
    .trim();
  return core.split(/\s*[-–]\s*/u).map((s) => s.trim()).filter((s) => s !== '');
}

interface Located {
  location_basis: string;
  inferred_district: string;
  inferred_communes: string;
  note: string;
}

function locate(
  name: string, province: string, districtCell: string, communeCell: string,
  gaz: CommuneRec[], allowNameInference: boolean,
): Located {
  const districts = splitList(districtCell.replace(/\([^)]*\)/g, ''));
  const gDistricts = districts.flatMap((d) => matchDistrict(d, province, gaz));
  const communes = splitList(communeCell);
  if (communes.length > 0) {
    // commune given by the source; add the district from the gazetteer when the source omits it
    if (gDistricts.length > 0) return { location_basis: 'source', inferred_district: '', inferred_communes: '', note: '' };
    const hits = communes.map((c) => matchCommune(c.replace(/\([^)]*\)/g, ''), province, [], gaz));
    const ds = new Set(hits.filter((h) => h.length === 1).map((h) => h[0]?.district ?? ''));
    if (ds.size === 1 && hits.every((h) => h.length === 1)) {
      const d = [...ds][0] ?? '';
      return { location_basis: 'source', inferred_district: d, inferred_communes: '', note: `District ${d} from the gazetteer (the only commune of that name in ex-${province}); the source names the commune only.` };
    }
    return { location_basis: 'source', inferred_district: '', inferred_communes: '', note: '' };
  }
  if (allowNameInference) {
    const parts = nameParts(name);
    const found: CommuneRec[] = [];
    for (const p of parts) {
      const h = matchCommune(p, province, gDistricts, gaz);
      if (h.length === 1 && h[0]) found.push(h[0]);
    }
    const ds = new Set(found.map((f) => f.district));
    if (found.length > 0 && found.length === parts.length && ds.size === 1) {
      const d = [...ds][0] ?? '';
      const cs = found.map((f) => f.commune).join('; ');
      return {
        location_basis: 'name-inferred', inferred_district: districts.length > 0 ? '' : d, inferred_communes: cs,
        note: `Location inferred from the name only: ${cs} (${d}) is the only unit of that name ${districts.length > 0 ? 'in the named district' : `in ex-${province}`}; no source states where the ${name.startsWith('KCN') ? 'zone' : 'cluster'} lies.`,
      };
    }
    if (districts.length === 0 && parts.length === 1) {
      const d = matchDistrict(parts[0] ?? '', province, gaz);
      if (d.length === 1) {
        return {
          location_basis: 'name-inferred', inferred_district: d[0] ?? '', inferred_communes: '',
          note: `Location inferred from the name only: district ${d[0]}; no source states where it lies.`,
        };
      }
    }
  }
  return { location_basis: gDistricts.length > 0 ? 'source' : '', inferred_district: '', inferred_communes: '', note: '' };
}

function joinNotes(...parts: string[]): string {
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(' | ');
}

function dedupe(urls: string[]): string[] {
  return [...new Set(urls)];
}

function conflictFromNotes(notes: string): string {
  const i = notes.indexOf('CONFLICT');
  if (i < 0) return '';
  return notes.slice(i).split(' | ')[0] ?? '';
}

function main(): void {
  const gaz = loadGazetteer().communes;
  const ids = new Set<string>();
  const uniq = (id: string): string => {
    if (ids.has(id)) throw new Error(`duplicate id ${id}`);
    ids.add(id);
    return id;
  };

  // clusters
  const clusters: Row[] = [];
  for (const f of ['hanam_ccn.csv', 'namdinh_ccn.csv', 'ninhbinh_ccn.csv']) {
    for (const r of readCsv(resolve(FACTS_DIR, f))) {
      const name = r.name ?? '';
      const prov = r.ex_province ?? '';
      const ov = CLUSTER_OVERRIDES[name] ?? {};
      const notes = r.notes ?? '';
      const urls = dedupe([r.source_url ?? '', ...urlsIn(notes), ...(ov.extra_sources ?? [])].filter((u) => u !== ''));
      const d = asOf(r.source_date ?? '', notes, urls, ov.extra_dates ?? []);
      const st = mapStatus(ov.status ?? r.status ?? '');
      const district = ov.old_district ?? r.old_district ?? '';
      const communes = ov.old_communes ?? r.old_communes ?? '';
      const loc = locate(name, prov, district, communes, gaz, true);
      const core = name.replace(/\s*\(tên chưa xác nhận\)/u, '').replace(/^(CCN|Cụm công nghiệp)\s+/u, '');
      clusters.push({
        id: uniq(`${PROVINCE_PREFIX[prov]}-${slug(core)}`),
        name, ex_province: prov, old_district: district, communes,
        planned_area_ha: ov.area ?? r.planned_area_ha ?? '', status: st.status, wwtp: ov.wwtp ?? r.wwtp ?? 'unknown',
        occupancy_pct: r.occupancy_pct ?? '', projects: r.projects ?? '', workers: r.workers ?? '', model: '',
        industries: r.industries ?? '', decision: ov.decision ?? r.established_decision ?? '',
        established_year: ov.established_year ?? r.established_year ?? '', lon: '', lat: '',
        location_basis: loc.location_basis, inferred_district: loc.inferred_district, inferred_communes: loc.inferred_communes,
        sources: urls.join(' | '), as_of: d.asOf,
        conflicts: joinNotes(ov.conflict ?? '', ov.conflict ? '' : conflictFromNotes(notes)),
        notes: joinNotes(notes, ov.note ?? '', st.note, loc.note, d.undated ? `as_of = date the fact table was compiled (${COMPILED}); the source page is undated.` : ''),
      });
    }
  }
  writeFileSync(resolve(GEODATA, 'sources', 'clusters.csv'), toCsv(clusters, CLUSTER_COLUMNS));

  // industrial zones
  const zones: Row[] = [];
  const dv5 = readCsv(resolve(FACTS_DIR, 'hanam_kcn.csv')).find((r) => r.name === 'KCN Đồng Văn V giai đoạn 1');
  for (const f of ['hanam_kcn.csv', 'namdinh_kcn.csv', 'ninhbinh_kcn.csv']) {
    for (const r of readCsv(resolve(FACTS_DIR, f))) {
      const name = r.name ?? '';
      if (ZONE_SKIP[name]) continue;
      const prov = r.ex_province ?? '';
      let notes = r.notes ?? '';
      let status = r.status ?? '';
      const extra: string[] = [];
      const extraDates: string[] = [];
      if (name === 'KCN Đồng Văn V' && dv5) {
        status = 'established';
        extra.push(dv5.source_url ?? '');
        extraDates.push(dv5.source_date ?? '');
        notes = joinNotes(notes, `Phase 1 (237.29 ha) received its investment registration certificate (${dv5.source_date}); status = established from that. Phase row merged here.`);
      }
      const urls = dedupe([r.source_url ?? '', ...urlsIn(notes), ...extra].filter((u) => u !== ''));
      const d = asOf(r.source_date ?? '', notes, urls, extraDates);
      const st = mapStatus(status);
      const loc = locate(name, prov, r.old_district ?? '', r.old_communes ?? '', gaz, true);
      zones.push({
        id: uniq(`${PROVINCE_PREFIX[prov]}-kcn-${slug(name.replace(/^KCN\s+/u, '').replace(/\([^)]*\)/g, ''))}`),
        name, ex_province: prov, old_district: r.old_district ?? '', communes: r.old_communes ?? '', area_ha: r.area_ha ?? '',
        status: st.status, lon: '', lat: '',
        location_basis: loc.location_basis, inferred_district: loc.inferred_district, inferred_communes: loc.inferred_communes,
        sources: urls.join(' | '), as_of: d.asOf, conflicts: conflictFromNotes(notes),
        notes: joinNotes(notes, st.note, loc.note, d.undated ? `as_of = date the fact table was compiled (${COMPILED}); the source page is undated.` : ''),
      });
    }
  }
  writeFileSync(resolve(GEODATA, 'sources', 'industrial_zones.csv'), toCsv(zones, ZONE_COLUMNS));

  // craft villages
  const villages: Row[] = [];
  for (const r of readCsv(resolve(FACTS_DIR, 'craft_villages.csv'))) {
    const name = r.name ?? '';
    const prov = r.ex_province ?? '';
    const notes = r.notes ?? '';
    const urls = dedupe([r.source_url ?? '', ...urlsIn(notes)].filter((u) => u !== ''));
    const d = asOf(r.source_date ?? '', notes, urls, []);
    const loc = locate(name, prov, r.old_district ?? '', r.old_commune ?? '', gaz, false);
    let id = `${PROVINCE_PREFIX[prov]}-lang-${slug(name.replace(/\([^)]*\)/g, ''))}`;
    if (ids.has(id)) id = `${id}-${slug(adminKey(r.old_commune ?? '') || (r.craft ?? '').split('(')[0] || 'x')}`;
    villages.push({
      id: uniq(id), name, craft: r.craft ?? '', ex_province: prov, old_district: r.old_district ?? '',
      old_commune: r.old_commune ?? '', recognised: r.recognised === 'yes' ? 'yes' : 'unknown', lon: '', lat: '',
      location_basis: loc.location_basis, inferred_district: loc.inferred_district, inferred_communes: '',
      sources: urls.join(' | '), as_of: d.asOf, conflicts: conflictFromNotes(notes),
      notes: joinNotes(notes, loc.note, d.undated ? `as_of = date the fact table was compiled (${COMPILED}); the source page is undated.` : ''),
    });
  }
  writeFileSync(resolve(GEODATA, 'sources', 'craft_villages.csv'), toCsv(villages, VILLAGE_COLUMNS));
  console.log(`clusters ${clusters.length}, zones ${zones.length}, villages ${villages.length}`);
}

main();
