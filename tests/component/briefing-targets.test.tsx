// @vitest-environment jsdom
/**
 * The briefing's targets chapter shows target beside outturn: for every measure of the chapter's
 * sectors, the scorecard's card with baseline, target, latest outturn and status, checked against
 * targets.json and briefing.json read here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Caption, figureLines } from '../../src/components/briefing/Caption';
import { StoreContext } from '../../src/state/store';
import { diskFetcher, realGeoFixture, readGeoJson } from '../fakes/geo-disk';
import type { BriefingChapter } from '../../src/loaders/briefing-schema';
import type { TargetsFile } from '../../src/loaders/schemas';

const real = realGeoFixture();
afterEach(cleanup);

const STATUS_EN: Record<string, string> = {
  met: 'Met',
  'not-met': 'Not met',
  'met-proxy': 'Met on a proxy',
  'not-verifiable': 'Not verifiable',
  'not-comparable': 'Not comparable',
  'no-data': 'No data',
};

describe('briefing: the targets chapter', () => {
  it('shows baseline, target, latest outturn and status for each overall measure and each of its sectors’', async () => {
    const chapters = readGeoJson<{ chapters: BriefingChapter[] }>('briefing.json').chapters;
    const chapter = chapters.find((c) => c.id === 'targets')!;
    const file = readGeoJson<TargetsFile>('targets.json');
    const sectors: string[] = ['overall', ...chapter.figures.map((f) => f.sector)];
    const want = file.targets.filter((t) => sectors.includes(t.sector));
    expect(want.length).toBeGreaterThan(sectors.length);
    const store = real.store();
    store.getState().setLang('en');
    await store.getState().loadScorecard('/', diskFetcher());
    render(
      <StoreContext.Provider value={store}>
        <Caption chapter={chapter} n={11} total={chapters.length} lang="en" />
      </StoreContext.Provider>,
    );
    const section = await screen.findByTestId('briefing-scorecard', {}, { timeout: 15_000 });
    const cards = [...section.querySelectorAll('article.score')];
    expect(cards.map((c) => c.getAttribute('data-target'))).toEqual(want.map((t) => t.id));
    for (const t of want) {
      const card = section.querySelector(`article.score[data-target="${t.id}"]`)!;
      const facts = new Map([...card.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling as HTMLElement]));
      expect(facts.get('Target')!.textContent, t.id).toContain(t.target.text_en);
      expect(facts.get('Baseline')!.textContent, t.id).toContain(t.baseline ? t.baseline.text_en : 'none');
      // the latest reported figure, worked out here: latest year among the target's measure (same or proxy), else among context figures
      const reported = t.outturns.filter((o) => o.role !== 'base');
      const comparable = reported.filter((o) => o.comparability !== 'context');
      const pool = comparable.length ? comparable : reported;
      const year = Math.max(...pool.map((o) => o.year));
      const latest = facts.get('Latest outturn')!;
      if (pool.length === 0) expect(latest.textContent, t.id).toContain('none reported');
      else {
        expect(
          pool.filter((o) => o.year === year).map((o) => o.id),
          t.id,
        ).toContain(latest.getAttribute('data-latest'));
        const o = pool.find((x) => x.id === latest.getAttribute('data-latest'))!;
        // in English: a figure with a value in English words (figureText, unit-tested), a statement as published
        if (o.value === null) expect(latest.textContent, t.id).toContain(o.value_text);
        else expect(latest.textContent, t.id).not.toMatch(/[\u4e00-\u9fff（）]/);
        expect(latest.querySelector('a')!.getAttribute('href')).toBe(o.source);
      }
      expect(card.querySelector('.status')!.textContent, t.id).toBe(STATUS_EN[t.status]);
    }
    // a measure with a comparable figure draws its chart; one with none says "no data"
    expect(section.querySelector('article.score[data-target="digital-revenue"] figure.score-chart')).not.toBeNull();
    expect(section.querySelector('article.score[data-target="ic-two-firms"] [data-testid="no-data"]')).not.toBeNull();
  });

  it('a chapter without targets shows no scorecard', async () => {
    const chapters = readGeoJson<{ chapters: BriefingChapter[] }>('briefing.json').chapters;
    const store = real.store();
    await store.getState().loadScorecard('/', diskFetcher());
    render(
      <StoreContext.Provider value={store}>
        <Caption chapter={chapters[0]!} n={1} total={chapters.length} lang="zh" />
      </StoreContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByTestId('briefing-scorecard')).toBeNull();
  });

  it('writes a figure in 亿元 in CNY billion in English, as the scorecard does', () => {
    const chapters = readGeoJson<{ chapters: BriefingChapter[] }>('briefing.json').chapters;
    const ch = chapters.find((c) => c.figures.some((f) => f.unit === '亿元'))!;
    const i = ch.figures.findIndex((f) => f.unit === '亿元');
    const f = ch.figures[i]!;
    const billions = (f.value / 10).toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(figureLines(ch, 'en')[i]).toBe(`${f.name_en}: ${f.approx ? '≈' : ''}CNY ${billions} billion`);
    expect(figureLines(ch, 'zh')[i]).toContain(`${f.value.toLocaleString('zh-CN')}亿元`);
  });
});
