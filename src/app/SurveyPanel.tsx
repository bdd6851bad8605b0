import './i18n_survey';
import { useState } from 'preact/hooks';
import { formatHa, formatNumber } from '../geo/format';
import { selectClusterById } from '../store/selectors';
import type { ClusterGeometry } from '../geo/types';
import { messagesFor, t, noticeText, type MessageKey } from './i18n';

// (this panel shows the survey import's messages itself)
void messagesFor('survey:');
import { applySurvey, cancelSurvey, chooseCrs, confirmCrs, surveyShapes } from './survey_import';
import { useAppStoreApi, useJournal, useStore, useSurveyClient } from './use_store';

/** Review rows shown at a time. */
const PAGE = 50;

function Progress() {
  const lang = useStore((s) => s.lang);
  const sv = useStore((s) => s.survey)!;
  const p = sv.progress;
  const pct = p && p.total ? Math.round((p.done / p.total) * 100) : null;
  const label = t(lang, sv.stage === 'parsing' ? 'survey.parsing' : sv.stage === 'matching' ? 'survey.matching' : 'survey.reprojecting');
  return (
    <div class="survey-progress" role="status" data-testid="survey-progress">
      <span>{label}</span>
      <progress max={100} value={pct ?? undefined} aria-label={label} />
    </div>
  );
}

function CrsStep() {
  const store = useAppStoreApi();
  const client = useSurveyClient();
  const lang = useStore((s) => s.lang);
  const sv = useStore((s) => s.survey)!;
  const fromFile = sv.candidates.length === 1 && sv.candidates[0]!.inside < 0;
  const picture = useStore((s) => { const d = s.imported?.data; return !!d && 'kind' in d && d.kind === 'image'; });
  return (
    <fieldset class="facet" data-testid="survey-crs">
      <legend>{t(lang, 'survey.crsTitle')}</legend>
      <p class="hint">{t(lang, fromFile ? 'survey.crsFromFile' : 'survey.crsGuess')}</p>
      {sv.candidates.map((c) => {
        const on = sv.crs?.crs === c.crs && sv.crs.swapped === c.swapped;
        return (
          <label class="inline" key={`${c.crs}-${c.swapped}`}>
            <input type="radio" name="survey-crs" checked={on} disabled={sv.stage !== 'crs'} onChange={() => void chooseCrs(store, client, c.crs, c.swapped)} data-crs={c.crs} />
            <span>
              {t(lang, `survey.crs.${c.crs}` as MessageKey)}
              {c.swapped && ` · ${t(lang, c.crs === 'EPSG:4326' ? 'survey.swappedLatLon' : 'survey.swapped')}`}
              {c.inside >= 0 && <small> · {t(lang, 'survey.inside', { n: formatNumber(c.inside, lang), total: formatNumber(sv.points, lang) })}</small>}
            </span>
          </label>
        );
      })}
      {picture && <p class="hint" data-testid="survey-picture">{t(lang, 'survey.previewPicture', { n: formatNumber(sv.count ?? 0, lang) })}</p>}
      {sv.problem && <p class="error" role="alert" data-testid="survey-problem">{noticeText(lang, `survey:${sv.problem.code}`, { ...sv.problem.params, file: sv.file })}</p>}
      <div class="buttons">
        <button type="button" class="primary" data-testid="survey-confirm-crs" disabled={sv.stage !== 'crs' || sv.count === null || !!sv.problem} onClick={() => void confirmCrs(store, client)}>
          {t(lang, 'survey.confirmCrs')}
        </button>
      </div>
    </fieldset>
  );
}

