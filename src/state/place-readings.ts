/**
 * How the place names in our data are read, where a library reads them wrong: one table for the
 * search (pinyin-pro's pinyin) and the list's order by name (ICU's pinyin collation). Every name in
 * the data with the polyphones 行 or 长 was checked by hand; tests/unit/place-readings.test.ts
 * holds the names that start with one of the table's characters to it.
 *
 * `pinyin`: the word's reading with tones, given to pinyin-pro (闵行 is mǐn háng, not mǐn xíng).
 * `sortAs`: the word written with characters ICU orders by the right reading, for names that start
 * with the word (ICU orders a leading 长 as zhǎng, after 张江; these places are cháng, as 常).
 */
export interface PlaceReading {
  word: string;
  pinyin: string;
  sortAs?: string;
}

export const PLACE_READINGS: readonly PlaceReading[] = [
  { word: '闵行', pinyin: 'mǐn háng' },
  { word: '长三角', pinyin: 'cháng sān jiǎo', sortAs: '常三角' },
  { word: '长宁', pinyin: 'cháng níng', sortAs: '常宁' },
  { word: '长兴', pinyin: 'cháng xīng', sortAs: '常兴' },
  { word: '长阳', pinyin: 'cháng yáng', sortAs: '常阳' },
];

/** The table as pinyin-pro's customPinyin takes it. */
export const customReadings = (): Record<string, string> => Object.fromEntries(PLACE_READINGS.map((r) => [r.word, r.pinyin]));

/** A Chinese name as the list's order by name should read it: a leading word of the table written as it sorts. */
export function zhSortName(name: string): string {
  for (const r of PLACE_READINGS) if (r.sortAs && name.startsWith(r.word)) return r.sortAs + name.slice(r.word.length);
  return name;
}
