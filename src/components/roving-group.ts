/**
 * A group of like controls (the sector checkboxes, the layer switches) as one stop of the Tab
 * key: ↑/↓ (and ←/→), Home/End and PageUp/PageDown move between them, Space still ticks. The
 * last one focused keeps the stop. Spread the handlers on the group's element.
 */
import { useLayoutEffect, useRef } from 'react';
import type { FocusEvent, KeyboardEvent, RefObject } from 'react';
import { gridMove } from './grid-keys';

const ARROWS: Record<string, string> = { ArrowRight: 'ArrowDown', ArrowLeft: 'ArrowUp' };

export function useRovingGroup(ref: RefObject<HTMLElement | null>, selector: string) {
  const active = useRef<HTMLElement | null>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>(selector) ?? [])].filter((e) => !(e as HTMLInputElement).disabled);
  const mark = () => {
    const all = items();
    const on = active.current && all.includes(active.current) ? active.current : all[0];
    for (const e of all) e.tabIndex = e === on ? 0 : -1;
  };
  // after every render: the controls drawn anew get their place in the Tab order
  useLayoutEffect(mark);
  return {
    onKeyDown(e: KeyboardEvent<HTMLElement>) {
      const all = items();
      const at = all.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      const next = gridMove(ARROWS[e.key] ?? e.key, { row: at, col: 0 }, all.length, 1);
      if (!next) return;
      e.preventDefault();
      all[next.row]!.focus();
    },
    onFocus(e: FocusEvent<HTMLElement>) {
      const el = e.target as HTMLElement;
      if (!el.matches(selector)) return;
      active.current = el;
      mark();
    },
  };
}
