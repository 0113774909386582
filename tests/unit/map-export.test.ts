/** The image export's pure parts: measures, text wrapping, the layout, and its content from the store. */
import { describe, expect, it } from 'vitest';
import { isBlankPixels, metresPerPixel, scaleBar } from '../../src/map/export/scale';
import { EXPORT_LAYOUT, layoutExport, wrapText } from '../../src/map/export/layout';
import type { DrawOp, ExportContent, MeasureText } from '../../src/map/export/layout';
import { exportContent } from '../../src/map/export/content';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBriefing } from '../../src/loaders/load-briefing';
import { diskFetcher, realGeoFixture } from '../fakes/geo-disk';

const here = dirname(fileURLToPath(import.meta.url));

/** every character 10 px wide, whatever the font */
const mono: MeasureText = (text) => Array.from(text).length * 10;

const texts = (ops: DrawOp[]) => ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text');
const swatches = (ops: DrawOp[]) => ops.filter((o): o is Extract<DrawOp, { op: 'swatch' }> => o.op === 'swatch');

function content(over: Partial<ExportContent> = {}): ExportContent {
  return {
    mapWidth: 800,
    mapHeight: 500,
    title: '6. 集成电路',
    subtitle: '上海市战略性新兴产业',
    caption: '',
    legendTitle: '图例',
    groups: [
      { label: '行政区', items: [{ swatch: { kind: 'fill', color: '#faf8f3', opacity: 1 }, label: '行政区（16个）' }] },
      {
        label: '园区',
        items: [
          { swatch: { kind: 'circle', color: '#1f5fbf', stroke: '#ffffff' }, label: '集成电路' },
          { swatch: { kind: 'circle', color: '#1e9e4a', stroke: '#ffffff' }, label: '生物医药' },
        ],
      },
    ],
    highlight: null,
    extra: [],
    scaleBar: { px: 120, label: '5 km' },
    source: '资料来源：沪府办发〔2021〕10号',
    ...over,
  };
}

describe('metresPerPixel', () => {
  it('is 40075016.686 / 512 m at zoom 0 on the equator, halving per zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(0, 10)).toBeCloseTo(78271.517 / 1024, 4);
  });

  it('shrinks with the cosine of the latitude (Shanghai at 31.23°)', () => {
    expect(metresPerPixel(31.23, 10)).toBeCloseTo(76.437 * 0.85505, 2);
    expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 6);
  });
});

