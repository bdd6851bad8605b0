import { useMemo, useState } from 'preact/hooks';
import type { MultiPolygon, Polygon } from 'geojson';
import { DECREE_32_URL } from '../geo/proposal/decree32';
import { proposalProblem } from '../geo/proposal/check_proposal';
import { newRecordId, type ProposalValue } from '../geo/edit/change';
import { selectClusterById, selectProposals } from '../store/selectors';
import type { Proposal } from '../store/types';
import { downloadText } from './download';
import { t, type MessageKey } from './i18n';
import { proposalGeoJSON, runCheck, usedText } from './proposal_text';
import { useAppStoreApi, useJournal, useStore } from './use_store';

/** Proposals: made from a drawn or imported area, checked against Decree 32, kept, exported. */
export function ProposalPanel() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const areas = useStore((s) => s.areas);
  const proposals = useStore(selectProposals);
  const journal = useJournal();
  const openId = useStore((s) => s.proposalId);
  const clusters = useStore(selectClusterById);
  const data = useStore((s) => s.clusters);
  const [draft, setDraft] = useState<Proposal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = draft ?? proposals.find((p) => p.id === openId) ?? null;
  const lines = useMemo(() => (current ? runCheck(store.getState(), current) : []), [current, data, proposals]);
  const clusterOptions = useMemo(() => [...clusters.values()].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi')), [clusters]);
  const s = store.getState();

  const fromArea = () => {
    const a = areas.at(-1);
    if (!a) return setProblem(t(lang, 'proposal.noArea'));
    const province = s.province?.features[0]?.geometry as Polygon | MultiPolygon | undefined;
    const bad = province ? proposalProblem(a.geometry, province) : null;
    if (bad) {
      const at = bad.at ? `${bad.at[1].toFixed(5)}, ${bad.at[0].toFixed(5)}` : '';
      return setProblem(t(lang, `proposal.problem.${bad.code}` as MessageKey, { at }));
    }
    setProblem(null);
    setDraft({ id: `de-xuat-${Date.now().toString(36)}`, name: a.properties.name ?? t(lang, 'proposal.defaultName', { n: proposals.length + 1 }), kind: 'new', expands: null, variant: 'standard', geometry: a.geometry, created_at: new Date().toISOString() });
    s.openProposal(null);
  };
  const patch = (x: Partial<Proposal>) => current && setDraft({ ...current, ...x });
  // Kept like an edit: a journal record, in the browser's storage (or said unsaved, to export).
  const keep = (id: string, value: ProposalValue | null) => journal.commit([{ kind: 'proposal', id: newRecordId(), proposal: id, value, at: new Date().toISOString() }]);
  const save = () => {
    if (!current) return;
    const { id, ...value } = current;
    void keep(id, value);
    s.openProposal(id);
    setDraft(null);
  };
  const exportIt = () => current && downloadText(proposalGeoJSON(current, lines), `de-xuat_${current.id}.geojson`, 'application/geo+json');

  return (
    <div class="panel" data-testid="proposals">
      <h2>{t(lang, 'proposal.title')}</h2>
      <p class="hint">{t(lang, 'proposal.intro')}</p>
      <button type="button" data-testid="proposal-from-area" onClick={fromArea}>{t(lang, 'proposal.fromArea')}</button>
      {problem && <p class="load-error-inline" role="alert" data-testid="proposal-problem">{problem}</p>}
      {current && (
        <div class="proposal" data-testid="proposal">
          <label class="field">
            {t(lang, 'proposal.name')}
            <input type="text" value={current.name} data-testid="proposal-name" onInput={(e) => patch({ name: e.currentTarget.value })} />
          </label>
          <div class="field-row">
            <label class="field">
              {t(lang, 'proposal.kind')}
              <select value={current.kind} data-testid="proposal-kind" onChange={(e) => patch({ kind: e.currentTarget.value as Proposal['kind'] })}>
                <option value="new">{t(lang, 'proposal.kind.new')}</option>
                <option value="expansion">{t(lang, 'proposal.kind.expansion')}</option>
              </select>
            </label>
            <label class="field">
              {t(lang, 'proposal.variant')}
              <select value={current.variant} data-testid="proposal-variant" onChange={(e) => patch({ variant: e.currentTarget.value as Proposal['variant'] })}>
                <option value="standard">{t(lang, 'proposal.variant.standard')}</option>
                <option value="small">{t(lang, 'proposal.variant.small')}</option>
              </select>
            </label>
          </div>
          {current.kind === 'expansion' && (
            <label class="field">
              {t(lang, 'proposal.expands')}
              <select value={current.expands ?? ''} data-testid="proposal-expands" onChange={(e) => patch({ expands: e.currentTarget.value || null })}>
                <option value="">{t(lang, 'prox.choose')}</option>
                {clusterOptions.map((c) => <option key={c.properties.id} value={c.properties.id}>{c.properties.name}</option>)}
              </select>
            </label>
          )}
          <h3>{t(lang, 'proposal.check')} · <a href={DECREE_32_URL} target="_blank" rel="noopener noreferrer">{t(lang, 'proposal.decree')}</a></h3>
          <table class="proposal-check" data-testid="proposal-check">
            <thead><tr><th>{t(lang, 'proposal.col.rule')}</th><th>{t(lang, 'proposal.col.used')}</th></tr></thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} data-id={l.id} data-verdict={l.verdict}>
                  <td>
                    <strong>{t(lang, `proposal.rule.${l.id}` as MessageKey)}</strong>
                    {l.article && <><br /><small class="hint">{l.article}</small></>}
                    <br /><span class={`verdict ${l.verdict}`}>{t(lang, `proposal.verdict.${l.verdict}` as MessageKey)}</span>
                  </td>
                  <td>{usedText(l, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="buttons">
            <button type="button" class="primary" data-testid="proposal-save" onClick={save}>{t(lang, 'proposal.save')}</button>
            <button type="button" data-testid="proposal-export" onClick={exportIt}>{t(lang, 'proposal.export')}</button>
            {!draft && <button type="button" data-testid="proposal-print" onClick={() => s.openReport({ kind: 'proposal', id: current.id })}>{t(lang, 'report.open')}</button>}
          </div>
        </div>
      )}
      {proposals.length > 0 && (
        <>
          <h3>{t(lang, 'proposal.saved', { n: proposals.length })}</h3>
          <ul class="proposal-list" data-testid="proposal-list">
            {proposals.map((p) => (
              <li key={p.id}>
                <button type="button" class="row-link" onClick={() => { setDraft(null); s.openProposal(p.id); }}>{p.name}</button>
                <button type="button" class="link" onClick={() => { if (openId === p.id) s.openProposal(null); void keep(p.id, null); }}>{t(lang, 'proposal.remove')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
