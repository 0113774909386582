import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserCpu, cpuDelta, parseStat, processKind } from '../../scripts/lib/proc-cpu';

// a /proc/<pid>/stat line: pid (comm) state ppid … utime (14) stime (15) …
const stat = (pid: number, comm: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 12 0 500 0 0\n`;

describe('CPU time of the browser’s processes (/proc)', () => {
  it('reads user + system ticks and the parent, also when the command name holds spaces and parentheses', () => {
    expect(parseStat(stat(41, 'chromium', 40, 250, 50))).toEqual({ ppid: 40, ticks: 300 });
    expect(parseStat(stat(42, 'Chrome_ChildIOT (x) y', 41, 7, 3))).toEqual({ ppid: 41, ticks: 10 });
    expect(parseStat('garbage')).toBeNull();
  });

  it('names the kind of each Chromium process from its command line', () => {
    expect(processKind(['/usr/lib/chromium/chromium', '--headless', '--user-data-dir=/tmp/x'].join('\0'))).toBe('browser');
    expect(processKind(['/usr/lib/chromium/chromium', '--type=renderer', '--lang=en'].join('\0'))).toBe('renderer');
    // a child's title as Chromium rewrites it: one string, spaces between the arguments
    expect(processKind('/usr/lib/chromium/chromium --type=gpu-process --use-angle=swiftshader\0')).toBe('gpu-process');
    expect(processKind('/usr/lib/chromium/chromium --type=utility --utility-sub-type=storage.mojom.StorageService --lang=en\0')).toBe('utility:StorageService');
    expect(processKind(['/usr/lib/chromium/chromium', '--type=gpu-process', '--use-angle=swiftshader'].join('\0'))).toBe('gpu-process');
    expect(processKind(['/usr/lib/chromium/chromium', '--type=utility', '--utility-sub-type=network.mojom.NetworkService'].join('\0'))).toBe(
      'utility:NetworkService',
    );
  });

  it('counts the processes alive at the second reading, a new one from zero, an ended one not at all', () => {
    const before = {
      ms: new Map([
        [1, 100],
        [2, 500],
        [3, 40],
      ]),
      kind: new Map([
        [1, 'browser'],
        [2, 'renderer'],
        [3, 'renderer'],
      ]),
    };
    const after = {
      ms: new Map([
        [1, 130],
        [2, 900],
        [4, 60],
      ]),
      kind: new Map([
        [1, 'browser'],
        [2, 'renderer'],
        [4, 'renderer'],
      ]),
    };
    expect(Object.fromEntries(cpuDelta(before, after))).toEqual({ browser: 30, renderer: 460 });
  });

  it('takes the Chromium processes under a root process, in ms, from a /proc folder', () => {
    const proc = mkdtempSync(join(tmpdir(), 'proc-'));
    const put = (pid: number, statLine: string, argv: string[]) => {
      mkdirSync(join(proc, String(pid)));
      writeFileSync(join(proc, String(pid), 'stat'), statLine);
      writeFileSync(join(proc, String(pid), 'cmdline'), argv.join('\0') + '\0');
    };
    mkdirSync(join(proc, 'self'));
    writeFileSync(join(proc, 'self', 'stat'), stat(10, 'node', 1, 0, 0));
    put(10, stat(10, 'node', 1, 999, 0), ['node', 'bench.ts']);
    put(11, stat(11, 'chromium', 10, 200, 100), ['/usr/lib/chromium/chromium', '--headless']);
    put(12, stat(12, 'chromium', 11, 50, 0), ['/usr/lib/chromium/chromium', '--type=zygote']);
    put(13, stat(13, 'chromium', 12, 30, 20), ['/usr/lib/chromium/chromium --type=renderer --lang=en']);
    put(14, stat(14, 'chromium', 11, 400, 100), ['/usr/lib/chromium/chromium', '--type=gpu-process']);
    // another browser on the machine, not under the root
    put(20, stat(20, 'chromium', 1, 7000, 0), ['/usr/lib/chromium/chromium', '--headless']);
    // a helper under the root that is no Chromium
    put(15, stat(15, 'sh', 10, 80, 0), ['/bin/sh', '-c', 'true']);
    // 100 ticks a second: a tick is 10 ms
    const snap = browserCpu(10, proc, 100)!;
    expect(Object.fromEntries(snap.ms)).toEqual({ 11: 3000, 12: 500, 13: 500, 14: 5000 });
    expect(Object.fromEntries(snap.kind)).toEqual({ 11: 'browser', 12: 'zygote', 13: 'renderer', 14: 'gpu-process' });
    expect(browserCpu(10, join(proc, 'missing'), 100)).toBeNull();
  });
});
