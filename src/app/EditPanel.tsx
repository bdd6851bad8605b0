import './i18n_edit';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EX_PROVINCES, STATUSES, WWTP_STATES, type ClusterFeature, type ExProvince, type GeometryQuality } from '../geo/types';
import { formatHa, formatNumber } from '../geo/format';
import { footprintCheck, type SizeRule } from '../geo/edit/footprint_check';
import { changesFromForm, newClusterChange, sameValue, type FormProblem } from '../geo/edit/form_changes';
import type { EditField, FootprintValue } from '../geo/edit/change';
import { selectClusterById } from '../store/selectors';
import { t, type MessageKey } from './i18n';
import { useAppStoreApi, useJournal, useStore } from './use_store';

type Draft = Record<EditField, string>;
const NUMERIC = new Set<EditField>(['planned_area_ha', 'occupancy_pct', 'established_year']);
const TEXT_FIELDS: EditField[] = ['decision', 'decision_date', 'investor', 'new_commune'];

/** The form's text for a value (empty for none). */
const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The value a form field means: empty is "no data"; numbers accept a decimal comma. */
function parseField(field: EditField, s: string): unknown {
  const v = s.trim();
  if (!v) return null;
  if (NUMERIC.has(field)) {
    const n = Number(v.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

function initialDraft(f: ClusterFeature | undefined): Draft {
  const p = (f?.properties ?? {}) as unknown as Record<string, unknown>;
  const d = {} as Draft;
  for (const k of ['name', 'status', 'wwtp', 'planned_area_ha', 'occupancy_pct', 'established_year', 'decision', 'decision_date', 'investor', 'new_commune', 'notes'] as EditField[]) {
    d[k] = asText(p[k]);
  }
  if (!f) Object.assign(d, { status: 'planned', wwtp: 'unknown' });
  return d;
}

/** The footprint section: tools, undo/redo, the drafted area against the plan and Decree 32. */
function FootprintTools({ planned, base }: { planned: number | null; base: ClusterFeature | undefined }) {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const editor = useStore((s) => s.editor)!;
  const [rule, setRule] = useState<SizeRule>('standard');
  const check = footprintCheck(editor.draft, planned, rule);
  const s = store.getState();
  const tool = (tool: 'draw' | 'reshape' | 'none') => s.patchEditor({ tool: editor.tool === tool ? 'none' : tool });
  const backToSchematic = base && base.geometry && sameValue(editor.draft, base.geometry);
  return (
    <fieldset class="facet edit-geom" data-testid="edit-footprint">
      <legend>{t(lang, 'edit.footprint')}</legend>
      <div class="buttons">
        <button type="button" class={editor.tool === 'draw' ? 'on' : ''} aria-pressed={editor.tool === 'draw'} data-testid="edit-draw" onClick={() => tool('draw')}>
          {t(lang, 'edit.draw')}
        </button>
        <button type="button" class={editor.tool === 'reshape' ? 'on' : ''} aria-pressed={editor.tool === 'reshape'} data-testid="edit-reshape" disabled={!editor.draft || editor.draft.type === 'Point'} onClick={() => tool('reshape')}>
          {t(lang, 'edit.reshape')}
        </button>
        {base && (
          <button
            type="button"
            data-testid="edit-reset"
            disabled={!!backToSchematic}
            onClick={() => {
              s.patchEditor({ draft: base.geometry, draftChanged: true, tool: 'none' });
              s.editorCommand('load');
            }}
          >
            {t(lang, 'edit.resetSchematic')}
          </button>
        )}
        <button type="button" data-testid="edit-undo" disabled={!editor.canUndo} onClick={() => s.editorCommand('undo')} title="Ctrl+Z">
          ↶ {t(lang, 'edit.undo')}
        </button>
        <button type="button" data-testid="edit-redo" disabled={!editor.canRedo} onClick={() => s.editorCommand('redo')} title="Ctrl+Shift+Z">
          ↷ {t(lang, 'edit.redo')}
        </button>
      </div>
      <p class="hint">{t(lang, 'edit.undoHint')}</p>
      <div class="area-check" data-testid="edit-area" aria-live="polite">
        {check.areaHa === null ? (
          <p>{t(lang, 'edit.noFootprint')}</p>
        ) : (
          <>
            <p>
              <strong>{t(lang, 'edit.drawnArea', { area: formatHa(Math.round(check.areaHa * 100) / 100, lang) })}</strong>
              {' · '}
              {t(lang, 'edit.plannedArea', { area: planned !== null ? formatHa(planned, lang) : t(lang, 'details.noData') })}
            </p>
            {check.offPlan && (
              <p class="warn" data-testid="edit-offplan">
                {t(lang, 'edit.offPlan', { pct: `${check.diffPct! > 0 ? '+' : ''}${formatNumber(check.diffPct!, lang, 1)} %` })}
              </p>
            )}
            <p class={check.size === 'ok' ? 'ok' : 'warn'} data-testid="edit-size">
              {t(lang, check.size === 'small' ? 'edit.tooSmall' : check.size === 'large' ? 'edit.tooLarge' : 'edit.sizeOk', check.rule)}
            </p>
          </>
        )}
        <label class="inline">
          <input type="checkbox" checked={rule === 'craftOrMountain'} onChange={(e) => setRule((e.target as HTMLInputElement).checked ? 'craftOrMountain' : 'standard')} />
          {t(lang, 'edit.craftRule')}
        </label>
      </div>
      {backToSchematic && editor.draftChanged ? (
        <p class="hint">{t(lang, 'edit.schematicAgain')}</p>
      ) : (
        <div class="quality" role="radiogroup" aria-label={t(lang, 'edit.quality')}>
          <span>{t(lang, 'edit.quality')}</span>
          {(['traced', 'surveyed'] as const).map((q) => (
            <label key={q} class="inline">
              <input type="radio" name="edit-quality" value={q} checked={editor.quality === q} onChange={() => s.patchEditor({ quality: q })} />
              {t(lang, `edit.quality.${q}` as MessageKey)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/**
 * Editing a cluster (or adding one): its facts, its footprint on the map, and the source every
 * change needs. Nothing is saved without a source and its date.
 */
export function EditPanel() {
  const store = useAppStoreApi();
  const journal = useJournal();
  const lang = useStore((s) => s.lang);
  const editor = useStore((s) => s.editor)!;
  const f = useStore((s) => (s.editor?.id ? selectClusterById(s).get(s.editor.id) : undefined));
  const base = useStore((s) => (s.editor?.id ? s.baseClusters?.features.find((c) => c.properties.id === s.editor!.id) : undefined));
  const first = useRef(f);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(f));
  const [exProvince, setExProvince] = useState<ExProvince>(EX_PROVINCES[0]);
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const isNew = editor.id === null;
  const planned = useMemo(() => {
    const v = parseField('planned_area_ha', draft.planned_area_ha);
    return typeof v === 'number' ? v : null;
  }, [draft.planned_area_ha]);
  const set = (k: EditField) => (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value });
  const problemFor = (field: FormProblem['field']) => problems.find((p) => p.field === field);
  const problemText = (p: FormProblem) => t(lang, p.key, { detail: p.detail ?? '' });

  const footprint = (): FootprintValue | null => {
    if (!editor.draft) return null;
    if (base && sameValue(editor.draft, base.geometry)) return { geometry: base.geometry, quality: base.properties.geometry_quality };
    const quality: GeometryQuality = editor.quality;
    if (!editor.draftChanged && f && f.properties.geometry_quality === quality) return null;
    if (!editor.draftChanged && f && !['traced', 'surveyed'].includes(f.properties.geometry_quality)) return null;
    return { geometry: editor.draft, quality };
  };

  const save = async () => {
    const values = Object.fromEntries((Object.keys(draft) as EditField[]).map((k) => [k, parseField(k, draft[k])])) as Record<EditField, unknown>;
    const s = store.getState();
    const now = new Date();
    if (isNew) {
      const extra: FormProblem[] = [];
      if (!draft.name.trim()) extra.push({ field: 'name', key: 'edit.badValue', detail: t(lang, 'edit.needName') });
      if (!editor.draft) extra.push({ field: 'geometry', key: 'edit.badValue', detail: t(lang, 'edit.needPlace') });
      // The same checks as an edit, on an empty stand-in cluster.
      const probe = changesFromForm(
        { type: 'Feature', properties: { id: '', name: '' } as ClusterFeature['properties'], geometry: { type: 'Point', coordinates: [0, 0] } },
        { values, footprint: null, source, as_of: asOf },
        now,
      );
      const all = [...extra, ...('problems' in probe ? probe.problems.filter((p) => p.key !== 'edit.nothingChanged') : [])];
      if (all.length) return setProblems(all);
      const taken = new Set(s.clusters?.features.map((c) => c.properties.id) ?? []);
      const change = newClusterChange(
        { ...(values as object), name: draft.name, ex_province: exProvince } as Parameters<typeof newClusterChange>[0],
        { geometry: editor.draft!, quality: editor.quality },
        { source, as_of: asOf, now, taken },
      );
      await journal.commit([change]);
      s.notify({ key: 'edit.saved', params: { n: 1, name: draft.name } });
      s.closeEditor();
      s.setFocus(change.target);
      s.select([change.target], 'replace');
      return;
    }
    if (!f) return;
    // Only what the planner changed in the form counts (fields shown but untouched are not re-saved).
    const initial = initialDraft(first.current);
    const touched = Object.fromEntries(Object.entries(values).filter(([k]) => draft[k as EditField] !== initial[k as EditField]));
    const r = changesFromForm(f, { values: touched, footprint: footprint(), source, as_of: asOf }, now);
    if ('problems' in r) return setProblems(r.problems);
    await journal.commit(r.changes);
    s.notify({ key: 'edit.saved', params: { n: r.changes.length, name: f.properties.name } });
    s.closeEditor();
  };

  const input = (k: EditField, type: 'text' | 'date' = 'text', extra: { inputMode?: 'decimal' | 'numeric' } = {}) => (
    <label class="field" key={k}>
      {t(lang, `field.${k}` as MessageKey)}
      {type === 'date' ? (
        <input type="date" value={draft[k]} onInput={set(k)} data-testid={`edit-${k}`} aria-invalid={!!problemFor(k)} />
      ) : (
        <input type="text" value={draft[k]} onInput={set(k)} data-testid={`edit-${k}`} aria-invalid={!!problemFor(k)} inputMode={extra.inputMode} />
      )}
      {problemFor(k) && <span class="error">{problemText(problemFor(k)!)}</span>}
    </label>
  );
  const select = (k: 'status' | 'wwtp', values: readonly string[]) => (
    <label class="field" key={k}>
      {t(lang, `field.${k}` as MessageKey)}
      <select value={draft[k]} onChange={set(k)} data-testid={`edit-${k}`}>
        {values.map((v) => (
          <option value={v} key={v}>
            {t(lang, `${k}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
  const cancel = () => store.getState().closeEditor();
  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo footprint steps, except while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
      const k = e.key.toLowerCase();
      const kind = k === 'z' ? (e.shiftKey ? 'redo' : 'undo') : k === 'y' ? 'redo' : null;
      if (!kind) return;
      e.preventDefault();
      store.getState().editorCommand(kind);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <aside
      class="details edit"
      data-testid="edit-panel"
      aria-label={isNew ? t(lang, 'edit.newTitle') : t(lang, 'edit.title', { name: f?.properties.name ?? '' })}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
    >
      <header>
        <h2>{isNew ? t(lang, 'edit.newTitle') : t(lang, 'edit.title', { name: f?.properties.name ?? '' })}</h2>
        <button type="button" onClick={cancel} aria-label={t(lang, 'edit.cancel')}>×</button>
      </header>
      {!isNew && f !== first.current && <p class="geom-warning">{t(lang, 'edit.changedElsewhere')}</p>}
      <FootprintTools planned={planned ?? f?.properties.planned_area_ha ?? null} base={base} />
      {problemFor('geometry') && <p class="error">{problemText(problemFor('geometry')!)}</p>}
      <fieldset class="facet">
        <legend>{t(lang, 'edit.facts')}</legend>
        {input('name')}
        {isNew && (
          <label class="field">
            {t(lang, 'edit.exProvince')}
            <select value={exProvince} onChange={(e) => setExProvince((e.target as HTMLSelectElement).value as ExProvince)} data-testid="edit-ex_province">
              {EX_PROVINCES.map((p) => (
                <option value={p} key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        {select('status', STATUSES)}
        {select('wwtp', WWTP_STATES)}
        {input('planned_area_ha', 'text', { inputMode: 'decimal' })}
        {input('occupancy_pct', 'text', { inputMode: 'decimal' })}
        {input('established_year', 'text', { inputMode: 'numeric' })}
        {TEXT_FIELDS.map((k) => input(k, k === 'decision_date' ? 'date' : 'text'))}
        <label class="field">
          {t(lang, 'field.notes')}
          <textarea rows={3} value={draft.notes} onInput={set('notes')} data-testid="edit-notes" />
        </label>
      </fieldset>
      <fieldset class="facet source">
        <label class="field">
          {t(lang, 'edit.source')}
          <input type="text" value={source} onInput={(e) => setSource((e.target as HTMLInputElement).value)} placeholder={t(lang, 'edit.sourceHint')} data-testid="edit-source" aria-invalid={!!problemFor('source')} required />
          {problemFor('source') && <span class="error">{problemText(problemFor('source')!)}</span>}
        </label>
        <label class="field">
          {t(lang, 'edit.asOf')}
          <input type="date" value={asOf} onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} data-testid="edit-asof" aria-invalid={!!problemFor('as_of')} required />
          {problemFor('as_of') && <span class="error">{problemText(problemFor('as_of')!)}</span>}
        </label>
      </fieldset>
      {problems.filter((p) => !['source', 'as_of', 'geometry', ...Object.keys(draft)].includes(p.field)).map((p) => (
        <p class="error" key={p.key}>{problemText(p)}</p>
      ))}
      <div class="buttons">
        <button type="button" class="primary" data-testid="edit-save" onClick={() => void save()}>
          {t(lang, 'edit.save')}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={cancel}>{t(lang, 'edit.cancel')}</button>
      </div>
    </aside>
  );
}
