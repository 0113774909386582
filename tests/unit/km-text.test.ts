import { describe, expect, it } from 'vitest';
import { kmText } from '../../src/components/find/km-text';

describe('kmText', () => {
  it('says a distance to 0.1 km, with its ± once that is 0.1 km or more', () => {
    expect(kmText('en', 12.345)).toBe('12.3 km');
    expect(kmText('en', 12.345, 0.04)).toBe('12.3 km');
    expect(kmText('zh', 2.25, 2)).toBe('2.3±2.0 公里');
    expect(kmText('en', 2.25, 2.25)).toBe('2.3 ± 2.3 km');
  });

  it('says a range from 0 where the ± is larger than the distance (two parks at one schematic point)', () => {
    expect(kmText('en', 0, 6)).toBe('0–6.0 km');
    expect(kmText('zh', 2.25, 2.5)).toBe('0–4.8 公里');
    expect(kmText('zh', 7)).toBe('7.0 公里');
  });
});
