import type { Camera, Lang } from '../domain/types';
import type { Confidence } from '../domain/ids';
/**
 * Versioned, pure URL-state codec.
 *
 *   ?sector=ic,biomed&park=<id>&zone=<id>&q=…&district=浦东新区&zones=<id>,<id>&conf=sourced&tour=2&view=presenter&embed=1&lang=en
 *   #zoom/lat/lng            (camera, like MapLibre's hash: `#10.50/31.2304/121.4737`)
 *
 * No window/location access: strings in, strings out. Parsing never throws; anything that
 * is not validated is dropped and reported as a {@link Notice} (whose `value` is the raw
 * text, capped, for the UI to render as text).
 *
 * To add a parameter: add a field to {@link UrlState} and {@link DEFAULT_URL_STATE}, then
 * one `defineParam({...})` entry to {@link PARAM_CODECS} (its position = position in the
 * formatted URL). `format` returns `null` for the default value so defaults are omitted.
 */

export const URL_STATE_VERSION = 1;

export interface Known {
  sectors: ReadonlySet<string>;
  parks: ReadonlySet<string>;
  zones: ReadonlySet<string>;
  districts: ReadonlySet<string>;
}

export type ViewMode = 'presenter' | 'audience';

export interface UrlState {
  sectors: string[];
  park: string | null;
  zone: string | null;
  lang: Lang;
  q: string;
  districts: string[];
  /** the zone filter (parks inside any of these zones); not the selected zone (`zone`) */
  zones: string[];
  conf: Confidence[];
  tour: number | null;
  view: ViewMode | null;
  embed: boolean;
  camera: Camera | null;
}

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  sectors: Object.freeze([]) as unknown as string[],
  park: null,
  zone: null,
  lang: 'zh',
  q: '',
  districts: Object.freeze([]) as unknown as string[],
  zones: Object.freeze([]) as unknown as string[],
  conf: Object.freeze([]) as unknown as Confidence[],
  tour: null,
  view: null,
  embed: false,
  camera: null,
});

export type NoticeCode = 'unknown-param' | 'unknown-value' | 'malformed' | 'unsupported-version' | 'truncated';

/** Shown to the user. `value` is raw (untrusted) text: render it as text only. */
export interface Notice {
  param: string;
  value: string;
  reason: string;
  code: NoticeCode;
}

// ------------------------------------------------------------------ limits & constants

export const MAX_Q_LENGTH = 100;
export const MAX_NOTICE_VALUE_LENGTH = 60;
/** More problems than this are summarised in one final notice. */
export const MAX_NOTICES = 20;
export const MAX_TOUR = 999;
export const CAMERA_LIMITS = {
  zoom: [0, 22],
  lat: [-85, 85],
  lng: [-180, 180],
} as const satisfies Record<keyof Camera, readonly [number, number]>;

const CONFIDENCE_VALUES = ['sourced', 'estimate', 'schematic'] as const satisfies readonly Confidence[];
const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];
const VIEWS = ['presenter', 'audience'] as const satisfies readonly ViewMode[];

const VERSION_PARAM = 'v';
const CAMERA_PARAM = 'camera';

// ------------------------------------------------------------------ string helpers

/** Code-point aware truncation (never splits a surrogate pair). */
function truncateCodePoints(s: string, max: number): { text: string; cut: boolean } {
  const cps = Array.from(s);
  return cps.length <= max ? { text: s, cut: false } : { text: cps.slice(0, max).join(''), cut: true };
}

/** Replace lone surrogates with U+FFFD so encodeURIComponent cannot throw. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;

/** Text for a notice: raw, but capped (and without control characters). */
function noticeText(s: string): string {
  const clean = wellFormed(s).replace(CONTROL_CHARS, '\uFFFD');
  const { text, cut } = truncateCodePoints(clean, MAX_NOTICE_VALUE_LENGTH);
  return cut
    ? `${Array.from(text)
        .slice(0, MAX_NOTICE_VALUE_LENGTH - 1)
        .join('')}…`
    : text;
}

/**
 * Canonical search text: well-formed, control characters → spaces, trimmed, at most
 * {@link MAX_Q_LENGTH} code points. A string is a valid `q` iff it equals its normalisation.
 */
export function normalizeSearchText(raw: string): { text: string; truncated: boolean } {
  const cleaned = wellFormed(raw).replace(CONTROL_CHARS, ' ').trim();
  const { text, cut } = truncateCodePoints(cleaned, MAX_Q_LENGTH);
  return { text: cut ? text.trim() : text, truncated: cut };
}

/** Form-style decode (`+` = space); `null` when the percent-encoding is malformed. */
function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function encodeComponent(s: string): string {
  return encodeURIComponent(wellFormed(s));
}

function roundTo(x: number, decimals: number): number {
  const r = Number(x.toFixed(decimals));
  return r === 0 ? 0 : r; // no -0
}

// ------------------------------------------------------------------ codec table

interface ParseCtx {
  known: Known;
  /** Report a problem with this param; `value` is raw text (capped later). */
  notice(code: NoticeCode, value: string, reason: string): void;
}

