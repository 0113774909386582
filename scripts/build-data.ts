/**
 * npm run build:data            data/ → public/geo (validated; prints the audit)
 * npm run build:data -- --check fails if public/geo differs from what data/ builds
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDataError } from '../src/loaders/schemas';
import type { Manifest } from '../src/loaders/schemas';
import { formatAudit } from '../src/geo/audit';
import { buildData } from './lib/build';
import type { BuildOutputs } from './lib/build';
import { DISTRICTS_SOURCE, buildDistricts } from './lib/districts';
import { serialiseCollection } from './lib/serialise';
import { BASEMAP_SOURCE, buildBasemap } from './lib/basemap';
import { BasemapSchema, FootprintsSchema, StatsFileSchema, parseWith, sectorNodeIndex } from '../src/loaders/schemas';
import { buildStatsFile } from './lib/stats-file';
import { parsePlanClauses } from '../src/loaders/plan-clauses';
import { buildTargets } from './lib/targets';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data');
const outDir = join(root, 'public', 'geo');
const check = process.argv.includes('--check');
const quiet = process.argv.includes('--quiet');

function readJson(name: string): unknown {
  const path = join(dataDir, name);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    console.error(`data/${name}: not valid JSON: ${(e as Error).message}`);
    process.exit(1);
  }
}

const result = buildData({
  planText: readFileSync(join(dataDir, 'plan', 'plan-2021-10.txt'), 'utf8'),
  sectors: readJson('sectors.json'),
  zones: readJson('zones.json'),
  parks: readJson('parks.json'),
  registry: readJson('registry.json'),
  districts: buildDistricts(),
});

if (!result.outputs) {
  console.error(`Data build failed with ${result.errors.length} error(s):`);
  for (const e of result.errors) console.error(`  ${formatDataError(e)}`);
  process.exit(1);
}

let basemap: ReturnType<typeof buildBasemap>;
try {
  basemap = buildBasemap();
} catch (e) {
  console.error(`data/basemap.json: ${(e as Error).message}`);
  process.exit(1);
}
// the statistics view's precomputed figures: zones' district shares and the audit
const statsFile = buildStatsFile(result.outputs, result.audit!);
for (const [name, schema, value] of [
  ['public/geo/basemap.geojson', BasemapSchema, basemap],
  ['public/geo/footprints.geojson', FootprintsSchema, result.outputs.footprints],
  ['public/geo/stats.json', StatsFileSchema, statsFile],
] as const) {
  const r = parseWith(schema, name, value);
  if (!r.ok) {
    for (const e of r.errors) console.error(`  ${formatDataError(e)}`);
    process.exit(1);
  }
}

const files = render(result.outputs);
files.set('basemap.geojson', serialiseCollection(basemap));
files.set('stats.json', JSON.stringify(statsFile) + '\n');
// the plan's scorecard (data/targets.json): targets, outturns, statuses
const scorecard = buildTargets(readJson('targets.json'), {
  nodes: sectorNodeIndex(result.outputs.sectors),
  clauses: parsePlanClauses(readFileSync(join(dataDir, 'plan', 'plan-2021-10.txt'), 'utf8')),
  sectors: result.outputs.sectors,
});
if (!scorecard.targets) {
  console.error(`Scorecard build failed with ${scorecard.errors.length} error(s):`);
  for (const e of scorecard.errors) console.error(`  ${formatDataError(e)}`);
  process.exit(1);
}
files.set('targets.json', JSON.stringify(scorecard.targets, null, 1) + '\n');
{
  // the briefing script (data/briefing.json), checked against the built data and the plan
  const { buildBriefing, geometryExtents, serialiseBriefing } = await import('./lib/briefing');
  const planText = readFileSync(join(dataDir, 'plan', 'plan-2021-10.txt'), 'utf8');
  const o = result.outputs;
  const b = buildBriefing(readJson('briefing.json'), {
    clauses: parsePlanClauses(planText),
    planText,
    sectors: o.sectors,
    zoneIds: new Set(o.zones.features.map((f) => f.properties.id)),
    parkIds: new Set(o.parks.features.map((f) => f.properties.id)),
    extents: geometryExtents([o.zones, o.parks]),
  });
  if (!b.briefing) {
    console.error(`Briefing build failed with ${b.errors.length} error(s):`);
    for (const e of b.errors) console.error(`  ${formatDataError(e)}`);
    process.exit(1);
  }
  files.set('briefing.json', serialiseBriefing(b.briefing));
}
const manifest = makeManifest(files, result.outputs, result.clauseCount, basemap, scorecard.targets);
files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');

if (!quiet) {
  console.log(`Plan: ${result.clauseCount} clauses indexed.`);
  for (const f of manifest.files) console.log(`  ${f.name.padEnd(22)} ${String(f.features).padStart(4)} features ${String(f.bytes).padStart(8)} bytes`);
  for (const n of result.notes) console.log(`  area check: ${n}`);
  console.log('Audit:\n' + formatAudit(result.audit!).replace(/^/gm, '  '));
  console.log(`  list categories no containing zone supports (${result.listUnsupported.length}):`);
  for (const u of result.listUnsupported) console.log(`    ${u.park}: ${u.category} → ${u.sector}`);
  const byFootprint = result.outputs.parks.features.flatMap((f) =>
    [...new Set(f.properties.links.filter((l) => l.by === 'footprint').map((l) => l.zone))].map((z) => `${f.properties.id} → ${z}`),
  );
  console.log(`  zones reached only by a schematic footprint (${byFootprint.length}): ${byFootprint.join(', ') || '—'}`);
  const conf = new Map<string, number>();
  for (const f of result.outputs.parks.features) conf.set(f.properties.confidence, (conf.get(f.properties.confidence) ?? 0) + 1);
  console.log(`Places: ${result.outputs.parks.features.length} (${[...conf].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  const st = new Map<string, string[]>();
  for (const t of scorecard.targets.targets) st.set(t.status, [...(st.get(t.status) ?? []), t.id]);
  console.log(`Scorecard: ${scorecard.targets.targets.length} targets`);
  for (const [k, v] of st) console.log(`  ${k} (${v.length}): ${v.join(', ')}`);
}

if (check) {
  const stale = [...files].filter(([name, text]) => {
    const path = join(outDir, name);
    if (!existsSync(path)) return true;
    const old = readFileSync(path, 'utf8');
    return name === 'manifest.json' ? withoutBuildTime(old) !== withoutBuildTime(text) : old !== text;
  });
  if (stale.length) {
    console.error(`public/geo is out of date (${stale.map(([n]) => n).join(', ')}): run \`npm run build:data\` and commit.`);
    process.exit(1);
  }
  console.log('public/geo is up to date with data/.');
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  console.log(`Wrote ${files.size} files to public/geo.`);
}

function render(o: BuildOutputs): Map<string, string> {
  return new Map([
    ['sectors.json', JSON.stringify(o.sectors, null, 1) + '\n'],
    ['districts.geojson', serialiseCollection(o.districts)],
    ['zones.geojson', serialiseCollection(o.zones)],
    ['parks.geojson', serialiseCollection(o.parks)],
    ['footprints.geojson', serialiseCollection(o.footprints)],
  ]);
}

function makeManifest(
  files: Map<string, string>,
  o: BuildOutputs,
  clauses: number,
  basemap: { features: unknown[] },
  targets: { targets: unknown[] },
): Manifest {
  const req = createRequire(import.meta.url);
  const version = (pkg: string) => (req(`${pkg}/package.json`) as { version: string }).version;
  const counts: Record<string, number> = {
    'sectors.json': o.sectors.sectors.length,
    'districts.geojson': o.districts.features.length,
    'zones.geojson': o.zones.features.length,
    'parks.geojson': o.parks.features.length,
    'footprints.geojson': o.footprints.features.length,
    'basemap.geojson': basemap.features.length,
    'targets.json': targets.targets.length,
    'stats.json': o.zones.features.length,
  };
  const entries = [...files].map(([name, text]) => ({
    name,
    features: counts[name] ?? 0,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  }));
  // keep the previous build time when nothing changed, so rebuilding is a no-op for git
  let builtAt = new Date().toISOString();
  const old = join(outDir, 'manifest.json');
  if (existsSync(old)) {
    const prev = JSON.parse(readFileSync(old, 'utf8')) as Manifest;
    if (JSON.stringify(prev.files) === JSON.stringify(entries)) builtAt = prev.built_at;
  }
  return {
    version: 1,
    built_at: builtAt,
    plan: {
      title: '上海市战略性新兴产业和先导产业发展“十四五”规划',
      document: '沪府办发〔2021〕10号',
      clauses,
    },
    files: entries,
    sources: [
      {
        name: DISTRICTS_SOURCE.package,
        version: DISTRICTS_SOURCE.version,
        license: DISTRICTS_SOURCE.license,
        use: `district polygons (${DISTRICTS_SOURCE.file}, GCJ-02)`,
      },
      {
        name: 'echarts',
        version: DISTRICTS_SOURCE.version,
        license: 'Apache-2.0',
        use: `context land of 江苏省 and 浙江省 (${BASEMAP_SOURCE.provinces.files.join(', ')})`,
      },
      { name: 'gcoord', version: version('gcoord'), license: 'MIT', use: 'GCJ-02 → WGS-84 conversion' },
      { name: '@turf/turf', version: version('@turf/turf'), license: 'MIT', use: 'zone geometry (buffers, hulls, intersections) and linking' },
      {
        name: 'data/',
        version: '2',
        license: 'see data/README.md',
        use: 'authored sectors, zones, places, the official park list and the scorecard, with per-fact sources',
      },
    ],
  };
}

function withoutBuildTime(text: string): string {
  return text.replace(/"built_at": "[^"]*"/, '');
}
