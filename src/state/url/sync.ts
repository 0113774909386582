/**
 * The only module that touches window.location / history: reads the URL once at start-up
 * ({@link readUrl}), applies it once the data is loaded (ids need the data), then writes the
 * state back with a debounced replaceState. Reading and writing both go through the codec.
 */
import { t } from '../../i18n';
import { urlReasonText } from '../../i18n/url-reasons';
import type { Lang } from '../../domain/types';
import type { AppState, AppStore } from '../store';
import { FEATURE_URL_BINDINGS } from './bindings';
import { DEFAULT_URL_STATE } from './types';
import type { Known, Notice, UrlState } from './types';
import { decodeUrl, formatUrlState, resolveUrl } from './codec';
import type { DecodedUrl } from './codec';

/** The page's URL, decoded (syntax only: no data needed). */
export function readUrl(loc: Pick<Location, 'search' | 'hash'> = window.location): DecodedUrl {
  return decodeUrl(loc.search, loc.hash);
}

export function knownFrom(store: AppStore): Known {
  const d = store.getState().derived;
  const geo = store.getState().geo;
  return {
    sectors: new Set(d?.sectorNodes.keys() ?? []),
    parks: new Set(d?.parks.map((p) => p.id) ?? []),
    zones: new Set(d?.zones.map((z) => z.id) ?? []),
    districts: new Set(geo?.districts.ok ? geo.districts.data.features.map((f) => f.properties.name_zh) : []),
  };
}

/** One ignored parameter as the notice lists it: `param=value: reason`, the reason in `lang`. */
export function describeNotice(n: Notice, lang: Lang): string {
  return `${n.param}=${n.value}${lang === 'zh' ? '：' : ': '}${urlReasonText(n.reason, lang)}`;
}

/** Applies a parsed URL to the store; returns the notices (also shown to the user). */
export function applyUrlState(store: AppStore, url: DecodedUrl): Notice[] {
  const { state, notices } = resolveUrl(url, knownFrom(store));
  const s = store.getState();
  s.setLang(state.lang);
  s.setSectors(state.sectors);
  s.setIncludeBroad(state.broad);
  if (state.park) {
    s.selectPark(state.park);
    const at = s.derived?.parkCoords.get(state.park);
    if (at && !state.camera) s.requestCamera(at[0], at[1], 12);
  } else if (state.zone) s.selectZone(state.zone);
  for (const b of FEATURE_URL_BINDINGS) b.apply(state, store);
  if (notices.length)
    s.addNotice(
      t(state.lang, 'urlIgnored'),
      notices.map((n) => describeNotice(n, state.lang)),
    );
  return notices;
}

/** The URL state of the app: the core fields plus every feature's part. */
export function urlStateOf(s: AppState): UrlState {
  const core: UrlState = {
    ...DEFAULT_URL_STATE,
    sectors: s.sectorFilter,
    broad: s.includeBroad,
    park: s.selectedParkId,
    zone: s.selectedZoneId,
    lang: s.lang,
    camera: s.camera,
  };
  return Object.assign(core, ...FEATURE_URL_BINDINGS.map((b) => b.read(s)));
}

export function currentUrlState(store: AppStore): UrlState {
  return urlStateOf(store.getState());
}

/** Starts writing the store to the URL. Returns a stop function. */
export function startUrlSync(store: AppStore, win: Window = window, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const { search, hash } = formatUrlState(currentUrlState(store));
    const next = `${win.location.pathname}${search}${hash}`;
    if (next !== `${win.location.pathname}${win.location.search}${win.location.hash}`) win.history.replaceState(null, '', next);
  };
  // write the cleaned-up URL at once: rejected parameters must not linger in the address bar
  write();
  // any change schedules a write, which formats the URL once the store has been still for
  // `delayMs` and writes it only if it differs: formatting it on every change would cost each
  // click (a filter, say) that time again
  const unsub = store.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    unsub();
    if (timer) clearTimeout(timer);
  };
}
