/**
 * The figures of the review of allegations and complaints (business plan action 1.2), for the whole
 * service: allegations known in the half-year and referred to the LADO within 1 working day (weekends
 * and bank holidays excluded), open at its end, concluded within 3 months (guidance, not statute) and
 * by outcome; complaints received, by theme, with those repeating a theme raised in a complaint in
 * the 12 months before (as the scorecard's "Complaints repeating a theme" counts them).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays } from '../../platform/dates/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { outcomeNames, outcomes, themeNames } from '../concerns/labels.ts';
import { between, count, inArea, inHalfYear, type Figures, type FigureScope } from './figure-parts.ts';

/** Matters (c) with the team they are counted under (t): their household's, or their own. */
const matters = sql`concerns c
  left join households h on h.id = c.household_id
  join teams t on t.id = coalesce(h.team_id, c.team_id)`;

const threeMonths = sql`(c.known_on + interval '3 months')::date`;

type Counts = Record<string, number>;

async function allegationCounts(db: DbOrTx, s: FigureScope): Promise<Counts> {
  // The first working day after each day of the half-year (with a margin either side), to join allegations to.
  const referBy = deadlineTable(addDays(s.from, -10), addDays(s.to, 10), 1, 'd')!;
  const byOutcome = sql.join(
    outcomes.map(
      (o) =>
        sql`count(*) filter (where ${inHalfYear(sql`c.outcome_on`, s)} and c.outcome = ${o})::int as ${sql.identifier(o)}`,
    ),
    sql`, `,
  );
  const [row] = await queryRows<Counts>(
    db,
    sql`select
        count(*) filter (where ${inHalfYear(sql`c.known_on`, s)})::int as known,
        count(*) filter (where ${inHalfYear(sql`c.known_on`, s)} and c.referred_to_lado_on <= d.due_on)::int as referred_in_time,
        count(*) filter (where c.known_on <= ${s.to}::date and (c.outcome_on is null or c.outcome_on > ${s.to}::date))::int as open_at_end,
        count(*) filter (where ${inHalfYear(threeMonths, s)})::int as three_months,
        count(*) filter (where ${inHalfYear(threeMonths, s)} and c.outcome_on <= ${threeMonths})::int as concluded_in_time,
        ${byOutcome}
      from ${matters}
      left join ${referBy} on d.start_on = c.known_on
      where c.kind = 'allegation' and ${inArea(s)}`,
  );
  return row ?? {};
}

/**
 * Each theme (x.theme) of each complaint (x.concern_id) received from 12 months before the half-year
 * to its end, and whether a complaint received in the 12 months before its day (not the same day)
 * raised that theme: one pass over the themes in date order, not a search of them for each.
 */
const themed = (s: FigureScope) => sql`themed as (
  select ct.concern_id, ct.theme,
    count(*) over (partition by ct.theme order by c.known_on
      range between interval '12 months' preceding and interval '1 day' preceding) > 0 as repeats
  from concern_themes ct join concerns c on c.id = ct.concern_id
  where c.kind = 'complaint'
    and c.known_on between (${s.from}::date - interval '12 months')::date and ${s.to}::date)`;

interface ThemeRow {
  theme: string | null;
  complaints: number;
  repeats: number;
}

/** Complaints received in the half-year: all of them (theme null), and by theme, each with those repeating a theme. */
function complaintCounts(db: DbOrTx, s: FigureScope): Promise<ThemeRow[]> {
  const received = sql`c.kind = 'complaint' and ${inArea(s)} and ${inHalfYear(sql`c.known_on`, s)}`;
  return queryRows<ThemeRow>(
    db,
    sql`with ${themed(s)}
      select null as theme, count(distinct c.id)::int as complaints,
        count(distinct c.id) filter (where x.repeats)::int as repeats
      from ${matters} left join themed x on x.concern_id = c.id
      where ${received}
      union all
      select x.theme, count(*)::int, count(*) filter (where x.repeats)::int
      from ${matters} join themed x on x.concern_id = c.id
      where ${received}
      group by x.theme`,
  );
}

/** The review of allegations and complaints' figures. */
export async function allegationsAndComplaints(db: DbOrTx, s: FigureScope): Promise<Figures> {
  const a = await allegationCounts(db, s);
  const complaints = await complaintCounts(db, s);
  const all = complaints.find((r) => r.theme === null);
  const byTheme = complaints
    .filter((r) => r.theme !== null)
    .sort((x, y) => y.complaints - x.complaints || String(x.theme).localeCompare(String(y.theme)));
  const known = Number(a.known ?? 0);
  const referred = Number(a.referred_in_time ?? 0);
  return {
    sections: [
      {
        title: 'Allegations',
        note: `Allegations against carers or members of their households that became known ${between(s)}. The LADO is told within 1 working day (weekends and bank holidays do not count).`,
        columns: ['Allegations'],
        as: 'count',
        rows: [
          count('Became known', known),
          count('Referred to the LADO within 1 working day', referred),
          count('Referred later, or not referred', known - referred),
          count(`Still open on ${formatDate(s.to)}`, a.open_at_end),
        ],
      },
      {
        title: 'Allegations concluded within 3 months',
        note: `Allegations whose 3 months from becoming known ended ${between(s)}. The aim of concluding within 3 months is guidance, not statute.`,
        columns: ['Allegations'],
        as: 'count',
        rows: [count('3 months ended', a.three_months), count('Concluded within 3 months', a.concluded_in_time)],
      },
      {
        title: 'Outcomes of allegations',
        note: `Allegations with an outcome dated ${between(s)}.`,
        columns: ['Allegations'],
        as: 'count',
        rows: outcomes.map((o) => count(outcomeNames[o], a[o])),
      },
      {
        title: 'Complaints by theme',
        note: `Complaints received ${between(s)}. A complaint repeats a theme when a complaint received in the 12 months before it raised the same theme.`,
        columns: ['Complaints', 'Repeating a theme'],
        as: 'count',
        rows: [
          { label: 'All complaints', values: [all?.complaints ?? 0, all?.repeats ?? 0] },
          ...byTheme.map((r) => ({
            label: (themeNames as Record<string, string>)[r.theme!] ?? r.theme!,
            values: [r.complaints, r.repeats],
          })),
        ],
      },
    ],
  };
}
