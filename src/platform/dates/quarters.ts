import { addMonths, addDays, type IsoDate } from './iso-date.ts';

/**
 * Quarters of the financial year (April to March): April–June, July–September,
 * October–December and January–March. The quarterly review uses the quarter a date falls in.
 */
export interface Quarter {
  start: IsoDate;
  end: IsoDate;
  label: string;
}

const NAMES = ['April to June', 'July to September', 'October to December', 'January to March'];

export function quarterOf(date: IsoDate): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fyStartYear = month >= 4 ? year : year - 1;
  const index = Math.floor((month >= 4 ? month - 4 : month + 8) / 3);
  const startMonth = 4 + index * 3;
  const start =
    startMonth > 12 ? `${fyStartYear + 1}-01-01` : `${fyStartYear}-${String(startMonth).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, 3), -1);
  const fy = `${fyStartYear}-${String((fyStartYear + 1) % 100).padStart(2, '0')}`;
  return { start, end, label: `${NAMES[index]} ${start.slice(0, 4)} (quarter ${index + 1} of ${fy})` };
}

/** The financial year (1 April to 31 March) a date falls in. */
export function financialYearOf(date: IsoDate): { start: IsoDate; end: IsoDate; label: string } {
  const year = Number(date.slice(0, 4));
  const startYear = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return {
    start: `${startYear}-04-01`,
    end: `${startYear + 1}-03-31`,
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}