interface ParamCodec<K extends keyof UrlState> {
  /** Name in the query string. */
  param: string;
  /** Field of UrlState it fills. */
  key: K;
  /** Decoded, non-empty value → field value, or `undefined` to keep the default (after a notice). */
  parse(value: string, ctx: ParseCtx): UrlState[K] | undefined;
  /** Field value → URL-encoded query value, or `null` to omit it (default or invalid). */
  format(value: UrlState[K]): string | null;
}

/** Type-erased codec so the table can hold codecs of different fields. */
interface AnyParamCodec {
  param: string;
  read(value: string, state: UrlState, ctx: ParseCtx): void;
  write(state: UrlState): string | null;
}

function defineParam<K extends keyof UrlState>(c: ParamCodec<K>): AnyParamCodec {
  return {
    param: c.param,
    read(value, state, ctx) {
      const v = c.parse(value, ctx);
      if (v !== undefined) state[c.key] = v;
    },
    write(state) {
      return c.format(state[c.key]);
    },
  };
}

/** Comma list of items kept only when `accept` says so; duplicates dropped, order kept. */
function listParam<K extends 'sectors' | 'districts' | 'zones' | 'conf'>(
  param: string,
  key: K,
  accept: (item: string, known: Known) => boolean,
  isWellFormed: (item: unknown) => boolean,
): AnyParamCodec {
  return defineParam<K>({
    param,
    key,
    parse(value, ctx) {
      const out: string[] = [];
      for (const part of value.split(',')) {
        const item = part.trim();
        if (item === '' || out.includes(item)) continue;
        if (accept(item, ctx.known)) out.push(item);
        else ctx.notice('unknown-value', item, 'unknown value');
      }
      return out.length > 0 ? (out as UrlState[K]) : undefined;
    },
    format(value) {
      if (!Array.isArray(value)) return null;
      const items: string[] = [];
      for (const item of value as unknown[]) {
        if (typeof item !== 'string' || !isWellFormed(item)) continue;
        if (!items.includes(item)) items.push(item);
      }
      return items.length > 0 ? items.map(encodeComponent).join(',') : null;
    },
  });
}

/** One id kept only when it is in the given known set. */
function idParam<K extends 'park' | 'zone'>(param: string, key: K, set: (known: Known) => ReadonlySet<string>): AnyParamCodec {
  return defineParam<K>({
    param,
    key,
    parse(value, ctx) {
      const id = value.trim();
      if (set(ctx.known).has(id)) return id as UrlState[K];
      ctx.notice('unknown-value', value, 'unknown value');
      return undefined;
    },
    format(value) {
      return typeof value === 'string' && isListItem(value) ? encodeComponent(value) : null;
    },
  });
}

/** One of a fixed set of strings; `defaultValue` is omitted when formatting. */
function enumParam<K extends 'lang' | 'view'>(param: string, key: K, values: readonly string[], defaultValue: UrlState[K]): AnyParamCodec {
  return defineParam<K>({
    param,
    key,
    parse(value, ctx) {
      if (values.includes(value)) return value as UrlState[K];
      ctx.notice('unknown-value', value, 'unknown value');
      return undefined;
    },
    format(value) {
      return typeof value === 'string' && value !== defaultValue && values.includes(value) ? value : null;
    },
  });
}

function isListItem(item: unknown): boolean {
  return typeof item === 'string' && item.trim() === item && item !== '' && !item.includes(',');
}

function isConfidence(item: unknown): item is Confidence {
  return (CONFIDENCE_VALUES as readonly unknown[]).includes(item);
}

function isValidTour(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_TOUR;
}

/** Query parameters, in formatting order. */
const PARAM_CODECS: readonly AnyParamCodec[] = [
  listParam('sector', 'sectors', (id, k) => k.sectors.has(id), isListItem),
  idParam('park', 'park', (k) => k.parks),
  idParam('zone', 'zone', (k) => k.zones),
  defineParam({
    param: 'q',
    key: 'q',
    parse(value, ctx) {
      const { text, truncated } = normalizeSearchText(value);
      if (truncated) ctx.notice('truncated', value, `search text cut to ${MAX_Q_LENGTH} characters`);
      return text;
    },
    format(value) {
      if (typeof value !== 'string') return null;
      const { text } = normalizeSearchText(value);
      return text === '' ? null : encodeComponent(text);
    },
  }),
  listParam('district', 'districts', (name, k) => k.districts.has(name), isListItem),
  listParam('zones', 'zones', (id, k) => k.zones.has(id), isListItem),
  listParam('conf', 'conf', (c) => isConfidence(c), isConfidence),
  defineParam({
    param: 'tour',
    key: 'tour',
    parse(value, ctx) {
      if (!/^\d+$/.test(value)) {
        ctx.notice('malformed', value, 'not a whole number');
        return undefined;
      }
      const n = Number(value);
      if (isValidTour(n)) return n;
      ctx.notice('unknown-value', value, `out of range (1–${MAX_TOUR})`);
      return undefined;
    },
    format(value) {
      return isValidTour(value) ? String(value) : null;
    },
  }),
  enumParam('view', 'view', VIEWS, null),
  defineParam({
    param: 'embed',
    key: 'embed',
    parse(value, ctx) {
      if (value === '1') return true;
      if (value === '0') return false;
      ctx.notice('unknown-value', value, 'expected 1');
      return undefined;
    },
    format(value) {
      return value === true ? '1' : null;
    },
  }),
  enumParam('lang', 'lang', LANGS, 'zh'),
];

