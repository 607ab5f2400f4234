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

/** Round steps (1, 2 or 5 times a power of ten) from at most `min` to at least `max`: the y-axis scale. */
export function axisTicks(min: number, max: number, count = 4): number[] {
  const span = max - min || 1;
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v < max + step; v += step) {
    ticks.push(Number(v.toFixed(6)));
    if (v >= max) break;
  }
  return ticks;
}

const axisTitles = { percentage: 'Per cent', days: 'Days', count: 'Number' } as const;

/**
 * A 12-month line chart: a y-axis with a round scale, its gridlines and title, the months along
 * the x-axis, the target as a dashed line, and each month's value as a dot.
 */
export function lineChart(measure: Measure, trend: readonly MonthFigure[]) {
  const width = 640;
  const height = 260;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 44;
  const values = trend.map((t) => t.value).filter((v): v is number => v !== null);
  const target = trend[trend.length - 1]!.target;
  const ticks = axisTicks(Math.min(0, ...values), Math.max(1, ...values, target ?? 0));
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const x = (i: number) => left + (i * (width - left - right)) / Math.max(1, trend.length - 1);
  const y = (v: number) => height - bottom - ((v - low) * (height - top - bottom)) / (high - low || 1);
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
  return {
    width,
    height,
    points,
    dots,
    baseline: (height - bottom + 18).toFixed(1),
    axis: {
      left,
      right: width - right,
      top,
      bottom: height - bottom,
      ticks: ticks.map((v) => ({ y: y(v).toFixed(1), text: formatValue(measure, v) })),
      yTitle: axisTitles[measure.unit],
      xTitle: 'Month',
      xTitleY: height - 4,
      xMiddle: ((left + width - right) / 2).toFixed(1),
      yMiddle: ((top + height - bottom) / 2).toFixed(1),
    },
    target:
      target === null || target === undefined
        ? null
        : { y: y(target).toFixed(1), x1: left, x2: width - right, text: `Target ${formatValue(measure, target)}` },
  };
}
