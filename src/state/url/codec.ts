/**
 * Versioned, pure URL-state codec.
 *
 *   ?sector=ic,biomed&park=<id>&zone=<id>&q=…&district=浦东新区&zones=<id>,<id>&conf=sourced&basis=list&tour=2&view=presenter&embed=1&lang=en
 *   #zoom/lat/lng            (camera, like MapLibre's hash: `#10.50/31.2304/121.4737`)
 *
 * No window/location access: strings in, strings out. Reading has two steps, so the app reads
 * its URL once, at start-up, before any data has loaded:
 * - {@link decodeUrl}: syntax only (percent-decoding, repeats, unknown names, version, camera);
 *   enough to choose the layout ({@link layoutOf}) and the first camera.
 * - {@link resolveUrl}: once the data is in, each value is checked against it (ids must exist).
 * Neither throws; anything dropped is reported as a {@link Notice} (whose `value` is the raw
 * text, capped, for the UI to render as text), in the order the URL has them.
 *
 * To add a parameter: a field in {@link UrlState} and {@link DEFAULT_URL_STATE} (types.ts), then
 * one entry in PARAM_CODECS (params.ts), then the store's side in a binding (bindings/).
 */
import type { Camera } from '../../domain/types';
import { CAMERA_PARAM, DEFAULT_URL_STATE, MAX_NOTICES, URL_STATE_VERSION, VERSION_PARAM } from './types';
import type { Known, Notice, NoticeCode, UrlState } from './types';
import { decodeComponent, noticeText } from './text';
import { formatCamera, parseCamera } from './camera';
import { CODEC_BY_PARAM, PARAM_CODECS } from './params';

type Problem = { param: string; code: NoticeCode; value: string; reason: string };

/** A URL after its syntax has been read: parameters (or problems) in URL order, and the camera. */
export interface DecodedUrl {
  readonly entries: readonly ({ kind: 'param'; param: string; value: string } | ({ kind: 'problem' } & Problem))[];
  readonly camera: Camera | null;
  readonly cameraProblem: Problem | null;
}

export function decodeUrl(search: string, hash: string): DecodedUrl {
  const entries: DecodedUrl['entries'][number][] = [];
  const problem = (param: string, code: NoticeCode, value: string, reason: string) => entries.push({ kind: 'problem', param, code, value, reason });
  const query = typeof search === 'string' ? (search.startsWith('?') ? search.slice(1) : search) : '';
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = decodeComponent(rawName);
    if (name === null) {
      problem(rawName, 'malformed', pair, 'invalid percent-encoding');
      continue;
    }
    if (name === '' && rawValue === '') continue;
    if (name !== VERSION_PARAM && !CODEC_BY_PARAM.has(name)) {
      problem(name, 'unknown-param', decodeComponent(rawValue) ?? rawValue, 'unknown parameter');
      continue;
    }
    const value = decodeComponent(rawValue);
    if (value === null) {
      problem(name, 'malformed', rawValue, 'invalid percent-encoding');
      continue;
    }
    if (value.trim() === '') continue; // empty values are ignored silently
    if (seen.has(name)) {
      problem(name, 'malformed', value, 'repeated parameter; first one used');
      continue;
    }
    seen.add(name);
    if (name === VERSION_PARAM) {
      // anything but the current version is read as v1, best effort
      if (value !== String(URL_STATE_VERSION)) problem(name, 'unsupported-version', value, `unsupported version; read as version ${URL_STATE_VERSION}`);
      continue;
    }
    entries.push({ kind: 'param', param: name, value });
  }
  let cameraProblem: Problem | null = null;
  const camera = parseCamera(typeof hash === 'string' ? hash : '', (code, value, reason) => (cameraProblem = { param: CAMERA_PARAM, code, value, reason }));
  return { entries, camera, cameraProblem };
}

export type Layout = 'app' | 'audience' | 'presenter' | 'embed';

/** Which layout a URL asks for (no data needed): `embed=1`, `view=presenter`, `view=audience` or any `tour`, else the app. */
export function layoutOf(url: DecodedUrl): Layout {
  const value = (p: string) => url.entries.find((e) => e.kind === 'param' && e.param === p)?.value;
  if (value('embed') === '1') return 'embed';
  if (value('view') === 'presenter') return 'presenter';
  if (value('view') === 'audience' || value('tour') !== undefined) return 'audience';
  return 'app';
}

function freshDefaultState(): UrlState {
  return { ...DEFAULT_URL_STATE, sectors: [], districts: [], zones: [], conf: [], basis: [], compare: [], off: [] };
}

/** Checks a decoded URL's values against the loaded data. */
export function resolveUrl(url: DecodedUrl, known: Known): { state: UrlState; notices: Notice[] } {
  const state = freshDefaultState();
  const notices: Notice[] = [];
  let dropped = 0;
  const push = (param: string, code: NoticeCode, value: string, reason: string): void => {
    if (notices.length >= MAX_NOTICES) {
      dropped++;
      return;
    }
    notices.push({ param: noticeText(param), value: noticeText(value), reason, code });
  };
  for (const e of url.entries) {
    if (e.kind === 'problem') push(e.param, e.code, e.value, e.reason);
    else CODEC_BY_PARAM.get(e.param)!.read(e.value, state, { known, notice: (code, v, reason) => push(e.param, code, v, reason) });
  }
  state.camera = url.camera;
  if (url.cameraProblem) push(url.cameraProblem.param, url.cameraProblem.code, url.cameraProblem.value, url.cameraProblem.reason);
  if (dropped > 0) notices.push({ param: '', value: '', reason: `${dropped} more problem(s) not shown`, code: 'truncated' });
  return { state, notices };
}

/** decodeUrl then resolveUrl. */
export function parseUrlState(search: string, hash: string, known: Known): { state: UrlState; notices: Notice[] } {
  return resolveUrl(decodeUrl(search, hash), known);
}

export function formatUrlState(state: UrlState): { search: string; hash: string } {
  const parts: string[] = [];
  for (const codec of PARAM_CODECS) {
    const value = codec.write(state);
    if (value !== null && value !== '') parts.push(`${codec.param}=${value}`);
  }
  return { search: parts.length > 0 ? `?${parts.join('&')}` : '', hash: formatCamera(state.camera) };
}
