import { formatValue, shortMonthName, monthName, type Measure } from '../../platform/measures/index.ts';
import type { MonthFigure } from '../../platform/measures/scorecard.ts';

/** Points for an SVG polyline of the trend, scaled into width × height (months without data are skipped). */
function scale(trend: readonly MonthFigure[], width: number, height: number, pad: number, target?: number) {
  const values = trend.map((t) => t.value).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values, target ?? 0);
  const min = Math.min(0, ...values);
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, trend.length - 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / (max - min || 1);
  return { x, y, max, min };
}

/** "Approved fostering households, December 2025 to November 2026: 880, 884 ... ; no data for ..." */
export function trendLabel(measure: Measure, trend: readonly MonthFigure[]): string {
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const values = trend.map((t) => `${shortMonthName(t.month)} ${formatValue(measure, t.value)}`).join(', ');
  return `${measure.title}, ${monthName(first.month)} to ${monthName(last.month)}: ${values}`;
}

export function sparkline(trend: readonly MonthFigure[]) {
  const width = 120;
  const height = 32;
  const { x, y } = scale(trend, width, height, 3);
  const points = trend
    .map((t, i) => (t.value === null ? null : `${x(i).toFixed(1)},${y(t.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const lastIndex = trend.length - 1;
  const last = trend[lastIndex]!;
  return {
    width,
    height,
    points,
    end: last.value === null ? null : { cx: x(lastIndex).toFixed(1), cy: y(last.value).toFixed(1) },
  };
}

/** A 12-month line chart with the target as a dashed line and each month labelled. */
export function lineChart(measure: Measure, trend: readonly MonthFigure[]) {
  const width = 640;
  const height = 240;
  const pad = 36;
  const { x, y, max, min } = scale(trend, width, height, pad, measure.target);
  const dots = trend.map((t, i) => ({
    cx: x(i).toFixed(1),
    cy: t.value === null ? null : y(t.value).toFixed(1),
    label: shortMonthName(t.month),
    value: formatValue(measure, t.value),
  }));
  const points = dots
    .filter((d) => d.cy !== null)
    .map((d) => `${d.cx},${d.cy}`)
    .join(' ');
  const target = trend[trend.length - 1]!.target;
  return {
    width,
    height,
    points,
    dots,
    baseline: (height - pad + 16).toFixed(1),
    target: { y: y(target).toFixed(1), x1: pad, x2: width - pad, text: `Target ${formatValue(measure, target)}` },
    top: { y: y(max).toFixed(1), text: formatValue(measure, max) },
    bottom: { y: y(min).toFixed(1), text: formatValue(measure, min) },
  };
}
