import { describe, it, expect } from 'vitest';
import { DEFAULT_URL_STATE, MAX_NOTICES, MAX_NOTICE_VALUE_LENGTH, MAX_Q_LENGTH, URL_STATE_VERSION } from '../../src/state/url/types';
import type { Known, Notice, UrlState } from '../../src/state/url/types';
import { formatUrlState, parseUrlState } from '../../src/state/url/codec';
import { normalizeSearchText } from '../../src/state/url/text';
import { mulberry32 } from '../../src/lib/mulberry32';

const known: Known = {
  sectors: new Set(['ic', 'biomed', 'ai', 'ai-chips', '5g', 'new-energy-vehicles']),
  parks: new Set(['zhangjiang-science-city', 'lingang-special-area', 'caohejing']),
  zones: new Set(['zone-1', 'pudong-ic-base', 'jinqiao']),
  districts: new Set(['浦东新区', '黄浦区', '徐汇区', '闵行区', '嘉定区']),
};

const state = (patch: Partial<UrlState>): UrlState => ({
  ...DEFAULT_URL_STATE,
  sectors: [],
  districts: [],
  zones: [],
  conf: [],
  ...patch,
});

const parse = (search: string, hash = '') => parseUrlState(search, hash, known);

function roundTrip(s: UrlState): { state: UrlState; notices: Notice[] } {
  const { search, hash } = formatUrlState(s);
  return parseUrlState(search, hash, known);
}

const rng = mulberry32;

describe('defaults', () => {
  it('formats the default state to empty search and hash', () => {
    expect(formatUrlState(DEFAULT_URL_STATE)).toEqual({ search: '', hash: '' });
    expect(formatUrlState(state({ lang: 'zh', embed: false }))).toEqual({ search: '', hash: '' });
  });

  it('parses empty input to the default state without notices', () => {
    for (const [s, h] of [
      ['', ''],
      ['?', '#'],
      ['?&&', ''],
      [`?v=${URL_STATE_VERSION}`, ''],
    ] as const) {
      expect(parse(s, h)).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
    }
  });

  it('returns fresh arrays (the default state is not shared)', () => {
    const a = parse('').state;
    a.sectors.push('x');
    expect(parse('').state.sectors).toEqual([]);
    expect(DEFAULT_URL_STATE.sectors).toEqual([]);
  });
});

describe('format', () => {
  it('uses a stable param order, encodes values and rounds the camera', () => {
    const out = formatUrlState(
      state({
        lang: 'en',
        embed: true,
        view: 'presenter',
        tour: 3,
        conf: ['estimate', 'sourced'],
        districts: ['浦东新区', '黄浦区'],
        zones: ['jinqiao', 'zone-1'],
        q: 'a&b #1',
        zone: 'jinqiao',
        park: 'caohejing',
        sectors: ['ic', 'biomed'],
        camera: { zoom: 10.5, lat: 31.230416, lng: 121.473701 },
      }),
    );
    expect(out.search).toBe(
      '?sector=ic,biomed&park=caohejing&zone=jinqiao&q=a%26b%20%231' +
        '&district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA,%E9%BB%84%E6%B5%A6%E5%8C%BA' +
        '&zones=jinqiao,zone-1' +
        '&conf=estimate,sourced&tour=3&view=presenter&embed=1&lang=en',
    );
    expect(out.hash).toBe('#10.50/31.2304/121.4737');
  });

  it('omits invalid values instead of emitting them', () => {
    const bad = {
      ...state({}),
      tour: 0,
      view: 'nope',
      lang: 'fr',
      conf: ['sourced', 'bogus'],
      q: '   ',
      camera: { zoom: 99, lat: 0, lng: 0 },
    } as unknown as UrlState;
    expect(formatUrlState(bad)).toEqual({ search: '?conf=sourced', hash: '' });
  });

  it('does not throw on lone surrogates', () => {
    expect(() => formatUrlState(state({ q: 'a\uD800b' }))).not.toThrow();
  });
});

