import { useEffect, useReducer } from 'preact/hooks';
import type { Notice } from '../store/types';
import { messagesFor, noticeText, t } from './i18n';
import { useStore } from './use_store';

const INFO_MS = 12_000;

const PROBLEMS = new Set(['notice.mapError', 'notice.basemapFailed', 'edit.quota', 'edit.saveFailed', 'edit.corrupt', 'edit.noStorage']);

/** Import failures, map errors and storage problems need the planner's attention; the rest is information. */
function isProblem(n: Notice): boolean {
  return (
    n.key.startsWith('import:') ||
    n.key.startsWith('changes:') ||
    n.key.startsWith('survey:') ||
    PROBLEMS.has(n.key)
  );
}

/** One-time notices (e.g. the online basemap failed); each can be dismissed. */
export function Notices() {
  const lang = useStore((s) => s.lang);
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // A notice whose messages load on first use is shown once they are there.
  useEffect(() => {
    void Promise.all(notices.map((n) => messagesFor(n.key))).then(rerender);
  }, [notices]);
  // Information fades after a while; problems stay until the planner closes them.
  useEffect(() => {
    const timers = notices.filter((n) => !isProblem(n)).map((n) => setTimeout(() => dismiss(n), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  if (!notices.length) return null;
  return (
    <div class="notices" role="status" data-testid="notices">
      {notices.map((n, i) => (
        <div class={isProblem(n) ? 'notice problem' : 'notice'} role={isProblem(n) ? 'alert' : undefined} key={n.key + i}>
          <span>{noticeText(lang, n.key, n.params)}</span>
          <button type="button" aria-label={t(lang, 'notice.dismiss')} onClick={() => dismiss(n)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
