/** Minimal typings for the CommonJS `geojson-validation` package (LGPL-3), imported only by validate_dataset.ts and import_geojson.ts (both lazy-loaded by the app). */
declare module 'geojson-validation' {
  /** Validate a GeoJSON Feature; with `trace = true` returns the list of error messages (empty when valid). */
  export function isFeature(feature: unknown, trace: true): string[];
  /** Validate any GeoJSON object; with `trace = true` returns the list of error messages. */
  export function valid(obj: unknown, trace: true): string[];
  const gjv: { isFeature: typeof isFeature; valid: typeof valid };
  export default gjv;
}
