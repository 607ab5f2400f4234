import { describe, expect, it } from 'vitest';
import type { Measure } from '../../platform/measures/index.ts';
import type { MonthFigure } from '../../platform/measures/scorecard.ts';
import { axisTicks, lineChart } from './chart.ts';

describe('the y-axis scale', () => {
  it('runs in round steps from at most the lowest value to at least the highest', () => {
    expect(axisTicks(0, 100)).toEqual([0, 50, 100]);
    expect(axisTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(0, 903)).toEqual([0, 500, 1000]);
    expect(axisTicks(0, 1)).toEqual([0, 0.5, 1]);
  });
});

describe('the measure chart', () => {
  const measure = { unit: 'percentage', title: 'Supervision on time' } as unknown as Measure;
  const trend = [
    { month: '2026-05', value: 40, target: 90 },
    { month: '2026-06', value: null, target: 90 },
    { month: '2026-07', value: 75, target: 90 },
  ] as unknown as MonthFigure[];

  it('has a labelled y-axis covering the values and the target, titled with the unit, and the months along the bottom', () => {
    const chart = lineChart(measure, trend);
    expect(chart.axis.ticks.map((t) => t.text)).toEqual(['0%', '50%', '100%']);
    expect(chart.axis.yTitle).toBe('Per cent');
    expect(chart.axis.xTitle).toBe('Month');
    expect(chart.dots.map((d) => d.label)).toHaveLength(3);
    // The top tick is at the top of the plot, the bottom one on the x-axis.
    expect(Number(chart.axis.ticks.at(-1)!.y)).toBe(chart.axis.top);
    expect(Number(chart.axis.ticks[0]!.y)).toBe(chart.axis.bottom);
    expect(chart.target?.text).toBe('Target 90%');
    // A month with no figure has no dot, and the line skips it.
    expect(chart.dots[1]!.cy).toBeNull();
    expect(chart.points.split(' ')).toHaveLength(2);
  });
});
