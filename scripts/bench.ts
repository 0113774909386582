/**
 * npm run bench
 *
 * Linking (scripts/bench-linking.ts): the engine's cost curve for 10k, 100k, 1M and 5M random
 * points beside the previous engine and a naive Turf loop from the same run, with the check that
 * every answer equals Turf's (exit 1 otherwise). Then the browser, sites, statistics view, CLI
 * (scripts/bench-cli.ts: `npm run link` on 1M and 5M rows) and soak benchmarks, each in a fresh
 * Node process.
 */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/lib/mulberry32';
import { benchLinking, randomPoints } from './bench-linking';
import { isMain } from './link';

export { mulberry32, randomPoints };

// ---------------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const cpuList = cpus();
  console.log(
    `Node ${process.version} on ${process.platform}/${process.arch}; ${availableParallelism()} CPUs (${cpuList[0]?.model.trim() ?? 'unknown model'})`,
  );
  console.log('');
  const t = performance.now();
  const node = await benchLinking({ checkAll: process.argv.includes('--check-all') });
  // the browser and sites benchmarks each run in a fresh Node process: the linking bench's heap
  // (and the garbage collection it leaves) must not slow the preview servers they start, and no
  // builds, servers or browsers of one benchmark are left to skew the next
  const child = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit' });
  const browser = child('./bench-browser.ts');
  if (browser.status !== 0) console.log(`browser benchmark exited with ${browser.status}`);
  // the filter change alone, on the build the browser benchmark made
  const filter = child('./bench-filter.ts');
  if (filter.status !== 0) console.log(`filter benchmark exited with ${filter.status}`);
  const sites = child('./bench-sites.ts');
  if (sites.status !== 0) console.log(`sites benchmark exited with ${sites.status}`);
  const soak = child('./bench-soak.ts');
  if (soak.status !== 0) console.log(`soak benchmark exited with ${soak.status} (a goal missed)`);
  console.log('');
  const cli = child('./bench-cli.ts');
  if (cli.status !== 0) console.log(`CLI benchmark exited with ${cli.status}`);
  console.log('');
  const stats = child('./bench-stats.ts');
  if (stats.status !== 0) console.log(`statistics benchmark exited with ${stats.status}`);
  console.log('');
  console.log(`Done in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  return node.identical ? 0 : 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = await main();
}
