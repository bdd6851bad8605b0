import { foldDiacritics } from './fold_diacritics';

/** What a search hit is: a cluster, a KCN, a craft village, a 2025 commune, or an old unit documents still name. */
export type PlaceKind = 'cluster' | 'zone' | 'village' | 'commune' | 'oldCommune' | 'oldDistrict';

/** One searchable entry. */
export interface SearchEntry {
  id: string;
  name: string;
  kind?: PlaceKind;
  /** Extra text that should also match (communes, district), unlabelled. */
  extra?: string;
  /** Other fields that should match, each with what it is (said in the hit: "matched its old commune"). */
  fields?: readonly { field: string; text: string }[];
}

/** One search hit, best first. */
export interface SearchHit {
  id: string;
  name: string;
  kind: PlaceKind;
  /** 0 = name starts with the query, 1 = a word of the name does, 2 = inside the name, 3 = other fields. */
  rank: number;
  /** The field that matched when it was not the name (`extra` for unlabelled extra text). */
  field: string | null;
}

/** A prepared accent-insensitive search over names. */
export interface NameIndex {
  /** Hits best first; `limit` caps them (all by default). */
  search(query: string, limit?: number): SearchHit[];
}

/** Generic words sources put before names; a query need not repeat them. */
const PREFIX = /^(ccn|cum cong nghiep|kcn|khu cong nghiep|lang nghe|xa|phuong|thi tran|tt|huyen|thi xa|thanh pho|tp)\s+/;
/** Kinds in the order hits of the same rank are listed. */
const KIND_ORDER: readonly PlaceKind[] = ['cluster', 'zone', 'village', 'commune', 'oldCommune', 'oldDistrict'];

/**
 * Text folded for matching: accents and tone marks off (so tone placement does not matter),
 * case, punctuation and runs of spaces to one space: "An Mỹ - Đồn Xá" → "an my don xa".
 */
export function searchKey(s: string): string {
  return foldDiacritics(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Builds an accent-insensitive name index: "dong van", "Dong Van", "ĐỒNG VĂN" and "dongvan"
 * all find "CCN Đồng Văn" and "KCN Đồng Văn I".
 *
 * @param entries - the names to index
 * @returns an index whose `search` ranks prefix matches first
 * @example
 * buildNameIndex([{ id: 'a', name: 'CCN Đồng Văn' }]).search('dong van')[0].id // 'a'
 */
export function buildNameIndex(entries: readonly SearchEntry[]): NameIndex {
  const rows = entries.map((e) => {
    const folded = searchKey(e.name);
    const bare = folded.replace(PREFIX, '');
    const fields = [...(e.fields ?? []), ...(e.extra ? [{ field: 'extra', text: e.extra }] : [])].map((f) => ({ field: f.field, key: searchKey(f.text) }));
    return { e, kind: e.kind ?? 'cluster', folded, bare, compact: folded.replace(/ /g, ''), fields };
  });
  return {
    search(query: string, limit = Infinity): SearchHit[] {
      const q = searchKey(query).replace(PREFIX, '');
      if (!q) return [];
      const qc = q.replace(/ /g, '');
      const hits: SearchHit[] = [];
      for (const r of rows) {
        let rank: number;
        let field: string | null = null;
        if (r.bare.startsWith(q) || r.folded.startsWith(q)) rank = 0;
        else if ((' ' + r.folded).includes(' ' + q)) rank = 1;
        else if (r.folded.includes(q) || r.compact.includes(qc)) rank = 2;
        else {
          const f = r.fields.find((x) => (' ' + x.key).includes(' ' + q));
          if (!f) continue;
          rank = 3;
          field = f.field;
        }
        hits.push({ id: r.e.id, name: r.e.name, kind: r.kind, rank, field });
      }
      hits.sort((a, b) => a.rank - b.rank || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi'));
      return hits.slice(0, limit);
    },
  };
}
