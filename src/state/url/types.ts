/**
 * The URL state's types, defaults and limits (see codec.ts for the format).
 */
import type { Camera, Lang } from '../../domain/types';
import type { Polygon } from 'geojson';
import type { Confidence, LayerGroupId } from '../../domain/ids';
import type { Basis } from '../../domain/ids';

export const URL_STATE_VERSION = 1;

export interface Known {
  sectors: ReadonlySet<string>;
  parks: ReadonlySet<string>;
  zones: ReadonlySet<string>;
  districts: ReadonlySet<string>;
}

/** `presenter` / `audience`: the briefing's layouts; `stats`: the map app with the statistics view open. */
export type ViewMode = 'presenter' | 'audience' | 'stats';

/** The statistics view's tabs (`tab`, with `view=stats`); the matrix is the default. */
export const STATS_TABS = ['matrix', 'zones', 'district', 'audit', 'scorecard'] as const;
export type StatsTab = (typeof STATS_TABS)[number];

export interface UrlState {
  sectors: string[];
  /** the sector filter also counts links inside broad areas */
  broad: boolean;
  park: string | null;
  zone: string | null;
  lang: Lang;
  q: string;
  districts: string[];
  /** the zone filter (parks inside any of these zones); not the selected zone (`zone`) */
  zones: string[];
  conf: Confidence[];
  /** why a place is on the map (plan / list) */
  basis: Basis[];
  /** parks side by side (≤ 4) */
  compare: string[];
  /** the chosen point: a place of the data (its position comes from the data) or a coordinate */
  point: { ref: { kind: 'park' | 'zone' | 'district'; id: string } } | { lng: number; lat: number } | null;
  radiusKm: number | null;
  area: Polygon | null;
  sort: 'name' | 'distance' | 'strength';
  /** layer groups switched off (all are on by default) */
  off: LayerGroupId[];
  tour: number | null;
  view: ViewMode | null;
  /** the statistics view's tab (with `view=stats`) */
  tab: StatsTab;
  /** the district of the statistics view's district profile (name_zh) */
  profile: string | null;
  embed: boolean;
  camera: Camera | null;
}

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  sectors: Object.freeze([]) as unknown as string[],
  broad: false,
  park: null,
  zone: null,
  lang: 'zh',
  q: '',
  districts: Object.freeze([]) as unknown as string[],
  zones: Object.freeze([]) as unknown as string[],
  conf: Object.freeze([]) as unknown as Confidence[],
  basis: Object.freeze([]) as unknown as Basis[],
  compare: Object.freeze([]) as unknown as string[],
  point: null,
  radiusKm: null,
  area: null,
  sort: 'name',
  off: Object.freeze([]) as unknown as LayerGroupId[],
  tour: null,
  view: null,
  tab: 'matrix',
  profile: null,
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

// ---------------------------------------------------------------- limits & constants

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

export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];
export const VIEWS = ['presenter', 'audience', 'stats'] as const satisfies readonly ViewMode[];

export const VERSION_PARAM = 'v';
export const CAMERA_PARAM = 'camera';
