/**
 * The chooser a map click opens where several places lie under the pointer (parks sharing a
 * point, stacked zones): what it lists, in order, and where the click was. Choosing one selects
 * it (selection slice) and closes the chooser.
 */
import type { Slice } from '../slice-type';

export interface ChooserItem {
  kind: 'park' | 'zone';
  id: string;
}

export interface MapChooser {
  /** parks first (nearest the click first), then zones from the smallest to the largest */
  items: ChooserItem[];
  /** where the click was, CSS px from the map's top left (null: unknown) */
  at: { x: number; y: number } | null;
}

export interface ChooserSlice {
  chooser: MapChooser | null;
  openChooser(items: ChooserItem[], at: { x: number; y: number } | null): void;
  closeChooser(): void;
  /** Selects the item (its card opens, the map highlights it) and closes the chooser. */
  chooseItem(item: ChooserItem): void;
}

export const chooserSlice: Slice<ChooserSlice> = (set, get) => ({
  chooser: null,
  openChooser: (items, at) => set({ chooser: { items, at } }),
  closeChooser: () => {
    if (get().chooser) set({ chooser: null });
  },
  chooseItem: (item) => {
    set({ chooser: null });
    if (item.kind === 'park') get().selectPark(item.id);
    else get().selectZone(item.id);
  },
});
