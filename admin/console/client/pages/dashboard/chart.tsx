import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Series } from './data.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One Chart.js chart on a canvas, rebuilt when the series changes and destroyed on unmount. */
export function SeriesChart({ kind, label, series, color, yMin, yMax }: { kind: 'bar' | 'line'; label: string; series: Series; color: string; yMin?: number; yMax?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: { labels: series.labels, datasets: [{ label, data: series.values, backgroundColor: color, borderColor: color, spanGaps: true, tension: 0.25 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: yMin === undefined, min: yMin, max: yMax } },
      },
    });
    return () => chart.destroy();
  }, [kind, label, series, color, yMin, yMax]);
  return (
    <figure class="chart">
      <figcaption>{label}</figcaption>
      <div class="chart-box"><canvas ref={canvas} aria-label={label} role="img" /></div>
    </figure>
  );
}
