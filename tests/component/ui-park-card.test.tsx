// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ParkCard, SourceText } from '../../src/components/ParkCard';
import { ZoneCard } from '../../src/components/ZoneCard';
import { StoreContext } from '../../src/state/store';
import type { AppStore } from '../../src/state/store';
import { t } from '../../src/i18n';
import type { Link, ParkProps, ZoneProps } from '../../src/loaders/schemas';
import { realGeoFixture } from '../fakes/geo-disk';

const real = realGeoFixture();
const storeWithData = real.store;
const park = (store: AppStore, id: string): ParkProps => store.getState().derived!.parks.find((p) => p.id === id)!;
const zone = (store: AppStore, id: string): ZoneProps => store.getState().derived!.zones.find((z) => z.id === id)!;
const nodeName = (store: AppStore, id: string, lang: 'zh' | 'en' = 'zh') => {
  const n = store.getState().derived!.sectorNodes.get(id)!;
  return lang === 'zh' ? n.name_zh : n.name_en;
};

/**
 * Whether `el` (an element with data-via) shows link `l`: same kind of reason, the clause, the
 * plan's words (the phrase; or the name the plan uses for the place; a phrase that is just the
 * node's own name may be left out), and for a zone link, the zone's name.
 */
function rendersLink(store: AppStore, el: HTMLElement, l: Link): boolean {
  const text = el.textContent ?? '';
  const nodeHolder = el.closest<HTMLElement>('[data-node]');
  if (nodeHolder && nodeHolder.dataset.node !== l.node) return false;
  if (el.dataset.via !== l.via) return false;
  // a list link cites the list's document and category, not a plan clause
  if (l.via === 'list') return !!l.list && text.includes(t('zh', 'viaList')) && text.includes(l.list.document_zh) && text.includes(l.list.category_zh);
  if (l.clause === null || !text.includes(l.clause)) return false;
  if (!text.includes(l.via === 'designation' ? t('zh', 'viaDesignation') : t('zh', 'viaZone'))) return false;
  if (l.via === 'zone' && !text.includes(zone(store, l.zone!).name_zh)) return false;
  const words = (l as Link & { named_as?: string }).named_as;
  const phraseShown = text.includes(`“${l.phrase}”`);
  const phraseIsNodeName = l.phrase === nodeName(store, l.node);
  return phraseShown || (words !== undefined && text.includes(words)) || phraseIsNodeName;
}

function renderPark(store: AppStore, p: ParkProps, onClose = vi.fn()) {
  const utils = render(
    <StoreContext.Provider value={store}>
      <ParkCard park={p} onClose={onClose} />
    </StoreContext.Provider>,
  );
  return { ...utils, onClose, card: utils.container.querySelector('article.park-card') as HTMLElement };
}

function renderZone(store: AppStore, z: ZoneProps, onClose = vi.fn()) {
  const utils = render(
    <StoreContext.Provider value={store}>
      <ZoneCard zone={z} onClose={onClose} />
    </StoreContext.Provider>,
  );
  return { ...utils, onClose, card: utils.container.querySelector('article.zone-card') as HTMLElement };
}

