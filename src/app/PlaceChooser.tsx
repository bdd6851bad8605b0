import { t } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/** Several features under one click: a small list beside it; a pick opens that one. */
export function PlaceChooser() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const choice = useStore((s) => s.choice);
  if (!choice) return null;
  const s = store.getState();
  const pick = (h: (typeof choice.hits)[number]) => {
    s.choose(null);
    if (h.kind === 'cluster') {
      s.select([h.id], 'replace');
      s.setFocus(h.id);
    } else s.openPlace({ kind: h.kind, id: h.id });
  };
  return (
    <div class="chooser" role="dialog" aria-label={t(lang, 'place.chooseTitle', { n: choice.hits.length })} data-testid="place-chooser" style={{ left: `${choice.x + 12}px`, top: `${choice.y + 12}px` }}
      onKeyDown={(e) => e.key === 'Escape' && s.choose(null)}>
      <p>{t(lang, 'place.chooseTitle', { n: choice.hits.length })}</p>
      <ul>
        {choice.hits.map((h, i) => (
          <li key={`${h.kind}:${h.id}`}>
            <button type="button" ref={(el) => { if (i === 0) el?.focus(); }} onClick={() => pick(h)}>
              <small>{t(lang, `place.kind.${h.kind}`)}</small> {h.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="close" aria-label={t(lang, 'details.close')} onClick={() => s.choose(null)}>×</button>
    </div>
  );
}
