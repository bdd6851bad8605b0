import { noticeText, t } from './i18n';
import { useStore } from './use_store';

/** One-time notices (e.g. the online basemap failed); each can be dismissed. */
export function Notices() {
  const lang = useStore((s) => s.lang);
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <div class="notices" role="status" data-testid="notices">
      {notices.map((n, i) => (
        <div class={n.key.startsWith('import:') ? 'notice problem' : 'notice'} role={n.key.startsWith('import:') ? 'alert' : undefined} key={n.key + i}>
          <span>{noticeText(lang, n.key, n.params)}</span>
          <button type="button" aria-label={t(lang, 'notice.dismiss')} onClick={() => dismiss(i)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
