/**
 * CPU time of the browser's processes, read from Linux's /proc: each process's user + system
 * time (all its threads), grouped by Chromium's process kind (browser, renderer, gpu-process,
 * utility:NetworkService, …). scripts/bench-browser.ts reads it before and after each start-up
 * load: on a machine with 2 cores and a software GPU (SwiftShader, whose threads live in the GPU
 * process), ready follows the CPU the whole load costs, not the page's main thread alone.
 * Linux only; elsewhere `browserCpu` answers null and the bench leaves the figure out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** CPU ms per process id, and the process kind of each. */
export interface CpuSnapshot {
  ms: Map<number, number>;
  kind: Map<number, string>;
}

/** user + system clock ticks (fields 14 and 15 of /proc/<pid>/stat), and the parent's pid (field 4); null if unreadable. */
export function parseStat(stat: string): { ppid: number; ticks: number } | null {
  // the command name (field 2) is in parentheses and may hold spaces or parentheses itself
  const end = stat.lastIndexOf(')');
  if (end < 0) return null;
  const f = stat
    .slice(end + 2)
    .trim()
    .split(/\s+/);
  // f[0] is field 3 (state)
  const ppid = Number(f[1]);
  const ticks = Number(f[11]) + Number(f[12]);
  return Number.isFinite(ppid) && Number.isFinite(ticks) ? { ppid, ticks } : null;
}

/**
 * Chromium's kind of process from its command line: `--type=…`, a utility's sub-type after a
 * colon, else 'browser'. The arguments are NUL-separated, or spaces where Chromium has rewritten
 * its process title (its child processes do).
 */
export function processKind(cmdline: string): string {
  const args = cmdline.split(/[\0 ]/);
  const value = (flag: string) => args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  const type = value('--type');
  if (!type) return 'browser';
  const sub = type === 'utility' ? value('--utility-sub-type')?.split('.').pop() : undefined;
  return sub ? `${type}:${sub}` : type;
}

/** Per kind, the CPU ms spent between two snapshots by the processes alive at the second (a process new since the first counts from 0). */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, ms] of after.ms) {
    const kind = after.kind.get(pid)!;
    out.set(kind, (out.get(kind) ?? 0) + ms - (before.ms.get(pid) ?? 0));
  }
  return out;
}

let ticks: number | null = null;
/** The kernel's clock ticks per second (getconf CLK_TCK; 100 where it cannot say). */
function clockTicks(): number {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** The CPU time of every process descended from `root` (this script: the browser it launched and its children); null without /proc. */
export function browserCpu(root = process.pid, proc = '/proc', ticksPerSecond = clockTicks()): CpuSnapshot | null {
  if (!existsSync(join(proc, 'self', 'stat'))) return null;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = parseStat(readFileSync(join(proc, name, 'stat'), 'utf8'));
      if (s) stats.set(Number(name), s);
    } catch {
      // the process ended while the folder was read
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  const snap: CpuSnapshot = { ms: new Map(), kind: new Map() };
  const tick = 1000 / ticksPerSecond;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    stack.push(...(children.get(pid) ?? []));
    let cmdline: string;
    try {
      cmdline = readFileSync(join(proc, String(pid), 'cmdline'), 'utf8');
    } catch {
      continue;
    }
    if (!/chrom/i.test(cmdline.split(/[\0 ]/)[0] ?? '')) continue;
    snap.ms.set(pid, stats.get(pid)!.ticks * tick);
    snap.kind.set(pid, processKind(cmdline));
  }
  return snap;
}
