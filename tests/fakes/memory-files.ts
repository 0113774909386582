/**
 * The CLI's file side in memory (the openRead / openWrite / rename / remove of scripts/link.ts's
 * LinkIO): reads come from `bytesOf`, what is written is kept per path, as the bytes at close.
 * `written` holds the files left at the end (the temporary file the CLI writes to is renamed or
 * removed).
 */
import type { LinkIO } from '../../scripts/link.ts';

export function memoryFiles(bytesOf: (path: string) => Uint8Array): {
  io: Pick<LinkIO, 'openRead' | 'openWrite' | 'rename' | 'remove'>;
  written: Map<string, Buffer>;
} {
  const written = new Map<string, Buffer>();
  const io: Pick<LinkIO, 'openRead' | 'openWrite' | 'rename' | 'remove'> = {
    openRead: (p) => {
      const bytes = bytesOf(p);
      let at = 0;
      return {
        size: bytes.length,
        read: (into) => {
          const n = Math.min(into.length, bytes.length - at);
          into.set(bytes.subarray(at, at + n));
          at += n;
          return n;
        },
        close: () => {},
      };
    },
    openWrite: (p) => {
      // the writer reuses its buffer: keep a copy of each piece
      const parts: Buffer[] = [];
      written.set(p, Buffer.alloc(0));
      return { write: (b) => void parts.push(Buffer.from(b)), close: () => void written.set(p, Buffer.concat(parts)) };
    },
    rename: (from, to) => {
      written.set(to, written.get(from)!);
      written.delete(from);
    },
    remove: (p) => void written.delete(p),
  };
  return { io, written };
}
