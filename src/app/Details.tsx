import type { ComponentChildren } from 'preact';
import area from '@turf/area';
import { formatHa, formatNumber } from '../geo/format';
import { selectFocused } from '../store/selectors';
import { t, type MessageKey } from './i18n';
import { useStore } from './use_store';

export function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Only http(s) links are made clickable; anything else is shown as text. */
export function SourceLink({ url }: { url: string }) {
  const safe = /^https?:\/\//i.test(url);
  return safe ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <span>{url}</span>
  );
}

/** A feature's sources, numbered; only http(s) ones are links. */
export function Sources({ urls }: { urls: readonly string[] | undefined }) {
  const lang = useStore((s) => s.lang);
  return (
    <>
      <h3>{t(lang, 'details.sources')}</h3>
      <ol class="sources">
        {(urls ?? []).map((u) => (
          <li key={u}>
            <SourceLink url={u} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** The old district as a source names it, or the one inferred from the name, said to be inferred. */
export function District({ p }: { p: { old_district: string | null; inferred_district?: string | null } }) {
  const lang = useStore((s) => s.lang);
  if (p.old_district) return <>{p.old_district}</>;
  if (p.inferred_district) return <span data-testid="district-inferred">{p.inferred_district} <small class="hint">({t(lang, 'details.inferred')})</small></span>;
  return <span class="nodata">{t(lang, 'details.noData')}</span>;
}

/** The parts of a note (joined by " | " when compiled), one per line. */
function Parts({ text }: { text: string }) {
  const parts = text.split(' | ');
  return <>{parts.map((x, i) => <span key={i} class="note-part">{x}</span>)}</>;
}

/**
 * A note in the UI language: the Vietnamese translation where there is one (the English it
 * was made from one click away), else the text as written, marked when it is English in the
 * Vietnamese UI.
 */
export function Note({ en, vi, label }: { en: string | null | undefined; vi: string | null | undefined; label: string }) {
  const lang = useStore((s) => s.lang);
  if (!en) return null;
  if (lang !== 'vi') return <Row label={label}><Parts text={en} /></Row>;
  return (
    <Row label={label}>
      {vi ? (
        <>
          <span data-testid="note-vi"><Parts text={vi} /></span>
          <details class="note-original">
            <summary>{t(lang, 'details.noteOriginal')}</summary>
            <span lang="en"><Parts text={en} /></span>
          </details>
        </>
      ) : (
        <span lang="en"><Parts text={en} /> <small class="hint">({t(lang, 'details.noteUntranslated')})</small></span>
      )}
    </Row>
  );
}

/** Every attribute of the clicked cluster, numbers in the UI locale, sources as links. */
export function Details() {
  const lang = useStore((s) => s.lang);
  const f = useStore(selectFocused);
  const close = useStore((s) => s.setFocus);
  const openEditor = useStore((s) => s.openEditor);
  const openReport = useStore((s) => s.openReport);
  const edited = useStore((s) => (f ? s.editedIds.has(f.properties.id) : false));
  if (!f) return null;
  const p = f.properties;
  const none = <span class="nodata">{t(lang, 'details.noData')}</span>;
  const num = (v: number | null, fmt: (n: number) => string = (n) => formatNumber(n, lang)) => (v === null || v === undefined ? none : fmt(v));
  const txt = (v: string | null | undefined) => (v ? v : none);
  const drawn = p.geometry_quality === 'surveyed' || p.geometry_quality === 'traced';
  const schematic = !drawn;
  return (
    <aside class="details" data-testid="details" aria-label={t(lang, 'details.title')}>
      <header>
        <h2>{p.name}</h2>
        <div class="head-buttons">
          <button type="button" data-testid="details-edit" onClick={() => openEditor(p.id)}>{t(lang, 'edit.button')}</button>
          <button type="button" data-testid="details-profile" onClick={() => openReport({ kind: 'profile', id: p.id })}>{t(lang, 'report.profile')}</button>
          <button type="button" onClick={() => close(null)} aria-label={t(lang, 'details.close')}>×</button>
        </div>
      </header>
      {edited && <p class="edited-note" data-testid="edited-note">{t(lang, 'edit.edited')}</p>}
      {schematic && <p class="geom-warning" data-testid="geom-quality">{t(lang, `geom.${p.geometry_quality}` as MessageKey)}</p>}
      <dl>
        <Row label={t(lang, 'details.exProvince')}>{p.ex_province}</Row>
        <Row label={t(lang, 'details.district')}><District p={p} /></Row>
        <Row label={t(lang, 'details.communes')}>{p.communes?.length ? p.communes.join(', ') : none}</Row>
        <Row label={t(lang, 'details.newCommune')}>{txt(p.new_commune)}</Row>
        <Row label={t(lang, 'details.commune2025')}><span data-testid="details-commune2025">{txt(p.commune_2025)}</span></Row>
        <Row label={t(lang, 'details.area')}>{num(p.planned_area_ha, (n) => formatHa(n, lang))}</Row>
        <Row label={t(lang, 'details.status')}>{t(lang, `status.${p.status}` as MessageKey)}</Row>
        <Row label={t(lang, 'details.wwtp')}>{t(lang, `wwtp.${p.wwtp}` as MessageKey)}</Row>
        <Row label={t(lang, 'details.occupancy')}>{num(p.occupancy_pct, (n) => `${formatNumber(n, lang, 1)} %`)}</Row>
        <Row label={t(lang, 'details.projects')}>{num(p.projects)}</Row>
        <Row label={t(lang, 'details.workers')}>{num(p.workers)}</Row>
        <Row label={t(lang, 'details.model')}>{txt(p.model)}</Row>
        <Row label={t(lang, 'details.industries')}>{txt(p.industries)}</Row>
        <Row label={t(lang, 'details.decision')}>{txt(p.decision)}</Row>
        <Row label={t(lang, 'details.establishedYear')}>{p.established_year ? String(p.established_year) : none}</Row>
        <Row label={t(lang, 'details.asOf')}>{txt(p.as_of)}</Row>
        <Row label={t(lang, 'details.geometry')}>
          <span data-testid="details-quality">{t(lang, `geom.${p.geometry_quality}` as MessageKey)}</span>
          {drawn && f.geometry.type !== 'Point' && <> · <span data-testid="details-geom-area">{formatHa(Math.round((area(f.geometry) / 10_000) * 100) / 100, lang)}</span></>}
        </Row>
        {drawn && <Row label={t(lang, 'edit.geomSource')}>{p.geometry_source ? <SourceLink url={p.geometry_source} /> : none}</Row>}
        {drawn && <Row label={t(lang, 'edit.geomAsOf')}>{txt(p.geometry_as_of)}</Row>}
        <Row label={t(lang, 'field.investor')}>{txt(p.investor)}</Row>
        <Row label={t(lang, 'field.decision_date')}>{txt(p.decision_date)}</Row>
        {p.location_basis && <Row label={t(lang, 'details.location')}>{t(lang, `location.${p.location_basis}` as MessageKey)}</Row>}
        <Note label={t(lang, 'details.conflicts')} en={p.reported_conflicts} vi={p.reported_conflicts_vi} />
        <Note label={t(lang, 'details.notes')} en={p.notes} vi={p.notes_vi} />
      </dl>
      <Sources urls={p.sources} />
    </aside>
  );
}
