import { t } from '../i18n';
import { useAppStore } from '../state/store';
import { useUpdateReady } from './service-worker';
import './update-prompt.css';

/** “A new version is ready: reload” (the new version never starts under an open page by itself). */
export function UpdatePrompt() {
  const lang = useAppStore((s) => s.lang);
  const reload = useUpdateReady();
  if (!reload) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t(lang, 'updateReady')}</span>
      <button type="button" onClick={reload} data-action="reload-update">
        {t(lang, 'updateReload')}
      </button>
    </div>
  );
}
