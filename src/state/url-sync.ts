/**
 * The only module that touches window.location / history. Reads the URL once the data is
 * loaded (ids need the data), then writes the state back with a debounced replaceState.
 */
import { t } from '../i18n';
import type { AppState, AppStore } from './store';
import { FEATURE_URL_BINDINGS } from './url-bindings';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from './url-state';
import type { Known, Notice, UrlState } from './url-state';
import type { Camera } from '../domain/types';

const EMPTY: Known = { sectors: new Set(), parks: new Set(), zones: new Set(), districts: new Set() };

/** The camera in the hash, readable before any data has loaded. */
export function initialCameraFromUrl(loc: Pick<Location, 'hash'> = window.location): Camera | null {
  return parseUrlState('', loc.hash, EMPTY).state.camera;
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

export function describeNotice(n: Notice): string {
  return `${n.param}=${n.value}: ${n.reason}`;
}

/** Applies a parsed URL to the store; returns the notices (also shown to the user). */
export function applyUrlState(store: AppStore, search: string, hash: string): Notice[] {
  const { state, notices } = parseUrlState(search, hash, knownFrom(store));
  const s = store.getState();
  s.setLang(state.lang);
  s.setSectors(state.sectors);
  if (state.park) {
    s.selectPark(state.park);
    const at = s.derived?.parkCoords.get(state.park);
    if (at && !state.camera) s.requestCamera(at[0], at[1], 12);
  } else if (state.zone) s.selectZone(state.zone);
  for (const b of FEATURE_URL_BINDINGS) b.apply(state, store);
  if (notices.length) s.addNotice(t(state.lang, 'urlIgnored'), notices.map(describeNotice));
  return notices;
}

/** The URL state of the app: the core fields plus every feature's part. */
export function urlStateOf(s: AppState): UrlState {
  const core: UrlState = { ...DEFAULT_URL_STATE, sectors: s.sectors, park: s.park, zone: s.zone, lang: s.lang, camera: s.camera };
  return Object.assign(core, ...FEATURE_URL_BINDINGS.map((b) => b.read(s)));
}

export function currentUrlState(store: AppStore): UrlState {
  return urlStateOf(store.getState());
}

const urlText = (s: AppState) => {
  const { search, hash } = formatUrlState(urlStateOf(s));
  return search + hash;
};

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
  const unsub = store.subscribe(urlText, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    unsub();
    if (timer) clearTimeout(timer);
  };
}
