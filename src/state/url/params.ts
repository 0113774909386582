/**
 * The query parameters, one codec each: how a value is read (validated against the loaded data
 * where it names ids) and written. A parameter's position in PARAM_CODECS is its position in a
 * formatted URL; `format` returns null for the default value, so defaults are left out.
 */
import type { Confidence } from '../../domain/ids';
import { BASES } from '../../domain/ids';
import type { Basis } from '../../domain/ids';
import { CONFIDENCES, LAYER_GROUP_IDS } from '../../domain/ids';
import { MAX_COMPARE, MAX_RADIUS_KM } from '../slices/find';
import { decodeArea, encodeArea, MAX_AREA_CHARS } from './area-code';
import { LANGS, MAX_Q_LENGTH, MAX_TOUR, STATS_TABS, VIEWS } from './types';
import type { Known, NoticeCode, UrlState } from './types';
import { encodeComponent, normalizeSearchText } from './text';

export interface ParseCtx {
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
export interface AnyParamCodec {
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
function listParam<K extends 'sectors' | 'districts' | 'zones' | 'conf' | 'basis' | 'compare' | 'off'>(
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
function enumParam<K extends 'lang' | 'view' | 'sort' | 'tab'>(param: string, key: K, values: readonly string[], defaultValue: UrlState[K]): AnyParamCodec {
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

/** A switch: `1` on (written only when on), `0` off. */
function flagParam<K extends 'broad' | 'embed'>(param: string, key: K): AnyParamCodec {
  return defineParam<K>({
    param,
    key,
    parse(value, ctx) {
      if (value === '1') return true as UrlState[K];
      if (value === '0') return false as UrlState[K];
      ctx.notice('unknown-value', value, 'expected 1');
      return undefined;
    },
    format(value) {
      return value === true ? '1' : null;
    },
  });
}

function isListItem(item: unknown): boolean {
  return typeof item === 'string' && item.trim() === item && item !== '' && !item.includes(',');
}

function isBasis(item: unknown): item is Basis {
  return (BASES as readonly unknown[]).includes(item);
}

function isConfidence(item: unknown): item is Confidence {
  return (CONFIDENCES as readonly unknown[]).includes(item);
}

function isValidTour(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_TOUR;
}

/** Query parameters, in formatting order. */
export const PARAM_CODECS: readonly AnyParamCodec[] = [
  listParam('sector', 'sectors', (id, k) => k.sectors.has(id), isListItem),
  flagParam('broad', 'broad'),
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
  listParam('basis', 'basis', (b) => isBasis(b), isBasis),
  defineParam({
    param: 'cmp',
    key: 'compare',
    parse(value, ctx) {
      const out: string[] = [];
      for (const part of value.split(',')) {
        const id = part.trim();
        if (id === '' || out.includes(id)) continue;
        if (!ctx.known.parks.has(id)) ctx.notice('unknown-value', id, 'unknown value');
        else if (out.length >= MAX_COMPARE) ctx.notice('truncated', id, `at most ${MAX_COMPARE} parks are compared`);
        else out.push(id);
      }
      return out.length > 0 ? out : undefined;
    },
    format(value) {
      const ids = Array.isArray(value) ? [...new Set(value.filter(isListItem))].slice(0, MAX_COMPARE) : [];
      return ids.length ? ids.map(encodeComponent).join(',') : null;
    },
  }),
  defineParam({
    param: 'pt',
    key: 'point',
    parse(value, ctx) {
      const ref = /^(park|zone|district):(.+)$/.exec(value);
      if (ref) {
        const kind = ref[1] as 'park' | 'zone' | 'district';
        const id = ref[2]!;
        const known = kind === 'park' ? ctx.known.parks : kind === 'zone' ? ctx.known.zones : ctx.known.districts;
        if (known.has(id)) return { ref: { kind, id } };
        ctx.notice('unknown-value', value, 'unknown value');
        return undefined;
      }
      const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,2}(?:\.\d+)?)$/.exec(value);
      const lng = m ? Number(m[1]) : NaN;
      const lat = m ? Number(m[2]) : NaN;
      if (!m || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
        ctx.notice('malformed', value, 'expected lng,lat or park:<id>');
        return undefined;
      }
      return { lng, lat };
    },
    format(value) {
      if (!value) return null;
      if ('ref' in value) return isListItem(value.ref.id) ? `${value.ref.kind}:${encodeComponent(value.ref.id)}` : null;
      if (!Number.isFinite(value.lng) || !Number.isFinite(value.lat)) return null;
      return `${value.lng.toFixed(5)},${value.lat.toFixed(5)}`;
    },
  }),
  defineParam({
    param: 'r',
    key: 'radiusKm',
    parse(value, ctx) {
      const km = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (km > 0 && km <= MAX_RADIUS_KM) return km;
      ctx.notice('malformed', value, `expected a radius in km, above 0 and at most ${MAX_RADIUS_KM}`);
      return undefined;
    },
    format(value) {
      return typeof value === 'number' && value > 0 && value <= MAX_RADIUS_KM ? String(Math.round(value * 100) / 100) : null;
    },
  }),
  defineParam({
    param: 'area',
    key: 'area',
    parse(value, ctx) {
      const r = decodeArea(value);
      if (r.ok) return r.area;
      ctx.notice(value.length > MAX_AREA_CHARS ? 'truncated' : 'malformed', value, r.reason);
      return undefined;
    },
    format(value) {
      const code = value ? encodeArea(value) : null;
      return code && code.length <= MAX_AREA_CHARS ? code : null;
    },
  }),
  enumParam('sort', 'sort', ['name', 'distance', 'strength'], 'name'),
  listParam(
    'off',
    'off',
    (id) => (LAYER_GROUP_IDS as readonly string[]).includes(id),
    (id) => (LAYER_GROUP_IDS as readonly unknown[]).includes(id),
  ),
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
  enumParam('tab', 'tab', STATS_TABS, 'matrix'),
  defineParam({
    param: 'profile',
    key: 'profile',
    parse(value, ctx) {
      const name = value.trim();
      if (ctx.known.districts.has(name)) return name;
      ctx.notice('unknown-value', value, 'unknown district');
      return undefined;
    },
    format(value) {
      return typeof value === 'string' && isListItem(value) ? encodeComponent(value) : null;
    },
  }),
  flagParam('embed', 'embed'),
  enumParam('lang', 'lang', LANGS, 'zh'),
];

export const CODEC_BY_PARAM: ReadonlyMap<string, AnyParamCodec> = new Map(PARAM_CODECS.map((c) => [c.param, c]));
