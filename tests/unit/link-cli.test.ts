import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { runLink } from '../../scripts/link.ts';
import type { LinkIO } from '../../scripts/link.ts';
import type { Link } from '../../src/geo/types.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIX = join(ROOT, 'tests', 'fixtures', 'link');
const fixture = (name: string) => join(FIX, name);

interface Run {
  code: number;
  out: string[];
  err: string[];
  written: Map<string, string>;
}

/** runLink with in-memory output (and optional in-memory input files); the real geo data is read from public/geo. */
async function run(args: string[], files: Record<string, string> = {}, extra: Partial<LinkIO> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const code = await runLink(args, {
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    exists: (p) => p in files || existsSync(p),
    writeFile: (p, t) => void written.set(p, t),
    stdout: (l) => void out.push(l),
    stderr: (l) => void err.push(l),
    ...extra,
  });
  return { code, out, err, written };
}

type Props = {
  id: string | null;
  name: string | null;
  district: string | null;
  zones: string[];
  sectors: string[];
  links: Link[];
  [k: string]: unknown;
};

function features(text: string | undefined): Feature<Point, Props>[] {
  expect(text).toBeDefined();
  const fc = JSON.parse(text!) as FeatureCollection<Point, Props>;
  expect(fc.type).toBe('FeatureCollection');
  return fc.features;
}

const byName = (fs: Feature<Point, Props>[], name: string) => {
  const f = fs.find((x) => x.properties.name === name);
  expect(f, `feature ${name}`).toBeDefined();
  return f!;
};

beforeAll(() => {
  expect(existsSync(join(ROOT, 'public', 'geo', 'districts.geojson')), 'run `npm run build:data` first').toBe(true);
});