describe('scaleBar', () => {
  it('takes the longest 1, 2 or 5 × 10ⁿ that fits', () => {
    expect(scaleBar(10, 140)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(20, 140)).toEqual({ metres: 2000, px: 100, label: '2 km' });
    expect(scaleBar(40, 140)).toEqual({ metres: 5000, px: 125, label: '5 km' });
    expect(scaleBar(1, 140)).toEqual({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(0.5, 140)).toEqual({ metres: 50, px: 100, label: '50 m' });
  });

  it('never exceeds the room it is given', () => {
    for (const mpp of [0.3, 3.7, 37, 76.4, 370, 1234]) {
      const bar = scaleBar(mpp, 140);
      expect(bar.px).toBeLessThanOrEqual(140);
      expect(bar.px).toBeGreaterThan(140 / 5);
    }
  });
});

describe('isBlankPixels', () => {
  const rgba = (...px: [number, number, number, number][]) => px.flat();

  it('a transparent or one-colour sample is blank', () => {
    expect(isBlankPixels([])).toBe(true);
    expect(isBlankPixels(rgba([0, 0, 0, 0], [0, 0, 0, 0]))).toBe(true);
    expect(isBlankPixels(rgba([207, 225, 236, 255], [207, 225, 236, 255], [209, 226, 236, 255]))).toBe(true);
    // varied colours, all transparent
    expect(isBlankPixels(rgba([0, 0, 0, 0], [255, 0, 0, 0]))).toBe(true);
  });

  it('a drawn map (opaque, several colours) is not', () => {
    expect(isBlankPixels(rgba([207, 225, 236, 255], [250, 248, 243, 255], [31, 95, 191, 255]))).toBe(false);
  });
});

describe('wrapText', () => {
  it('wraps Chinese by character', () => {
    expect(wrapText('上海市战略性新兴产业', 40, 'x', mono)).toEqual(['上海市战', '略性新兴', '产业']);
  });

  it('wraps English at a space when one is near the end of the line', () => {
    expect(wrapText('Zhangjiang and Lingang poles', 120, 'x', mono)).toEqual(['Zhangjiang', 'and Lingang', 'poles']);
  });

  it('keeps text that fits on one line, and lines never exceed the width', () => {
    expect(wrapText('1 core', 100, 'x', mono)).toEqual(['1 core']);
    for (const line of wrapText('1 core, 5 clusters, X supporting districts', 90, 'x', mono)) expect(mono(line, 'x')).toBeLessThanOrEqual(90);
  });
});

describe('layoutExport', () => {
  const { titleH, legendW, footerH } = EXPORT_LAYOUT;

  it('is the map plus a 300-px legend column, between a 76-px title band and a 56-px footer', () => {
    const l = layoutExport(content(), mono);
    expect([l.width, l.height]).toEqual([800 + 300, 76 + 500 + 56]);
    expect([legendW, titleH, footerH]).toEqual([300, 76, 56]);
    expect(l.ops.find((o) => o.op === 'map')).toEqual({ op: 'map', x: 0, y: 76, w: 800, h: 500 });
    expect(l.ops).toContainEqual({ op: 'rect', x: 0, y: 0, w: 1100, h: 76, fill: '#111111' });
  });

  it('writes the title and subtitle in the band, in white and grey', () => {
    const [title, subtitle] = texts(layoutExport(content(), mono).ops);
    expect(title).toMatchObject({ text: '6. 集成电路', x: 20, y: 38, color: '#ffffff', maxWidth: 1060 });
    expect(title!.font).toMatch(/^bold 26px /);
    expect(subtitle).toMatchObject({ text: '上海市战略性新兴产业', y: 62, color: '#d8d8d8' });
  });

  it('lists the legend right of the map: title, each group, each item with its swatch beside it', () => {
    const ops = layoutExport(content(), mono).ops;
    const legend = texts(ops).filter((t) => t.x >= 800 && t.y < 76 + 500);
    expect(legend.map((t) => t.text)).toEqual(['图例', '行政区', '行政区（16个）', '园区', '集成电路', '生物医药']);
    const items = legend.filter((t) => t.x === 846);
    const marks = swatches(ops);
    expect(marks.map((s) => s.swatch.color)).toEqual(['#faf8f3', '#1f5fbf', '#1e9e4a']);
    // each swatch on its item's first line, left of the text
    marks.forEach((s, k) => expect([s.x, s.y]).toEqual([816, items[k]!.y - 11]));
    // top to bottom
    for (let k = 1; k < legend.length; k++) expect(legend[k]!.y).toBeGreaterThan(legend[k - 1]!.y);
  });

  it('wraps a long legend label under its swatch (one swatch per item)', () => {
    const long = '张江（体）、临港与嘉定（翼）以及更多的地方和更多的园区';
    const ops = layoutExport(
      content({ groups: [{ label: '集成电路', items: [{ swatch: { kind: 'line', color: '#1f5fbf', width: 2 }, label: long }] }] }),
      mono,
    ).ops;
    const lines = texts(ops).filter((t) => t.x === 846);
    expect(lines.map((t) => t.text).join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
    for (const t of lines) expect(mono(t.text, t.font)).toBeLessThanOrEqual(300 - 56);
    expect(swatches(ops)).toHaveLength(1);
  });

  it('starts no group below the map: a legend too long for a small map is cut at a group', () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({
      label: `group ${i}`,
      items: [{ swatch: { kind: 'fill' as const, color: '#000000', opacity: 1 }, label: `item ${i}` }],
    }));
    const ops = layoutExport(content({ mapHeight: 200, groups }), mono).ops;
    const drawn = texts(ops).filter((t) => t.text.startsWith('group '));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(12);
    expect(drawn.map((t) => t.text)).toEqual(groups.slice(0, drawn.length).map((g) => g.label));
    for (const t of drawn) expect(t.y).toBeLessThanOrEqual(76 + 200);
  });

  it('puts the chapter caption first in the column, wrapped inside it, and the legend under it', () => {
    const plain = texts(layoutExport(content(), mono).ops);
    const ops = texts(layoutExport(content({ caption: '临港是增量：用好自贸区新片区的制度和土地，集聚芯片、生命科学、人工智能和民用航空' }), mono).ops);
    const caption = ops.filter((t) => t.x === 816 && t.y < ops.find((o) => o.text === '图例')!.y);
    // 268 px of room at 10 px a character: 26 characters a line, so two lines for 41
    expect(caption.map((t) => t.text).join('')).toBe('临港是增量：用好自贸区新片区的制度和土地，集聚芯片、生命科学、人工智能和民用航空');
    expect(caption.length).toBe(2);
    for (const t of caption) expect(Array.from(t.text).length).toBeLessThanOrEqual(26);
    expect(caption[0]!.y).toBeGreaterThan(76);
    // the legend moves down by the caption's lines, and every group is still drawn
    expect(ops.find((o) => o.text === '图例')!.y).toBeGreaterThan(plain.find((o) => o.text === '图例')!.y + 30);
    expect(ops.some((o) => o.text === '生物医药')).toBe(true);
  });

  it('adds the highlight entry and the extra lines under the groups, extra lines kept inside the map height', () => {
    const ops = layoutExport(
      content({
        highlight: { swatch: { kind: 'line', color: '#d4006a', width: 3.5 }, label: '本章重点' },
        extra: ['2025年目标：集成电路产业规模', ...Array<string>(40).fill('一行')],
      }),
      mono,
    ).ops;
    const all = texts(ops);
    const hl = all.find((t) => t.text === '本章重点')!;
    expect(hl.y).toBeGreaterThan(all.find((t) => t.text === '生物医药')!.y);
    expect(swatches(ops).at(-1)).toMatchObject({ swatch: { color: '#d4006a' }, y: hl.y - 11 });
    const extra = all.filter((t) => t.x === 816 && t.y > hl.y);
    expect(extra[0]!.text).toBe('2025年目标：集成电路产业规模');
    expect(extra.length).toBeLessThan(41);
    for (const t of extra) expect(t.y).toBeLessThanOrEqual(76 + 500 - 6);
  });

  it('draws the scale bar its length in the footer, labelled, and at most three lines of source', () => {
    const ops = layoutExport(content({ source: 'S'.repeat(300) }), mono).ops;
    const fy = 76 + 500;
    const bar = ops.find((o) => o.op === 'path' && o.width === 2);
    expect(bar).toEqual({
      op: 'path',
      points: [
        [20, fy + 16],
        [20, fy + 24],
        [140, fy + 24],
        [140, fy + 16],
      ],
      stroke: '#111111',
      width: 2,
    });
    expect(texts(ops).find((t) => t.text === '5 km')).toMatchObject({ x: 146, y: fy + 25 });
    const source = texts(ops).filter((t) => t.x === 200 && t.y > fy);
    expect(source).toHaveLength(3);
    expect(source.map((t) => t.y)).toEqual([fy + 18, fy + 32, fy + 46]);
    for (const t of source) expect(mono(t.text, t.font)).toBeLessThanOrEqual(1100 - 216);
  });
});

