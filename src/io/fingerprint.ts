/**
 * A file's fingerprint, fed in chunks: its size and two 32-bit hashes of its bytes (FNV-1a and a
 * murmur-style mix), so importing the same file twice can be noticed whatever its name. Not for security.
 */
export interface Fingerprinter {
  push(bytes: Uint8Array | string): void;
  /** e.g. "1234:9c1d3e0a5b7f2c11" */
  digest(): string;
}

export function createFingerprinter(): Fingerprinter {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let size = 0;
  return {
    push(chunk) {
      if (typeof chunk === 'string') {
        for (let i = 0; i < chunk.length; i++) {
          const c = chunk.charCodeAt(i);
          a = Math.imul(a ^ c, 0x01000193);
          b = Math.imul(b ^ c, 0x5bd1e995);
          b ^= b >>> 13;
        }
        size += chunk.length;
        return;
      }
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 13;
      }
      size += chunk.length;
    },
    digest() {
      const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
      return `${size}:${hex(a)}${hex(b)}`;
    },
  };
}
