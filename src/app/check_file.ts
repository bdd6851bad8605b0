import type { FileCheck } from '../store/load_data';

/**
 * Validates a loaded data file against the dataset schema. The validator pulls in
 * geojson-validation (LGPL-3.0), so it is imported lazily and lives in its own chunk.
 */
export const checkFile: FileCheck = async (key, file, value, outline) => {
  const v = await import('../geo/dataset/validate_dataset');
  const opts = { fileName: file, provinceOutline: outline };
  switch (key) {
    case 'clusters':
      return v.validateClusters(value, opts).map(v.formatError);
    case 'zones':
      return v.validateZones(value, opts).map(v.formatError);
    case 'villages':
      return v.validateVillages(value, opts).map(v.formatError);
    case 'exProvinces':
    case 'province':
      return v.validateBoundaries(value, file);
    case 'communes':
      return v.validateCommunes(value, file);
    case 'oldUnits': {
      const o = value as { communes?: unknown; districts?: unknown };
      return Array.isArray(o.communes) && Array.isArray(o.districts) ? [] : ['expected "communes" and "districts" lists'];
    }
    case 'reported': {
      const r = value as { provinces?: unknown };
      return Array.isArray(r.provinces) ? [] : ['expected a "provinces" array'];
    }
  }
};
