/**
 * Focus for the cards (park, zone, site): when a card opens, focus moves to its heading (not for
 * a card the page opened with, from its link, before anything was focused); when it closes, focus
 * goes back to where it came from (the list row, the search box, the map). A list row is drawn
 * anew when the card gives way to the list, so the opener is also remembered by what it shows
 * (its park or zone id) and found again. A card that replaces another card keeps the first one's
 * opener.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

interface Opener {
  el: HTMLElement;
  selector: string | null;
}

const KEYS = ['data-park', 'data-result-park', 'data-zone', 'data-site-key', 'data-compare', 'data-testid', 'id'];
let lastOpener: Opener | null = null;
// the last control focused outside the cards: a list row that opened a card is gone (the card took
// its place) by the time the card's effect runs, so it is remembered as it takes focus
let lastFocused: Opener | null = null;
const watched = new WeakSet<Document>();

/**
 * Starts remembering the last control focused outside the cards. The app calls it as it mounts:
 * the cards load on first use, after the row that opens the first one has taken focus.
 */
export function watchCardOpeners(doc: Document = document): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  doc.addEventListener('focusin', (e) => {
    const el = e.target;
    if (el instanceof HTMLElement && !el.closest('.card')) lastFocused = { el, selector: selectorOf(el) };
  });
}

function selectorOf(el: HTMLElement): string | null {
  for (const k of KEYS) {
    const v = el.getAttribute(k);
    if (v) return `${el.tagName.toLowerCase()}[${k}="${CSS.escape(v)}"]`;
  }
  return null;
}

/**
 * Brings a card's top into view in the panel that scrolls it (a side panel, a phone's sheet): the
 * panel keeps the scroll position of the list the card replaced, which opened the card partway
 * down, at its reasons. An element just above the card marked `data-with-card` comes into view
 * with it.
 */
function showTop(card: HTMLElement): void {
  // what is drawn just above the card and belongs with it (a park's comparison button) is shown with it
  const prev = card.previousElementSibling;
  const top = prev instanceof HTMLElement && prev.hasAttribute('data-with-card') ? prev : card;
  for (let el = card.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    // a bar that sticks to the panel's top (a sheet's) covers that much of it
    let bar = 0;
    for (const c of el.children) if (!c.contains(card) && getComputedStyle(c).position === 'sticky') bar += c.getBoundingClientRect().height;
    const above = top.getBoundingClientRect().top - el.getBoundingClientRect().top - bar;
    if (above < 0 || above >= el.clientHeight - bar) el.scrollTop += above;
    return;
  }
}

/** A ref for the card's root; `key` names what it shows (a new key is a new card). */
export function useCardFocus<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    // the app starts this at mount; a card drawn without the app (a test, another view) starts it here
    watchCardOpeners(document);
    const card = ref.current;
    if (!card) return;
    showTop(card);
    const active = document.activeElement;
    const fresh = active instanceof HTMLElement && active !== document.body && !active.closest('.card');
    // focus on a control: it opened the card; lost with the control that opened the card: that one;
    // else (a card replaced by another) the first card's opener
    const gone = lastFocused && !lastFocused.el.isConnected ? lastFocused : null;
    // nothing focused yet on the page: the card came with it (a link to a park); the page keeps its
    // focus at the start, as any page does, and the card's heading shows no focus ring
    if (!fresh && !lastFocused && !lastOpener && (active === null || active === document.body)) return;
    const opener: Opener | null = fresh ? { el: active, selector: selectorOf(active) } : (gone ?? lastOpener);
    lastOpener = opener;
    (card.querySelector<HTMLElement>('h2[tabindex]') ?? card).focus({ preventScroll: true });
    return () => {
      if (!opener) return;
      // runs after the card left the page: focus back only if it was in the card (or is lost)
      const now = document.activeElement;
      if (now && now !== document.body && now.isConnected && !card.contains(now)) return;
      const target = opener.el.isConnected ? opener.el : opener.selector ? document.querySelector<HTMLElement>(opener.selector) : null;
      target?.focus({ preventScroll: true });
    };
  }, [key]);
  return ref;
}
