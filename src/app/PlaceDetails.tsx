import { formatHa } from '../geo/format';
import type { VillageProps, ZoneProps } from '../geo/types';
import { District, Note, Row, Sources } from './Details';
import { t, type MessageKey } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/**
 * A KCN's or craft village's details: what the sources say (area, status, craft, recognition),
 * where it lies then and now, sources and as-of; and the proximity question that starts from it.
 */
export function PlaceDetails() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const place = useStore((s) => s.place);
  const f = useStore((s) =>
    !s.place ? undefined : s.place.kind === 'zone' ? s.zones?.features.find((z) => z.properties.id === s.place!.id) : s.villages?.features.find((v) => v.properties.id === s.place!.id),
  );
  if (!place || !f) return null;
  const p = f.properties as ZoneProps & VillageProps;
  const zone = place.kind === 'zone';
  const none = <span class="nodata">{t(lang, 'details.noData')}</span>;
  const txt = (v: string | null | undefined) => (v ? v : none);
  const s = store.getState();
  const title = t(lang, zone ? 'place.zoneTitle' : 'place.villageTitle');
  return (
    <aside class="details" data-testid="place-details" data-kind={place.kind} aria-label={title}>
      <header>
        <h2>{p.name}</h2>
        <div class="head-buttons">
          <button type="button" onClick={() => s.openPlace(null)} aria-label={t(lang, 'details.close')} data-testid="place-close">×</button>
        </div>
      </header>
      <p class="hint">{t(lang, `place.kind.${place.kind}`)}</p>
      <p class="geom-warning">{t(lang, `geom.${p.geometry_quality}` as MessageKey)}</p>
      <dl>
        <Row label={t(lang, 'details.exProvince')}>{p.ex_province}</Row>
        <Row label={t(lang, 'details.district')}><District p={p} /></Row>
        {zone ? <Row label={t(lang, 'details.communes')}>{p.communes?.length ? p.communes.join(', ') : none}</Row> : <Row label={t(lang, 'place.oldCommune')}>{txt(p.old_commune)}</Row>}
        <Row label={t(lang, 'details.newCommune')}>{txt(p.new_commune)}</Row>
        <Row label={t(lang, 'details.commune2025')}>{txt(p.commune_2025)}</Row>
        {zone && <Row label={t(lang, 'details.area')}>{p.area_ha !== null && p.area_ha !== undefined ? formatHa(p.area_ha, lang) : none}</Row>}
        {zone && <Row label={t(lang, 'details.status')}>{t(lang, `status.${p.status}` as MessageKey)}</Row>}
        {!zone && <Row label={t(lang, 'place.craft')}>{txt(p.craft)}</Row>}
        {!zone && <Row label={t(lang, 'place.recognised')}>{t(lang, `place.recognised.${p.recognised}` as MessageKey)}</Row>}
        <Row label={t(lang, 'details.asOf')}>{txt(p.as_of)}</Row>
        {p.location_basis && <Row label={t(lang, 'details.location')}>{t(lang, `location.${p.location_basis}` as MessageKey)}</Row>}
        <Note label={t(lang, 'details.conflicts')} en={p.reported_conflicts} vi={p.reported_conflicts_vi} />
        <Note label={t(lang, 'details.notes')} en={p.notes} vi={p.notes_vi} />
      </dl>
      <div class="buttons">
        <button
          type="button"
          data-testid="place-prox"
          onClick={() => {
            s.setProx(zone ? { kind: 'satellites', zoneId: p.id } : { kind: 'nearestClusters' });
            s.setPanel('proximity');
          }}
        >
          {t(lang, zone ? 'place.satellites' : 'prox.kind.nearestClusters')}
        </button>
      </div>
      <Sources urls={p.sources} />
    </aside>
  );
}
