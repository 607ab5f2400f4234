import { z } from 'zod';
import { optionalText } from '../../platform/views/forms.ts';
import { isIsoDate, type IsoDate } from '../../platform/dates/index.ts';

const longText = (what: string) => optionalText(10000, what).transform((v) => v ?? '');

/** The head's words on a draft report. */
export const narrativeForm = z.object({
  foreword: longText('the foreword'),
  offTarget: longText('what went off target and why'),
  nextQuarter: longText('what the service will do next quarter'),
});

/** A quarter in an address is its first day: 1 April, 1 July, 1 October or 1 January. */
export function isQuarterStart(value: string): value is IsoDate {
  return /^\d{4}-(01|04|07|10)-01$/.test(value) && isIsoDate(value);
}
