/** Store slice of the sites feature (wired into src/state/store.ts). */
import type { Slice } from '../slice-type';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SitesSlice {}

export const sitesSlice: Slice<SitesSlice> = () => ({});
