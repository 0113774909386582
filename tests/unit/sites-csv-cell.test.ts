import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, startsFormula } from '../../src/export/csv-cell';

describe('csvCell: spreadsheet-safe (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://example.invalid","click")', `"'=HYPERLINK(""http://example.invalid"",""click"")"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['=1+1', `"'=1+1"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['+86 21 5555 0000', `"'+86 21 5555 0000"`],
    ['-', `"'-"`],
  ])('neutralises %j as %s', (input, out) => {
    expect(startsFormula(input)).toBe(true);
    expect(csvCell(input)).toBe(out);
  });

  it.each(['-3.5', '+1e3', '-0', '121.4737', '-121.4737', '.5', '1e-7'])('leaves the plain number %j alone', (n) => {
    expect(startsFormula(n)).toBe(false);
    expect(csvCell(n)).toBe(n);
  });

  it('numbers, booleans and empty values', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('RFC 4180 quoting of ordinary text', () => {
    expect(csvCell('人民广场')).toBe('人民广场');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('<b>x</b>')).toBe('<b>x</b>');
    expect(csvLine(['=x', -1, 'ok', null])).toBe(`"'=x",-1,ok,`);
  });
});
