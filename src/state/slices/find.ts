/** Store slice of the find feature (wired into src/state/store.ts). */
import type { Slice } from '../slice-type';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FindSlice {}

export const findSlice: Slice<FindSlice> = () => ({});
