import type { ClusterCollection, VillageCollection, ZoneCollection } from '../geo/types';
import type { AppStore } from './store';
import type { BoundaryCollection, CommuneCollection, DataSlice, LoadError, OldUnits, ReportedFigures } from './types';

/** The data files the app loads, relative to its base URL. */
export const DATA_FILES = {
  clusters: 'data/clusters.geojson',
  zones: 'data/industrial_zones.geojson',
  villages: 'data/craft_villages.geojson',
  exProvinces: 'data/ex_provinces.geojson',
  province: 'data/province.geojson',
  reported: 'data/reported_figures.json',
  communes: 'data/communes_2025.geojson',
  oldUnits: 'data/old_units.json',
} as const;
type Key = keyof typeof DATA_FILES;

/** Checks one parsed file; returns problems as readable sentences (empty when fine). */
export type FileCheck = (key: Key, file: string, value: unknown, outline: BoundaryCollection | null) => Promise<string[]>;

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Minimal shape check, used before the full schema validation. */
function shapeProblem(key: Key, v: unknown): string | null {
  if (key === 'reported' || key === 'oldUnits') return v && typeof v === 'object' && !Array.isArray(v) ? null : 'expected a JSON object';
  if (!v || typeof v !== 'object') return 'expected a GeoJSON FeatureCollection';
  const o = v as { type?: unknown; features?: unknown };
  if (o.type !== 'FeatureCollection') return `expected "type": "FeatureCollection", found ${JSON.stringify(o.type)}`;
  if (!Array.isArray(o.features)) return 'expected a "features" array';
  return null;
}

/** Requests a file at once; reads and parses its body only after `gate`. */
async function fetchJson(url: string, file: string, fetchFn: typeof fetch, gate: Promise<unknown>): Promise<{ value?: unknown; error?: LoadError }> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    return { error: { file, message: `network error (${(e as Error).message})` } };
  }
  if (!res.ok) return { error: { file, message: `HTTP ${res.status} ${res.statusText}`.trim() } };
  await gate;
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    return { error: { file, message: `network error (${(e as Error).message})` } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: { file, message: `not valid JSON (${(e as Error).message})` } };
  }
}

/**
 * Loads every data file, checks it and puts what is usable into the store.
 * A file that fails is reported by name with the reason; the others still load.
 *
 * @param store - the app store
 * @param baseUrl - where `data/` lives (the app's base URL)
 * @param check - schema validation (loaded lazily by the app: it pulls in an LGPL library)
 * @param fetchFn - injectable for tests
 * @param gate - the requests go out at once; reading and parsing the bodies, the checks and
 *   the hand-over to the store wait for it (the app lets the map draw the clusters first:
 *   both compete for the same cores)
 */
export async function loadData(
  store: AppStore,
  baseUrl: string,
  check: FileCheck,
  fetchFn: typeof fetch = fetch,
  gate: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  store.getState().setLoading();
  const keys = Object.keys(DATA_FILES) as Key[];
  const results = await Promise.all(
    keys.map((k) => fetchJson(new URL(DATA_FILES[k], baseUrl).href, fileName(DATA_FILES[k]), fetchFn, gate)),
  );
  const errors: LoadError[] = [];
  const ok: Partial<Record<Key, unknown>> = {};
  results.forEach((r, i) => {
    const key = keys[i]!;
    const file = fileName(DATA_FILES[key]);
    if (r.error) return void errors.push(r.error);
    const p = shapeProblem(key, r.value);
    if (p) return void errors.push({ file, message: p });
    ok[key] = r.value;
  });
  // Boundaries first: the outline is only used by the other checks once it passed its own.
  const order: Key[] = ['province', 'exProvinces', ...keys.filter((k) => k !== 'province' && k !== 'exProvinces')];
  for (const key of order) {
    if (ok[key] === undefined) continue;
    const file = fileName(DATA_FILES[key]);
    const outline = (ok.province as BoundaryCollection | undefined) ?? null;
    let problems: string[];
    try {
      problems = await check(key, file, ok[key], outline);
    } catch (e) {
      problems = [`could not be checked (${(e as Error).message})`];
    }
    if (problems.length) {
      const more = problems.length > 5 ? ` (+${problems.length - 5} more)` : '';
      errors.push({ file, message: problems.slice(0, 5).join('; ') + more });
      delete ok[key];
    }
  }
  const data: Parameters<DataSlice['setData']>[0] = {
    clusters: (ok.clusters as ClusterCollection) ?? null,
    zones: (ok.zones as ZoneCollection) ?? null,
    villages: (ok.villages as VillageCollection) ?? null,
    exProvinces: (ok.exProvinces as BoundaryCollection) ?? null,
    province: (ok.province as BoundaryCollection) ?? null,
    reported: (ok.reported as ReportedFigures) ?? null,
    communes: (ok.communes as CommuneCollection) ?? null,
    oldUnits: (ok.oldUnits as OldUnits) ?? null,
  };
  store.getState().setData(data, errors);
}
