import './i18n_edit';
import { formatHa, formatNumber, type Lang } from '../geo/format';
import { footprintCheck } from '../geo/edit/footprint_check';
import type { ChangeField, FootprintValue } from '../geo/edit/change';
import type { ClusterFeature } from '../geo/types';
import { t, type MessageKey } from './i18n';

/**
 * A journal value as the planner reads it: labels for codes, numbers in the UI locale, a
 * footprint as its quality and area, "no data" for null. Always text, never HTML.
 */
export function valueText(lang: Lang, field: ChangeField, v: unknown): string {
  if (v === null || v === undefined || v === '') return t(lang, 'details.noData');
  switch (field) {
    case 'status':
      return t(lang, `status.${String(v)}` as MessageKey);
    case 'wwtp':
      return t(lang, `wwtp.${String(v)}` as MessageKey);
    case 'planned_area_ha':
      return formatHa(Number(v), lang);
    case 'occupancy_pct':
      return `${formatNumber(Number(v), lang, 1)} %`;
    case 'established_year':
      return String(v);
    case 'geometry': {
      const g = v as FootprintValue;
      const a = footprintCheck(g.geometry, null).areaHa;
      return `${t(lang, `geom.${g.quality}` as MessageKey)}${a !== null ? ` · ${formatHa(a, lang)}` : ''}`;
    }
    case 'feature':
      return (v as ClusterFeature).properties.name;
    default:
      return String(v);
  }
}

/** The label of a journal field. */
export const fieldLabel = (lang: Lang, field: ChangeField): string => t(lang, `field.${field}` as MessageKey);
