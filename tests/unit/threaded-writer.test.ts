import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openThreadedWriter } from '../../scripts/lib/threaded-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'threaded-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openThreadedWriter (the CLI writes its output on a thread of its own)', () => {
  it('writes every byte in order, across a ring of slots smaller than the blocks, while the caller reuses its buffer', () => {
    const path = join(dir, 'out.bin');
    // 3 slots of 64 bytes: blocks of 0, 1, 63, 64, 65 and 1,000 bytes go round the ring many times
    const w = openThreadedWriter(path, { slots: 3, slotBytes: 64 });
    const sizes = [0, 1, 63, 64, 65, 1000, 7, 128, 129, 3 * 64 + 5, 5000];
    const expected: number[] = [];
    const reused = new Uint8Array(5000);
    let v = 0;
    for (let round = 0; round < 20; round++)
      for (const n of sizes) {
        for (let i = 0; i < n; i++) {
          reused[i] = v % 251;
          expected.push(v % 251);
          v++;
        }
        w.write(reused.subarray(0, n));
        // the caller's buffer is its own again once write returns
        reused.fill(0xff);
      }
    w.close();
    const got = readFileSync(path);
    expect(got.length).toBe(expected.length);
    expect(got.equals(Buffer.from(expected))).toBe(true);
  });

  it('a close straight after the last write loses nothing (60 short outputs, the last block handed over while the thread waits, then closed at once)', () => {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let k = 0; k < 60; k++) {
      const path = join(dir, `short-${k % 3}.bin`);
      const w = openThreadedWriter(path, { slots: 2, slotBytes: 8 });
      const n = 1 + (k % 23);
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7 + k) % 256);
      w.write(bytes.subarray(0, n >> 1));
      // the thread has written that and waits for more: the last block and the close come together
      Atomics.wait(pause, 0, 0, 3);
      w.write(bytes.subarray(n >> 1));
      w.close();
      expect(readFileSync(path).equals(Buffer.from(bytes)), `output ${k}`).toBe(true);
    }
  });

  it('an empty output makes an empty file; close twice is harmless', () => {
    const path = join(dir, 'empty.bin');
    const w = openThreadedWriter(path);
    w.close();
    w.close();
    expect(readFileSync(path).length).toBe(0);
  });

  it("a write the system refuses (a full disk) is thrown with the system's message by a later write or by close, and by every call after it", () => {
    const w = openThreadedWriter('/dev/full', { slots: 2, slotBytes: 16 });
    const attempt = () => {
      for (let i = 0; i < 1000; i++) w.write(new Uint8Array(16).fill(65));
      w.close();
    };
    expect(attempt).toThrow('ENOSPC: no space left on device, write');
    // a failing file keeps failing, with the same reason (the CLI reports whichever call it meets)
    expect(() => w.write(new Uint8Array(1))).toThrow('ENOSPC: no space left on device, write');
    expect(() => w.close()).toThrow('ENOSPC: no space left on device, write');
  });

  it('opening a file that cannot be made throws at once, as fs does', () => {
    expect(() => openThreadedWriter(join(dir, 'no-such-folder', 'out.csv'))).toThrow(/ENOENT/);
  });
});
