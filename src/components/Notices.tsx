import { t } from '../i18n';
import { useAppStore } from '../state/store';

/** User-facing notices (ignored URL values, files that failed): text only, dismissable. */
export function Notices() {
  const lang = useAppStore((s) => s.lang);
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <strong>{n.text}</strong>
          {n.details.length > 0 && (
            <ul>
              {n.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => dismiss(n.id)}>
            {t(lang, 'dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
