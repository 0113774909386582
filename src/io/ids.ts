/**
 * The duplicate-id check of the point readers: a row whose id was seen before is a bad row that
 * names where the id was first seen. Two ways to remember the ids:
 *
 * - {@link exactIds}: every id in a Map (the browser's import: at most 200,000 rows).
 * - {@link fingerprintIds}: `npm run link` at millions of rows must not hold every id. It keeps a
 *   64-bit fingerprint of each id (two independent 32-bit hashes) and the line it was first on,
 *   in an open-addressing table of typed arrays: 12 bytes a slot, 15 bytes per distinct id
 *   whatever the ids' length when the table is sized from the expected count (at most 4/5 full:
 *   5,000,000 ids take 72 MiB), up to 22 when it had to grow by half on the way.
 *   Two different ids share a fingerprint with probability about n²/2⁶⁵ over the whole file
 *   (7 × 10⁻⁷ for 5,000,000 ids); such a row would be reported as a duplicate of the other.
 *   At that size nearly every look-up misses the processor's caches (about 280 ns each here), so
 *   a reader can queue ids ({@link AsciiIdQueue}) and have them looked up together: the table's
 *   slots of a block of ids are read first, side by side, then each id is looked up in order,
 *   with the same answers (about 135 ns an id here).
 */

export interface IdRegistry {
  /** Where `id` was first seen (a line or a feature index), recording `at` if this is the first time. */
  firstSeen(id: string, at: number): number | undefined;
  /**
   * The same for an id given as ASCII bytes (`bytes[start..end)`, each byte one character), without
   * making a string of it; absent where the registry has no such path.
   */
  firstSeenAscii?(bytes: Uint8Array, start: number, end: number, at: number): number | undefined;
  /** A queue of ASCII ids to look up together; absent where the registry has no such path. */
  asciiQueue?(): AsciiIdQueue;
}

/**
 * ASCII ids looked up together: `add` them in the file's order, then `run` looks each up in that
 * order, exactly as firstSeenAscii would have one at a time.
 */
export interface AsciiIdQueue {
  /** ids added since the last run */
  readonly size: number;
  add(bytes: Uint8Array, start: number, end: number, at: number): void;
  /** Looks up the ids added since the last run, in order, and empties the queue: `seen(k, first)` for each seen before (k: its place in the queue, first: where it was first seen). */
  run(seen: (k: number, first: number) => void): void;
}

/** Every id in a Map: exact, memory grows with the ids. */
export function exactIds(): IdRegistry {
  const seen = new Map<string, number>();
  return {
    firstSeen(id, at) {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, at);
      return first;
    },
  };
}

/** The last hash's two words (module state: no array per id). */
let hashA = 0;
let hashB = 0;

/** The murmur-style finish of the second word. */
function finish(b: number): number {
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return b;
}

/** FNV-1a and a murmur-style mix over the UTF-16 code units, into hashA and hashB (signed 32-bit words). */
function hash2(s: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    let k = Math.imul(c, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    b ^= Math.imul(k, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  hashA = a | 0;
  hashB = finish(b) | 0;
}

/** {@link hash2} of the string whose characters are the bytes (ASCII): the same two words. */
function hash2Ascii(bytes: Uint8Array, start: number, end: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    let k = Math.imul(c, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    b ^= Math.imul(k, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  hashA = a | 0;
  hashB = finish(b) | 0;
}

/** Ids whose slots are read together before they are looked up. */
const BLOCK = 16;
/** Where those reads go (kept, so that they are not optimised away). */
const ahead = new Int32Array(BLOCK);

/** Most of the table in use before it grows (linear probing stays short below this). */
const MAX_LOAD = 0.8;

/**
 * 64-bit fingerprints in an open-addressing table (see the module comment). `expected`: about how
 * many ids will come (the CLI estimates it from the file's size), so that the table is made once
 * at its final size: it grows by half when it passes {@link MAX_LOAD} all the same. Any size (not
 * a power of two): a slot is picked by scaling the hash to the size. A slot is three 32-bit words
 * side by side (the two hashes and the line + 1, 0 when empty), so that a probe touches one place.
 */
export function fingerprintIds(expected = 0): IdRegistry {
  let size = Math.max(1 << 16, Math.ceil(expected / MAX_LOAD));
  let table = new Int32Array(3 * size);
  let count = 0;
  let scale = size / 4294967296;

  const slotOf = (h: number, l: number) => Math.min(size - 1, Math.floor(((l ^ Math.imul(h, 0x9e3779b1)) >>> 0) * scale));
  const place = (h: number, l: number, v: number) => {
    let i = slotOf(h, l);
    while (table[3 * i + 2] !== 0) i = i + 1 === size ? 0 : i + 1;
    table[3 * i] = h;
    table[3 * i + 1] = l;
    table[3 * i + 2] = v;
  };
  const grow = () => {
    const old = table;
    size = Math.ceil(size * 1.5);
    scale = size / 4294967296;
    table = new Int32Array(3 * size);
    for (let i = 0; i < old.length; i += 3) if (old[i + 2] !== 0) place(old[i]!, old[i + 1]!, old[i + 2]!);
  };

  const seen = (at: number, h = hashA, l = hashB): number | undefined => {
    const t = table;
    let i = slotOf(h, l);
    for (;;) {
      const v = t[3 * i + 2]!;
      if (v === 0) break;
      if (t[3 * i] === h && t[3 * i + 1] === l) return v - 1;
      i = i + 1 === size ? 0 : i + 1;
    }
    t[3 * i] = h;
    t[3 * i + 1] = l;
    t[3 * i + 2] = at + 1;
    if (++count > size * MAX_LOAD) grow();
    return undefined;
  };

  return {
    firstSeen(id, at) {
      hash2(id);
      return seen(at);
    },
    firstSeenAscii(bytes, start, end, at) {
      hash2Ascii(bytes, start, end);
      return seen(at);
    },
    asciiQueue() {
      let cap = 1024;
      let qa = new Int32Array(cap);
      let qb = new Int32Array(cap);
      let qat = new Int32Array(cap);
      let n = 0;
      return {
        get size() {
          return n;
        },
        add(bytes, start, end, at) {
          if (n === cap) {
            cap *= 2;
            const more = (a: Int32Array) => {
              const b = new Int32Array(cap);
              b.set(a);
              return b;
            };
            qa = more(qa);
            qb = more(qb);
            qat = more(qat);
          }
          hash2Ascii(bytes, start, end);
          qa[n] = hashA;
          qb[n] = hashB;
          qat[n++] = at;
        },
        run(found) {
          for (let k0 = 0; k0 < n; k0 += BLOCK) {
            const k1 = Math.min(n, k0 + BLOCK);
            // the block's slots first: independent reads, which the processor overlaps
            for (let k = k0; k < k1; k++) ahead[k - k0] = table[3 * slotOf(qa[k]!, qb[k]!) + 2]!;
            for (let k = k0; k < k1; k++) {
              const first = seen(qat[k]!, qa[k]!, qb[k]!);
              if (first !== undefined) found(k, first);
            }
          }
          n = 0;
        },
      };
    },
  };
}
