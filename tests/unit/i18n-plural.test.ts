/** English plurals in the UI strings: "{n} park{s}" (src/i18n/index.ts, t). */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { st } from '../../src/i18n/stats';
import { ti } from '../../src/i18n/sites-import';

describe('t: English plurals', () => {
  it('one park, two parks, zero parks; a grouped number too', () => {
    expect(t('en', 'withinRadius', { km: 5, n: 1 })).toBe('Within 5 km: 1 park');
    expect(t('en', 'withinRadius', { km: 5, n: 2 })).toBe('Within 5 km: 2 parks');
    expect(t('en', 'withinRadius', { km: 5, n: 0 })).toBe('Within 5 km: 0 parks');
    expect(t('en', 'broadAdds', { n: 1 })).toBe('+1 park');
    expect(t('en', 'broadAdds', { n: '1,001' })).toBe('+1,001 parks');
    expect(st('en', 'rankBar', { rank: 3, district: 'Jinshan', n: 1 })).toBe('No. 3 Jinshan: 1 park');
    expect(st('en', 'matrixCell', { sector: 'Biomedicine', district: 'Jinshan', n: 4 })).toBe('Biomedicine, Jinshan: 4 parks');
  });

  it('the sites import report too; a value is written as it is, "$&" in a file name included', () => {
    expect(ti('en', 'sitesDone', { file: 'a$&b.csv', n: '10', ms: 81 })).toBe('Imported a$&b.csv: 10 sites (81 ms)');
    expect(ti('en', 'sitesDone', { file: 'one.csv', n: '1', ms: 5 })).toBe('Imported one.csv: 1 site (5 ms)');
    expect(ti('en', 'sitesDoneSkipped', { n: '2' })).toBe(', 2 rows skipped');
    expect(t('en', 'withinRadius', { km: '$1', n: 3 })).toBe('Within $1 km: 3 parks');
    // no verb to agree, no "these 1 rows"
    expect(ti('en', 'sitesSwappable', { n: 1 })).toBe('Of these, lon/lat look swapped in 1 row.');
    expect(ti('en', 'sitesSwap', { n: 1 })).toBe('Swap lon/lat in 1 row and import');
    expect(ti('en', 'sitesSwap', { n: 3 })).toBe('Swap lon/lat in 3 rows and import');
  });

  it('the district ranking with every park chosen does not say "parks of all parks"', () => {
    expect(st('en', 'rankDescriptionAll', { top: 'Pudong New Area 17' })).toBe('Districts with the most parks: Pudong New Area 17.');
    expect(st('zh', 'rankDescriptionAll', { top: '浦东新区 17' })).toBe('园区最多的区：浦东新区 17。');
  });

  it('Chinese has no plural: the placeholder never shows', () => {
    expect(t('zh', 'withinRadius', { km: 5, n: 1 })).toBe('5 公里内：1 个园区');
    expect(t('zh', 'broadAdds', { n: 3 })).toBe('+3 个园区');
  });
});
