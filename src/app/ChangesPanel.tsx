import './i18n_edit';
import { useMemo, useRef, useState } from 'preact/hooks';
import { activeChanges } from '../geo/edit/apply_journal';
import { newRecordId, type Change } from '../geo/edit/change';
import type { MergeConflict, MergePlan } from '../geo/edit/merge_changes';
import { formatNumber, type Lang } from '../geo/format';
import { selectClusterById } from '../store/selectors';
import type { AppStore } from '../store/store';
import type { JournalService } from '../store/journal_service';
import { fieldLabel, valueText } from './change_text';
import { t, type MessageKey } from './i18n';
import { exportChanges } from './export_changes';
import { useAppStoreApi, useJournal, useStore } from './use_store';

const localTime = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

/** Reads a colleague's changes file; a file that fails is refused whole, with a coded message. */
async function readChanges(store: AppStore, file: File): Promise<{ plan: MergePlan; file: string } | null> {
  const s = store.getState();
  if (!s.baseClusters) return null;
  const [{ parseChangesFile }, { planMerge }] = await Promise.all([import('../geo/edit/changes_file'), import('../geo/edit/merge_changes')]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const known = new Set(s.clusters?.features.map((f) => f.properties.id) ?? []);
  const r = parseChangesFile(bytes, file.name, known);
  if (!r.ok) {
    s.notify({ key: `changes:${r.issue.code}`, params: { ...r.issue.params, file: file.name } });
    return null;
  }
  return { plan: planMerge(s.baseClusters, s.journal, r.changes), file: file.name };
}

async function applyPlan(store: AppStore, journal: JournalService, plan: MergePlan, choices: ('mine' | 'theirs')[], file: string) {
  const { resolveMerge } = await import('../geo/edit/merge_changes');
  const changes = resolveMerge(plan, (_c, i) => choices[i] ?? 'mine');
  const s = store.getState();
  if (changes.length) await journal.commit(changes);
  s.notify(changes.length ? { key: 'changes.imported', params: { n: changes.length, file, same: plan.same.length } } : { key: 'changes.nothingNew', params: { file } });
}

/** Both values of each conflict, and the planner's choice: nothing is overwritten without one. */
function ConflictDialog({ plan, file, onDone }: { plan: MergePlan; file: string; onDone: () => void }) {
  const store = useAppStoreApi();
  const journal = useJournal();
  const lang = useStore((s) => s.lang);
  const byId = useStore(selectClusterById);
  const [choices, setChoices] = useState<('mine' | 'theirs')[]>(() => plan.conflicts.map(() => 'mine'));
  const name = (c: MergeConflict) => byId.get(c.target)?.properties.name ?? c.target;
  return (
    <div class="conflicts" role="dialog" aria-label={t(lang, 'changes.conflicts', { n: plan.conflicts.length })} data-testid="conflicts">
      <h3>{t(lang, 'changes.conflicts', { n: plan.conflicts.length })}</h3>
      <ol>
        {plan.conflicts.map((c, i) => (
          <li key={c.incoming.id}>
            <strong>{name(c)}</strong> · {fieldLabel(lang, c.field)}
            {(['mine', 'theirs'] as const).map((side) => (
              <label class="inline" key={side}>
                <input type="radio" name={`conflict-${i}`} value={side} checked={choices[i] === side} onChange={() => setChoices(choices.map((x, j) => (j === i ? side : x)))} />
                {t(lang, side === 'mine' ? 'changes.mine' : 'changes.theirs', { v: valueText(lang, c.field, side === 'mine' ? c.mine : c.theirs) })}
              </label>
            ))}
          </li>
        ))}
      </ol>
      <div class="buttons">
        <button type="button" class="primary" data-testid="conflicts-apply" onClick={() => void applyPlan(store, journal, plan, choices, file).then(onDone)}>
          {t(lang, 'changes.applyImport')}
        </button>
        <button type="button" onClick={onDone}>{t(lang, 'changes.cancelImport')}</button>
      </div>
    </div>
  );
}

function ChangeRow({ c, on }: { c: Change; on: boolean }) {
  const store = useAppStoreApi();
  const journal = useJournal();
  const lang = useStore((s) => s.lang);
  const name = useStore((s) => selectClusterById(s).get(c.target)?.properties.name ?? (c.field === 'feature' ? valueText(lang, 'feature', c.to) : c.target));
  const toggle = () => void journal.commit([{ kind: 'revert', id: newRecordId(), reverts: c.id, at: new Date().toISOString() }]);
  const open = () => {
    const s = store.getState();
    if (!selectClusterById(s).has(c.target)) return;
    s.setFocus(c.target);
    s.flyTo(c.target);
  };
  return (
    <li class={on ? 'change' : 'change reverted'} data-testid="change-row" data-field={c.field}>
      <div class="what">
        <button type="button" class="link" onClick={open}>{name}</button> · {fieldLabel(lang, c.field)}
        {!on && <em> ({t(lang, 'changes.reverted')})</em>}
      </div>
      <div class="values">
        {c.field === 'feature' ? t(lang, 'changes.newCluster') : `${valueText(lang, c.field, c.from)} → ${valueText(lang, c.field, c.to)}`}
      </div>
      <div class="hint">{t(lang, 'changes.by', { source: c.source, asOf: c.as_of, at: localTime(c.at, lang) })}</div>
      <button type="button" data-testid={on ? 'change-revert' : 'change-reapply'} onClick={toggle}>
        {t(lang, on ? 'changes.revert' : 'changes.reapply')}
      </button>
    </li>
  );
}

/** Every change made here or imported: what, old → new, source, when; each one reverted on its own. */
export function ChangesPanel() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const journal = useStore((s) => s.journal);
  const state = useStore((s) => s.journalState);
  const problems = useStore((s) => s.applyProblems);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ plan: MergePlan; file: string } | null>(null);
  const journalService = useJournal();
  const { changes, active } = useMemo(() => {
    const act = new Set(activeChanges(journal).map((c) => c.id));
    return { changes: journal.filter((r): r is Change => r.kind === 'change').reverse(), active: act };
  }, [journal]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await readChanges(store, file);
    if (!r) return;
    if (r.plan.conflicts.length) setPending(r);
    else await applyPlan(store, journalService, r.plan, [], r.file);
  };
  return (
    <div class="panel changes" data-testid="changes-panel">
      <h2>{t(lang, 'changes.title')}</h2>
      <p data-testid="changes-count">
        {t(lang, 'changes.count', { n: formatNumber(active.size, lang) })} · {t(lang, state === 'memory' ? 'changes.memory' : 'changes.stored')}
      </p>
      <div class="buttons">
        <button type="button" data-testid="changes-add" onClick={() => store.getState().openEditor(null)}>{t(lang, 'changes.add')}</button>
        <button type="button" data-testid="changes-export" disabled={!active.size} onClick={() => void exportChanges(store)}>{t(lang, 'changes.export')}</button>
        <button type="button" data-testid="changes-import" onClick={() => fileInput.current?.click()}>{t(lang, 'changes.import')}</button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,.json"
          hidden
          data-testid="changes-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void onFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {pending && <ConflictDialog plan={pending.plan} file={pending.file} onDone={() => setPending(null)} />}
      {problems.map((p) => (
        <p class="error" key={p.change.id}>{t(lang, `changes.problem.${p.reason}` as MessageKey, { id: p.change.target })}</p>
      ))}
      {changes.length ? (
        <ol class="change-list" data-testid="change-list">
          {changes.map((c) => (
            <ChangeRow c={c} on={active.has(c.id)} key={c.id} />
          ))}
        </ol>
      ) : (
        <p class="hint">{t(lang, 'changes.none')}</p>
      )}
    </div>
  );
}