describe('round trip', () => {
  const cases: [string, UrlState][] = [
    ['default', state({})],
    ['sectors', state({ sectors: ['ic', 'biomed', '5g', 'ai-chips'] })],
    ['park+zone', state({ park: 'zhangjiang-science-city', zone: 'pudong-ic-base', lang: 'en' })],
    ['districts (Chinese)', state({ districts: ['浦东新区', '闵行区'] })],
    ['zone filter', state({ zones: ['pudong-ic-base', 'zone-1'] })],
    ['zone filter and selected zone together', state({ zone: 'jinqiao', zones: ['jinqiao'] })],
    ['q with specials', state({ q: 'a b & c # d % e + f = g, 集成电路 芯片 🚀' })],
    ['q of exactly 100 chars', state({ q: '张'.repeat(MAX_Q_LENGTH) })],
    ['conf/tour/view/embed', state({ conf: ['schematic', 'sourced'], tour: 999, view: 'audience', embed: true })],
    ['camera', state({ camera: { zoom: 10.5, lat: 31.2304, lng: 121.4737 } })],
    ['camera at bounds', state({ camera: { zoom: 22, lat: -85, lng: 180 } })],
    ['camera at zero', state({ camera: { zoom: 0, lat: 0, lng: -180 } })],
    [
      'everything',
      state({
        sectors: ['new-energy-vehicles', 'ic'],
        park: 'lingang-special-area',
        zone: 'zone-1',
        lang: 'en',
        q: '100% "quoted" <b>text</b> ?x=1&y=2',
        districts: ['嘉定区'],
        zones: ['jinqiao'],
        conf: ['estimate'],
        tour: 1,
        view: 'presenter',
        embed: true,
        camera: { zoom: 8.25, lat: 30.9, lng: 121.9 },
      }),
    ],
  ];
  it.each(cases)('%s', (_name, s) => {
    expect(roundTrip(s)).toEqual({ state: s, notices: [] });
  });

  it('holds for 300 random valid states (seeded)', () => {
    const r = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const subset = <T>(xs: readonly T[]): T[] => xs.filter(() => r() < 0.4).sort(() => r() - 0.5);
    const qChars = [...'abc XYZ019&#%+=?/,;:"\'<>张江集成电路生物医药 🚀é'];
    for (let i = 0; i < 300; i++) {
      const rawQ = Array.from({ length: Math.floor(r() * 130) }, () => pick(qChars)).join('');
      const s = state({
        sectors: subset([...known.sectors]),
        park: r() < 0.5 ? pick([...known.parks]) : null,
        zone: r() < 0.5 ? pick([...known.zones]) : null,
        lang: pick(['zh', 'en'] as const),
        q: normalizeSearchText(rawQ).text,
        districts: subset([...known.districts]),
        zones: subset([...known.zones]),
        conf: subset(['sourced', 'estimate', 'schematic'] as const),
        tour: r() < 0.5 ? 1 + Math.floor(r() * 999) : null,
        view: pick(['presenter', 'audience', null] as const),
        embed: r() < 0.5,
        camera:
          r() < 0.7
            ? {
                zoom: Math.round(r() * 2200) / 100,
                lat: Math.round((r() * 170 - 85) * 1e4) / 1e4 || 0,
                lng: Math.round((r() * 360 - 180) * 1e4) / 1e4 || 0,
              }
            : null,
      });
      expect(roundTrip(s)).toEqual({ state: s, notices: [] });
    }
  });
});