describe('exportContent', () => {
  const fixture = realGeoFixture();
  const map = { width: 800, height: 500, metresPerPixel: 40 };
  const text = { lang: 'zh' as const, title: 'T', subtitle: 'S', extra: ['x'] };

  it('has a legend of the visible groups only, sector entries by their names', () => {
    const store = fixture.store();
    store.getState().setLayerVisible('hBelt', false);
    store.getState().setLayerVisible('basemap', false);
    const c = exportContent(store.getState(), text, map);
    expect(c.groups.map((g) => g.label)).toEqual([
      '行政区',
      '两极',
      '高技术服务产业带',
      '集成电路“一体两翼”',
      '生物医药“1+5+X”',
      '人工智能“4+X”',
      '新兴数字产业与“两城一带一港”',
      '园区',
    ]);
    const parks = c.groups.at(-1)!.items.map((i) => i.label);
    expect(parks.slice(0, 3)).toEqual(['集成电路', '生物医药', '人工智能']);
    expect(parks.some((l) => l.startsWith('sector:'))).toBe(false);
    expect(c.highlight).toBeNull();
    expect(c.scaleBar).toEqual({ px: 125, label: '5 km' });
    expect([c.title, c.subtitle, c.extra, c.mapWidth, c.mapHeight]).toEqual(['T', 'S', ['x'], 800, 500]);
  });

  it('marks every schematic entry, 两极 included; the strength, chosen-point and site entries only while they apply', () => {
    const store = fixture.store();
    const zh = exportContent(store.getState(), text, map);
    const group = (c: typeof zh, label: string) => c.groups.find((g) => g.label === label)!.items.map((i) => i.label);
    expect(group(zh, '两极')[0]).toBe('张江科技创新极、临港产业增长极（示意）');
    for (const label of ['高技术服务产业带', 'H型高端制造产业带', '集成电路“一体两翼”', '生物医药“1+5+X”', '人工智能“4+X”', '新兴数字产业与“两城一带一港”'])
      expect(
        group(zh, label).some((l) => l.endsWith('（示意）')),
        label,
      ).toBe(true);
    // a whole-district layout is not schematic: its band is not marked
    expect(group(zh, '生物医药“1+5+X”').find((l) => l.startsWith('X个支持区'))).not.toMatch(/（示意）$/);
    expect(group(zh, '园区').some((l) => l.includes('大点'))).toBe(false);
    // the basis rings are always explained (the map always draws them)
    expect(group(zh, '园区').filter((l) => /外圈/.test(l))).toEqual(['细外圈：规划点名', '粗外圈：规划点名且列入特色园区名单', '无外圈：仅列入特色园区名单']);
    expect(zh.groups.some((g) => g.label === '查找与导入')).toBe(false);
    // a sector filter and a chosen point bring their entries
    store.getState().toggleSector('ic');
    store.getState().setChosenPoint({ lng: 121.5, lat: 31.2, ref: null });
    const on = exportContent(store.getState(), { ...text, lang: 'en' }, map);
    expect(on.groups.find((g) => g.label === 'Two poles')?.items[0]?.label).toBe('Zhangjiang and Lingang poles (schematic)');
    expect(
      on.groups
        .at(-2)!
        .items.filter(
          (i) => i.label.endsWith('large dot: named by the plan or on the official list') || i.label.startsWith('With a sector selected, small faint dot'),
        ),
    ).toHaveLength(2);
    expect(on.groups.at(-1)).toEqual({
      label: 'Find and imports',
      items: [{ swatch: expect.objectContaining({ kind: 'circle', stroke: '#1f2328' }), label: 'Chosen point' }],
    });
  });

  it('with a sector filter on, the parks legend lists the colours the dots can show: the chosen sectors’ (a sub-sector by its sector’s)', () => {
    const store = fixture.store();
    const nine = ['集成电路', '生物医药', '人工智能', '新能源汽车', '高端装备', '航空航天', '信息通信', '新材料', '新兴数字产业'];
    const colours = () =>
      exportContent(store.getState(), text, map)
        .groups.find((g) => g.label === '园区')!
        .items.map((i) => i.label)
        .filter((l) => nine.includes(l));
    expect(colours()).toEqual(nine);
    store.getState().setSectors(['biomed', 'ai-chips']);
    expect(colours()).toEqual(['生物医药', '人工智能']);
    store.getState().setSectors([]);
    expect(colours()).toHaveLength(9);
  });

  it('in English, with the highlight entry when the chapter highlights something', () => {
    const store = fixture.store();
    store.setState({ briefingHighlight: ['zhangjiang-pole'] });
    const c = exportContent(store.getState(), { ...text, lang: 'en' }, map);
    expect(c.legendTitle).toBe('Legend');
    expect(c.highlight).toEqual({ swatch: { kind: 'line', color: '#d4006a', width: 3.5 }, label: 'Highlighted in this chapter' });
    expect(c.caption).toBe('');
    expect(c.groups.at(-1)!.items[0]!.label).toBe('Integrated circuits');
  });

  it('carries the caption of the chapter on show, in the export language', async () => {
    const store = fixture.store();
    const b = await loadBriefing('/', diskFetcher());
    if (!b.ok) throw new Error(b.error);
    const script = JSON.parse(readFileSync(join(here, '../../public/geo/briefing.json'), 'utf8')) as { chapters: { caption_zh: string; caption_en: string }[] };
    store.getState().setBriefing(b.data);
    store.getState().startBriefing('audience', 2);
    expect(exportContent(store.getState(), text, map).caption).toBe(script.chapters[2]!.caption_zh);
    store.getState().nextChapter();
    expect(exportContent(store.getState(), { ...text, lang: 'en' }, map).caption).toBe(script.chapters[3]!.caption_en);
    expect(script.chapters[3]!.caption_en.length).toBeGreaterThan(20);
  });
});
