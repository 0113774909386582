/** Direction and control characters in values quoted in messages: shown as escapes, never acting on the text around them. */
import { describe, expect, it } from 'vitest';
import { quoteValue } from '../../src/io/points';
import { noticeText } from '../../src/state/url/text';

describe('quoteValue', () => {
  it('shows a right-to-left override, marks, isolates and C1 controls as \\u escapes', () => {
    expect(quoteValue('12\u202e1.5')).toBe('"12\\u202e1.5"');
    expect(quoteValue('a\u200fb\u2066c\u2069\u0085')).toBe('"a\\u200fb\\u2066c\\u2069\\u0085"');
    expect(quoteValue('x\u0007')).toBe('"x\\u0007"');
  });
  it('leaves other text as it is', () => {
    expect(quoteValue('<b>31</b>')).toBe('"<b>31</b>"');
    expect(quoteValue('人民广场 🏭')).toBe('"人民广场 🏭"');
  });
});

describe('noticeText', () => {
  it('replaces direction characters', () => {
    expect(noticeText('\u202eevil\u2067')).toBe('\ufffdevil\ufffd');
  });
});
