import { useState } from 'preact/hooks';
import { OUTLINE, OUTSIDE_COLOR, STATUS_COLOR, COMMUNE_COLOR, VILLAGE_COLOR, WWTP_COLOR, ZONE_COLOR } from '../map/palette';
import { STATUSES, WWTP_STATES } from '../geo/types';
import { t, type MessageKey } from './i18n';
import { useStore } from './use_store';

function Swatch({ fill, stroke, dashed, round }: { fill: string; stroke: string; dashed?: boolean; round?: boolean }) {
  return (
    <svg width="26" height="16" aria-hidden="true">
      {round ? (
        <circle cx="13" cy="8" r="5" fill={fill} stroke={stroke} stroke-width="2.5" />
      ) : (
        <rect x="2" y="2" width="22" height="12" fill={fill} stroke={stroke} stroke-width="2.5" stroke-dasharray={dashed ? '4 3' : undefined} />
      )}
    </svg>
  );
}

/** Width of a cluster outline in the legend (px); the map's patterns are in multiples of it. */
const OUTLINE_PX = 2.5;

/**
 * A cluster footprint with its outline as the map draws it (the pattern of `OUTLINE`, at
 * `OUTLINE_PX`): surveyed solid, traced a double line astride the edge, schematic dashed.
 */
function OutlineSwatch({ kind }: { kind: 'surveyed' | 'traced' | 'schematic' }) {
  const box = (inset: number) => ({ x: 3 - inset, y: 3 - inset, width: 20 + 2 * inset, height: 10 + 2 * inset });
  if (kind === 'traced') {
    const line = OUTLINE.tracedLine * OUTLINE_PX;
    const off = (OUTLINE.tracedGap * OUTLINE_PX + line) / 2;
    return (
      <svg width="26" height="16" aria-hidden="true" data-outline={kind}>
        <rect {...box(0)} fill="#ddd" />
        <rect {...box(off)} fill="none" stroke="#333" stroke-width={line} />
        <rect {...box(-off)} fill="none" stroke="#333" stroke-width={line} />
      </svg>
    );
  }
  const dash = kind === 'schematic' ? OUTLINE.schematicDash.map((d) => d * OUTLINE_PX).join(' ') : undefined;
  return (
    <svg width="26" height="16" aria-hidden="true" data-outline={kind}>
      <rect {...box(0)} fill="#ddd" stroke="#333" stroke-width={OUTLINE_PX} stroke-dasharray={dash} />
    </svg>
  );
}

/** Every symbol the map draws, under its heading (fill = status, outline = wastewater, shapes); shared by the map's legend and the report. */
export function LegendBody() {
  const lang = useStore((s) => s.lang);
  return (
    <div class="legend-body">
      <h3>{t(lang, 'legend.fill')}</h3>
      {STATUSES.map((s) => (
        <div class="row" key={s}>
          <Swatch fill={STATUS_COLOR[s]} stroke="#666" />
          {t(lang, `status.${s}` as MessageKey)}
        </div>
      ))}
      <h3>{t(lang, 'legend.outline')}</h3>
      {WWTP_STATES.map((w) => (
        <div class="row" key={w}>
          <Swatch fill="#fff" stroke={WWTP_COLOR[w]} />
          {t(lang, `wwtp.${w}` as MessageKey)}
        </div>
      ))}
      <h3>{t(lang, 'legend.geometry')}</h3>
      <div class="row"><OutlineSwatch kind="surveyed" />{t(lang, 'legend.surveyed')}</div>
      <div class="row"><OutlineSwatch kind="traced" />{t(lang, 'legend.traced')}</div>
      <div class="row"><OutlineSwatch kind="schematic" />{t(lang, 'legend.schematic')}</div>
      <div class="row"><Swatch fill="#fff" stroke="#555" round />{t(lang, 'legend.point')}</div>
      <div class="row"><Swatch fill={STATUS_COLOR.operating} stroke={WWTP_COLOR.unknown} round />{t(lang, 'legend.dot')}</div>
      <div class="row"><Swatch fill={`${ZONE_COLOR}33`} stroke={ZONE_COLOR} dashed />{t(lang, 'legend.zone')}</div>
      <div class="row"><Swatch fill={VILLAGE_COLOR} stroke="#fff" round />{t(lang, 'legend.village')}</div>
      <div class="row"><Swatch fill={OUTSIDE_COLOR} stroke={OUTSIDE_COLOR} />{t(lang, 'legend.outside')}</div>
      <div class="row"><svg width="26" height="16" aria-hidden="true"><line x1="2" y1="8" x2="24" y2="8" stroke="#8c8c8c" stroke-width="1.5" stroke-dasharray="4 2" /></svg>{t(lang, 'legend.exProvince')}</div>
      <div class="row"><svg width="26" height="16" aria-hidden="true"><line x1="2" y1="8" x2="24" y2="8" stroke={COMMUNE_COLOR} stroke-width="1.2" /></svg>{t(lang, 'legend.commune')}</div>
    </div>
  );
}

/** Explains every symbol on the map. */
export function Legend() {
  const lang = useStore((s) => s.lang);
  // Open by default where there is room for it beside the map.
  const [open, setOpen] = useState(() => window.innerWidth >= 1400);
  return (
    <div class="legend" data-testid="legend">
      <button type="button" class="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(lang, 'legend.title')}
      </button>
      {open && <LegendBody />}
    </div>
  );
}
