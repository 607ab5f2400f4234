/**
 * Enquiries by how they heard of us, month by month over the last 12 months, and how many of each
 * source's enquiries went on to apply and to be approved: counted in one grouped query, within the
 * viewer's households and the pipeline's area filter.
 */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { currentMonth, last12Months, shortMonthName } from '../../platform/measures/index.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { sources, sourceNames } from './labels.ts';

interface Count {
  source: string;
  month: string;
  n: number;
  applied: number;
  approved: number;
}

const percent = (part: number, whole: number) => (whole ? `${part} (${Math.round((part / whole) * 100)}%)` : '0');

export async function enquiriesBySource(db: DbOrTx, viewer: SignedInUser, areaId: string | null) {
  const months = last12Months(currentMonth(todayInLondon()));
  const counts = await queryRows<Count>(
    db,
    sql`select e.source, to_char(e.enquired_on, 'YYYY-MM') as month, count(*)::int as n,
        count(a.applied_on)::int as applied, count(households.approved_on)::int as approved
      from households
      join recruitment_enquiries e on e.household_id = households.id
      join teams t on t.id = households.team_id
      left join recruitment_assessments a on a.household_id = households.id
      where ${householdVisibleTo(viewer)} and e.enquired_on >= ${`${months[0]}-01`}::date
        ${areaId ? sql`and t.area_id = ${areaId}` : sql``}
      group by e.source, month`,
  );
  const total = (source: string, key: 'n' | 'applied' | 'approved') =>
    counts.filter((c) => c.source === source).reduce((sum, c) => sum + Number(c[key]), 0);
  const monthly = sources.map((source) => [
    { text: sourceNames[source] },
    ...months.map((month) => ({
      text: String(counts.find((c) => c.source === source && c.month === month)?.n ?? 0),
      format: 'numeric',
    })),
    { text: String(total(source, 'n')), format: 'numeric' },
  ]);
  const conversion = sources.map((source) => [
    { text: sourceNames[source] },
    { text: String(total(source, 'n')), format: 'numeric' },
    { text: percent(total(source, 'applied'), total(source, 'n')), format: 'numeric' },
    { text: percent(total(source, 'approved'), total(source, 'n')), format: 'numeric' },
  ]);
  return {
    head: [
      { text: 'How they heard' },
      ...months.map((m) => ({ text: shortMonthName(m), format: 'numeric' })),
      { text: 'Total', format: 'numeric' },
    ],
    monthly,
    conversion,
  };
}
