import { foldDiacritics } from './fold_diacritics';

/** One searchable entry. */
export interface SearchEntry {
  id: string;
  name: string;
  /** Extra text that should also match (communes, district). */
  extra?: string;
}

/** One search hit, best first. */
export interface SearchHit {
  id: string;
  name: string;
  /** 0 = name starts with the query, 1 = a word of the name does, 2 = inside the name, 3 = other fields. */
  rank: number;
}

/** A prepared accent-insensitive search over names. */
export interface NameIndex {
  search(query: string, limit?: number): SearchHit[];
}

/** Generic words sources put before cluster names; a query need not repeat them. */
const PREFIX = /^(ccn|cum cong nghiep|kcn|khu cong nghiep)\s+/;

/**
 * Builds an accent-insensitive name index: "dong van", "Dong Van" and
 * "ĐỒNG VĂN" all find "CCN Đồng Văn".
 *
 * @param entries - the names to index
 * @returns an index whose `search` ranks prefix matches first
 * @example
 * buildNameIndex([{ id: 'a', name: 'CCN Đồng Văn' }]).search('dong van')[0].id // 'a'
 */
export function buildNameIndex(entries: readonly SearchEntry[]): NameIndex {
  const rows = entries.map((e) => {
    const folded = foldDiacritics(e.name);
    return { e, folded, bare: folded.replace(PREFIX, ''), extra: foldDiacritics(e.extra ?? '') };
  });
  return {
    search(query: string, limit = 10): SearchHit[] {
      const q = foldDiacritics(query).replace(PREFIX, '');
      if (!q) return [];
      const hits: SearchHit[] = [];
      for (const r of rows) {
        let rank: number;
        if (r.bare.startsWith(q) || r.folded.startsWith(q)) rank = 0;
        else if ((' ' + r.folded).includes(' ' + q)) rank = 1;
        else if (r.folded.includes(q)) rank = 2;
        else if (r.extra.includes(q)) rank = 3;
        else continue;
        hits.push({ id: r.e.id, name: r.e.name, rank });
      }
      hits.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'));
      return hits.slice(0, limit);
    },
  };
}
