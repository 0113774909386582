/**
 * Bytes of a user's file → text, in the encoding it was saved in. Files as people have them:
 * UTF-8 with or without a BOM (Excel's "CSV UTF-8" writes one), UTF-16 LE/BE with a BOM (Excel's
 * "Unicode text"), and GBK / GB18030 (Excel's plain "CSV" on Chinese Windows).
 *
 * Detection, not a blind guess: a BOM decides; without one, the first stretch of non-ASCII bytes
 * (up to {@link SNIFF_BYTES} from the first such byte) is checked as strict UTF-8, and read as UTF-8
 * when it is valid; else it is checked as strict GB18030 (a superset of GBK and GB2312), and read
 * so when that is valid. A file that is pure ASCII is the same in both and is reported as UTF-8.
 * The user may override the choice. Streaming: `push(bytes)` returns the text decoded so far, so
 * a file of any size passes through in chunks; only the sniffed stretch is held back.
 *
 * `TextDecoder('gb18030')` is in every browser and in Node with full ICU (the default builds).
 */

export type TextEncodingId = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** What a user may choose: detect, or one encoding. */
export type EncodingChoice = 'auto' | TextEncodingId;

export const ENCODING_LABEL: Record<TextEncodingId, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** 'gbk', 'GB2312', 'utf8', 'UTF-16LE', 'auto' … → a choice, or null. */
export function parseEncodingChoice(v: string): EncodingChoice | null {
  const s = v.trim().toLowerCase();
  if (s === 'auto') return 'auto';
  if (s === 'utf8' || s === 'utf-8') return 'utf-8';
  if (s === 'gbk' || s === 'gb2312' || s === 'gb18030' || s === 'cp936') return 'gb18030';
  if (s === 'utf-16le' || s === 'utf16le' || s === 'utf-16') return 'utf-16le';
  if (s === 'utf-16be' || s === 'utf16be') return 'utf-16be';
  return null;
}

/** Bytes checked after the first non-ASCII byte before deciding between UTF-8 and GB18030. */
export const SNIFF_BYTES = 64 * 1024;

/** How the text was read: the encoding, whether a BOM said so, and whether it was detected or chosen. */
export interface EncodingReport {
  encoding: TextEncodingId;
  bom: boolean;
  how: 'bom' | 'detected' | 'ascii' | 'chosen' | 'fallback';
}

export interface StreamDecoder {
  /** text decoded from these bytes (and any held back before), possibly '' while sniffing; `bytes` is not kept (the caller may reuse its buffer) */
  push(bytes: Uint8Array): string;
  /** the rest of the text */
  end(): string;
  /** null until decided (after the first non-ASCII stretch or at the end) */
  readonly report: EncodingReport | null;
}

export function bomOf(b: Uint8Array): { encoding: TextEncodingId; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** True when the bytes are valid in `encoding` (an incomplete sequence at the very end is allowed). */
function validAs(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a file without a BOM, from the stretch of its bytes that starts at its first
 * non-ASCII byte ({@link SNIFF_BYTES} of them, or fewer at the end of the file).
 */
export function sniffEncoding(sample: Uint8Array): { encoding: 'utf-8' | 'gb18030'; how: 'detected' | 'fallback' } {
  if (validAs('utf-8', sample)) return { encoding: 'utf-8', how: 'detected' };
  if (validAs('gb18030', sample)) return { encoding: 'gb18030', how: 'detected' };
  return { encoding: 'utf-8', how: 'fallback' };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function firstNonAscii(b: Uint8Array, from = 0): number {
  for (let i = from; i < b.length; i++) if (b[i]! >= 0x80) return i;
  return -1;
}

/** A streaming decoder for `choice` ('auto' detects as described above). */
export function createStreamDecoder(choice: EncodingChoice = 'auto'): StreamDecoder {
  let decoder: TextDecoder | null = null;
  let report: EncodingReport | null = null;
  /** bytes not yet decoded: the start (up to a BOM's length) or the sniffed stretch */
  let held: Uint8Array = new Uint8Array(0);
  let started = false;
  /** auto, no BOM: where the first non-ASCII byte is in `held`, or -1 */
  let sniffFrom = -1;
  const ascii = new TextDecoder('utf-8');

  const decide = (enc: TextEncodingId, how: EncodingReport['how'], bom: boolean) => {
    report = { encoding: enc, bom, how };
    // ignoreBOM false: a BOM of the same encoding at the start is dropped by the decoder
    decoder = new TextDecoder(enc);
  };

  const step = (final: boolean): string => {
    if (decoder) {
      const b = held;
      held = new Uint8Array(0);
      return decoder.decode(b, { stream: !final });
    }
    if (!started) {
      // held back: a copy, as the caller may reuse its buffer for the next chunk
      if (held.length < 3 && !final) {
        held = held.slice();
        return '';
      }
      started = true;
      const bom = bomOf(held);
      // the user's choice wins (a BOM of that encoding is dropped); else a BOM decides
      if (choice !== 'auto') decide(choice, 'chosen', bom?.encoding === choice);
      else if (bom) decide(bom.encoding, 'bom', true);
      if (decoder) return step(final);
    }
    // auto without a BOM: pass ASCII through until the first non-ASCII byte, then sniff
    if (sniffFrom < 0) {
      const i = firstNonAscii(held);
      if (i < 0) {
        const text = ascii.decode(held);
        held = new Uint8Array(0);
        if (final) report = { encoding: 'utf-8', bom: false, how: 'ascii' };
        return text;
      }
      const text = ascii.decode(held.subarray(0, i));
      held = held.slice(i);
      sniffFrom = 0;
      return text + step(final);
    }
    if (held.length < SNIFF_BYTES && !final) return '';
    const sniffed = sniffEncoding(held.subarray(0, SNIFF_BYTES));
    decide(sniffed.encoding, sniffed.how, false);
    return step(final);
  };

  return {
    push(bytes) {
      held = concat(held, bytes);
      return step(false);
    },
    end() {
      return step(true);
    },
    get report() {
      return report;
    },
  };
}

/** A whole file's bytes → its text and how it was read. */
export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): { text: string; report: EncodingReport } {
  const d = createStreamDecoder(choice);
  const text = d.push(bytes) + d.end();
  return { text, report: d.report ?? { encoding: 'utf-8', bom: false, how: 'ascii' } };
}