describe('ParkCard (real data)', () => {
  // many links, to several sectors, by designation and through zones, to top-level and child nodes
  for (const id of ['songjiang-industrial-zone', 'yangpu-university-city', 'xuhui-west-bund', 'jiading-smart-sensor-park', 'zhangjiang-ic-base'])
    it(`renders every link of ${id}, grouped by sector, with clause and phrase`, () => {
      const store = storeWithData();
      const p = park(store, id);
      const { card } = renderPark(store, p);
      expect(screen.getByRole('heading', { level: 2, name: p.name_zh })).toBeInTheDocument();
      const groups = [...card.querySelectorAll<HTMLElement>('ul.reasons > li[data-sector]')];
      expect(groups.map((g) => g.dataset.sector)).toEqual([...new Set(p.links.map((l) => l.sector))]);
      for (const g of groups) {
        expect(g.querySelector('strong')!.textContent).toBe(nodeName(store, g.dataset.sector!));
        const links = p.links.filter((l) => l.sector === g.dataset.sector);
        // one element per link (data-via), matched one to one
        const unmatched = [...g.querySelectorAll<HTMLElement>('[data-via]')];
        expect(unmatched).toHaveLength(links.length);
        for (const l of links) {
          const i = unmatched.findIndex((el) => rendersLink(store, el, l));
          expect(i, `${id}: no element for ${l.via} link to ${l.node} (${l.clause}, zone ${l.zone})`).toBeGreaterThanOrEqual(0);
          unmatched.splice(i, 1);
        }
        // a child node is named in its group; the top-level node is not repeated as a node label
        for (const node of new Set(links.map((l) => l.node))) {
          const holder = g.querySelector<HTMLElement>(`[data-node="${node}"]`) ?? g;
          if (node !== g.dataset.sector) expect(holder.textContent).toContain(nodeName(store, node));
        }
        for (const label of g.querySelectorAll('.node')) expect(label.textContent).not.toContain(`${nodeName(store, g.dataset.sector!)} ·`);
      }
      expect(card.querySelectorAll('ul.reasons [data-via]')).toHaveLength(p.links.length);
    });

  it('shows the district, the zones as chips (which select the zone) and the confidence', () => {
    const store = storeWithData();
    const p = park(store, 'the-bund');
    const { card } = renderPark(store, p);
    expect(card).toHaveTextContent(p.district!);
    const chips = [...card.querySelectorAll<HTMLButtonElement>('button.chip')];
    expect(chips.map((c) => c.textContent)).toEqual(p.zones.map((z) => zone(store, z).name_zh));
    fireEvent.click(chips.at(-1)!);
    expect(store.getState().selectedZoneId).toBe(p.zones.at(-1));
    expect(store.getState().selectedParkId).toBeNull();
    expect(card.querySelector(`[data-confidence="${p.confidence}"]`)).toHaveTextContent(t('zh', `conf_${p.confidence}`));
  });

  it('renders an http(s) source as a link that opens safely', () => {
    const store = storeWithData();
    const p = park(store, 'zhangjiang-ic-base');
    const { card } = renderPark(store, p);
    // the source line (the details below cite their own sources)
    const links = [...card.querySelector('[data-fact="source"]')!.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://de.wikibrief.org/wiki/Zhangjiang_Hi-Tech_Park');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(links[0]!.getAttribute('rel')).toMatch(/noopener/);
    expect(links[0]!.getAttribute('rel')).toMatch(/noreferrer/);
  });

  it("renders 'javascript:alert(1)' in a source as text, not as a link", () => {
    const store = storeWithData();
    const p: ParkProps = { ...park(store, 'the-bund'), source: 'javascript:alert(1) <img src=x onerror=alert(2)> data:text/html,hi' };
    const { card } = renderPark(store, p);
    expect(card.querySelector('[data-fact="source"]')!.querySelectorAll('a')).toHaveLength(0);
    expect(card.querySelector('img')).toBeNull();
    expect(card).toHaveTextContent('javascript:alert(1)');
    expect(card).toHaveTextContent('<img src=x onerror=alert(2)>');
    for (const el of card.querySelectorAll('*')) expect(el.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
  });

  it('links only the http(s) part of a mixed source', () => {
    render(<SourceText text="javascript:alert(1) then https://example.org/a and http://example.com/b ftp://x.org/c" />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a', 'http://example.com/b']);
    expect(document.body).toHaveTextContent('javascript:alert(1) then example.org/a and example.com/b ftp://x.org/c');
  });

  it('a link reads as host and path, its escapes decoded, cut at 60 characters; it goes to the URL as written', () => {
    const url = 'http://zh.wikipedia.org/wiki/%E9%A9%AC%E6%A1%A5%E9%95%87_(%E4%B8%8A%E6%B5%B7%E5%B8%82)';
    const long = `https://example.org/${'a'.repeat(80)}`;
    render(<SourceText text={`${url} ${long} https://example.org/%E0%A4%A`} />);
    const [a, b, c] = screen.getAllByRole('link');
    expect(a).toHaveTextContent(/^zh\.wikipedia\.org\/wiki\/马桥镇_\(上海市\)$/);
    expect(a).toHaveAttribute('href', url);
    expect(a).toHaveAttribute('title', url);
    expect(b!.textContent).toHaveLength(60);
    expect(b!.textContent!.endsWith('…')).toBe(true);
    // a malformed escape is shown as written
    expect(c).toHaveTextContent('example.org/%E0%A4%A');
  });

  it('a URL with parentheses (xuhui-west-bund, the-bund) is linked whole', () => {
    const store = storeWithData();
    const { card } = renderPark(store, park(store, 'xuhui-west-bund'));
    expect(card.querySelector('[data-fact="source"] a')).toHaveAttribute('href', 'https://goodnames-eth.ipns.dweb.link/wiki/Longhua_Station_(Shanghai).html');
  });

  it('trailing punctuation after a URL (dongfang-meigu: "…station; …") is not part of the link', () => {
    const store = storeWithData();
    const { card } = renderPark(store, park(store, 'dongfang-meigu'));
    expect(card.querySelector('[data-fact="source"] a')).toHaveAttribute('href', 'https://wikiwand.com/en/Fengxian_Xincheng_station');
  });

  it('renders link notes and the beyond-plan note as text', () => {
    const store = storeWithData();
    const base = park(store, 'the-bund');
    const p: ParkProps = {
      ...base,
      beyond_plan: true,
      links: base.links.map((l, i) => (i === 0 ? { ...l, note_zh: '<b>note</b>', note_en: '<b>note (en)</b>' } : l)),
    };
    const { card } = renderPark(store, p);
    expect(card.querySelector('.reasons .note')).toHaveTextContent('<b>note</b>');
    expect(card.querySelector('.reasons b')).toBeNull();
    expect(card).toHaveTextContent(t('zh', 'beyondPlan'));
  });

  it('follows the language, and the close button calls onClose', () => {
    const store = storeWithData();
    act(() => store.getState().setLang('en'));
    const p = park(store, 'yangpu-university-city');
    const { card, onClose } = renderPark(store, p);
    expect(screen.getByRole('heading', { level: 2, name: p.name_en })).toBeInTheDocument();
    expect(card.querySelector('.alt-name')).toHaveTextContent(p.name_zh);
    expect(card.querySelector('li[data-sector="digital"] > strong')).toHaveTextContent(nodeName(store, 'digital', 'en'));
    expect(card).toHaveTextContent(t('en', 'why'));
    // clauses cited by number in English (五（一） is §5.1), with no Chinese numerals in brackets
    expect(card.textContent).toMatch(/§\d\.\d/);
    expect(card.textContent).not.toMatch(/[一二三四五六七]（[一二三四五六七八九十]）/);
    fireEvent.click(screen.getByRole('button', { name: t('en', 'close') }));
    expect(onClose).toHaveBeenCalledTimes(1);
    // the plan's own words are quoted after an ASCII colon in English (it was a full-width one)
    const maqiao = renderPark(store, park(store, 'maqiao-ai-zone')).card;
    expect(maqiao.textContent).toMatch(/§5\.5: “/);
    expect(maqiao.textContent).not.toMatch(/：“/);
  });
});

describe('ZoneCard (real data)', () => {
  it('lists the parks inside, and opening one selects it and moves the map', () => {
    const store = storeWithData();
    const z = zone(store, 'fintech-riverside');
    const { card } = renderZone(store, z);
    expect(screen.getByRole('heading', { level: 2, name: z.name_zh })).toBeInTheDocument();
    const inside = store.getState().derived!.parks.filter((p) => p.zones.includes(z.id));
    expect(inside.length).toBeGreaterThan(1);
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('ul.inside button')];
    expect(buttons.map((b) => b.textContent).sort()).toEqual(inside.map((p) => p.name_zh).sort());
    expect(card).toHaveTextContent(`${t('zh', 'parksInside')} (${inside.length})`);
    const target = inside.find((p) => p.id === 'the-bund')!;
    fireEvent.click(buttons.find((b) => b.textContent === target.name_zh)!);
    expect(store.getState().selectedParkId).toBe('the-bund');
    const at = store.getState().derived!.parkCoords.get('the-bund')!;
    expect(store.getState().cameraRequest).toMatchObject({ lng: at[0], lat: at[1] });
  });

  it('shows the derivation and flags a schematic zone', () => {
    const store = storeWithData();
    const z = zone(store, 'fintech-riverside');
    expect(z.schematic).toBe(true);
    const { card } = renderZone(store, z);
    const p = card.querySelector('p[data-schematic]')!;
    expect(p.getAttribute('data-schematic')).toBe('true');
    expect(p.querySelector('strong')).toHaveTextContent(t('zh', 'schematicZone'));
    expect(p).toHaveTextContent(z.derivation_zh);
    expect(card).toHaveTextContent(z.clause);
    expect(card).toHaveTextContent(`${z.area_km2} km²`);
  });

  it('flags a zone drawn from district boundaries as exact', () => {
    const store = storeWithData();
    const z = zone(store, 'biomed-x-districts');
    expect(z.schematic).toBe(false);
    const { card } = renderZone(store, z);
    const p = card.querySelector('p[data-schematic]')!;
    expect(p.getAttribute('data-schematic')).toBe('false');
    expect(p.querySelector('strong')).toHaveTextContent(t('zh', 'exactZone'));
    expect(p).toHaveTextContent(z.derivation_zh);
  });

  it("shows the zone's own sector links, and no area for an axis", () => {
    const store = storeWithData();
    const z = zone(store, 'h-central-axis');
    expect(z.area_km2).toBeNull();
    const { card } = renderZone(store, z);
    expect(card).not.toHaveTextContent('km²');
    const items = card.querySelectorAll('ul.reasons [data-via]');
    expect(items).toHaveLength(z.links.length);
    for (const li of items) expect(li.getAttribute('data-via')).toBe('designation');
    expect([...card.querySelectorAll<HTMLElement>('ul.reasons > li[data-sector]')].map((g) => g.dataset.sector)).toEqual([
      ...new Set(z.links.map((l) => l.sector)),
    ]);
  });

  it('the close button calls onClose', () => {
    const store = storeWithData();
    const { onClose } = renderZone(store, zone(store, 'ai-maqiao'));
    fireEvent.click(screen.getByRole('button', { name: t('zh', 'close') }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('ParkCard leads with the answer', () => {
  const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

  it('dongfang-xingang (en): one verdict per sector, strongest first, then size, confidence with radius and method, source; details after', () => {
    const store = storeWithData();
    act(() => store.getState().setLang('en'));
    const { card } = renderPark(store, park(store, 'dongfang-xingang'));
    const lines = [...card.querySelectorAll<HTMLElement>('.verdict ul.verdicts > li')];
    // named by the plan for ic; inside a cluster of biomed, ai, equipment, digital; inside a broad area only for the rest
    expect(lines.map((l) => `${l.dataset.sector}=${l.dataset.strength}`)).toEqual([
      'ic=named',
      'biomed=cluster',
      'ai=cluster',
      'equipment=cluster',
      'digital=cluster',
      'nev=broad',
      'aerospace=broad',
      'materials=broad',
    ]);
    expect(lines[0]).toHaveTextContent('Integrated circuits');
    expect(lines[0]).toHaveTextContent('Named by the plan');
    expect(lines[1]).toHaveTextContent('Inside a cluster of the plan');
    expect(lines.at(-1)).toHaveTextContent('Inside a broad area only');
    const area = card.querySelector('[data-fact="area"]')!;
    expect(area).toHaveTextContent('5.45 km²');
    expect(area).toHaveTextContent('area in the catalogue (all four blocks)');
    expect(area.querySelector('a')).toHaveAttribute('href', 'https://app.sheitc.sh.gov.cn/gg/693682.htm');
    const pos = card.querySelector('[data-fact="position"]')!;
    expect(pos).toHaveTextContent('estimate');
    expect(pos).toHaveTextContent('±3 km');
    expect(pos).toHaveTextContent('our estimate');
    expect(card.querySelector('[data-fact="list"]')).toHaveTextContent('2020 batch');
    expect(card.querySelector('[data-fact="list"]')).toHaveTextContent('category Integrated circuits');
    // the order: the verdict, the facts (area before confidence before source), then every link
    const verdict = card.querySelector('.verdict')!;
    const facts = card.querySelector('dl.facts')!;
    const reasons = card.querySelector('ul.reasons')!;
    expect(before(card.querySelector('header')!, verdict)).toBe(true);
    expect(before(verdict, facts)).toBe(true);
    expect(before(area, pos) && before(pos, card.querySelector('[data-fact="source"]')!)).toBe(true);
    expect(before(facts, reasons)).toBe(true);
    expect(card.querySelector('details[data-details="listing"]')).not.toBeNull();
  });

  it('changxing-island (en): a place the plan names only on an H-belt axis says so for each of the belt’s sectors, never “Named by the plan”', () => {
    const store = storeWithData();
    act(() => store.getState().setLang('en'));
    const { card } = renderPark(store, park(store, 'changxing-island'));
    const lines = [...card.querySelectorAll<HTMLElement>('.verdict ul.verdicts > li')];
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.dataset.strength).toBe('broad');
    const ic = lines.find((l) => l.dataset.sector === 'ic')!;
    expect(ic).toHaveTextContent('Named as a place of a broad area');
    expect(ic).toHaveTextContent('§5.4');
    expect(card.querySelector('.verdict')!.textContent).not.toContain('Named by the plan');
  });

  it('zhangjiang-shulian (zh): on the official list for digital, ±5.5 km schematic, the area with its source', () => {
    const store = storeWithData();
    const { card } = renderPark(store, park(store, 'zhangjiang-shulian'));
    const digital = card.querySelector<HTMLElement>('.verdicts li[data-sector="digital"]')!;
    expect(digital.dataset.strength).toBe('listed');
    expect(digital).toHaveTextContent('列入市特色产业园区名单');
    expect(digital).toHaveTextContent('元宇宙类');
    expect(card.querySelector('.verdicts li')).toBe(digital); // the strongest line first
    expect(card.querySelector('[data-fact="area"]')).toHaveTextContent('1.91 km²');
    const pos = card.querySelector('[data-fact="position"]')!;
    expect(pos).toHaveTextContent('示意');
    expect(pos.querySelector('[data-radius]')).toHaveTextContent('±5.5 千米');
    expect(pos.querySelector('[data-method]')).toHaveTextContent('所在的更大区域的代表点');
  });

  it('with a sector filter on, the card leads with that sector, however strong its link, then the others strongest first', () => {
    const store = storeWithData();
    const order = () =>
      [...document.querySelectorAll<HTMLElement>('.verdict ul.verdicts > li')].map(
        (l) => `${l.dataset.sector}=${l.dataset.strength}${l.dataset.chosen ? '*' : ''}`,
      );
    const reasons = () => [...document.querySelectorAll<HTMLElement>('ul.reasons > li')].map((l) => l.dataset.sector);
    act(() => store.getState().setSectors(['precision-medicine'])); // a sub-sector counts for its sector
    renderPark(store, park(store, 'dongfang-xingang'));
    expect(order()).toEqual([
      'biomed=cluster*',
      'ic=named',
      'ai=cluster',
      'equipment=cluster',
      'digital=cluster',
      'nev=broad',
      'aerospace=broad',
      'materials=broad',
    ]);
    expect(reasons()[0]).toBe('biomed');
    act(() => store.getState().setSectors(['materials', 'ai']));
    expect(order().slice(0, 3)).toEqual(['ai=cluster*', 'materials=broad*', 'ic=named']);
    expect(reasons().slice(0, 2).sort()).toEqual(['ai', 'materials']);
    act(() => store.getState().setSectors([]));
    expect(order()[0]).toBe('ic=named');
  });

  it('zhangjiang-ic-base (en): no published area says so; ±500 m from a published coordinate', () => {
    const store = storeWithData();
    act(() => store.getState().setLang('en'));
    const { card } = renderPark(store, park(store, 'zhangjiang-ic-base'));
    expect(card.querySelector('[data-fact="area"]')).toHaveTextContent('no published area');
    expect(card.querySelector('[data-fact="position"]')).toHaveTextContent('sourced · ±500 m · a published coordinate of the place');
    expect(card.querySelector('[data-fact="list"]')).toHaveTextContent('not on the list');
    expect(card.querySelector('.verdicts li[data-sector="ic"]')).toHaveAttribute('data-strength', 'named');
  });
});
