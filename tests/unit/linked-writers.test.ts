/**
 * The CLI's fast writers (src/export/linked-points.ts, csv-cell.ts) against the plain rules:
 * the shortcuts (cells that need nothing, coordinates written as they were read, the linker's
 * part written once per combination) must give the very same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/export/csv-cell';
import { isNumberText, linkedCsvLine, linkedCsvWriter, linkedFeature, linkedFeatureWriter } from '../../src/export/linked-points';
import type { LinkedRow, RowWriter } from '../../src/export/linked-points';
import type { SiteCombo } from '../../src/geo/sites';

/** The cell rules as written in csv-cell.ts's header, without its shortcut. */
function ruleCell(v: string): string {
  const formula = /^[=+\-@\t\r]/.test(v) && !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(v);
  if (formula) return `"'${v.replace(/"/g, '""')}"`;
  const quote = /["\r\n,]/.test(v) || /^\s|\s$/.test(v);
  return quote ? `"${v.replace(/"/g, '""')}"` : v;
}

const tricky = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', '=', '+', '-', '@', '\t', '\r', '\n', ' ', '"', ',', '.', 'e', '张', '\u3000', '\u00a0', '\u2028', '\ufeff', '\u0100'),
  maxLength: 8,
});

describe('spreadsheet-safe CSV cells', () => {
  it('csvCell follows the rules on any mix of formula starts, quotes, spaces and CJK', () => {
    fc.assert(
      fc.property(tricky, (v) => csvCell(v) === ruleCell(v)),
      { numRuns: 5000 },
    );
  });

  it('known cases', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('张江')).toBe('张江');
    expect(csvCell('张江\u3000')).toBe('"张江\u3000"');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

describe('coordinates written as read', () => {
  it('isNumberText(s) only when JavaScript writes the number as s', () => {
    const texts = fc.oneof(
      fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.integer({ min: 0, max: 17 })).map(([d, k]) => d.toFixed(k)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', 'e', '+'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(texts, (s) => {
        if (isNumberText(s)) expect(String(Number(s))).toBe(s);
      }),
      { numRuns: 20000 },
    );
  });

  it('accepts the usual coordinate texts and refuses the ones JavaScript writes otherwise', () => {
    for (const s of ['121.4737', '31.2304', '-0.5', '0', '120', '0.000001']) expect(isNumberText(s)).toBe(true);
    for (const s of ['121.40', '031.2', '1.', '.5', '-0', '0.0000001', '1e3', '121.47370000000001', '']) expect(isNumberText(s)).toBe(false);
  });
});

const combos: SiteCombo[] = [
  { zones: [], sectors: [], links: [] },
  {
    zones: ['zhangjiang-pole', 'lingang'],
    sectors: ['ic', 'ai'],
    links: [
      { node: 'ic', via: 'zone', zone: 'zhangjiang-pole', clause: '五（一）', strength: 'named' },
      { node: 'ai', via: 'named', clause: '五（三）', strength: 'named' },
    ] as SiteCombo['links'],
  },
];

const rows: { r: LinkedRow; c: number }[] = [
  {
    r: {
      point: {
        line: 2,
        index: 0,
        id: 'a1',
        name: '张江, "园"',
        lon: 121.6,
        lat: 31.2,
        properties: { note: '=1+1', n: '12' },
        lonText: '121.60',
        latText: '31.2',
      },
      lon: 121.6,
      lat: 31.2,
      district: '浦东新区',
      districtIndex: 3,
    },
    c: 1,
  },
  {
    r: {
      point: { line: 3, index: 1, id: null, name: null, lon: 120.9, lat: 31.4, properties: {}, lonText: '120.9', latText: '31.4' },
      lon: 120.9,
      lat: 31.4,
      district: null,
      districtIndex: -1,
    },
    c: 0,
  },
  {
    r: {
      point: { line: 4, index: 2, id: '@x', name: ' padded ', lon: 121.3, lat: 31.1, properties: { note: 'line\nbreak' }, lonText: '121.3', latText: '31.1' },
      lon: 121.30471,
      lat: 31.09812,
      district: '闵行区',
      districtIndex: 5,
    },
    c: 1,
  },
  {
    r: {
      point: { line: null, index: 3, id: 'g', name: 'geo', lon: 121.5, lat: 31.3, properties: { nested: { a: [1, 2] } }, swapped: true },
      lon: 121.5,
      lat: 31.3,
      district: '杨浦区',
      districtIndex: 7,
    },
    c: 0,
  },
  {
    r: {
      point: { line: null, index: 4, id: 'h', name: 'has zones key', lon: 121.5, lat: 31.3, properties: { zones: 'mine', z: 1 } },
      lon: 121.5,
      lat: 31.3,
      district: '杨浦区',
      districtIndex: 7,
    },
    c: 1,
  },
];

/** What a row writer writes, as text. */
function written(write: RowWriter, r: LinkedRow, c: number, lead?: string): string {
  const parts: Uint8Array[] = [];
  const out = { text: (s: string) => void parts.push(new TextEncoder().encode(s)), bytes: (b: Uint8Array) => void parts.push(b.slice()) };
  write(r, combos[c]!, c, out, lead);
  return Buffer.concat(parts).toString('utf8');
}

describe('linked rows: the fast writers give the plain writers’ text', () => {
  it('CSV', () => {
    const extra = ['note', 'n'];
    const write = linkedCsvWriter(extra);
    // twice, so that the second pass reads the cached parts
    for (let pass = 0; pass < 2; pass++) for (const { r, c } of rows) expect(written(write, r, c)).toBe(`${linkedCsvLine(r, combos[c]!, extra)}\r\n`);
    expect(written(write, rows[0]!.r, 1).startsWith('a1,"张江, ""园""",121.6,31.2,浦东新区,false,zhangjiang-pole; lingang,ic; ai,')).toBe(true);
    expect(written(write, rows[0]!.r, 1).endsWith(`,"'=1+1",12\r\n`)).toBe(true);
  });

  it('GeoJSON, with a separator before the row', () => {
    const write = linkedFeatureWriter('\n');
    for (let pass = 0; pass < 2; pass++)
      for (const { r, c } of rows) {
        const lead = pass === 0 ? '' : ',\n';
        expect(written(write, r, c, lead)).toBe(`${lead}${JSON.stringify(linkedFeature(r, combos[c]!))}\n`);
      }
  });

  it('a feature that cannot be written throws before anything of it is written', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 20_000; i++) at = at.x = {};
    const r: LinkedRow = {
      point: { line: null, index: 0, id: 'd', name: null, lon: 121.5, lat: 31.3, properties: deep },
      lon: 121.5,
      lat: 31.3,
      district: '杨浦区',
      districtIndex: 7,
    };
    const parts: string[] = [];
    const out = { text: (s: string) => void parts.push(s), bytes: () => void parts.push('bytes') };
    expect(() => linkedFeatureWriter('\n')(r, combos[0]!, 0, out, ',\n')).toThrow();
    expect(parts).toEqual([]);
  });
});
