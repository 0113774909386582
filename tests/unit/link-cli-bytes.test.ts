/**
 * `npm run link` CSV → CSV on bytes (src/export/csv-link-bytes.ts) against the general path
 * (decode → read → link → write, what the CLI did before): the same exit code, the same lines on
 * stdout and stderr, and the same output file, byte for byte, on files made to hit every way a
 * row can leave the byte path: quoted fields with line breaks and doubled quotes, CRLF, LF and
 * lone CR, a BOM, GBK, invalid UTF-8, bad numbers, swapped and outside points, duplicate ids,
 * formula-like cells, wide spaces and direction marks, rows with more or fewer fields than the
 * header (before and after the first 4,096 points), blank lines and a trailing partial line,
 * read in chunks of many sizes so that rows, characters and CRLFs straddle the chunk boundaries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { runLink } from '../../scripts/link.ts';
import type { LinkIO } from '../../scripts/link.ts';
import { memoryFiles } from '../fakes/memory-files.ts';
import { mulberry32 } from '../../src/lib/mulberry32.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Result {
  code: number;
  stdout: string[];
  stderr: string[];
  file: Buffer | undefined;
  /** files left besides the output (the temporary file must be gone) */
  others: string[];
}

async function link(bytes: Uint8Array, args: string[], chunkBytes: number, bytePath: boolean): Promise<Result> {
  const { io: files, written } = memoryFiles(() => bytes);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Partial<LinkIO> = {
    ...files,
    // the time and the rate differ from run to run
    stdout: (l) => void stdout.push(l.replace(/ in \d+ ms /, ' in … ms ').replace(/ \([\d,]+ rows\/s\)$/, '')),
    stderr: (l) => void stderr.push(l),
    progress: null,
    chunkBytes,
    bytePath,
  };
  const code = await runLink(['--in', 'in.csv', '--out', 'out.csv', ...args], io);
  const file = written.get('out.csv');
  written.delete('out.csv');
  return { code, stdout, stderr, file, others: [...written.keys()] };
}

async function expectSame(bytes: Uint8Array, args: string[], chunkBytes: number): Promise<Result> {
  const general = await link(bytes, args, chunkBytes, false);
  const fast = await link(bytes, args, chunkBytes, true);
  const what = `${args.join(' ') || '(no options)'}, chunks of ${chunkBytes}`;
  expect(fast.code, what).toBe(general.code);
  expect(fast.stdout, what).toEqual(general.stdout);
  expect(fast.stderr, what).toEqual(general.stderr);
  expect(fast.others, what).toEqual([]);
  expect(general.others).toEqual([]);
  if (general.file === undefined) expect(fast.file, what).toBeUndefined();
  else {
    expect(fast.file, what).toBeDefined();
    // a short message first: where they part
    const a = general.file;
    const b = fast.file!;
    let at = 0;
    while (at < a.length && at < b.length && a[at] === b[at]) at++;
    expect(
      at === a.length && at === b.length ? 'same' : `differ at byte ${at}: ${JSON.stringify(b.subarray(Math.max(0, at - 40), at + 40).toString())}`,
      what,
    ).toBe('same');
  }
  return fast;
}

/** Names and cells that leave the byte path one way or another (and plain ones). */
const NAMES = [
  '园区',
  'Park',
  '"陆家嘴, 东方明珠"',
  '"two\r\nlines"',
  '"two\nlines ""quoted"""',
  '"lone\rCR"',
  '=HYPERLINK("x")',
  '+1+2',
  '-3.5',
  '@SUM(1)',
  '  spaced  ',
  '\u3000宽空格\u3000',
  '名\u00a0',
  'back\u202ewards',
  'ctl\u0007',
  '（一）',
  '\ufeffzw',
  '#tag',
  '.5',
  '',
  '名称;semi',
  'tab\there',
  '😀emoji',
  'é',
];

const LONS = ['121.4737', '121.47370', '+121.5', '0121.5', '121.5e0', '121.47370000000001', ' 121.6 ', '121,5', 'x', '', '120.98', '31.2304', '1e400'];
const LATS = ['31.2304', '31.20', '31.2', ' 31.25', '31', '-0', '121.4737', '31.38', 'abc'];

interface Options {
  rows: number;
  seed: number;
  eol: () => string;
  /** share of rows with an unusual value */
  odd: number;
}

/** A CSV text: header id,name,lon,lat,note,district,,note (an empty and a repeated name), then rows. */
function makeCsv({ rows, seed, eol, odd }: Options): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const parts = [`id,name,lon,lat,note,district,,note${eol()}`];
  for (let i = 0; i < rows; i++) {
    const r = rnd();
    if (r < odd * 0.05) {
      parts.push(pick(['', ',,,', ' , ', '\t']) + eol());
      continue;
    }
    const unusual = r < odd;
    const id = unusual && rnd() < 0.2 ? pick([`r${Math.floor(rnd() * i)}`, ' spaced ', '标识', `=r${i}`, '']) : `r${i}`;
    const name = unusual ? pick(NAMES) : `园区${i}`;
    const lon = unusual && rnd() < 0.3 ? pick(LONS) : (121.1 + rnd() * 0.9).toFixed(1 + Math.floor(rnd() * 6));
    const lat = unusual && rnd() < 0.3 ? pick(LATS) : (30.8 + rnd() * 0.9).toFixed(1 + Math.floor(rnd() * 6));
    const cells = [id, name, lon, lat, unusual ? pick(NAMES) : `n${i % 7}`, unusual ? pick(['', '区', 'x']) : '', unusual ? 'e' : '', 'last'];
    // fewer fields than the header now and then; more only after the first 4,096 points (the
    // output's columns are those of the first 4,096: the later ones are named on stderr)
    const n = unusual && rnd() < 0.1 ? pick(i > 6000 ? [3, 4, 9, 10] : [3, 4]) : 8;
    while (cells.length < n) cells.push(`more${cells.length}`);
    parts.push(cells.slice(0, n).join(',') + eol());
  }
  return parts.join('');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

