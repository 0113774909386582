/** Briefing specs' check that the map frames a chapter: its bounds inside the view, filling it on one side. */
import type { Page } from 'playwright-core';
import type { ChapterBounds } from '../../src/loaders/briefing-schema';
import { poll } from './driver';
import type { MapWindow } from './driver';

/** The room the map leaves around a chapter's bounds (src/map/sync/briefing.ts FRAME_PADDING), in CSS pixels. */
const PADDING = 40;

export interface Framing {
  moving: boolean;
  /** the bounds' corners on the map's canvas, CSS pixels */
  box: { left: number; right: number; top: number; bottom: number };
  width: number;
  height: number;
  /** the top of the credits line when it runs along the map's foot (a quarter of its width or more), else the map's height */
  clearBottom: number;
}

export const framing = (page: Page, bounds: ChapterBounds): Promise<Framing> =>
  page.evaluate((b) => {
    const m = (window as unknown as MapWindow).__map;
    const sw = m.project(b[0]);
    const ne = m.project(b[1]);
    const c = m.getCanvas();
    const at = c.getBoundingClientRect();
    const credits = m.getContainer().querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect();
    const wide = credits && credits.width >= c.clientWidth / 4 && credits.bottom > at.top + c.clientHeight / 2;
    return {
      moving: m.isMoving(),
      box: { left: sw.x, right: ne.x, top: ne.y, bottom: sw.y },
      width: c.clientWidth,
      height: c.clientHeight,
      clearBottom: wide ? credits.top - at.top : c.clientHeight,
    };
  }, bounds);

/** Is the whole of the bounds inside the view, and does it fill the view up to the padding on at least one side (± 2 px)? */
export function frames(f: Framing): boolean {
  const { box, width, clearBottom } = f;
  // above the credits line along the map's foot, which would hide the bounds' south edge
  const inside = box.left >= -0.5 && box.top >= -0.5 && box.right <= width + 0.5 && box.bottom <= clearBottom + 0.5;
  const fillsWidth = box.right - box.left >= width - 2 * PADDING - 2;
  const fillsHeight = box.bottom - box.top >= clearBottom - 2 * PADDING - 2;
  return inside && (fillsWidth || fillsHeight);
}

/** Waits for the map to rest framing `bounds`. */
export const framesChapter = (page: Page, bounds: ChapterBounds, what: string) =>
  poll(
    `the map to frame ${what}`,
    () => framing(page, bounds),
    (f) => !f.moving && frames(f),
    30_000,
  );
