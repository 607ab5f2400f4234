import type { Page } from '@playwright/test';

/** A date as a person types it into the GOV.UK date input's three boxes. */
export interface DayMonthYear {
  day: string;
  month: string;
  year: string;
}

/**
 * A day in Europe/London, `days` from today and `years` on, as the day, month and year a person
 * types. Today is read in London; the days are then counted on the calendar, not as 24-hour spans
 * (which, after the clocks go forward, land on the next day when run late in the evening).
 */
export function londonDay(days = 0, years = 0): DayMonthYear {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const day = new Date(Date.UTC(part('year'), part('month') - 1, part('day') + days));
  const year = day.getUTCFullYear() + years;
  // 29 February `years` on, in a year with no such day, is 28 February (as a birthday is kept).
  const lastOfMonth = new Date(Date.UTC(year, day.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    day: String(Math.min(day.getUTCDate(), lastOfMonth)),
    month: String(day.getUTCMonth() + 1),
    year: String(year),
  };
}

/** The day as a page writes it: "3 March 2026". */
export function dayInWords(date: DayMonthYear): string {
  const month = new Date(Date.UTC(2000, Number(date.month) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${date.day} ${month} ${date.year}`;
}

/** Types the date into the date input whose legend is `legend`. */
export async function fillDate(page: Page, legend: string | RegExp, date: DayMonthYear) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}