beforeAll(() => {
  expect(existsSync(join(ROOT, 'public', 'geo', 'districts.geojson')), 'run `npm run build:data` first').toBe(true);
});

describe('link CLI: the byte path writes what the general path writes', () => {
  const crlf = () => '\r\n';
  const mixed = (() => {
    const rnd = mulberry32(99);
    return () => (rnd() < 0.45 ? '\r\n' : rnd() < 0.9 ? '\n' : '\r');
  })();
  // 9,000 rows: more than two batches of 4,096 points
  const big = makeCsv({ rows: 9000, seed: 1, eol: crlf, odd: 0.15 });
  const small = makeCsv({ rows: 400, seed: 2, eol: mixed, odd: 0.5 });

  it.each([61, 997, 4096, 65_536, 1 << 20])('a mixed file with a BOM, CRLF, bad rows and the rest (chunks of %i bytes)', async (chunk) => {
    const bytes = utf8(`\ufeff${big}`);
    const r = await expectSame(bytes, [], chunk);
    // it has bad rows: nothing written, and the lines say where
    expect(r.code).toBe(1);
    expect(r.stderr.filter((l) => /^in\.csv:\d+: /.test(l)).length).toBeGreaterThan(50);
    await expectSame(bytes, ['--skip-invalid'], chunk);
  });

  it('with --skip-invalid the output is written, every row as the general path writes it; --fix-swapped and --crs too', async () => {
    const bytes = utf8(big);
    const r = await expectSame(bytes, ['--skip-invalid'], 997);
    expect(r.code).toBe(0);
    expect(r.file!.length).toBeGreaterThan(100_000);
    expect(r.stderr.some((l) => l.includes('are not in the CSV'))).toBe(true);
    await expectSame(bytes, ['--skip-invalid', '--fix-swapped'], 997);
    await expectSame(bytes, ['--skip-invalid', '--crs', 'gcj02'], 4096);
  });

  it('line ends of every kind, cut anywhere: chunks of 1, 2, 3, 7 and 61 bytes', async () => {
    for (const chunk of [1, 2, 3, 7, 61]) await expectSame(utf8(small), ['--skip-invalid'], chunk);
  });

  it('a trailing partial line, and a file that stops inside a quoted field', async () => {
    const lines = makeCsv({ rows: 300, seed: 3, eol: crlf, odd: 0.3 });
    const noEol = lines.slice(0, -2);
    for (const chunk of [7, 997]) {
      const r = await expectSame(utf8(noEol), ['--skip-invalid'], chunk);
      expect(r.code).toBe(0);
      await expectSame(utf8(`${noEol},"unclosed\r\nmore`), ['--skip-invalid'], chunk);
      await expectSame(utf8(`${lines}\r`), ['--skip-invalid'], chunk);
    }
  });

  it('GBK: detected, or chosen; a GBK file read as UTF-8', async () => {
    const gbk = new Uint8Array(iconv.encode(makeCsv({ rows: 3000, seed: 4, eol: crlf, odd: 0.2 }).replace(/😀|\u00a0|é|\ufeff/g, ''), 'gbk'));
    const r = await expectSame(gbk, ['--skip-invalid'], 997);
    expect(r.stdout[0]).toContain('read as GBK / GB18030');
    await expectSame(gbk, ['--skip-invalid', '--encoding', 'gbk'], 4096);
    await expectSame(gbk, ['--skip-invalid', '--encoding', 'utf-8'], 4096);
  });

  it('ASCII for more than a chunk, then Chinese; invalid UTF-8 bytes in a name', async () => {
    const ascii = makeCsv({ rows: 5000, seed: 5, eol: crlf, odd: 0 }).replace(/园区/g, 'P');
    // the Chinese as UTF-8 bytes, then two bytes that are not UTF-8
    const bytes = Buffer.concat([
      Buffer.from(ascii),
      Buffer.from('z1,上海,121.4737,31.2304,n,,,last\r\nz2,bad'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',121.5,31.2,n,,,last\r\n'),
    ]);
    for (const chunk of [997, 65_536]) await expectSame(new Uint8Array(bytes), ['--skip-invalid'], chunk);
  });

  it('files it leaves to the general path give the same output: a quoted header, a header named 2024, sep=;', async () => {
    for (const text of [
      'id,"name",lon,lat\r\na,人民广场,121.4737,31.2304\r\n',
      'id,2024,lon,lat\r\na,x,121.4737,31.2304\r\n',
      'id,lon,lat,9,2024123112,b\r\na,121.4737,31.2304,x,y,z\r\n',
      'id,_col9,lon,lat\r\na,x,121.4737,31.2304,,,,,,,nine\r\n',
      'sep=;\r\nid;name;lon;lat;note\r\na;园区, 一;121.4737;31.2304;x,y\r\nb;=1;121.5;31.2;\r\n',
      'id\tname\tlon\tlat\r\na\t园区\t121.4737\t31.2304\r\n',
      '\r\n\r\nid,name,lon,lat\r\na,b,121.4737,31.2304\r\n',
      'id,name,lon,lat\r\n',
      'no,header,here\r\n1,2,3\r\n',
    ])
      for (const chunk of [3, 997]) await expectSame(utf8(text), ['--skip-invalid'], chunk);
  });
});
