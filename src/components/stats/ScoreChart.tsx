import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import type { ChartPoint } from '../../state/stats/scorecard';
import { saveChart, tidyPlotSvg } from './chart-export';
import { ChartFrame } from './ChartFrame';

export interface ChartText {
  title: string;
  unit: string;
  source: string;
  /** the text alternative: what the chart shows, in words */
  description: string;
}

const ACCENT = '#6a3fb5';

/**
 * One measure's small chart (Observable Plot, loaded with the scorecard): the baseline → target
 * line dashed, the reported figures as dots (hollow: a proxy measure). A figure with title, unit
 * and source line; the SVG carries the text alternative as its label and description.
 */
export function ScoreChart({
  points,
  text,
  labels,
  file,
  width = 300,
}: {
  points: readonly ChartPoint[];
  text: ChartText;
  /** the export buttons' labels */
  labels: { svg: string; png: string };
  /** the saved file's name, without extension */
  file: string;
  width?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const save = (kind: 'svg' | 'png') => saveChart(ref.current?.querySelector('svg'), kind, text, file, { width, height: 150 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const plan = points.filter((p) => p.kind === 'baseline' || p.kind === 'target');
    const reported = points.filter((p) => p.kind === 'outturn' || p.kind === 'proxy');
    const years = points.map((p) => p.year);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    // a label at the first year starts at its dot and one at the last year ends at it, so neither
    // runs past the plot into the axis's figures (">17,000" over "18,000 –"); the others are centred
    const labelMarks = (pts: readonly ChartPoint[], dy: number) => {
      const text = { x: 'year', y: 'value', text: 'label', dy, fontSize: 10, fill: '#1f2328' } as const;
      const edge = (p: ChartPoint) => first !== last && (p.year === first || p.year === last);
      return [
        Plot.text(
          pts.filter((p) => !edge(p)),
          text,
        ),
        Plot.text(
          pts.filter((p) => edge(p) && p.year === first),
          { ...text, textAnchor: 'start', dx: -4 },
        ),
        Plot.text(
          pts.filter((p) => edge(p) && p.year === last),
          { ...text, textAnchor: 'end', dx: 4 },
        ),
      ];
    };
    const svg = Plot.plot({
      width,
      height: 150,
      marginLeft: 48,
      marginRight: 16,
      style: { fontSize: '11px', background: '#fff' },
      ariaLabel: text.title,
      ariaDescription: text.description,
      x: { label: null, tickFormat: 'd', ticks: [...new Set(years)], domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5] },
      // room above the highest dot and below the lowest for their labels (9 and 11 px off the dot),
      // so a label below a figure at the foot does not run into the years (">18.32" over "2025")
      y: { label: null, grid: true, nice: true, insetTop: 14, insetBottom: 16 },
      marks: [
        Plot.line(plan, { x: 'year', y: 'value', stroke: '#8a8478', strokeDasharray: '4,3' }),
        Plot.dot(plan, { x: 'year', y: 'value', symbol: 'diamond2', stroke: '#5f6670', r: 4 }),
        Plot.dot(reported, { x: 'year', y: 'value', stroke: ACCENT, fill: (d: ChartPoint) => (d.kind === 'proxy' ? '#fff' : ACCENT), r: 4 }),
        ...labelMarks(
          points.filter((p) => !p.below),
          -9,
        ),
        ...labelMarks(
          points.filter((p) => p.below),
          11,
        ),
      ],
    });
    tidyPlotSvg(svg, 'img');
    el.replaceChildren(svg);
    return () => svg.remove();
  }, [points, text, width]);
  return <ChartFrame className="score-chart" testId="score-chart" text={text} labels={labels} chartRef={ref} onSave={save} />;
}
