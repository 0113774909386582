/**
 * The statistics view beside the map: whether it is open, its tab, the district of its district
 * profile, the matrix rows opened to their sub-sectors, whether the matrix counts imported sites,
 * the plan's scorecard (targets.json) and the build's figures (stats.json: zones' district shares,
 * the audit), both loaded on first use. Its figures are memoised selectors (../selectors/stats.ts).
 */
import type { Slice } from '../slice-type';
import type { StatsTab } from '../url/types';
import type { Loaded } from '../../loaders/load-geo';
import type { StatsFile, TargetsFile } from '../../loaders/schemas';
import type * as LoadTargets from '../../loaders/load-targets';

export type Scorecard = { status: 'idle' } | { status: 'loading' } | Loaded<TargetsFile>;

export type StatsFigures = { status: 'idle' } | { status: 'loading' } | Loaded<StatsFile>;

type Fetcher = Parameters<typeof LoadTargets.loadTargets>[1];

export interface StatsSlice {
  statsOpen: boolean;
  statsTab: StatsTab;
  /** the district profile's district (name_zh); null: the view chooses one */
  statsDistrict: string | null;
  /** top-level sectors whose sub-sector rows the matrix shows */
  statsExpanded: string[];
  scorecard: Scorecard;
  /** the build's figures for the view (stats.json) */
  statsFigures: StatsFigures;
  /** the matrix counts imported sites instead of parks */
  statsCountSites: boolean;
  openStats(tab?: StatsTab): void;
  closeStats(): void;
  setStatsTab(tab: StatsTab): void;
  setStatsDistrict(name: string | null): void;
  toggleStatsRow(sector: string): void;
  /** loads targets.json once (a failed load may be tried again) */
  loadScorecard(base: string, fetcher?: Fetcher): Promise<void>;
  /** loads stats.json once (a failed load may be tried again) */
  loadStatsFigures(base: string, fetcher?: Fetcher): Promise<void>;
  setStatsCountSites(on: boolean): void;
}

export const statsSlice: Slice<StatsSlice> = (set, get) => ({
  statsOpen: false,
  statsTab: 'matrix',
  statsDistrict: null,
  statsExpanded: [],
  scorecard: { status: 'idle' },
  statsFigures: { status: 'idle' },
  statsCountSites: false,
  setStatsCountSites: (statsCountSites) => set({ statsCountSites }),
  openStats: (tab) => set((s) => ({ statsOpen: true, statsTab: tab ?? s.statsTab })),
  closeStats: () => set({ statsOpen: false }),
  setStatsTab: (statsTab) => set({ statsTab }),
  setStatsDistrict: (statsDistrict) => set({ statsDistrict }),
  toggleStatsRow: (sector) =>
    set((s) => ({ statsExpanded: s.statsExpanded.includes(sector) ? s.statsExpanded.filter((x) => x !== sector) : [...s.statsExpanded, sector] })),
  loadScorecard: async (base, fetcher) => {
    const now = get().scorecard;
    if (('status' in now && now.status === 'loading') || ('ok' in now && now.ok)) return;
    set({ scorecard: { status: 'loading' } });
    let loaded: Loaded<TargetsFile>;
    try {
      const m = await import('../../loaders/load-targets');
      loaded = await m.loadTargets(base, fetcher);
    } catch (e) {
      loaded = { ok: false, error: `targets.json: ${(e as Error).message}` };
    }
    set({ scorecard: loaded });
  },
  loadStatsFigures: async (base, fetcher) => {
    const now = get().statsFigures;
    if (('status' in now && now.status === 'loading') || ('ok' in now && now.ok)) return;
    set({ statsFigures: { status: 'loading' } });
    let loaded: Loaded<StatsFile>;
    try {
      const m = await import('../../loaders/load-stats');
      loaded = await m.loadStatsFile(base, fetcher);
    } catch (e) {
      loaded = { ok: false, error: `stats.json: ${(e as Error).message}` };
    }
    set({ statsFigures: loaded });
  },
});
