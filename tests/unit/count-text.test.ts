import { describe, expect, it } from 'vitest';
import { countText } from '../../src/i18n/count';

describe('countText', () => {
  it('groups thousands with commas in both languages, whatever the browser locale', () => {
    expect(countText(0)).toBe('0');
    expect(countText(7)).toBe('7');
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('1,000');
    expect(countText(100000)).toBe('100,000');
    expect(countText(1234567)).toBe('1,234,567');
    expect(countText(-4200)).toBe('-4,200');
  });
  it('leaves a number that is not a whole count to the English number format', () => {
    expect(countText(1234.5)).toBe('1,234.5');
  });
});
