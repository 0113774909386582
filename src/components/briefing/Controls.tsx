import { useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import { isDetour } from '../../state/slices/briefing';
import { useAppStore } from '../../state/store';
import { toggleFullscreen } from './dom';

/** Previous / next / back-to-chapter / full screen: what a clicker's keys also do. */
export function Controls({ fullscreen = true }: { fullscreen?: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const index = useAppStore((s) => s.briefingIndex);
  const total = useAppStore((s) => s.briefing?.chapters.length ?? 0);
  const detour = useAppStore(isDetour);
  const prev = useAppStore((s) => s.prevChapter);
  const next = useAppStore((s) => s.nextChapter);
  const resume = useAppStore((s) => s.resumeChapter);
  return (
    <div className="briefing-controls">
      <button type="button" onClick={prev} disabled={index === 0} aria-label={t(lang, 'briefingPrev')} data-action="prev">
        ←
      </button>
      <button type="button" onClick={next} disabled={index >= total - 1} aria-label={t(lang, 'briefingNext')} data-action="next">
        →
      </button>
      <button type="button" onClick={resume} className={detour ? 'resume on' : 'resume'} data-action="resume" disabled={!detour}>
        {t(lang, 'briefingResume')}
      </button>
      {fullscreen && (
        <button type="button" onClick={() => toggleFullscreen()} data-action="fullscreen">
          {t(lang, 'briefingFullscreen')}
        </button>
      )}
    </div>
  );
}

const onFullscreenChange = (fn: () => void) => {
  document.addEventListener('fullscreenchange', fn);
  return () => document.removeEventListener('fullscreenchange', fn);
};

/** Whether this window is full screen now. */
function useFullscreen(): boolean {
  return useSyncExternalStore(
    onFullscreenChange,
    () => Boolean(document.fullscreenElement),
    () => false,
  );
}

/** The room's window while a presenter leads it: only a way to full screen, gone once it is. */
export function FullscreenOnly() {
  const lang = useAppStore((s) => s.lang);
  const on = useFullscreen();
  if (on) return null;
  return (
    <div className="briefing-controls">
      <button type="button" onClick={() => toggleFullscreen()} data-action="fullscreen">
        {t(lang, 'briefingFullscreenKey')}
      </button>
    </div>
  );
}

/** Says the view has left the chapter (and how to get back), so the presenter never loses the thread. */
export function DetourBadge() {
  const lang = useAppStore((s) => s.lang);
  const detour = useAppStore(isDetour);
  if (!detour) return null;
  return (
    <p className="briefing-detour" role="status" data-testid="briefing-detour">
      {t(lang, 'briefingDetour')}
    </p>
  );
}
