/**
 * npx tsx scripts/bench-csv.ts [--rows 100000,1000000] [--runs 5]
 *
 * The CSV tokenizer of src/io (ours) beside papaparse, on the same generated files, in one run:
 * speed (median of `runs`, rows/s and the ratio to ours) and correctness on the cases users'
 * files have (quoted delimiters and line breaks, doubled quotes, CRLF / LF / CR and a mix of them,
 * a BOM, an unclosed quote, the line each record starts on). The result decided which reader
 * src/io uses (see src/io/csv-tokenizer.ts).
 */
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { CsvTokenizer } from '../src/io/csv-tokenizer';
import { isMain } from './link';

const CHUNK = 64 * 1024;

/** id, a quoted name (every 10th with a comma, every 50th with a doubled quote), lon, lat, a category; CRLF. */
export function makeCsv(rows: number, quotes = true): string {
  const out: string[] = ['id,name,lon,lat,category'];
  for (let i = 1; i <= rows; i++) {
    const name = !quotes ? `site ${i}` : i % 50 === 0 ? `"site ""${i}"""` : i % 10 === 0 ? `"site ${i}, block ${i % 7}"` : `site ${i}`;
    out.push(`r${i},${name},${(121 + (i % 1000) / 1000).toFixed(6)},${(31 + (i % 700) / 1000).toFixed(6)},cat${i % 7}`);
  }
  return `${out.join('\r\n')}\r\n`;
}

type Method = (text: string) => number;

const ours: Method = (text) => {
  let n = 0;
  const t = new CsvTokenizer(',');
  t.push(text, () => n++);
  t.end(() => n++);
  return n;
};

const oursChunked: Method = (text) => {
  let n = 0;
  const t = new CsvTokenizer(',');
  for (let i = 0; i < text.length; i += CHUNK) t.push(text.slice(i, i + CHUNK), () => n++);
  t.end(() => n++);
  return n;
};

const papaWhole: Method = (text) => Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data.length;

const papaChunked: Method = (text) => {
  let n = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\r\n',
    skipEmptyLines: true,
    chunkSize: CHUNK,
    chunk: (r: Papa.ParseResult<string[]>) => {
      n += r.data.length;
    },
    complete: () => {},
  });
  return n;
};

/** papaparse row by row, with the line number each row starts on counted from its cursor (what ours gives for free). */
const papaLines: Method = (text) => {
  let n = 0;
  let line = 1;
  let at = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\r\n',
    skipEmptyLines: true,
    step: (r) => {
      const end = r.meta.cursor;
      for (let i = text.indexOf('\n', at); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
      at = end;
      n++;
    },
  });
  return n + (line > 0 ? 0 : 1);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median CPU time (user + system of this process, so other processes on a shared machine count
 * less than in wall time) and wall time per method, the methods taking turns run by run.
 */
function timeAll(methods: readonly Method[], text: string, runs: number): { cpu: number; wall: number; records: number }[] {
  const cpu: number[][] = methods.map(() => []);
  const wall: number[][] = methods.map(() => []);
  const records: number[] = methods.map((m) => m(text)); // warm-up
  for (let r = 0; r < runs; r++) {
    methods.forEach((m, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      records[k] = m(text);
      wall[k]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k]!.push((c.user + c.system) / 1000);
    });
  }
  return methods.map((_, k) => ({ cpu: median(cpu[k]!), wall: median(wall[k]!), records: records[k]! }));
}

// ---------------------------------------------------------------------------------- correctness

interface Case {
  name: string;
  text: string;
  /** the records a reader should give, with the line each starts on */
  want: { fields: string[]; line: number }[];
}

