import { t } from './i18n';
import { useStore } from './use_store';

/** A row's "fly there" button: the row itself opens without moving the map. The crosshair is drawn, not a font symbol. */
export function FlyButton({ name, onFly }: { name: string; onFly: () => void }) {
  const lang = useStore((s) => s.lang);
  const label = t(lang, 'prox.flyTo', { name });
  return (
    <button type="button" class="fly" aria-label={label} title={label} onClick={(e) => { e.stopPropagation(); onFly(); }}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <circle cx="6" cy="6" r="3.5" fill="none" stroke="currentColor" stroke-width="1.3" />
        <path d="M6 0v3M6 9v3M0 6h3M9 6h3" stroke="currentColor" stroke-width="1.3" />
      </svg>
    </button>
  );
}
