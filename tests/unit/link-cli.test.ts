import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { openFileWriter, runLink } from '../../scripts/link.ts';
import { openThreadedWriter } from '../../scripts/lib/threaded-writer.ts';
import type { LinkIO } from '../../scripts/link.ts';
import { memoryFiles } from '../fakes/memory-files.ts';
import iconv from 'iconv-lite';
import gcoord from 'gcoord';
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

/**
 * runLink with in-memory output (and optional in-memory input files, text as UTF-8); the real geo
 * data is read from public/geo. Files are read `chunkBytes` at a time (default: a small odd size,
 * so that rows and characters are cut across chunks). `written` holds the files left at the end
 * (the temporary file the CLI writes to is renamed or removed).
 */
async function run(args: string[], files: Record<string, string | Uint8Array> = {}, extra: Partial<LinkIO> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const bytesOf = (p: string): Uint8Array => {
    const f = files[p];
    if (f === undefined) return readFileSync(p);
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  const mem = memoryFiles(bytesOf);
  const code = await runLink(args, {
    readFile: bytesOf,
    ...mem.io,
    exists: (p) => p in files || existsSync(p),
    stdout: (l) => void out.push(l),
    stderr: (l) => void err.push(l),
    progress: null,
    chunkBytes: 997,
    ...extra,
  });
  const written = new Map([...mem.written].map(([p, b]) => [p, b.toString('utf8')]));
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

// the CLI's writer (its own thread) and the plain one on this thread
for (const [writerName, openWriter] of [
  ['on a thread of its own', (p: string) => openThreadedWriter(p)],
  ['on this thread', openFileWriter],
] as const)
  describe(`link CLI: an output that refuses a write (a full disk), written ${writerName}`, () => {
    /** runLink with every output written to /dev/full (every write fails: no space) by the CLI's own writer; the paths removed are kept. */
    async function toFullDisk(args: string[]) {
      const removed: string[] = [];
      const r = await run(args, {}, { openWrite: () => openWriter('/dev/full'), remove: (p) => void removed.push(p) });
      return { ...r, removed };
    }

    for (const out of ['out.csv', 'out.geojson']) {
      it(`names the output and the system's reason, writes nothing, removes the partial file (${out})`, async () => {
        const r = await toFullDisk(['--in', fixture('good.csv'), '--out', out]);
        expect(r.code).toBe(1);
        expect(r.out).toEqual([]);
        expect(r.err).toEqual([`${out}: cannot write: ENOSPC: no space left on device, write`, 'link: nothing written']);
        expect(r.removed).toEqual([expect.stringMatching(new RegExp(`^\\.${out.replace('.', '\\.')}\\.\\d+\\.part$`))]);
        expect(r.written.has(out)).toBe(false);
      });
    }

    for (const out of ['out.csv', 'out.geojson'])
      it(`a write that fails while rows are still being read stops the run there, and is not taken for a bad input (${out})`, async () => {
        // 30,000 rows: megabytes of linked output, so the first 4 MB go out (and fail) long before the input's end: the
        // readers catch what their sink throws, and must not report it as the input's fault
        const rows = ['id,name,lon,lat'];
        for (let i = 0; i < 30_000; i++) rows.push(`r${i},园区${i},121.${String(1000 + i).slice(1)},31.2`);
        const removed: string[] = [];
        const r = await run(
          ['--in', 'big.csv', '--out', out],
          { 'big.csv': rows.join('\r\n') },
          { openWrite: () => openWriter('/dev/full'), remove: (p) => void removed.push(p) },
        );
        expect(r.code).toBe(1);
        expect(r.err).toEqual([`${out}: cannot write: ENOSPC: no space left on device, write`, 'link: nothing written']);
        expect(removed).toHaveLength(1);
      });
  });

describe('link CLI (runLink)', () => {
  it('links a CSV with a BOM and Chinese names', async () => {
    const raw = readFileSync(fixture('good.csv'), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const r = await run(['--in', fixture('good.csv'), '--out', 'out.geojson']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/4 linked \(none outside Shanghai\), 0 skipped in \d+ ms \(read as UTF-8; WGS-84\)/);

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

  it('bad rows: exit 1, nothing written, stderr names the lines; points outside Shanghai are not bad rows', async () => {
    const r = await run(['--in', fixture('bad.csv'), '--out', 'o.geojson']);
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.out).toEqual([]);
    const f = fixture('bad.csv');
    expect(r.err).toContain(`${f}:3: lon "abc" is not a number`);
    expect(r.err.some((l) => l.startsWith(`${f}:5:`) || l.startsWith(`${f}:6:`))).toBe(false);
    expect(r.err.at(-1)).toMatch(/1 bad row of 5; nothing written \(fix them, or pass --skip-invalid to write the 4 good points\)/);
  });

  it('bad rows with --skip-invalid: writes the good rows, outside Shanghai kept, marked and counted', async () => {
    const r = await run(['--in', fixture('bad.csv'), '--out', 'o.geojson', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.err.filter((l) => /bad\.csv:\d+: /.test(l))).toHaveLength(1);
    expect(r.out[0]).toMatch(/4 linked \(2 outside Shanghai\), 1 invalid row skipped/);
    const fs = features(r.written.get('o.geojson'));
    expect(fs.map((f) => f.properties.id)).toEqual(['A1', 'A3', 'A4', 'A5']);
    expect(fs.map((f) => f.properties.district)).toEqual(['黄浦区', '浦东新区', null, null]);
    expect(fs.map((f) => f.properties.outside)).toEqual([false, false, true, true]);
    // Beijing, and the sea inside Shanghai's bounding box: no district, no zones, no sectors
    for (const f of fs.slice(2)) expect(f.properties).toMatchObject({ zones: [], sectors: [], links: [] });
    expect(fs[2]!.geometry.coordinates).toEqual([116.4, 39.9]);
  });

  it('GeoJSON: a point outside Shanghai is written; row errors name the feature', async () => {
    const doc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'ok' }, geometry: { type: 'Point', coordinates: [121.4737, 31.2304] } },
        { type: 'Feature', properties: { name: '北京' }, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
        {
          type: 'Feature',
          properties: { name: 'line' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [121, 31],
              [122, 31],
            ],
          },
        },
      ],
    });
    const r = await run(['--in', 'pts.geojson', '--out', 'o.geojson'], { 'pts.geojson': doc });
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.err).toContain('pts.geojson: feature 2: geometry type LineString is not supported; points only');
    const ok = await run(['--in', 'pts.geojson', '--out', 'o.geojson', '--skip-invalid'], { 'pts.geojson': doc });
    expect(ok.out[0]).toMatch(/2 linked \(1 outside Shanghai\), 1 invalid feature skipped/);
    expect(features(ok.written.get('o.geojson')).map((f) => [f.properties.name, f.properties.district])).toEqual([
      ['ok', '黄浦区'],
      ['北京', null],
    ]);
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
    expect((await run(['--in', 'a.csv', '--out', 'o.geojson', '--crs', 'mercator'])).code).toBe(2);
    expect((await run(['--in', 'a.csv', '--out', 'o.geojson', '--encoding', 'latin9'])).code).toBe(2);
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

describe('link CLI: files as people have them, CSV out', () => {
  const CSV = 'id,名称,经度,纬度,类别\nP1,人民广场,121.4737,31.2304,地标\nP2,张江高科站,121.588395,31.201807,地铁\nK1,昆山,120.98,31.39,邻近\n';

  it('reads a GBK file (detected) and a UTF-16 LE/BE file (BOM) with their Chinese names', async () => {
    for (const [name, bytes, enc] of [
      ['gbk.csv', iconv.encode(CSV, 'gbk'), 'GBK / GB18030'],
      ['u16le.csv', iconv.encode(CSV, 'utf-16le', { addBOM: true }), 'UTF-16 LE'],
      ['u16be.csv', iconv.encode(CSV, 'utf-16be', { addBOM: true }), 'UTF-16 BE'],
    ] as const) {
      const r = await run(['--in', name, '--out', 'o.geojson'], { [name]: new Uint8Array(bytes) });
      expect(r.err, name).toEqual([]);
      expect(r.out[0]).toContain(`read as ${enc}`);
      const fs = features(r.written.get('o.geojson'));
      expect(fs.map((f) => f.properties.name)).toEqual(['人民广场', '张江高科站', '昆山']);
      expect(fs[0]!.properties['类别']).toBe('地标');
      expect(fs[1]!.properties.district).toBe('浦东新区');
    }
  });

  it('--encoding chooses the encoding (a GBK file read as UTF-8 is refused as not text)', async () => {
    const gbk = new Uint8Array(iconv.encode(CSV, 'gbk'));
    const chosen = await run(['--in', 'x.csv', '--out', 'o.geojson', '--encoding', 'gbk'], { 'x.csv': gbk });
    expect(chosen.code).toBe(0);
    expect(features(chosen.written.get('o.geojson'))[0]!.properties.name).toBe('人民广场');
    const wrong = await run(['--in', 'x.csv', '--out', 'o.geojson', '--encoding', 'utf-8'], { 'x.csv': gbk });
    expect(wrong.code).toBe(1);
    expect(wrong.err[0]).toMatch(/no lon and lat columns|binary content/);
  });

  it('keeps and counts rows outside Shanghai (昆山 across the border)', async () => {
    const r = await run(['--in', 'x.csv', '--out', 'o.csv'], { 'x.csv': CSV });
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/3 linked \(1 outside Shanghai\), 0 skipped/);
    const text = r.written.get('o.csv')!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,lon,lat,district,outside,zones,sectors,reasons,类别');
    expect(lines[3]).toBe('K1,昆山,120.98,31.39,,true,,,,邻近');
    expect(lines[1]).toMatch(/^P1,人民广场,121\.4737,31\.2304,黄浦区,false,/);
    expect(lines[2]).toContain('zhangjiang-pole');
  });

  it('writes no CSV cell that a spreadsheet would run as a formula; numbers stay numbers', async () => {
    const csv = [
      'id,name,lon,lat,note',
      'f1,"=HYPERLINK(""http://example.invalid"",""click"")",121.4737,31.2304,ok',
      'f2,@SUM(1+1),121.5,31.2,+1+2',
      'f3,-2+3,121.51,31.21,-3.5',
      '=cmd,name,121.52,31.22,@x',
    ].join('\n');
    const r = await run(['--in', 'f.csv', '--out', 'o.csv'], { 'f.csv': csv });
    expect(r.code).toBe(0);
    const lines = r.written.get('o.csv')!.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://example.invalid"",""click"")",`);
    expect(lines[2]).toMatch(/^f2,"'@SUM\(1\+1\)",.*,"'\+1\+2"$/);
    expect(lines[3]).toMatch(/^f3,"'-2\+3",.*,-3\.5$/);
    expect(lines[4]).toMatch(/^"'=cmd",name,/);
    expect(lines[4]).toMatch(/,"'@x"$/);
  });

  it('--fix-swapped reads rows with lon/lat swapped as points; without it they are bad rows that say so', async () => {
    const csv = 'id,lon,lat\na,121.4737,31.2304\nb,31.2036,121.5906\n';
    const r = await run(['--in', 's.csv', '--out', 'o.geojson'], { 's.csv': csv });
    expect(r.code).toBe(1);
    expect(r.err).toContain('s.csv:3: lon/lat look swapped (lon 31.2036, lat 121.5906; lat must be in [-90, 90])');
    expect(r.err.at(-1)).toContain('1 row looks lon/lat swapped: --fix-swapped reads them swapped back');
    const fixed = await run(['--in', 's.csv', '--out', 'o.geojson', '--fix-swapped'], { 's.csv': csv });
    expect(fixed.code).toBe(0);
    const fs = features(fixed.written.get('o.geojson'));
    expect(fs[1]!.geometry.coordinates).toEqual([121.5906, 31.2036]);
    expect(fs[1]!.properties).toMatchObject({ district: '浦东新区', lonlat_swapped: true });
  });

  it('--crs bd09 converts Baidu coordinates', async () => {
    // 人民广场 as Baidu maps give it (gcoord's forward conversion), ≈ 1 km north-east of WGS-84
    const [bx, by] = gcoord.transform([121.4737, 31.2304], gcoord.WGS84, gcoord.BD09) as [number, number];
    expect(distance([bx, by], [121.4737, 31.2304], { units: 'kilometers' })).toBeGreaterThan(0.8);
    const r = await run(['--in', 'b.csv', '--out', 'o.geojson', '--crs', 'BD-09'], { 'b.csv': `lon,lat\n${bx},${by}\n` });
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('BD-09 → WGS-84');
    const [lon, lat] = features(r.written.get('o.geojson'))[0]!.geometry.coordinates as [number, number];
    expect(Math.abs(lon - 121.4737)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 31.2304)).toBeLessThan(1e-5);
    expect(features(r.written.get('o.geojson'))[0]!.properties.district).toBe('黄浦区');
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
    expect(stdout).toMatch(/4 linked \(none outside Shanghai\), 0 skipped in \d+ ms/);
    const fs = features(readFileSync(out, 'utf8'));
    expect(byName(fs, '张江高科站').properties.zones).toContain('zhangjiang-pole');
  }, 120_000);
});

/**
 * A CSV of `rows` points (CRLF or LF), Chinese names so that chunks cut UTF-8 characters, every
 * 37th name quoted over two lines so that lines and rows differ, bad lon values at the rows in
 * `bad` and the id of row 2 again at the rows in `dup`. Returns the text and, counted here while
 * writing it, the line each row starts on.
 */
function streamCsv(rows: number, bad: ReadonlySet<number>, dup: ReadonlySet<number>, eol = '\r\n') {
  const parts = [`id,name,lon,lat${eol}`];
  let line = 2;
  const badLines: number[] = [];
  const dupLines: number[] = [];
  const lineOf: number[] = [];
  for (let i = 0; i < rows; i++) {
    lineOf.push(line);
    const name = i % 37 === 0 ? `"园区${i}${eol}二号楼"` : `园区${i}`;
    const lon = bad.has(i) ? 'x' : (121.2 + (i % 100) / 250).toFixed(5);
    if (bad.has(i)) badLines.push(line);
    if (dup.has(i)) dupLines.push(line);
    parts.push(`${dup.has(i) ? 'r2' : `r${i}`},${name},${lon},31.2${i % 10}${eol}`);
    line += i % 37 === 0 ? 2 : 1;
  }
  return { text: parts.join(''), badLines, dupLines, lineOf, lastLine: lineOf.at(-1)! };
}

describe('link CLI: streamed input', () => {
  const bad = new Set([0, 1, 4095, 4096, 4097, 5000, 8191, 9999]);
  const dup = new Set([3, 6000]);
  const { text, badLines, dupLines, lineOf } = streamCsv(10_000, bad, dup);

  it.each([1, 7, 997, 4096, 65_536])('row errors keep their line numbers across chunk boundaries (chunks of %i bytes)', async (chunkBytes) => {
    const r = await run(['--in', 'big.csv', '--out', 'o.csv'], { 'big.csv': text }, { chunkBytes });
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    const rowErrors = r.err.filter((l) => l.startsWith('big.csv:'));
    expect(rowErrors).toEqual(
      [
        ...badLines.map((l) => ({ l, m: `big.csv:${l}: lon "x" is not a number` })),
        ...dupLines.map((l) => ({ l, m: `big.csv:${l}: duplicate id 'r2' (first on line ${lineOf[2]})` })),
      ]
        .sort((a, b) => a.l - b.l)
        .map((e) => e.m),
    );
    expect(r.err.at(-1)).toMatch(/10 bad rows of 10000; nothing written/);
  });

  it('with --skip-invalid the good rows are written in order, each once', async () => {
    const r = await run(['--in', 'big.csv', '--out', 'o.csv', '--skip-invalid'], { 'big.csv': text }, { chunkBytes: 4093 });
    expect(r.code).toBe(0);
    const lines = r.written.get('o.csv')!.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const ids = lines
      .slice(1, -1)
      .map((l) => l.slice(0, l.indexOf(',')))
      .filter((id) => id.startsWith('r'));
    const want: string[] = [];
    for (let i = 0; i < 10_000; i++) if (!bad.has(i) && !dup.has(i)) want.push(`r${i}`);
    expect(ids).toEqual(want);
    expect(r.out[0]).toMatch(/^link: 9990 linked .*, 10 invalid rows skipped/);
  });

  it('CRLF, LF and a CR cut from its LF by a chunk read the same rows and lines', async () => {
    const lf = streamCsv(300, new Set([250]), new Set(), '\n');
    const crlf = streamCsv(300, new Set([250]), new Set(), '\r\n');
    expect(lf.badLines).toEqual(crlf.badLines);
    // a chunk that ends between the CR and the LF of a row before the bad one
    const cr = crlf.text.indexOf('\r\n', 2000);
    expect(cr).toBeLessThan(crlf.text.indexOf(',x,'));
    const crBytes = new TextEncoder().encode(crlf.text.slice(0, cr + 1)).length;
    for (const [name, t, eol, chunkBytes] of [
      ['lf.csv', lf.text, '\n', 997],
      ['crlf.csv', crlf.text, '\r\n', 997],
      ['cut.csv', crlf.text, '\r\n', crBytes],
    ] as const) {
      const r = await run(['--in', name, '--out', 'o.csv', '--skip-invalid'], { [name]: t }, { chunkBytes });
      expect(r.code, name).toBe(0);
      expect(r.err.filter((l) => l.startsWith(`${name}:`))).toEqual([`${name}:${lf.badLines[0]}: lon "x" is not a number`]);
      const out = r.written.get('o.csv')!;
      // the quoted two-line names keep their line break as read; every row is there, once
      expect(out).toContain(`,"园区37${eol}二号楼",`);
      const ids = [...out.matchAll(/\r\n(r\d+),/g)].map((m) => m[1]);
      expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => `r${i}`).filter((id) => id !== 'r250'));
    }
  });

  it('a trailing partial line: the last row without a line end is read; a cut-off last row is a bad row on its line', async () => {
    const full = streamCsv(5000, new Set(), new Set(), '\r\n');
    const noEol = full.text.slice(0, -2);
    const r = await run(['--in', 'a.csv', '--out', 'o.csv'], { 'a.csv': noEol }, { chunkBytes: 1000 });
    expect(r.code).toBe(0);
    const out = r.written.get('o.csv')!;
    expect([...out.matchAll(/\r\n(r\d+),/g)]).toHaveLength(5000);
    expect(out).toMatch(/\r\nr4999,园区4999,[^\n]*\r\n$/);

    // the file stops in the middle of its last row's lat
    const cut = noEol.slice(0, noEol.lastIndexOf(','));
    const c = await run(['--in', 'c.csv', '--out', 'o.csv'], { 'c.csv': cut }, { chunkBytes: 1000 });
    expect(c.code).toBe(1);
    expect(c.err.filter((l) => l.startsWith('c.csv:'))).toEqual([expect.stringMatching(new RegExp(`^c\\.csv:${full.lastLine}: `))]);
  });

  it('newline-delimited GeoJSON in and out: line numbers and a point outside Shanghai', async () => {
    const lines = [
      JSON.stringify({ type: 'Feature', id: 'a', properties: { name: '人民广场' }, geometry: { type: 'Point', coordinates: [121.4737, 31.2304] } }),
      '',
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121.5,',
      JSON.stringify({ type: 'Feature', id: 'b', properties: { name: '昆山' }, geometry: { type: 'Point', coordinates: [120.98, 31.38] } }),
    ];
    const input = lines.join('\r\n');
    const r = await run(['--in', 'p.ndjson', '--out', 'o.ndjson', '--skip-invalid'], { 'p.ndjson': input }, { chunkBytes: 13 });
    expect(r.code).toBe(0);
    expect(r.err.filter((l) => l.startsWith('p.ndjson:'))).toEqual([expect.stringMatching(/^p\.ndjson:3: invalid JSON/)]);
    const out = r.written
      .get('o.ndjson')!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Feature<Point, Props>);
    expect(out.map((f) => [f.id, f.properties.district, f.properties.outside])).toEqual([
      ['a', '黄浦区', false],
      ['b', null, true],
    ]);
    expect(r.out[0]).toMatch(/2 linked \(1 outside Shanghai\), 1 invalid feature skipped/);
  });

  it('a progress line is drawn on a terminal and cleared at the end', async () => {
    const lines: string[] = [];
    const r = await run(['--in', 'big.csv', '--out', 'o.csv', '--skip-invalid'], { 'big.csv': text }, { progress: (l) => void lines.push(l) });
    expect(r.code).toBe(0);
    expect(lines[0]).toMatch(/^link: 4,096 rows \(\d+%\), [\d,]+ rows\/s$/);
    expect(lines.at(-1)).toBe('');
  });
});

