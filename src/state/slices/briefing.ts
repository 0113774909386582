/** Store slice of the briefing feature (wired into src/state/store.ts). */
import type { Slice } from '../slice-type';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BriefingSlice {}

export const briefingSlice: Slice<BriefingSlice> = () => ({});
