import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import type { RankedDistrict } from '../../state/stats/district';
import { saveChart, tidyPlotSvg } from './chart-export';
import { ChartFrame } from './ChartFrame';

export interface RankingText {
  title: string;
  unit: string;
  source: string;
  /** the text alternative: what the chart shows, in words */
  description: string;
  /** a bar's label (name for a screen reader) */
  bar(r: RankedDistrict): string;
  svg: string;
  png: string;
}

const ACCENT = '#6a3fb5';

/**
 * Every district ranked by parks as horizontal bars (Observable Plot, loaded with the district
 * profile). Each row is a focusable mark (Tab, Enter or Space, or a click) that opens that
 * district's profile; the chosen district's bar is darker.
 */
export default function RankingChart({
  ranking,
  label,
  current,
  text,
  file,
  onChoose,
  width = 420,
}: {
  ranking: readonly RankedDistrict[];
  /** district name as shown */
  label(district: string): string;
  current: string | null;
  text: RankingText;
  file: string;
  onChoose(district: string): void;
  width?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const height = 28 + ranking.length * 20;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = ranking.map((r) => ({ ...r, name: label(r.district), on: r.district === current }));
    const max = Math.max(1, ...data.map((d) => d.parks));
    const svg = Plot.plot({
      width,
      height,
      marginLeft: 96,
      marginRight: 32,
      style: { fontSize: '11px', background: '#fff' },
      ariaLabel: text.title,
      ariaDescription: text.description,
      x: { label: null, grid: true, domain: [0, max], nice: true },
      y: { label: null, domain: data.map((d) => d.name), padding: 0.2 },
      marks: [
        // the rows: one interactive mark per district, as wide as the chart
        Plot.barX(data, { y: 'name', x1: 0, x2: max, fill: '#fff', fillOpacity: 0, className: 'rank-rows' }),
        Plot.barX(data, { y: 'name', x: 'parks', fill: (d: (typeof data)[number]) => (d.on ? '#3f2370' : ACCENT) }),
        Plot.text(data, { y: 'name', x: 'parks', text: (d: (typeof data)[number]) => String(d.parks), dx: 4, textAnchor: 'start', fill: '#1f2328' }),
        Plot.ruleX([0]),
      ],
    });
    // Plot draws one rect per datum, in data order: make the row marks focusable buttons
    const rows = [...svg.querySelectorAll<SVGRectElement>('g.rank-rows rect')];
    rows.forEach((rect, i) => {
      const d = data[i];
      if (!d) return;
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('role', 'button');
      rect.setAttribute('aria-label', text.bar(d));
      rect.setAttribute('data-district', d.district);
      if (d.on) rect.setAttribute('aria-pressed', 'true');
      rect.classList.add('rank-row');
      rect.addEventListener('click', () => onChoose(d.district));
      rect.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onChoose(d.district);
      });
    });
    tidyPlotSvg(svg, 'group');
    el.replaceChildren(svg);
    return () => svg.remove();
  }, [ranking, label, current, text, width, height, onChoose]);
  const save = (kind: 'svg' | 'png') => saveChart(ref.current?.querySelector('svg'), kind, text, file, { width, height });
  return <ChartFrame className="score-chart rank-chart" testId="rank-chart" text={text} labels={text} chartRef={ref} onSave={save} />;
}
