/**
 * The presenter's scroll through a chapter's figures, followed by the audience window: each
 * window lays the figures out at its own size, so a place is named by the part of the figures
 * at the top of the panel and how far into it (BriefingScroll), not by pixels. The parts are the
 * figures' heading and each scorecard card, which both windows show in the same order
 * (ChapterFigures). Pure: the tops are the parts' offsets from the top of the panel's content.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { BriefingScroll } from '../../state/slices/briefing';
import { useAppStore, useStoreApi } from '../../state/store';

/** The parts of the figures both windows show, in order. */
export const ROOM_ANCHORS = '.briefing-figures > h2, .briefing-figures article.score';
/** A part counts as at the top with this much room above it, and is followed so (its border in sight), px. */
const ROOM_PX = 8;

/** The place a panel scrolled to `scrollTop` shows at its top, ROOM_PX below its edge (within: rounded to 1/1000). */
export function placeOf(tops: readonly number[], scrollTop: number): BriefingScroll {
  let k = -1;
  const y = scrollTop + ROOM_PX;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= y + 1) k = i;
  if (k < 0) return { anchor: -1, within: 0 };
  const next = tops[k + 1];
  const span = next === undefined ? 0 : next - tops[k]!;
  const within = span > 0 ? Math.min(1, Math.max(0, (y - tops[k]!) / span)) : 0;
  return { anchor: k, within: Math.round(within * 1000) / 1000 };
}

/** The scrollTop that puts a place ROOM_PX below the top of a panel whose parts are at `tops` (the panel's top above the first part). */
export function scrollTopFor(tops: readonly number[], at: BriefingScroll): number {
  if (at.anchor < 0 || tops.length === 0) return 0;
  const k = Math.min(at.anchor, tops.length - 1);
  const next = tops[k + 1];
  return Math.max(0, Math.round(tops[k]! + (next === undefined ? 0 : at.within * (next - tops[k]!)) - ROOM_PX));
}

/** The parts' tops in a panel, px from the top of its content. */
function topsIn(panel: HTMLElement): number[] {
  const top = panel.getBoundingClientRect().top - panel.scrollTop;
  return [...panel.querySelectorAll(ROOM_ANCHORS)].map((el) => el.getBoundingClientRect().top - top);
}

/** Scrolls a panel (a plain property: jsdom has no Element.scrollTo). */
function scrollPanel(el: HTMLElement, top: number): void {
  el.scrollTop = top;
}

/** Each chapter's panel starts at its top (the panel element stays from chapter to chapter, and so did its scroll). */
export function useTopOnChapter(panel: RefObject<HTMLElement | null>, index: number): void {
  useEffect(() => {
    if (panel.current) scrollPanel(panel.current, 0);
  }, [panel, index]);
}

/** Presenter: says where its panel is scrolled to (once a frame at most). */
export function useSendRoomScroll(panel: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const at = placeOf(topsIn(el), el.scrollTop);
        const was = store.getState().briefingScroll;
        if (!was || was.anchor !== at.anchor || was.within !== at.within) store.getState().setBriefingScroll(at);
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [panel, store]);
}

/** Audience: scrolls its panel to the place the presenter's shows. */
export function useFollowRoomScroll(panel: RefObject<HTMLElement | null>, on: boolean): void {
  const at = useAppStore((s) => s.briefingScroll);
  const last = useRef<BriefingScroll | null>(null);
  useEffect(() => {
    const el = panel.current;
    if (!on || !el || !at || at === last.current) return;
    last.current = at;
    scrollPanel(el, scrollTopFor(topsIn(el), at));
  }, [panel, on, at]);
}
