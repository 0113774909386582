import { useEffect, useMemo, useState } from 'react';
import { t } from '../i18n';
import { loadGeoData } from '../loaders/load-geo';
import type { GeoData } from '../loaders/load-geo';
import { loadBriefing } from '../loaders/load-briefing';
import type { Briefing } from '../loaders/briefing-schema';
import { startBriefingChannel, startBriefingKeys } from '../state/briefing-sync';
import { cameraForBounds } from '../state/slices/briefing';
import type { BriefingRole } from '../state/slices/briefing';
import { useAppStore, useStoreApi } from '../state/store';
import { readUrl } from '../state/url/sync';
import { resolveUrl } from '../state/url/codec';
import type { DecodedUrl } from '../state/url/codec';
import type { Camera } from '../domain/types';
import { AudienceView, EmbedView, PresenterView } from '../components/briefing/BriefingViews';
import { leaveBriefing, toggleFullscreen } from '../components/briefing/dom';
import { bootStore } from './boot';
import { MapActionsProvider } from './MapActionsProvider';
import { MapView } from '../map/MapView';
import '../components/briefing/briefing.css';

const NOTHING = { sectors: new Set<string>(), parks: new Set<string>(), zones: new Set<string>(), districts: new Set<string>() };

/**
 * The chapter a URL opens at (its bounds framed for the window give the map's first view; the map
 * frames them again for its own size once it can measure itself): `tour` if it exists, else the first.
 */
export function openingCamera(b: Briefing, url: DecodedUrl, width: number, height: number): Camera {
  const n = resolveUrl(url, NOTHING).state.tour;
  const ch = b.chapters[n !== null && n <= b.chapters.length ? n - 1 : 0]!;
  return cameraForBounds(ch.bounds, width, height);
}

/**
 * Frames the chapter again when the map's room changes: a resized window, and printing (the page
 * is laid out for A4 landscape, so the printed map shows the whole chapter too). A detour is left
 * as it is.
 */
function reframeOnResize(reframe: () => void, win: Window = window): () => void {
  const print = typeof win.matchMedia === 'function' ? win.matchMedia('print') : null;
  win.addEventListener('resize', reframe);
  win.addEventListener('beforeprint', reframe);
  win.addEventListener('afterprint', reframe);
  print?.addEventListener('change', reframe);
  return () => {
    win.removeEventListener('resize', reframe);
    win.removeEventListener('beforeprint', reframe);
    win.removeEventListener('afterprint', reframe);
    print?.removeEventListener('change', reframe);
  };
}

/**
 * The briefing's layouts (audience, presenter, embed): loads the script, then the map data,
 * applies the URL (chapter, language; a chapter sets its own camera), and connects keys and the
 * other window.
 */
export function BriefingRoot({
  role,
  data: preloaded,
  briefing: briefingPromise,
  url: givenUrl,
}: {
  role: BriefingRole;
  data?: Promise<GeoData>;
  briefing?: ReturnType<typeof loadBriefing>;
  url?: DecodedUrl;
}) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const [script, setScript] = useState<{ ok: true; camera: Camera } | { ok: false; error: string } | null>(null);
  const [digits, setDigits] = useState('');
  const base = import.meta.env.BASE_URL;
  const briefingLoad = useMemo(() => briefingPromise ?? loadBriefing(base), [briefingPromise, base]);
  // the chapter decides the camera: the URL's hash is not applied
  const url = useMemo(() => ({ ...(givenUrl ?? readUrl()), camera: null, cameraProblem: null }), [givenUrl]);

  // 1. the script (small): its chapter gives the map its first view
  useEffect(() => {
    let live = true;
    void briefingLoad.then((b) => {
      if (!live) return;
      if (b.ok) {
        store.getState().setBriefing(b.data);
        setScript({ ok: true, camera: openingCamera(b.data, url, window.innerWidth, window.innerHeight) });
      } else setScript({ ok: false, error: b.error });
    });
    return () => {
      live = false;
    };
  }, [briefingLoad, store, url]);

  // 2. the map data, the URL, the keys and the other window
  const ready = script?.ok === true;
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const stops: (() => void)[] = [];
    void (preloaded ?? loadGeoData(base)).then((data) => {
      if (!live) return;
      stops.push(bootStore(store, data, url));
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
      stops.push(reframeOnResize(store.getState().reframeChapter));
    });
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [ready, preloaded, base, store, url]);

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
  const map = <MapView initialCamera={script.camera} />;
  if (role === 'presenter')
    return (
      <MapActionsProvider>
        <PresenterView map={map} digits={digits} />
      </MapActionsProvider>
    );
  if (role === 'embed') return <EmbedView map={map} />;
  return (
    <MapActionsProvider>
      <AudienceView map={map} digits={digits} />
    </MapActionsProvider>
  );
}
