/**
 * Money as carers and the finance team write it: kept in whole pence, typed as "£195.50", "195.5"
 * or "195", shown as "£195.50" (and "£1,250.00").
 */
import { z } from 'zod';
import { lowerFirst } from './format.ts';

const AMOUNT = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Whole pence from what was typed, or null when it is not an amount of money. */
export function parsePence(typed: string): number | null {
  const match = AMOUNT.exec(typed.trim());
  if (!match) return null;
  const pounds = Number(match[1]!.replaceAll(',', ''));
  const pence = Number((match[2] ?? '0').padEnd(2, '0'));
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) ? total : null;
}

const pounds = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "£195.50" */
export function formatPence(pence: number): string {
  return `£${pounds.format(pence / 100)}`;
}

/** The largest amount any one box takes: £10,000 (a week's fee or allowance is far less). */
const MAX_PENCE = 1_000_000;

/**
 * A money box, `what` in sentence case ("Weekly allowance for a child aged 0 to 4"): required, in
 * pounds and pence, not negative and at most £10,000, with GOV.UK-style messages.
 */
export const moneyField = (what: string) =>
  z
    .string({ error: `Enter the ${lowerFirst(what)}` })
    .trim()
    .min(1, `Enter the ${lowerFirst(what)}`)
    .transform((typed, ctx) => {
      if (typed.startsWith('-')) {
        ctx.addIssue({ code: 'custom', message: `${what} must be £0 or more` });
        return z.NEVER;
      }
      const pence = parsePence(typed);
      if (pence === null) {
        ctx.addIssue({ code: 'custom', message: `${what} must be an amount of money, like 195.50` });
        return z.NEVER;
      }
      if (pence > MAX_PENCE) {
        ctx.addIssue({ code: 'custom', message: `${what} must be £10,000 or less` });
        return z.NEVER;
      }
      return pence;
    });

/** Pence as a money box holds them: "195.50", "1250.00" (the box shows the £). */
export const penceInBox = (pence: number) => (pence / 100).toFixed(2);
