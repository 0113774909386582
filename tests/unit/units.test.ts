/** The plan's figures in words, and 亿元 in CNY billion (src/domain/units.ts). */
import { describe, expect, it } from 'vitest';
import { cnyBillionText, figureWords, yiYuanInBillions } from '../../src/domain/units';

describe('亿元 in CNY billion', () => {
  it('converts exactly to the data’s precision', () => {
    expect(yiYuanInBillions(7328)).toBe(732.8);
    expect(yiYuanInBillions(10641.19)).toBe(1064.119);
    expect(yiYuanInBillions(0.3)).toBe(0.03);
    expect(yiYuanInBillions(13000)).toBe(1300);
  });

  it('writes at most two decimals, grouped', () => {
    expect(cnyBillionText(10641.19)).toBe('CNY 1,064.12 billion');
    expect(cnyBillionText(3200)).toBe('CNY 320 billion');
    expect(cnyBillionText(10000)).toBe('CNY 1,000 billion');
    expect(cnyBillionText(4800.5)).toBe('CNY 480.05 billion');
  });
});

describe('figureWords', () => {
  it('says figures in each language’s way', () => {
    expect(figureWords(10641.19, '亿元', null, 'zh')).toBe('10641.19亿元');
    expect(figureWords(10641.19, '亿元', null, 'en')).toBe('CNY 1,064.12 billion');
    expect(figureWords(24000, '家', 'over', 'zh')).toBe('超过24000家');
    expect(figureWords(17012, '家', null, 'en')).toBe('17,012 firms');
    expect(figureWords(18.3196, '%/yr', 'over', 'zh')).toBe('年均超过18.32%');
    expect(figureWords(18.3196, '%/yr', 'over', 'en')).toBe('over 18.32 % a year');
    expect(figureWords(20, '%/yr', 'approx', 'zh')).toBe('年均20%左右');
    expect(figureWords(20, '%/yr', 'approx', 'en')).toBe('about 20 % a year');
    expect(figureWords(2.4, '倍', 'over', 'en', 2020)).toBe('over 2.4 times the 2020 level');
    expect(figureWords(2.4, '倍', null, 'en', 2019)).toBe('2.4 times the 2019 level');
    expect(figureWords(3, '个', null, 'zh')).toBe('3个');
    expect(figureWords(3, '个', null, 'en')).toBe('3');
  });
});