function ReviewStep() {
  const store = useAppStoreApi();
  const journal = useJournal();
  const client = useSurveyClient();
  const lang = useStore((s) => s.lang);
  const sv = useStore((s) => s.survey)!;
  const byId = useStore(selectClusterById);
  const clusters = useStore((s) => s.clusters?.features ?? []);
  const [note, setNote] = useState('');
  const [asOf, setAsOf] = useState('');
  const [problem, setProblem] = useState<'needSource' | 'nothing' | null>(null);
  // A file may hold thousands of shapes: rows are shown a page at a time.
  const [shown, setShown] = useState(PAGE);
  const matched = sv.rows.filter((r) => r.clusterId && r.decision === 'pending').length;
  const accepted = sv.rows.filter((r) => r.decision === 'accepted' && r.clusterId).length;
  const s = store.getState();
  const newCluster = async (i: number) => {
    const [g] = (await surveyShapes(client, [sv.rows[i]!.match.feature]).catch(() => null)) ?? [];
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || store.getState().survey !== sv) return;
    s.setImported(null);
    s.endSurvey();
    s.openEditor(null);
    s.patchEditor({ draft: g as ClusterGeometry, draftChanged: true, quality: 'surveyed' });
    s.editorCommand('load');
  };
  // A shape of the survey file as a proposal to assess: it becomes an area, and the Proposals tab opens.
  const asProposal = async (i: number) => {
    const [g] = (await surveyShapes(client, [sv.rows[i]!.match.feature]).catch(() => null)) ?? [];
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || store.getState().survey !== sv) return;
    s.addArea({ type: 'Feature', geometry: g, properties: { id: `survey-${Date.now().toString(36)}`, source: 'imported', name: `${sv.rows[i]!.match.label} (${sv.file})` } });
    s.setImported(null);
    s.endSurvey();
    s.setPanel('proposals');
  };
  return (
    <div data-testid="survey-review">
      <h3>{t(lang, 'survey.reviewTitle')}</h3>
      <p class="hint">{t(lang, 'survey.reviewHint')}</p>
      {matched > 1 && (
        <button type="button" data-testid="survey-accept-matched" onClick={() => s.patchSurvey({ rows: sv.rows.map((r) => (r.clusterId && r.decision === 'pending' ? { ...r, decision: 'accepted' } : r)) })}>
          {t(lang, 'survey.acceptMatched', { n: matched })}
        </button>
      )}
      <ol class="survey-rows">
        {sv.rows.slice(0, shown).map((r, i) => {
          const c = r.clusterId ? byId.get(r.clusterId) : undefined;
          const planned = c?.properties.planned_area_ha ?? null;
          return (
            <li key={i} class={`survey-row ${r.decision}`} data-testid="survey-row">
              <div>
                <strong>{r.match.label}</strong>
                {r.match.areaHa !== null && (
                  <span data-testid="survey-area">
                    {' · '}
                    {t(lang, 'survey.area', { area: formatHa(Math.round(r.match.areaHa * 100) / 100, lang), planned: planned !== null ? formatHa(planned, lang) : t(lang, 'details.noData') })}
                  </span>
                )}
              </div>
              <label class="field">
                {t(lang, 'survey.col.cluster')} ({t(lang, `survey.basis.${r.clusterId === r.match.clusterId ? r.match.basis : r.clusterId ? 'pick' : 'none'}` as MessageKey)})
                <select value={r.clusterId ?? ''} data-testid="survey-cluster" disabled={r.match.areaHa === null} onChange={(e) => s.setSurveyRow(i, { clusterId: (e.target as HTMLSelectElement).value || null })}>
                  <option value="">{t(lang, 'survey.noCluster')}</option>
                  {clusters.map((cl) => (
                    <option value={cl.properties.id} key={cl.properties.id}>{cl.properties.name}</option>
                  ))}
                </select>
              </label>
              <div class="buttons">
                <button type="button" class={r.decision === 'accepted' ? 'on' : ''} aria-pressed={r.decision === 'accepted'} data-testid="survey-accept" disabled={!r.clusterId} onClick={() => s.setSurveyRow(i, { decision: 'accepted' })}>
                  {t(lang, 'survey.accept')}
                </button>
                <button type="button" class={r.decision === 'rejected' ? 'on' : ''} aria-pressed={r.decision === 'rejected'} data-testid="survey-reject" onClick={() => s.setSurveyRow(i, { decision: 'rejected' })}>
                  {t(lang, 'survey.reject')}
                </button>
                {r.match.areaHa !== null && (
                  <button type="button" data-testid="survey-new" onClick={() => void newCluster(i)}>{t(lang, 'survey.newCluster')}</button>
                )}
                {r.match.areaHa !== null && (
                  <button type="button" data-testid="survey-proposal" onClick={() => void asProposal(i)}>{t(lang, 'survey.asProposal')}</button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {sv.rows.length > shown && (
        <button type="button" data-testid="survey-more" onClick={() => setShown(shown + PAGE)}>
          {t(lang, 'survey.more', { n: Math.min(PAGE, sv.rows.length - shown), rest: sv.rows.length - shown })}
        </button>
      )}
      <label class="field">
        {t(lang, 'survey.source')}
        <input type="text" value={note} placeholder={t(lang, 'survey.sourceHint')} onInput={(e) => setNote((e.target as HTMLInputElement).value)} data-testid="survey-source" />
      </label>
      <label class="field">
        {t(lang, 'survey.asOf')}
        <input type="date" value={asOf} onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} data-testid="survey-asof" />
      </label>
      {problem && <p class="error" role="alert">{t(lang, problem === 'needSource' ? 'survey.needSource' : 'survey.nothingAccepted')}</p>}
      <div class="buttons">
        <button type="button" class="primary" data-testid="survey-apply" disabled={!accepted} onClick={() => void applySurvey(store, journal, client, note, asOf).then((r) => setProblem(r === 'ok' ? null : r))}>
          {t(lang, 'survey.apply', { n: accepted })}
        </button>
        <button type="button" data-testid="survey-keep" onClick={() => s.endSurvey()}>{t(lang, 'survey.keepOverlay')}</button>
      </div>
    </div>
  );
}

/**
 * A survey file on its way in: progress (with cancel), the coordinate system shown on the map
 * before anything is applied, then each shape matched to a cluster and accepted one by one.
 */
export function SurveyPanel() {
  const store = useAppStoreApi();
  const client = useSurveyClient();
  const lang = useStore((s) => s.lang);
  const sv = useStore((s) => s.survey)!;
  return (
    <aside class="details survey" data-testid="survey-panel" aria-label={t(lang, 'survey.title', { file: sv.file })}>
      <header>
        <h2>{t(lang, 'survey.title', { file: sv.file })}</h2>
        <button type="button" onClick={() => cancelSurvey(store, client)} aria-label={t(lang, 'survey.cancel')}>×</button>
      </header>
      {sv.notes.map((n, i) => (
        <p class="geom-warning" key={i}>{noticeText(lang, `survey:${n.code}`, { ...n.params, file: sv.file })}</p>
      ))}
      {(sv.stage === 'parsing' || sv.stage === 'reprojecting' || sv.stage === 'matching') && <Progress />}
      {(sv.stage === 'crs' || sv.stage === 'reprojecting' || sv.stage === 'matching') && <CrsStep />}
      {sv.stage === 'review' && <ReviewStep />}
      <div class="buttons">
        <button type="button" data-testid="survey-cancel" onClick={() => cancelSurvey(store, client)}>{t(lang, 'survey.cancel')}</button>
      </div>
    </aside>
  );
}
