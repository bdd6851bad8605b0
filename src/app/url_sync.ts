import { decodeHash, encodeHash } from '../geo/url_state';
import type { AppStore } from '../store/store';
import type { Store } from '../store/types';

/** The hash of what a link restores: view, filters, selection, open feature, panel, language and the proximity question. */
function stateHash(s: Store): string {
  return encodeHash({
    view: s.camera ?? undefined,
    filter: s.filter,
    selection: s.selection.type === 'clusters' ? s.selection.ids : [],
    focus: s.focusId,
    panel: s.panel === 'filters' ? null : s.panel,
    lang: s.lang,
    ...(s.panel === 'proximity' ? { prox: s.prox } : {}),
  });
}

/** The link to the state as it is now (not waiting for the address bar to catch up). */
export function shareLink(s: Store, win: Window = window): string {
  const hash = stateHash(s);
  return `${win.location.origin}${win.location.pathname}${win.location.search}${hash ? `#${hash}` : ''}`;
}

/**
 * Keeps the address bar's hash in step with the view, filters, selection, open panel
 * and language, so a copied link reopens the same state. Reads the hash once the data
 * has loaded (to check cluster ids); parts that are invalid or stale are dropped with
 * a notice, never a crash.
 *
 * @returns unsubscribe
 */
export function syncUrl(store: AppStore, win: Window = window): () => void {
  let applied = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = (s: Store) => {
    applied = true;
    if (!win.location.hash || win.location.hash === '#') return;
    const ids = (fs: readonly { properties: { id: string } }[] | undefined) => new Set(fs?.map((f) => f.properties.id) ?? []);
    const { state, ignored } = decodeHash(win.location.hash, { clusterIds: ids(s.clusters?.features), zoneIds: ids(s.zones?.features), villageIds: ids(s.villages?.features) });
    if (state.lang) s.setLang(state.lang);
    if (state.filter) s.setFilter(state.filter);
    if (state.selection?.length) s.select(state.selection, 'replace');
    if (state.focus !== undefined) s.setFocus(state.focus);
    if (state.prox) s.setProx(state.prox);
    if (state.panel) s.setPanel(state.panel);
    if (state.view) s.jumpTo(state.view);
    if (ignored.length) s.notify({ key: 'url.ignored', params: { parts: ignored.join(', ') } });
  };
  const write = (s: Store) => {
    const hash = stateHash(s);
    const next = hash ? `#${hash.replace(/^#/, '')}` : '';
    if (next !== win.location.hash) win.history.replaceState(null, '', next || win.location.pathname + win.location.search);
  };
  return store.subscribe((s, p) => {
    if (!applied) {
      if (s.dataStatus === 'ready' || s.dataStatus === 'error') apply(s);
      return;
    }
    if (s.camera !== p.camera || s.filter !== p.filter || s.selection !== p.selection || s.focusId !== p.focusId || s.panel !== p.panel || s.lang !== p.lang || s.prox !== p.prox) {
      clearTimeout(timer);
      timer = setTimeout(() => write(store.getState()), 250);
    }
  });
}