describe('link CLI (runLink)', () => {
  it('links a CSV with a BOM and Chinese names', async () => {
    const raw = readFileSync(fixture('good.csv'), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const r = await run(['--in', fixture('good.csv'), '--out', 'out.geojson']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/4 linked, 0 skipped in \d+ ms/);

    const fs = features(r.written.get('out.geojson'));
    expect(fs).toHaveLength(4);
    const square = byName(fs, '人民广场');
    expect(square.id).toBe('P1');
    expect(square.properties.id).toBe('P1');
    expect(square.properties['类别']).toBe('地标');
    expect(square.properties.district).toBe('黄浦区');
    expect(square.geometry.coordinates).toEqual([121.4737, 31.2304]);

    const zj = byName(fs, '张江高科站');
    expect(zj.properties.district).toBe('浦东新区');
    expect(zj.properties.zones).toContain('zhangjiang-pole');
    expect(zj.properties.sectors).toContain('ic');
    expect(zj.properties.links).toContainEqual(expect.objectContaining({ sector: 'ic', via: 'zone', zone: 'zhangjiang-pole', clause: '五（一）' }));
    expect(byName(fs, '陆家嘴, 东方明珠').properties.district).toBe('浦东新区');
  });

  it('links a GeoJSON file, keeping its properties', async () => {
    const r = await run(['--in', fixture('sites.geojson'), '--out', 'o.geojson']);
    expect(r.code).toBe(0);
    const fs = features(r.written.get('o.geojson'));
    expect(fs.map((f) => f.properties.district)).toEqual(['浦东新区', '黄浦区']);
    expect(fs[0]!.properties.kind).toBe('metro');
    expect(fs[0]!.properties.zones).toContain('zhangjiang-pole');
    expect(fs[1]!.properties.id).toBe('2');
  });

  it('bad rows: exit 1, nothing written, stderr names the lines', async () => {
    const r = await run(['--in', fixture('bad.csv'), '--out', 'o.geojson']);
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.out).toEqual([]);
    const f = fixture('bad.csv');
    expect(r.err).toContain(`${f}:3: lon "abc" is not a number`);
    expect(r.err).toContain(`${f}:5: outside Shanghai (lon 116.40, lat 39.90)`);
    // inside the bounding box but in the sea: caught by the district check
    expect(r.err).toContain(`${f}:6: outside Shanghai (lon 122.50, lat 30.50)`);
    expect(r.err.at(-1)).toMatch(/3 bad rows of 5; nothing written/);
  });

  it('bad rows with --skip-invalid: writes only the good rows', async () => {
    const r = await run(['--in', fixture('bad.csv'), '--out', 'o.geojson', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.err.filter((l) => /bad\.csv:\d+: /.test(l))).toHaveLength(3);
    expect(r.out[0]).toMatch(/2 linked, 3 invalid rows skipped/);
    const fs = features(r.written.get('o.geojson'));
    expect(fs.map((f) => f.properties.id)).toEqual(['A1', 'A3']);
    expect(fs.map((f) => f.properties.district)).toEqual(['黄浦区', '浦东新区']);
  });

  it('GeoJSON row errors name the feature', async () => {
    const doc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'ok' }, geometry: { type: 'Point', coordinates: [121.4737, 31.2304] } },
        { type: 'Feature', properties: { name: '北京' }, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
      ],
    });
    const r = await run(['--in', 'pts.geojson', '--out', 'o.geojson'], { 'pts.geojson': doc });
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.err).toContain('pts.geojson: feature 1: outside Shanghai (lon 116.40, lat 39.90)');
  });

  it('--crs gcj02 moves points by about half a kilometre', async () => {
    const a = await run(['--in', fixture('good.csv'), '--out', 'w.geojson']);
    const b = await run(['--in', fixture('good.csv'), '--out', 'g.geojson', '--crs', 'gcj02']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.out[0]).toContain('GCJ-02 → WGS-84');
    const wa = features(a.written.get('w.geojson'));
    const wb = features(b.written.get('g.geojson'));
    expect(wb).toHaveLength(wa.length);
    wa.forEach((f, i) => {
      const g = wb[i]!;
      const km = distance(f.geometry.coordinates, g.geometry.coordinates, { units: 'kilometers' });
      expect(km).toBeGreaterThan(0.4);
      expect(km).toBeLessThan(0.6);
      // GCJ-02 is shifted north-east of WGS-84 in Shanghai, so the converted point lies south-west
      expect(g.geometry.coordinates[0]!).toBeLessThan(f.geometry.coordinates[0]!);
    });
    expect(byName(wb, '张江高科站').properties.district).toBe('浦东新区');
  });

  it('fatal reader errors: message, exit 1, nothing written', async () => {
    const empty = await run(['--in', 'e.csv', '--out', 'o.geojson'], { 'e.csv': '' });
    expect(empty.code).toBe(1);
    expect(empty.written.size).toBe(0);
    expect(empty.err[0]).toBe('e.csv: file is empty');

    const json = await run(['--in', 'x.geojson', '--out', 'o.geojson'], { 'x.geojson': '{"type": "Feature' });
    expect(json.code).toBe(1);
    expect(json.written.size).toBe(0);
    expect(json.err[0]).toMatch(/^x\.geojson: invalid JSON/);

    const missing = await run(['--in', join(FIX, 'no-such-file.csv'), '--out', 'o.geojson']);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read: no such file/);
  });

  it('usage errors exit 2 with the usage text', async () => {
    const noIn = await run(['--out', 'o.geojson']);
    expect(noIn.code).toBe(2);
    expect(noIn.err[0]).toContain('missing --in');
    expect(noIn.err.join('\n')).toContain('Usage: npm run link');
    expect(noIn.written.size).toBe(0);

    expect((await run(['--in', 'a.csv', '--out', 'o.geojson', '--frobnicate'])).code).toBe(2);
    expect((await run(['--in', 'a.csv', '--out', 'o.geojson', '--crs', 'bd09'])).code).toBe(2);
    expect((await run(['--in', 'a.csv'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });

  it('without public/geo it says to run build:data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-geo-'));
    try {
      const r = await run(['--in', fixture('good.csv'), '--out', 'o.geojson'], {}, { geoDir: dir });
      expect(r.code).toBe(1);
      expect(r.written.size).toBe(0);
      expect(r.err.join('\n')).toContain('npm run build:data');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('link CLI (spawned)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'link-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('npx tsx scripts/link.ts writes the file and a summary', () => {
    const out = join(dir, 'linked.geojson');
    const stdout = execFileSync('npx', ['tsx', 'scripts/link.ts', '--in', 'tests/fixtures/link/good.csv', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stdout).toMatch(/4 linked, 0 skipped in \d+ ms/);
    const fs = features(readFileSync(out, 'utf8'));
    expect(byName(fs, '张江高科站').properties.zones).toContain('zhangjiang-pole');
  });
});
