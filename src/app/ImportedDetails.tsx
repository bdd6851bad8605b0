import './i18n_survey';
import { t } from './i18n';
import { useStore } from './use_store';

/** A value from a planner's file, shown as text (objects as JSON), never as HTML. */
const asText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The properties of an imported feature the planner clicked, as the file has them. */
export function ImportedDetails() {
  const lang = useStore((s) => s.lang);
  const props = useStore((s) => s.inspected);
  const file = useStore((s) => s.imported?.name ?? '');
  const close = useStore((s) => s.inspect);
  if (!props) return null;
  const entries = Object.entries(props);
  return (
    <aside class="details" data-testid="imported-details" aria-label={t(lang, 'imported.title', { file })}>
      <header>
        <h2>{t(lang, 'imported.title', { file })}</h2>
        <button type="button" onClick={() => close(null)} aria-label={t(lang, 'details.close')}>×</button>
      </header>
      {entries.length ? (
        <dl>
          {entries.map(([k, v]) => (
            <>
              <dt key={`k-${k}`}>{k}</dt>
              <dd key={`v-${k}`}>{asText(v) || <span class="nodata">{t(lang, 'details.noData')}</span>}</dd>
            </>
          ))}
        </dl>
      ) : (
        <p class="hint">{t(lang, 'imported.none')}</p>
      )}
    </aside>
  );
}
