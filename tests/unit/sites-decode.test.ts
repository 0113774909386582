import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { SNIFF_BYTES, createStreamDecoder, decodeBytes, parseEncodingChoice } from '../../src/io/decode';
import type { EncodingChoice } from '../../src/io/decode';

const CSV = 'id,名称,经度,纬度\r\n1,人民广场,121.4737,31.2304\r\n2,“外滩” 𠀀 😀,121.49,31.24\r\n';
const bytes = (b: Buffer | Uint8Array) => new Uint8Array(b);

/** Decodes `b` fed in pieces of `size` bytes. */
function inPieces(b: Uint8Array, size: number, choice: EncodingChoice = 'auto') {
  const d = createStreamDecoder(choice);
  let text = '';
  for (let i = 0; i < b.length; i += size) text += d.push(b.subarray(i, i + size));
  text += d.end();
  return { text, report: d.report };
}

describe('decoding files as people save them', () => {
  it.each([
    ['UTF-8', bytes(Buffer.from(CSV, 'utf8')), { encoding: 'utf-8', bom: false, how: 'detected' }],
    [
      'UTF-8 with BOM (Excel "CSV UTF-8")',
      bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])),
      { encoding: 'utf-8', bom: true, how: 'bom' },
    ],
    ['UTF-16 LE with BOM (Excel "Unicode text")', bytes(iconv.encode(CSV, 'utf-16le', { addBOM: true })), { encoding: 'utf-16le', bom: true, how: 'bom' }],
    ['UTF-16 BE with BOM', bytes(iconv.encode(CSV, 'utf-16be', { addBOM: true })), { encoding: 'utf-16be', bom: true, how: 'bom' }],
    ['GB18030 (Excel "CSV" on Chinese Windows)', bytes(iconv.encode(CSV, 'gb18030')), { encoding: 'gb18030', bom: false, how: 'detected' }],
  ] as const)('%s', (_, b, report) => {
    const whole = decodeBytes(b);
    expect(whole.text).toBe(CSV);
    expect(whole.report).toEqual(report);
    // the same text and report whatever the chunking (multi-byte characters cut in two)
    for (const size of [1, 2, 3, 7, 4096]) expect(inPieces(b, size)).toEqual({ text: CSV, report });
  });

  it('GBK (the GB18030 subset without 4-byte characters) is read the same', () => {
    const text = 'name,lon,lat\n徐家汇,121.43,31.19\n';
    expect(decodeBytes(bytes(iconv.encode(text, 'gbk')))).toEqual({ text, report: { encoding: 'gb18030', bom: false, how: 'detected' } });
  });

  it('ASCII only: UTF-8, said so', () => {
    expect(decodeBytes(bytes(Buffer.from('lon,lat\n121,31\n')))).toEqual({
      text: 'lon,lat\n121,31\n',
      report: { encoding: 'utf-8', bom: false, how: 'ascii' },
    });
    expect(decodeBytes(new Uint8Array(0)).text).toBe('');
  });

  it('decides on the first non-ASCII stretch, however late it comes', () => {
    const ascii = `lon,lat,name\n${'121.4,31.2,x\n'.repeat(20_000)}`; // 260 KB of ASCII first
    const text = `${ascii}121.5,31.3,静安寺\n`;
    const b = bytes(iconv.encode(text, 'gbk'));
    expect(b.length).toBeGreaterThan(2 * SNIFF_BYTES);
    const r = inPieces(b, 65_536);
    expect(r.report).toEqual({ encoding: 'gb18030', bom: false, how: 'detected' });
    expect(r.text).toBe(text);
  });

  it('the user may override the detection; a BOM of the chosen encoding is dropped', () => {
    const gbk = bytes(iconv.encode(CSV, 'gb18030'));
    expect(decodeBytes(gbk, 'gb18030')).toEqual({ text: CSV, report: { encoding: 'gb18030', bom: false, how: 'chosen' } });
    const u8 = decodeBytes(gbk, 'utf-8');
    expect(u8.report.how).toBe('chosen');
    expect(u8.text).toContain('\uFFFD');
    const bom = bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]));
    expect(decodeBytes(bom, 'utf-8')).toEqual({ text: CSV, report: { encoding: 'utf-8', bom: true, how: 'chosen' } });
  });

  it('bytes valid in neither: read as UTF-8, said so (the reader then refuses binary content)', () => {
    const junk = new Uint8Array([0x6c, 0x6f, 0x6e, 0xff, 0xfe, 0xfd, 0x80, 0x80, 0xff]);
    expect(decodeBytes(junk).report).toEqual({ encoding: 'utf-8', bom: false, how: 'fallback' });
  });

  it('encoding names as people write them', () => {
    expect(parseEncodingChoice('GBK')).toBe('gb18030');
    expect(parseEncodingChoice('gb2312')).toBe('gb18030');
    expect(parseEncodingChoice('utf8')).toBe('utf-8');
    expect(parseEncodingChoice('UTF-16LE')).toBe('utf-16le');
    expect(parseEncodingChoice('auto')).toBe('auto');
    expect(parseEncodingChoice('latin1')).toBeNull();
  });
});

describe('the stream decoder keeps no view of the caller’s buffer', () => {
  it.each([
    ['ASCII', new TextEncoder().encode('id,lon,lat\n1,121.4,31.2\n')],
    ['UTF-8 with BOM', new TextEncoder().encode('\ufeffid,名称\n1,张江\n')],
    ['GBK', new Uint8Array(iconv.encode('id,名称\n1,张江高科\n'.repeat(50), 'gbk'))],
    ['UTF-16 LE', new Uint8Array(iconv.encode('\ufeffid,名称\n1,张江\n', 'utf-16le'))],
  ])('%s read through one reused buffer, a byte or two at a time, is read whole', (_, bytes) => {
    const whole = decodeBytes(bytes).text;
    for (const size of [1, 2]) {
      const d = createStreamDecoder('auto');
      const buf = new Uint8Array(size);
      let text = '';
      for (let at = 0; at < bytes.length; at += size) {
        const n = Math.min(size, bytes.length - at);
        buf.set(bytes.subarray(at, at + n));
        text += d.push(buf.subarray(0, n));
      }
      text += d.end();
      expect(text).toBe(whole);
    }
  });
});
