/**
 * Store slice of the sites feature: the user's imported site sets (each linked by the same
 * engine as the parks), the import in progress and its report, the coordinate system chosen,
 * and the site whose card is open. Imports never touch the parks or earlier imports.
 */
import type { Slice } from '../slice-type';
import type { Crs, SiteImportResult, SiteSet } from '../../geo/sites';

export type SiteImportStatus =
  | { phase: 'idle' }
  | { phase: 'linking'; fileName: string }
  /** some rows are bad, some good: waiting for the user to import the good ones or cancel */
  | { phase: 'review'; fileName: string; result: SiteImportResult }
  /** nothing can be imported: the file as a whole (fatal), or every row is bad */
  | { phase: 'failed'; fileName: string; result: SiteImportResult | null; message: string | null }
  | { phase: 'done'; fileName: string; result: SiteImportResult; skipped: number };

export interface SiteRef {
  set: string;
  index: number;
}

export interface SitesSlice {
  siteCrs: Crs;
  siteSets: SiteSet[];
  siteImport: SiteImportStatus;
  selectedSite: SiteRef | null;
  setSiteCrs(crs: Crs): void;
  beginSiteImport(fileName: string): void;
  /** decides what happens with a linked file: add it, ask, or report that nothing can be imported */
  finishSiteImport(result: SiteImportResult): void;
  failSiteImport(fileName: string, message: string): void;
  /** imports the valid rows of the file under review */
  confirmSiteImport(): void;
  /** drops the file under review (or closes the report) */
  dismissSiteImport(): void;
  removeSiteSet(id: string): void;
  selectSite(ref: SiteRef | null): void;
}

export const sitesSlice: Slice<SitesSlice> = (set, get) => ({
  siteCrs: 'wgs84', // the default, shown in the panel (DEFAULT_CRS of geo/sites)
  siteSets: [],
  siteImport: { phase: 'idle' },
  selectedSite: null,
  setSiteCrs: (siteCrs) => set({ siteCrs }),
  beginSiteImport: (fileName) => set({ siteImport: { phase: 'linking', fileName } }),
  finishSiteImport: (result) => {
    const fileName = result.fileName;
    if (result.fatal !== null || result.set.count === 0) {
      set({ siteImport: { phase: 'failed', fileName, result, message: result.fatal } });
    } else if (result.errorCount > 0) {
      set({ siteImport: { phase: 'review', fileName, result } });
    } else {
      set((s) => ({ siteSets: [...s.siteSets, result.set], siteImport: { phase: 'done', fileName, result, skipped: 0 } }));
    }
  },
  failSiteImport: (fileName, message) => set({ siteImport: { phase: 'failed', fileName, result: null, message } }),
  confirmSiteImport: () => {
    const st = get().siteImport;
    if (st.phase !== 'review') return;
    set((s) => ({
      siteSets: [...s.siteSets, st.result.set],
      siteImport: { phase: 'done', fileName: st.fileName, result: st.result, skipped: st.result.errorCount },
    }));
  },
  dismissSiteImport: () => set({ siteImport: { phase: 'idle' } }),
  removeSiteSet: (id) =>
    set((s) => ({
      siteSets: s.siteSets.filter((x) => x.id !== id),
      selectedSite: s.selectedSite?.set === id ? null : s.selectedSite,
    })),
  selectSite: (selectedSite) => set({ selectedSite }),
});