const CODEC_BY_PARAM: ReadonlyMap<string, AnyParamCodec> = new Map(PARAM_CODECS.map((c) => [c.param, c]));

/** Names of all query parameters this codec understands (including `v`). */
export const URL_PARAMS: readonly string[] = [VERSION_PARAM, ...PARAM_CODECS.map((c) => c.param)];

// ------------------------------------------------------------------ camera (hash)

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function parseCamera(hash: string, notice: (code: NoticeCode, value: string, reason: string) => void): Camera | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.trim() === '') return null;
  const parts = raw.split('/');
  if (parts.length !== 3) {
    notice('malformed', raw, parts.length > 3 ? 'too many parts (expected zoom/lat/lng)' : 'expected zoom/lat/lng');
    return null;
  }
  const nums = parts.map((p) => (NUMBER_RE.test(p) ? Number(p) : NaN));
  if (!nums.every(Number.isFinite)) {
    notice('malformed', raw, 'not a number (expected zoom/lat/lng)');
    return null;
  }
  const [zoom, lat, lng] = nums as [number, number, number];
  const camera: Camera = { zoom: roundTo(zoom, 2), lat: roundTo(lat, 4), lng: roundTo(lng, 4) };
  if (!isValidCamera(camera)) {
    notice('unknown-value', raw, 'camera out of range');
    return null;
  }
  return camera;
}

function isValidCamera(c: unknown): c is Camera {
  if (typeof c !== 'object' || c === null) return false;
  const cam = c as Record<string, unknown>;
  return (Object.keys(CAMERA_LIMITS) as (keyof Camera)[]).every((k) => {
    const v = cam[k];
    const [lo, hi] = CAMERA_LIMITS[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
  });
}

function formatCamera(c: Camera | null): string {
  if (!isValidCamera(c)) return '';
  const zoom = roundTo(c.zoom, 2);
  const lat = roundTo(c.lat, 4);
  const lng = roundTo(c.lng, 4);
  if (!isValidCamera({ zoom, lat, lng })) return '';
  return `#${zoom.toFixed(2)}/${lat.toFixed(4)}/${lng.toFixed(4)}`;
}

// ------------------------------------------------------------------ public API

function freshDefaultState(): UrlState {
  return { ...DEFAULT_URL_STATE, sectors: [], districts: [], zones: [], conf: [] };
}

export function parseUrlState(search: string, hash: string, known: Known): { state: UrlState; notices: Notice[] } {
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

  const query = typeof search === 'string' ? (search.startsWith('?') ? search.slice(1) : search) : '';
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = decodeComponent(rawName);
    if (name === null) {
      push(rawName, 'malformed', pair, 'invalid percent-encoding');
      continue;
    }
    if (name === '' && rawValue === '') continue;

    const codec = CODEC_BY_PARAM.get(name);
    if (name !== VERSION_PARAM && codec === undefined) {
      push(name, 'unknown-param', decodeComponent(rawValue) ?? rawValue, 'unknown parameter');
      continue;
    }
    const value = decodeComponent(rawValue);
    if (value === null) {
      push(name, 'malformed', rawValue, 'invalid percent-encoding');
      continue;
    }
    if (value.trim() === '') continue; // empty values are ignored silently
    if (seen.has(name)) {
      push(name, 'malformed', value, 'repeated parameter; first one used');
      continue;
    }
    seen.add(name);

    if (codec === undefined) {
      // `v`: anything but the current version is read as v1, best effort.
      if (value !== String(URL_STATE_VERSION)) {
        push(name, 'unsupported-version', value, `unsupported version; read as version ${URL_STATE_VERSION}`);
      }
      continue;
    }
    codec.read(value, state, {
      known,
      notice: (code, v, reason) => push(name, code, v, reason),
    });
  }

  state.camera = parseCamera(typeof hash === 'string' ? hash : '', (code, v, reason) => push(CAMERA_PARAM, code, v, reason));

  if (dropped > 0) {
    notices.push({ param: '', value: '', reason: `${dropped} more problem(s) not shown`, code: 'truncated' });
  }
  return { state, notices };
}

export function formatUrlState(state: UrlState): { search: string; hash: string } {
  const parts: string[] = [];
  for (const codec of PARAM_CODECS) {
    const value = codec.write(state);
    if (value !== null && value !== '') parts.push(`${codec.param}=${value}`);
  }
  return { search: parts.length > 0 ? `?${parts.join('&')}` : '', hash: formatCamera(state.camera) };
}
