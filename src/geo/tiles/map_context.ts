import type { Feature, FeatureCollection } from 'geojson';

/**
 * The map's context (ex-province land and outlines, the province outline, the industrial
 * zones) in one collection, for one map source. MapLibre redraws its tile clipping masks each
 * time its layers switch to another source, twice a frame: with the three files in three
 * sources that was 15 ms of a 25 ms frame at 115 clusters on a PC that renders in software.
 * The build writes this collection from the three files (`MAP_CONTEXT_FILE`); the map makes it
 * again from the app's checked copies when one of them is unusable.
 */

/** Where the build puts the merged file, relative to the app's base URL. */
export const MAP_CONTEXT_FILE = 'data/map_context.geojson';

/** The property that says which file a feature came from (the map's layers filter on it). */
export const CONTEXT_KEY = 'map_layer';

/** The files merged, and the value of `CONTEXT_KEY` for each. */
export const CONTEXT_PART = { exProvinces: 'ex-province', province: 'province', zones: 'zone' } as const;
export type ContextPart = keyof typeof CONTEXT_PART;

/**
 * Merges the context files into one collection, each feature tagged with the file it came
 * from (`CONTEXT_KEY`). A missing or unusable part (null) is left out.
 */
export function mapContext(parts: Partial<Record<ContextPart, FeatureCollection | null>>): FeatureCollection {
  const features: Feature[] = [];
  for (const key of Object.keys(CONTEXT_PART) as ContextPart[]) {
    for (const f of parts[key]?.features ?? []) {
      if (!f || typeof f !== 'object' || !f.geometry) continue;
      features.push({ ...f, properties: { ...f.properties, [CONTEXT_KEY]: CONTEXT_PART[key] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The merged file as the build writes it, from the three files' text: a file that cannot be
 * read as a feature collection is left out (the app reports that file by name).
 */
export function mapContextFile(texts: Partial<Record<ContextPart, string | null>>): string {
  const parse = (text: string | null | undefined): FeatureCollection | null => {
    try {
      const v = JSON.parse(text ?? '') as FeatureCollection;
      return v && v.type === 'FeatureCollection' && Array.isArray(v.features) ? v : null;
    } catch {
      return null;
    }
  };
  const parts = Object.fromEntries((Object.keys(CONTEXT_PART) as ContextPart[]).map((k) => [k, parse(texts[k])]));
  return JSON.stringify(mapContext(parts));
}
