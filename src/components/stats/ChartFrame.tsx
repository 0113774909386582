import type { ReactElement, RefObject } from 'react';

/**
 * A statistics chart's frame: its title and unit, the chart (drawn into `chartRef` by the chart's
 * own effect), its source, the buttons that save it as SVG or PNG, and its text alternative.
 */
export function ChartFrame({
  className,
  testId,
  text,
  labels,
  chartRef,
  onSave,
}: {
  className: string;
  testId: string;
  text: { title: string; unit: string; source: string; description: string };
  /** the save buttons' labels */
  labels: { svg: string; png: string };
  chartRef: RefObject<HTMLDivElement | null>;
  onSave: (kind: 'svg' | 'png') => void;
}): ReactElement {
  return (
    <figure className={className} data-testid={testId}>
      <figcaption className="chart-title">{text.title}</figcaption>
      <p className="chart-unit">{text.unit}</p>
      <div ref={chartRef} className="chart-svg" />
      <p className="chart-source">{text.source}</p>
      <p className="stats-actions">
        <button type="button" onClick={() => onSave('svg')} data-export="svg">
          {labels.svg}
        </button>{' '}
        <button type="button" onClick={() => onSave('png')} data-export="png">
          {labels.png}
        </button>
      </p>
      <p className="visually-hidden">{text.description}</p>
    </figure>
  );
}
