/** String helpers of the URL codec: code-point-safe truncation, well-formed text, percent-coding. */
import { MAX_NOTICE_VALUE_LENGTH, MAX_Q_LENGTH } from './types';

/** Code-point aware truncation (never splits a surrogate pair). */
export function truncateCodePoints(s: string, max: number): { text: string; cut: boolean } {
  const cps = Array.from(s);
  return cps.length <= max ? { text: s, cut: false } : { text: cps.slice(0, max).join(''), cut: true };
}

/** Replace lone surrogates with U+FFFD so encodeURIComponent cannot throw. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;
/** Direction marks, embeddings, overrides and isolates: a U+202E in a value would show the rest of a notice backwards. */
const BIDI_CHARS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text for a notice: raw, but capped (and without control or text-direction characters). */
export function noticeText(s: string): string {
  const clean = wellFormed(s).replace(CONTROL_CHARS, '\uFFFD').replace(BIDI_CHARS, '\uFFFD');
  const { text, cut } = truncateCodePoints(clean, MAX_NOTICE_VALUE_LENGTH);
  return cut
    ? `${Array.from(text)
        .slice(0, MAX_NOTICE_VALUE_LENGTH - 1)
        .join('')}…`
    : text;
}

/**
 * Canonical search text: well-formed, control characters → spaces, trimmed, at most
 * {@link MAX_Q_LENGTH} code points. A string is a valid `q` iff it equals its normalisation.
 */
export function normalizeSearchText(raw: string): { text: string; truncated: boolean } {
  const cleaned = wellFormed(raw).replace(CONTROL_CHARS, ' ').trim();
  const { text, cut } = truncateCodePoints(cleaned, MAX_Q_LENGTH);
  return { text: cut ? text.trim() : text, truncated: cut };
}

/** Form-style decode (`+` = space); `null` when the percent-encoding is malformed. */
export function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export function encodeComponent(s: string): string {
  return encodeURIComponent(wellFormed(s));
}

export function roundTo(x: number, decimals: number): number {
  const r = Number(x.toFixed(decimals));
  return r === 0 ? 0 : r; // no -0
}