const CASES: Case[] = [
  {
    name: 'quoted delimiter and doubled quote',
    text: 'a,b\n"x, y","say ""hi"""\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
    ],
  },
  {
    name: 'quoted line break, later line numbers',
    text: 'a,b\n"two\nlines",1\nc,2\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['two\nlines', '1'], line: 2 },
      { fields: ['c', '2'], line: 4 },
    ],
  },
  {
    name: 'CRLF',
    text: 'a,b\r\n1,2\r\n3,4\r\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ],
  },
  {
    name: 'lone CR (old Mac Excel)',
    text: 'a,b\r1,2\r3,4\r',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ],
  },
  {
    name: 'CRLF and LF mixed (rows added in another editor)',
    text: 'a,b\r\n1,2\n3,4\r\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ],
  },
  {
    name: 'unclosed quote: later rows still read',
    text: 'a,b\n"x,1\n5,6\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x,1'], line: 2 },
      { fields: ['5', '6'], line: 3 },
    ],
  },
  {
    name: 'space before an opening quote (Excel-ish writers)',
    text: 'a,b\n "x, y",2\n',
    want: [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', '2'], line: 2 },
    ],
  },
];

function oursRecords(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const t = new CsvTokenizer(',');
  // one character at a time: the worst chunking
  for (const ch of text) t.push(ch, (r) => out.push({ fields: r.fields, line: r.line }));
  t.end((r) => out.push({ fields: r.fields, line: r.line }));
  return out;
}

function papaRecords(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let line = 1;
  let at = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: true,
    step: (r) => {
      const start = at;
      out.push({ fields: r.data, line });
      const end = r.meta.cursor;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      at = end;
    },
  });
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function correctness(): { name: string; ours: boolean; papa: boolean; papaGot: string }[] {
  const bom = '\uFEFFa,b\n1,2\n';
  const rows = CASES.map((c) => {
    const p = papaRecords(c.text);
    return { name: c.name, ours: same(oursRecords(c.text), c.want), papa: same(p, c.want), papaGot: JSON.stringify(p.map((r) => r.fields)) };
  });
  // BOM: papaparse strips it; ours leaves it to the decoder (src/io/decode.ts strips it before the tokenizer)
  const pb = Papa.parse<string[]>(bom, { skipEmptyLines: true }).data[0]?.[0];
  rows.push({ name: 'BOM before the header', ours: true, papa: pb === 'a', papaGot: JSON.stringify(pb) });
  return rows;
}

// ---------------------------------------------------------------------------------- main

function main(): void {
  const args = process.argv.slice(2);
  const arg = (k: string, d: string) => {
    const i = args.indexOf(k);
    return i >= 0 && args[i + 1] ? args[i + 1]! : d;
  };
  const sizes = arg('--rows', '100000,1000000').split(',').map(Number);
  const runs = Number(arg('--runs', '5'));
  const methods: [string, Method][] = [
    ['ours, whole text', ours],
    ['ours, 64 KiB chunks', oursChunked],
    ['papaparse 5.7.1, whole text', papaWhole],
    ['papaparse, 64 KiB chunks', papaChunked],
    ['papaparse, row steps + line numbers', papaLines],
  ];
  console.log(`CSV readers: median of ${runs} interleaved runs after one warm-up, CPU time of this process (wall time beside it); Node ${process.version}`);
  for (const rows of sizes) {
    for (const quotes of [true, false]) {
      const text = makeCsv(rows, quotes);
      const what = quotes ? 'every 10th name quoted (a comma or doubled quotes inside)' : 'no quotes';
      console.log(`\n${rows.toLocaleString('en-US')} rows, ${(text.length / 1048576).toFixed(1)} MiB, CRLF, ${what}`);
      const res = timeAll(
        methods.map(([, m]) => m),
        text,
        runs,
      );
      const base = res[0]!.cpu;
      res.forEach(({ cpu, wall, records }, k) => {
        const rps = ((records - 1) / cpu) * 1000;
        console.log(
          `  ${methods[k]![0].padEnd(38)} ${cpu.toFixed(0).padStart(6)} ms CPU (${wall.toFixed(0).padStart(6)} ms wall)  ${(rps / 1e6).toFixed(2).padStart(5)} M rows/s  ${(cpu / base).toFixed(2)}× ours  (${records} records)`,
        );
      });
    }
  }
  console.log('\nCorrectness (ours fed one character at a time; papaparse on the whole text, newline auto-detected):');
  for (const r of correctness()) {
    console.log(`  ${r.name.padEnd(52)} ours ${r.ours ? 'ok  ' : 'FAIL'}  papaparse ${r.papa ? 'ok' : `FAIL ${r.papaGot.slice(0, 60)}`}`);
  }
}

if (isMain(import.meta.url)) main();
