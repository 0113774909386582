/**
 * The plan's figures in words, one way for the scorecard (text and charts), the briefing and the
 * data build's status notes. 亿元 (CNY 100 million), the unit of the money figures, is written in
 * CNY billion in English.
 */

/** A sum in 亿元 in CNY billion, exact to the data's precision (7,328 亿元 is 732.8, not 732.8000000000001). */
export const yiYuanInBillions = (yi: number): number => Math.round(yi * 1e5) / 1e6;

/** A sum in 亿元 in English words, to the cent of a billion: 10,641.19 亿元 is “CNY 1,064.12 billion”. */
export const cnyBillionText = (yi: number): string => `CNY ${yiYuanInBillions(yi).toLocaleString('en-US', { maximumFractionDigits: 2 })} billion`;

/** at most two decimals, no grouping: 10641.19, 18.32 */
const num = (v: number) => String(Math.round(v * 100) / 100);
/** at most two decimals, grouped: 17,012, 2.32 */
const grouped = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Chinese: the words before the number and the unit after it (年均18.32%, 同比15.1%, 2000亿元). */
const ZH_RATE: Record<string, string> = { '%/yr': '年均', '%（同比）': '同比' };

/**
 * A figure in words from its value, unit and qualifier ('over' 超过, 'approx' 左右):
 * 超过22000家 / over 22,000 firms; 年均超过18.32% / over 18.32 % a year; 44%左右 / about 44 %;
 * 10641.19亿元 / CNY 1,064.12 billion. `base`: the year a multiple (倍) is counted from (2020, the
 * plan's baseline year, where the figure does not say).
 */
export function figureWords(value: number, unit: string, qualifier: 'approx' | 'over' | null, lang: 'zh' | 'en', base: number | null = null): string {
  if (lang === 'zh') {
    const rate = ZH_RATE[unit];
    const n = `${qualifier === 'over' ? '超过' : ''}${num(value)}`;
    const v = rate !== undefined ? `${rate}${n}%` : `${n}${unit}`;
    return qualifier === 'approx' ? `${v}左右` : v;
  }
  const v =
    unit === '亿元'
      ? cnyBillionText(value)
      : unit === '万辆'
        ? `${Math.round(value * 10_000).toLocaleString('en-US')} vehicles`
        : unit === '%'
          ? `${grouped(value)} %`
          : unit === '%/yr'
            ? `${grouped(value)} % a year`
            : unit === '%（同比）'
              ? `${grouped(value)} % year on year`
              : unit === '倍'
                ? `${grouped(value)} times the ${base ?? 2020} level`
                : unit === '家'
                  ? `${grouped(value)} firms`
                  : unit === '个'
                    ? grouped(value)
                    : `${grouped(value)} ${unit}`;
  return qualifier === 'over' ? `over ${v}` : qualifier === 'approx' ? `about ${v}` : v;
}