describe('parsing values', () => {
  it('reads a full URL', () => {
    const { state: s, notices } = parse(
      '?sector=ic,biomed&park=caohejing&zone=jinqiao&lang=en&q=hello+world&district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA&conf=sourced&tour=2&view=audience&embed=1',
      '#10.50/31.2304/121.4737',
    );
    expect(notices).toEqual([]);
    expect(s).toEqual(
      state({
        sectors: ['ic', 'biomed'],
        park: 'caohejing',
        zone: 'jinqiao',
        lang: 'en',
        q: 'hello world',
        districts: ['浦东新区'],
        conf: ['sourced'],
        tour: 2,
        view: 'audience',
        embed: true,
        camera: { zoom: 10.5, lat: 31.2304, lng: 121.4737 },
      }),
    );
  });

  it('accepts input without the leading ? and #, and raw (unencoded) Chinese', () => {
    const { state: s, notices } = parse('district=浦东新区,黄浦区', '12/31/121');
    expect(notices).toEqual([]);
    expect(s.districts).toEqual(['浦东新区', '黄浦区']);
    expect(s.camera).toEqual({ zoom: 12, lat: 31, lng: 121 });
  });

  it('sector: keeps known ids in order, drops duplicates silently, reports unknown ones', () => {
    const { state: s, notices } = parse('?sector=biomed,ic,biomed,,nope,ic,IC');
    expect(s.sectors).toEqual(['biomed', 'ic']);
    expect(notices).toEqual([
      { param: 'sector', value: 'nope', code: 'unknown-value', reason: expect.any(String) },
      { param: 'sector', value: 'IC', code: 'unknown-value', reason: expect.any(String) },
    ]);
  });

  it('sector: accepts a percent-encoded comma', () => {
    expect(parse('?sector=ic%2Cbiomed')).toEqual({ state: state({ sectors: ['ic', 'biomed'] }), notices: [] });
  });

  it('park=<script> is dropped with the raw text as the notice value', () => {
    const { state: s, notices } = parse('?park=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(s.park).toBeNull();
    expect(notices).toEqual([{ param: 'park', value: '<script>alert(1)</script>', code: 'unknown-value', reason: expect.any(String) }]);
  });

  it('caps notice values to 60 characters', () => {
    const long = 'x'.repeat(500);
    const { notices } = parse(`?park=${long}&${'y'.repeat(200)}=1`);
    expect(notices).toHaveLength(2);
    for (const n of notices) {
      expect(Array.from(n.value).length).toBeLessThanOrEqual(MAX_NOTICE_VALUE_LENGTH);
      expect(Array.from(n.param).length).toBeLessThanOrEqual(MAX_NOTICE_VALUE_LENGTH);
    }
    expect(notices[0]?.value.startsWith('xxxx')).toBe(true);
  });

  it('zone: unknown id', () => {
    const { state: s, notices } = parse('?zone=zone-2');
    expect(s.zone).toBeNull();
    expect(notices).toMatchObject([{ param: 'zone', value: 'zone-2', code: 'unknown-value' }]);
  });

  it('lang: only zh/en', () => {
    expect(parse('?lang=zh')).toEqual({ state: state({}), notices: [] });
    const { state: s, notices } = parse('?lang=fr');
    expect(s.lang).toBe('zh');
    expect(notices).toMatchObject([{ param: 'lang', value: 'fr', code: 'unknown-value' }]);
  });

  it('q: trimmed, and truncated to 100 characters with a notice', () => {
    expect(parse('?q=%20%20hello%20%20').state.q).toBe('hello');
    const long = '芯'.repeat(150);
    const { state: s, notices } = parse(`?q=${encodeURIComponent(long)}`);
    expect(s.q).toBe('芯'.repeat(100));
    expect(notices).toMatchObject([{ param: 'q', code: 'truncated' }]);
    expect(Array.from(notices[0]?.value ?? '').length).toBeLessThanOrEqual(MAX_NOTICE_VALUE_LENGTH);
  });

  it('q: does not split surrogate pairs when truncating and strips control characters', () => {
    const { state: s } = parse(`?q=${encodeURIComponent('🚀'.repeat(120))}`);
    expect(Array.from(s.q)).toHaveLength(100);
    expect(s.q).toBe('🚀'.repeat(100));
    expect(parse('?q=a%0Ab%00c').state.q).toBe('a b c');
  });

  it('district: only known names', () => {
    const { state: s, notices } = parse(`?district=${encodeURIComponent('浦东新区,火星区')}`);
    expect(s.districts).toEqual(['浦东新区']);
    expect(notices).toMatchObject([{ param: 'district', value: '火星区', code: 'unknown-value' }]);
  });

  it('zones: known zone ids in order, duplicates dropped, unknown ones reported', () => {
    const { state: s, notices } = parse('?zones=jinqiao,zone-9,jinqiao,zone-1');
    expect(s.zones).toEqual(['jinqiao', 'zone-1']);
    expect(s.zone).toBeNull();
    expect(notices).toEqual([{ param: 'zones', value: 'zone-9', code: 'unknown-value', reason: expect.any(String) }]);
    expect(parse('?zones=nope').state.zones).toEqual([]);
  });

  it('conf: only sourced/estimate/schematic', () => {
    const { state: s, notices } = parse('?conf=estimate,guess,estimate,schematic');
    expect(s.conf).toEqual(['estimate', 'schematic']);
    expect(notices).toMatchObject([{ param: 'conf', value: 'guess', code: 'unknown-value' }]);
  });

  it.each([
    ['abc', 'malformed'],
    ['1.5', 'malformed'],
    ['-1', 'malformed'],
    ['1e2', 'malformed'],
    ['0', 'unknown-value'],
    ['1000', 'unknown-value'],
    ['99999999999999999999999', 'unknown-value'],
  ] as const)('tour=%s is rejected (%s)', (value, code) => {
    const { state: s, notices } = parse(`?tour=${value}`);
    expect(s.tour).toBeNull();
    expect(notices).toMatchObject([{ param: 'tour', value, code }]);
  });

  it('tour: valid integers are kept as numbers', () => {
    expect(parse('?tour=1').state.tour).toBe(1);
    expect(parse('?tour=999').state.tour).toBe(999);
  });

  it('view and embed', () => {
    expect(parse('?view=presenter&embed=1').state).toMatchObject({ view: 'presenter', embed: true });
    const { state: s, notices } = parse('?view=admin&embed=yes');
    expect(s).toMatchObject({ view: null, embed: false });
    expect(notices).toMatchObject([
      { param: 'view', value: 'admin', code: 'unknown-value' },
      { param: 'embed', value: 'yes', code: 'unknown-value' },
    ]);
  });

  it('ignores empty values silently', () => {
    expect(parse('?sector=&park=&zone=&lang=&q=&district=&conf=&tour=&view=&embed=&v=&sector=,,')).toEqual({
      state: state({}),
      notices: [],
    });
    expect(parse('?park&lang')).toEqual({ state: state({}), notices: [] });
  });

  it('reports unknown parameters', () => {
    const { state: s, notices } = parse('?sector=ic&foo=bar&Sector=biomed&__proto__=1');
    expect(s.sectors).toEqual(['ic']);
    expect(notices).toEqual([
      { param: 'foo', value: 'bar', code: 'unknown-param', reason: 'unknown parameter' },
      { param: 'Sector', value: 'biomed', code: 'unknown-param', reason: 'unknown parameter' },
      { param: '__proto__', value: '1', code: 'unknown-param', reason: 'unknown parameter' },
    ]);
  });

  it('reports malformed percent-encoding', () => {
    const { state: s, notices } = parse('?park=%E0%A4%A&sector=ic&%zz=1');
    expect(s).toEqual(state({ sectors: ['ic'] }));
    expect(notices).toMatchObject([
      { param: 'park', value: '%E0%A4%A', code: 'malformed' },
      { param: '%zz', code: 'malformed' },
    ]);
  });

  it('uses the first of repeated parameters and reports the rest', () => {
    const { state: s, notices } = parse('?park=caohejing&park=jinqiao&sector=ic&sector=biomed');
    expect(s).toMatchObject({ park: 'caohejing', sectors: ['ic'] });
    expect(notices).toMatchObject([
      { param: 'park', value: 'jinqiao', code: 'malformed' },
      { param: 'sector', value: 'biomed', code: 'malformed' },
    ]);
  });

  it('summarises notices beyond the cap', () => {
    const search = '?' + Array.from({ length: 50 }, (_, i) => `p${i}=1`).join('&');
    const { notices } = parse(search);
    expect(notices).toHaveLength(MAX_NOTICES + 1);
    expect(notices.at(-1)).toMatchObject({ code: 'truncated', reason: expect.stringContaining('30') });
  });
});

describe('version', () => {
  it('accepts v=1 silently', () => {
    expect(parse('?v=1&lang=en')).toEqual({ state: state({ lang: 'en' }), notices: [] });
  });

  it.each(['2', '0', 'abc', '1.0'])('v=%s → notice, rest still read as v1', (v) => {
    const { state: s, notices } = parse(`?v=${v}&sector=ic&lang=en`, '#3/31/121');
    expect(s).toEqual(state({ sectors: ['ic'], lang: 'en', camera: { zoom: 3, lat: 31, lng: 121 } }));
    expect(notices).toMatchObject([{ param: 'v', value: v, code: 'unsupported-version' }]);
  });

  it('does not write v (absent means 1)', () => {
    expect(formatUrlState(state({ lang: 'en' })).search).toBe('?lang=en');
  });
});

describe('camera hash', () => {
  it('parses zoom/lat/lng', () => {
    expect(parse('', '#10.50/31.2304/121.4737')).toEqual({
      state: state({ camera: { zoom: 10.5, lat: 31.2304, lng: 121.4737 } }),
      notices: [],
    });
    expect(parse('', '#-0/-0.00001/.5').state.camera).toEqual({ zoom: 0, lat: 0, lng: 0.5 });
  });

  it('rounds to the formatted precision', () => {
    expect(parse('', '#10.123456/31.23041234/121.47366666').state.camera).toEqual({
      zoom: 10.12,
      lat: 31.2304,
      lng: 121.4737,
    });
  });

  it.each([
    ['#10/31.2/121.4/30/60', 'malformed'], // more than 3 parts (MapLibre bearing/pitch)
    ['#10/31.2/121.4/', 'malformed'],
    ['#10/31.2', 'malformed'], // partial
    ['#10', 'malformed'],
    ['#a/b/c', 'malformed'],
    ['#10/31.2/', 'malformed'],
    ['#10//121', 'malformed'],
    ['#1e1/31/121', 'malformed'],
    ['#0x10/31/121', 'malformed'],
    ['#Infinity/31/121', 'malformed'],
    ['#NaN/31/121', 'malformed'],
    ['# 10/31/121', 'malformed'],
    ['#23/31/121', 'unknown-value'], // out of range
    ['#-1/31/121', 'unknown-value'],
    ['#10/86/121', 'unknown-value'],
    ['#10/-90/121', 'unknown-value'],
    ['#10/31/180.5', 'unknown-value'],
    ['#10/31/-181', 'unknown-value'],
  ] as const)('%s is ignored (%s)', (hash, code) => {
    const { state: s, notices } = parse('?lang=en', hash);
    expect(s).toEqual(state({ lang: 'en' }));
    expect(notices).toMatchObject([{ param: 'camera', code, value: hash.slice(1) }]);
  });

  it('formats only valid cameras', () => {
    expect(formatUrlState(state({ camera: { zoom: Number.NaN, lat: 0, lng: 0 } })).hash).toBe('');
    expect(formatUrlState(state({ camera: { zoom: 1, lat: 90, lng: 0 } })).hash).toBe('');
    expect(formatUrlState(state({ camera: { zoom: 1, lat: -0.00001, lng: 0 } })).hash).toBe('#1.00/0.0000/0.0000');
  });
});

describe('fuzz (seeded)', () => {
  const pieces = [
    '?',
    '&',
    '=',
    ',',
    '%',
    '%2C',
    '%E6%B5%A6',
    '%zz',
    '%',
    '#',
    '/',
    '.',
    '-',
    '+',
    ' ',
    '1',
    '0',
    '9',
    '85',
    '180',
    'a',
    'Z',
    '<',
    '>',
    '"',
    "'",
    '\u0000',
    '\uD800',
    '\uDC00',
    '🚀',
    '浦东新区',
    '黄浦区',
    'e',
    'x',
    'sector',
    'park',
    'zone',
    'zones',
    'lang',
    'q',
    'district',
    'conf',
    'tour',
    'view',
    'embed',
    'v',
    'ic',
    'biomed',
    '5g',
    'ai-chips',
    'caohejing',
    'jinqiao',
    'zone-1',
    'en',
    'zh',
    'sourced',
    'estimate',
    'presenter',
    'audience',
    '__proto__',
    'constructor',
  ];

  function randomString(r: () => number): string {
    const len = Math.floor(r() * 40);
    let s = '';
    for (let i = 0; i < len; i++) {
      s += r() < 0.8 ? (pieces[Math.floor(r() * pieces.length)] as string) : String.fromCharCode(Math.floor(r() * 0x10000));
    }
    return s;
  }

  /** Plausible values per parameter, so the fuzz exercises the accepting paths too. */
  const plausible: Record<string, readonly string[]> = {
    sector: [...known.sectors, 'IC', 'ai_chips'],
    park: [...known.parks, '<script>'],
    zone: [...known.zones, 'zone-9'],
    lang: ['zh', 'en', 'fr'],
    q: ['hello world', '集成电路', '  x  '],
    district: [...known.districts, '火星区'],
    zones: [...known.zones, 'zone-9', 'JINQIAO'],
    conf: ['sourced', 'estimate', 'schematic', 'guess'],
    tour: ['1', '7', '999', '0', '1000', '2.5'],
    view: ['presenter', 'audience', 'x'],
    embed: ['1', '0', 'true'],
    v: ['1', '2'],
    foo: ['bar'],
  };
  const names = Object.keys(plausible);

  /** Query-shaped noise: known names with random (often plausible) values. */
  function randomQuery(r: () => number): string {
    const pairs = Array.from({ length: 1 + Math.floor(r() * 6) }, () => {
      const name = r() < 0.9 ? (names[Math.floor(r() * names.length)] as string) : randomString(r);
      const pool = plausible[name] ?? pieces;
      const items = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.8 ? (pool[Math.floor(r() * pool.length)] as string) : randomString(r)));
      const value = items.join(',');
      return `${name}=${r() < 0.5 ? encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '')) : value}`;
    });
    return `?${pairs.join('&')}`;
  }

  it('never throws and only returns validated values for 2,000 random inputs', () => {
    const r = rng(20240601);
    const accepted = { sectors: 0, park: 0, zone: 0, zones: 0, districts: 0, conf: 0, q: 0, tour: 0, camera: 0 };
    for (let i = 0; i < 2000; i++) {
      const search = r() < 0.5 ? randomString(r) : randomQuery(r);
      const hash = r() < 0.5 ? randomString(r) : `#${[r() * 30 - 5, r() * 200 - 100, r() * 400 - 200].join('/')}`;
      let result: ReturnType<typeof parseUrlState> | undefined;
      expect(() => {
        result = parseUrlState(search, hash, known);
      }, JSON.stringify({ search, hash })).not.toThrow();
      const { state: s, notices } = result as ReturnType<typeof parseUrlState>;

      for (const id of s.sectors) expect(known.sectors.has(id)).toBe(true);
      for (const d of s.districts) expect(known.districts.has(d)).toBe(true);
      for (const z of s.zones) expect(known.zones.has(z)).toBe(true);
      expect(new Set(s.zones).size).toBe(s.zones.length);
      if (s.park !== null) expect(known.parks.has(s.park)).toBe(true);
      if (s.zone !== null) expect(known.zones.has(s.zone)).toBe(true);
      expect(new Set(s.sectors).size).toBe(s.sectors.length);
      expect(['zh', 'en']).toContain(s.lang);
      for (const c of s.conf) expect(['sourced', 'estimate', 'schematic']).toContain(c);
      if (s.tour !== null) expect(Number.isInteger(s.tour) && s.tour >= 1 && s.tour <= 999).toBe(true);
      expect([null, 'presenter', 'audience']).toContain(s.view);
      expect(typeof s.embed).toBe('boolean');
      expect(normalizeSearchText(s.q).text).toBe(s.q);
      if (s.camera !== null) {
        expect(s.camera.zoom).toBeGreaterThanOrEqual(0);
        expect(s.camera.zoom).toBeLessThanOrEqual(22);
        expect(Math.abs(s.camera.lat)).toBeLessThanOrEqual(85);
        expect(Math.abs(s.camera.lng)).toBeLessThanOrEqual(180);
      }
      expect(notices.length).toBeLessThanOrEqual(MAX_NOTICES + 1);
      for (const n of notices) {
        expect(Array.from(n.value).length).toBeLessThanOrEqual(MAX_NOTICE_VALUE_LENGTH);
        expect(Array.from(n.param).length).toBeLessThanOrEqual(MAX_NOTICE_VALUE_LENGTH);
        expect(['unknown-param', 'unknown-value', 'malformed', 'unsupported-version', 'truncated']).toContain(n.code);
      }

      // Whatever was accepted is canonical: format → parse is a fixed point with no notices.
      expect(roundTrip(s)).toEqual({ state: s, notices: [] });

      if (s.sectors.length > 0) accepted.sectors++;
      if (s.park !== null) accepted.park++;
      if (s.zone !== null) accepted.zone++;
      if (s.districts.length > 0) accepted.districts++;
      if (s.zones.length > 0) accepted.zones++;
      if (s.conf.length > 0) accepted.conf++;
      if (s.q !== '') accepted.q++;
      if (s.tour !== null) accepted.tour++;
      if (s.camera !== null) accepted.camera++;
    }
    // The fuzz must exercise the accepting paths, not only the rejecting ones.
    for (const count of Object.values(accepted)) expect(count).toBeGreaterThan(10);
  });

  it('tolerates non-string input at runtime', () => {
    const anyParse = parseUrlState as (a: unknown, b: unknown, k: Known) => ReturnType<typeof parseUrlState>;
    expect(anyParse(undefined, null, known)).toEqual({ state: state({}), notices: [] });
  });
});
