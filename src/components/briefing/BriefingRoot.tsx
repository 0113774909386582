import { useEffect, useMemo, useState } from 'react';
import { t } from '../../i18n';
import { loadGeoData } from '../../loaders/load-geo';
import type { GeoData } from '../../loaders/load-geo';
import { loadBriefing } from '../../loaders/load-briefing';
import type { Briefing } from '../../loaders/briefing-schema';
import { startBriefingChannel, startBriefingKeys } from '../../state/briefing-sync';
import type { BriefingRole } from '../../state/slices/briefing';
import { useAppStore, useStoreApi } from '../../state/store';
import { applyUrlState, startUrlSync } from '../../state/url-sync';
import { parseUrlState } from '../../state/url-state';
import { failedFiles } from '../../app/App';
import { AudienceView, EmbedView, PresenterView } from './BriefingViews';
import { leaveBriefing, toggleFullscreen } from './dom';
import './briefing.css';
import type { Camera } from '../../domain/types';

const NOTHING = { sectors: new Set<string>(), parks: new Set<string>(), zones: new Set<string>(), districts: new Set<string>() };

/** The chapter a URL opens at (its camera is the map's first view): `tour` if it exists, else the first. */
export function openingCamera(b: Briefing, search: string): Camera {
  const n = parseUrlState(search, '', NOTHING).state.tour;
  const ch = b.chapters[n !== null && n <= b.chapters.length ? n - 1 : 0]!;
  return { ...ch.camera };
}

/**
 * The briefing's layouts (audience, presenter, embed): loads the script, then the map data,
 * reads the URL (chapter, language), and connects keys and the other window.
 */
export function BriefingRoot({
  role,
  data: preloaded,
  briefing: briefingPromise,
}: {
  role: BriefingRole;
  data?: Promise<GeoData>;
  briefing?: ReturnType<typeof loadBriefing>;
}) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const [script, setScript] = useState<{ ok: true; camera: Camera } | { ok: false; error: string } | null>(null);
  const [digits, setDigits] = useState('');
  const base = import.meta.env.BASE_URL;
  const briefingLoad = useMemo(() => briefingPromise ?? loadBriefing(base), [briefingPromise, base]);

  // 1. the script (small): its chapter gives the map its first view
  useEffect(() => {
    let live = true;
    void briefingLoad.then((b) => {
      if (!live) return;
      if (b.ok) {
        store.getState().setBriefing(b.data);
        setScript({ ok: true, camera: openingCamera(b.data, window.location.search) });
      } else setScript({ ok: false, error: b.error });
    });
    return () => {
      live = false;
    };
  }, [briefingLoad, store]);

  // 2. the map data, the URL, the keys and the other window
  const ready = script?.ok === true;
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const stops: (() => void)[] = [];
    void (preloaded ?? loadGeoData(base)).then((data) => {
      if (!live) return;
      const s = store.getState();
      s.setGeo(data);
      applyUrlState(store, window.location.search, '');
      const failed = failedFiles(data);
      if (failed.length) s.addNotice(t(store.getState().lang, 'loadFailed'), failed);
      stops.push(startUrlSync(store));
      stops.push(startBriefingChannel(store));
      stops.push(
        startBriefingKeys(store, window, {
          leave: () => {
            if (store.getState().briefingRole !== 'embed') leaveBriefing(store.getState().lang);
          },
          fullscreen: () => toggleFullscreen(),
          onBuffer: setDigits,
        }),
      );
    });
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [ready, preloaded, base, store]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'briefing')} · ${t(lang, 'title')}`;
  }, [lang]);

  if (!script)
    return (
      <p className="briefing-status" role="status">
        {t(lang, 'briefingLoading')}
      </p>
    );
  if (!script.ok)
    return (
      <div className="briefing-status" role="alert">
        <p>{t(lang, 'briefingLoadFailed')}</p>
        <p>{script.error}</p>
      </div>
    );
  if (role === 'presenter') return <PresenterView initialCamera={script.camera} digits={digits} />;
  if (role === 'embed') return <EmbedView initialCamera={script.camera} />;
  return <AudienceView initialCamera={script.camera} digits={digits} />;
}
