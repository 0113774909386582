/**
 * Store slice of the sites feature: the user's imported site sets (each linked by the same
 * engine as the parks), the import in progress and its report, the coordinate system and text
 * encoding chosen for the next import, and the site whose card is open. Imports never touch the
 * parks or earlier imports.
 */
import type { Slice } from '../slice-type';
import type { SiteSet } from '../../geo/sites';
import type { Crs } from '../../geo/crs';
import type { EncodingChoice } from '../../io/decode';
import type { SiteImportResult } from '../../io/link-sites';
import { pointsBounds } from '../../geo/bounds';
import { MAP_BOUNDS } from '../../geo/map-bounds';

/** The least box a set of sites is framed in, degrees each way (about 2 km: one site is shown with its streets). */
const SITES_MIN_SPAN = 0.02;

export type SiteImportStatus =
  | { phase: 'idle' }
  | { phase: 'linking'; fileName: string }
  /**
   * waiting for the user: some rows are bad (import the good ones, or cancel), or the same file
   * was imported before (`duplicateOf` names that set's file)
   */
  | { phase: 'review'; fileName: string; result: SiteImportResult; duplicateOf: string | null }
  /** nothing can be imported: the file as a whole (fatal), or every row is bad */
  | { phase: 'failed'; fileName: string; result: SiteImportResult | null; message: string | null }
  | { phase: 'done'; fileName: string; result: SiteImportResult; skipped: number };

export interface SiteRef {
  set: string;
  index: number;
}

export interface SitesSlice {
  siteCrs: Crs;
  siteEncoding: EncodingChoice;
  siteSets: SiteSet[];
  siteImport: SiteImportStatus;
  /** what the import in progress (or last finished) should also say: the link worker stopped and a fresh one ran it again */
  siteImportNote: 'worker-restarted' | null;
  selectedSite: SiteRef | null;
  /** a page that can import sites is ready for them: the map prepares its sites' layers once (drawn unseen, so an import does not compile them) */
  sitesWanted: boolean;
  setSiteCrs(crs: Crs): void;
  setSiteEncoding(encoding: EncodingChoice): void;
  beginSiteImport(fileName: string): void;
  noteSiteImport(note: 'worker-restarted'): void;
  /** decides what happens with a linked file: add it, ask (or add at once when `confirm`), or report that nothing can be imported */
  finishSiteImport(result: SiteImportResult, opts?: { confirm?: boolean }): void;
  failSiteImport(fileName: string, message: string): void;
  /** imports the valid rows of the file under review */
  confirmSiteImport(): void;
  /** drops the file under review (or closes the report) */
  dismissSiteImport(): void;
  removeSiteSet(id: string): void;
  /** puts `set` in the place of the set `id` (the same sites linked again) */
  replaceSiteSet(id: string, set: SiteSet): void;
  selectSite(ref: SiteRef | null): void;
  wantSites(): void;
  /**
   * Frames the set's sites on the map (those it can show: within its limits); `unlessShown`: only
   * when the map does not show them all already (a set just imported).
   */
  showSiteSet(id: string, unlessShown?: boolean): void;
}

export const sitesSlice: Slice<SitesSlice> = (set, get) => ({
  // the defaults (types only are imported here: the CRS and reading code loads with the first import)
  siteCrs: 'wgs84',
  siteEncoding: 'auto',
  siteSets: [],
  siteImport: { phase: 'idle' },
  siteImportNote: null,
  selectedSite: null,
  sitesWanted: false,
  setSiteCrs: (siteCrs) => set({ siteCrs }),
  setSiteEncoding: (siteEncoding) => set({ siteEncoding }),
  beginSiteImport: (fileName) => set({ siteImport: { phase: 'linking', fileName }, siteImportNote: null }),
  noteSiteImport: (siteImportNote) => set({ siteImportNote }),
  finishSiteImport: (result, opts = {}) => {
    const fileName = result.fileName;
    if (result.fatal !== null || result.set.count === 0) {
      set({ siteImport: { phase: 'failed', fileName, result, message: result.fatal } });
      return;
    }
    const fp = result.set.fingerprint;
    const twin = fp ? get().siteSets.find((x) => x.fingerprint === fp) : undefined;
    if (!opts.confirm && (result.errorCount > 0 || twin)) {
      set({ siteImport: { phase: 'review', fileName, result, duplicateOf: twin ? twin.fileName : null } });
      return;
    }
    set((s) => ({ siteSets: [...s.siteSets, result.set], siteImport: { phase: 'done', fileName, result, skipped: result.errorCount } }));
    get().showSiteSet(result.set.id, true);
  },
  failSiteImport: (fileName, message) => set({ siteImport: { phase: 'failed', fileName, result: null, message } }),
  confirmSiteImport: () => {
    const st = get().siteImport;
    if (st.phase !== 'review') return;
    set((s) => ({
      siteSets: [...s.siteSets, st.result.set],
      siteImport: { phase: 'done', fileName: st.fileName, result: st.result, skipped: st.result.errorCount },
    }));
    get().showSiteSet(st.result.set.id, true);
  },
  dismissSiteImport: () => set({ siteImport: { phase: 'idle' } }),
  removeSiteSet: (id) =>
    set((s) => ({
      siteSets: s.siteSets.filter((x) => x.id !== id),
      selectedSite: s.selectedSite?.set === id ? null : s.selectedSite,
    })),
  replaceSiteSet: (id, next) =>
    set((s) => {
      if (!s.siteSets.some((x) => x.id === id)) return {};
      return {
        siteSets: s.siteSets.map((x) => (x.id === id ? next : x)),
        selectedSite: s.selectedSite?.set === id ? { set: next.id, index: s.selectedSite.index } : s.selectedSite,
      };
    }),
  selectSite: (selectedSite) => set({ selectedSite }),
  wantSites: () => set({ sitesWanted: true }),
  showSiteSet: (id, unlessShown = false) => {
    const found = get().siteSets.find((x) => x.id === id);
    const box = found ? pointsBounds(found.coords, MAP_BOUNDS, SITES_MIN_SPAN) : null;
    if (box) get().requestBounds(box, unlessShown);
  },
});
