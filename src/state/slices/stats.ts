/**
 * The statistics view beside the map: whether it is open, its tab, the matrix rows opened to their
 * sub-sectors, and the plan's scorecard (targets.json,
 * loaded on first use). Its figures are memoised selectors (../selectors/stats.ts).
 */
import type { Slice } from '../slice-type';
import type { StatsTab } from '../url/types';
import type { Loaded } from '../../loaders/load-geo';
import type { TargetsFile } from '../../loaders/schemas';
import type * as LoadTargets from '../../loaders/load-targets';

export type Scorecard = { status: 'idle' } | { status: 'loading' } | Loaded<TargetsFile>;

type Fetcher = Parameters<typeof LoadTargets.loadTargets>[1];

export interface StatsSlice {
  statsOpen: boolean;
  statsTab: StatsTab;
  /** top-level sectors whose sub-sector rows the matrix shows */
  statsExpanded: string[];
  scorecard: Scorecard;
  openStats(tab?: StatsTab): void;
  closeStats(): void;
  setStatsTab(tab: StatsTab): void;
  toggleStatsRow(sector: string): void;
  /** loads targets.json once (a failed load may be tried again) */
  loadScorecard(base: string, fetcher?: Fetcher): Promise<void>;
}

export const statsSlice: Slice<StatsSlice> = (set, get) => ({
  statsOpen: false,
  statsTab: 'matrix',
  statsExpanded: [],
  scorecard: { status: 'idle' },
  openStats: (tab) => set((s) => ({ statsOpen: true, statsTab: tab ?? s.statsTab })),
  closeStats: () => set({ statsOpen: false }),
  setStatsTab: (statsTab) => set({ statsTab }),
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
});
