import { useState } from 'preact/hooks';
import { OUTSIDE_COLOR, STATUS_COLOR, VILLAGE_COLOR, WWTP_COLOR, ZONE_COLOR } from '../map/palette';
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
      {open && (
        <div>
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
          <div class="row"><Swatch fill="#ddd" stroke="#333" />{t(lang, 'legend.surveyed')}</div>
          <div class="row"><Swatch fill="#ddd" stroke="#333" dashed />{t(lang, 'legend.schematic')}</div>
          <div class="row"><Swatch fill="#fff" stroke="#555" round />{t(lang, 'legend.point')}</div>
          <div class="row"><Swatch fill={STATUS_COLOR.operating} stroke={WWTP_COLOR.unknown} round />{t(lang, 'legend.dot')}</div>
          <div class="row"><Swatch fill={`${ZONE_COLOR}33`} stroke={ZONE_COLOR} dashed />{t(lang, 'legend.zone')}</div>
          <div class="row"><Swatch fill={VILLAGE_COLOR} stroke="#fff" round />{t(lang, 'legend.village')}</div>
          <div class="row"><Swatch fill={OUTSIDE_COLOR} stroke={OUTSIDE_COLOR} />{t(lang, 'legend.outside')}</div>
          <div class="row"><svg width="26" height="16" aria-hidden="true"><line x1="2" y1="8" x2="24" y2="8" stroke="#8c8c8c" stroke-width="1.5" stroke-dasharray="4 2" /></svg>{t(lang, 'legend.exProvince')}</div>
        </div>
      )}
    </div>
  );
}