describe('link CLI: a file of 1,000,001 rows, on disk', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'link-big-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('links every row (more than the old limit of 1,000,000), streaming from and to real files', async () => {
    const n = 1_000_001;
    const inFile = join(dir, 'big.csv');
    const fd = openSync(inFile, 'w');
    writeSync(fd, 'id,lon,lat\n');
    let part: string[] = [];
    for (let i = 0; i < n; i++) {
      // every 1000th row outside Shanghai (昆山); the last one a bad row
      const lon = i === n - 1 ? 'x' : i % 1000 === 0 ? '120.98' : '121.4737';
      const lat = i % 1000 === 0 ? '31.38' : '31.2304';
      part.push(`${i},${lon},${lat}\n`);
      if (part.length === 100_000) {
        writeSync(fd, part.join(''));
        part = [];
      }
    }
    writeSync(fd, part.join(''));
    closeSync(fd);

    const outFile = join(dir, 'out.csv');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runLink(['--in', inFile, '--out', outFile, '--skip-invalid'], {
      stdout: (l) => void out.push(l),
      stderr: (l) => void err.push(l),
      progress: null,
    });
    expect(code).toBe(0);
    expect(err).toEqual([`${inFile}:${n + 1}: lon "x" is not a number`]);
    expect(out[0]).toMatch(/^link: 1000000 linked \(1000 outside Shanghai\), 1 invalid row skipped/);
    const text = readFileSync(outFile, 'utf8');
    const rows = text.split('\r\n');
    expect(rows).toHaveLength(1 + 1_000_000 + 1);
    expect(rows[1]).toMatch(/^0,,120\.98,31\.38,,true,/);
    expect(rows[2]).toMatch(/^1,,121\.4737,31\.2304,黄浦区,false,/);
    expect(rows.at(-2)).toMatch(/^999999,,121\.4737,31\.2304,黄浦区,false,/);
    expect(readdirSync(dir).sort()).toEqual(['big.csv', 'out.csv']);
  }, 600_000);
});
