/**
 * The figures of the reviews about carers, for the whole service: the retention of foster carers
 * (business plan action 3.2): households that left in the half-year by reason, their exit
 * interviews and the themes raised; and what local agencies pay (action 6.3): the service's own
 * published rates in force at the end of the half-year, to compare the agencies' with.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { ageBands, feeLevels } from '../payments/labels.ts';
import {
  exitInterviewNames,
  exitThemeNames,
  leavingReasonNames,
  leavingReasons,
  wouldReturnChoices,
  wouldReturnNames,
} from '../recruitment/labels.ts';
import { between, count, inHalfYear, type FigureRow, type Figures, type FigureScope } from './figure-parts.ts';

interface LeavingRow {
  /** reason, interview, theme or return */
  what: string;
  value: string;
  n: number;
}

/** Rows for each of `keys` (in their order), with the count found for it (0 when none). */
const rowsFor = (found: LeavingRow[], what: string, keys: readonly string[], names: Record<string, string>) =>
  keys.map((k) => count(names[k] ?? k, found.find((r) => r.what === what && r.value === k)?.n));

/** Retention of foster carers: who left in the half-year, and what their exit interviews said. */
export async function carerRetention(db: DbOrTx, s: FigureScope): Promise<Figures> {
  const left = sql`recruitment_leavings l`;
  const when = inHalfYear(sql`l.left_on`, s);
  const found = await queryRows<LeavingRow>(
    db,
    sql`select 'reason' as what, l.reason as value, count(*)::int as n from ${left} where ${when} group by l.reason
      union all
      select 'interview', l.exit_interview, count(*)::int from ${left} where ${when} group by l.exit_interview
      union all
      select 'theme', th.theme, count(*)::int from ${left} cross join unnest(l.themes) as th(theme)
        where ${when} group by th.theme
      union all
      select 'return', l.would_return, count(*)::int from ${left}
        where ${when} and l.exit_interview = 'done' and l.would_return is not null group by l.would_return`,
  );
  const total = found.filter((r) => r.what === 'reason').reduce((sum, r) => sum + r.n, 0);
  const themes: FigureRow[] = found
    .filter((r) => r.what === 'theme')
    .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value))
    .map((r) => count((exitThemeNames as Record<string, string>)[r.value] ?? r.value, r.n));
  return {
    sections: [
      {
        title: 'Households that left the service',
        note: `Fostering households that left ${between(s)}, by the reason recorded.`,
        columns: ['Households'],
        as: 'count',
        rows: [count('Left the service', total), ...rowsFor(found, 'reason', leavingReasons, leavingReasonNames)],
      },
      {
        title: 'Exit interviews',
        note: 'The exit interviews of the households that left in the half-year (one is offered to every carer who leaves).',
        columns: ['Households'],
        as: 'count',
        rows: rowsFor(found, 'interview', ['done', 'declined', 'offered', 'not_offered'], exitInterviewNames),
      },
      {
        title: 'Themes from the exit interviews',
        note: 'The themes recorded for the households that left in the half-year; a household may raise more than one.',
        columns: ['Households'],
        as: 'count',
        rows: themes,
        empty: 'No themes were recorded.',
      },
      {
        title: 'Would they foster for us again?',
        note: 'Asked at the exit interviews held.',
        columns: ['Households'],
        as: 'count',
        rows: rowsFor(found, 'return', wouldReturnChoices, wouldReturnNames),
      },
    ],
  };
}

interface RatesRow {
  effective_from: string | null;
  allowances: number[] | null;
  fees: number[] | null;
  day_care: number | null;
  living_wage: number | null;
  published: number;
  enhancements: number;
}

/** What local agencies pay: the service's own rates in force at the end of the half-year, to compare. */
export async function agencyPayments(db: DbOrTx, s: FigureScope): Promise<Figures> {
  const [row] = await queryRows<RatesRow>(
    db,
    sql`select r.effective_from::text as effective_from,
        array[r.allowance_0_4, r.allowance_5_10, r.allowance_11_15, r.allowance_16_17] as allowances,
        array[r.fee_level_1, r.fee_level_2, r.fee_level_3] as fees,
        r.day_care_hourly as day_care, r.living_wage_hourly as living_wage,
        (select count(*)::int from payment_rates p where ${inHalfYear(sql`p.effective_from`, s)}) as published,
        (select count(*)::int from payment_enhancements e
          where e.agreed_on <= ${s.to}::date and (e.ended_on is null or e.ended_on > ${s.to}::date)) as enhancements
      from (select 1) one
      left join lateral (select * from payment_rates p where p.effective_from <= ${s.to}::date
        order by p.effective_from desc limit 1) r on true`,
  );
  const r = row!;
  const inForce = r.effective_from
    ? `The service’s published rates in force on ${formatDate(s.to)}, from ${formatDate(r.effective_from)}.`
    : `No published rates were in force on ${formatDate(s.to)}.`;
  const amount = (label: string, pence: number | null | undefined): FigureRow => ({ label, values: [pence ?? null] });
  return {
    sections: [
      {
        title: 'Weekly allowance for a child',
        note: inForce,
        columns: ['A week'],
        as: 'pence',
        rows: r.effective_from && r.allowances ? ageBands.map((b, i) => amount(b.name, r.allowances![i])) : [],
        empty: 'No rates to show.',
      },
      {
        title: 'Weekly fee for the carer',
        note: 'By the household’s skill level.',
        columns: ['A week'],
        as: 'pence',
        rows: r.effective_from && r.fees ? feeLevels.map((f, i) => amount(f.name, r.fees![i])) : [],
        empty: 'No rates to show.',
      },
      {
        title: 'Day care',
        note: 'The hourly rate for day care, and the Living Wage it is measured against.',
        columns: ['An hour'],
        as: 'pence',
        rows: r.effective_from ? [amount('Day care', r.day_care), amount('Living Wage', r.living_wage)] : [],
        empty: 'No rates to show.',
      },
      {
        title: 'In the half-year',
        note: `New rates in force from a day ${between(s)}, and the disability enhancements current at its end.`,
        columns: ['Number'],
        as: 'count',
        rows: [count('New sets of rates', r.published), count('Disability enhancements current', r.enhancements)],
      },
    ],
  };
}
