import { useEffect } from 'preact/hooks';
import { selectFilteredIds } from '../store/selectors';
import type { Tool } from '../store/types';
import { t } from './i18n';
import { ImportControl } from './ImportControl';
import { useAppStoreApi, useProximity, useStore } from './use_store';

/** Selection tools over the map: draw polygon / circle, select all filtered; Esc clears. */
export function MapTools() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const tool = useStore((s) => s.tool);
  const proximity = useProximity();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const s = store.getState();
      if (s.tool !== 'pan') s.setTool('pan');
      else {
        s.clearSelection();
        s.setFocus(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const btn = (id: Tool, label: string) => (
    <button type="button" aria-pressed={tool === id} class={tool === id ? 'on' : ''} data-testid={`tool-${id}`}
      onClick={() => store.getState().setTool(tool === id ? 'pan' : id)}>
      {label}
    </button>
  );
  return (
    <div class="map-tools" role="toolbar" aria-label={t(lang, 'tools.title')}>
     <div class="buttons">
      {btn('polygon', t(lang, 'tools.polygon'))}
      {btn('circle', t(lang, 'tools.circle'))}
      <button type="button" data-testid="select-filtered" onClick={() => {
        const s = store.getState();
        s.select(selectFilteredIds(s), 'replace');
      }}>
        {t(lang, 'tools.selectFiltered')}
      </button>
      <ImportControl proximity={proximity} />
     </div>
      <span class="hint">{tool === 'pan' ? t(lang, 'tools.hint') : t(lang, 'tools.drawHint')}</span>
    </div>
  );
}
