/**
 * The head's monthly audit summary: each team's month (the "one completed template per month"
 * of Target 4.1) and the central sample, and the themes across the month's audits. Counted in SQL.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { Section } from './labels.ts';

export interface TeamMonth {
  teamName: string | null;
  monthId: string | null;
  files: number;
  done: number;
  outstanding: number;
  good: number;
  requiresImprovement: number;
  inadequate: number;
  onTime: number;
  late: number;
  open: number;
}

/** Each team's month (teams with no sample picked included, with nothing done) and the central sample. */
export async function teamMonths(db: DbOrTx, month: string): Promise<TeamMonth[]> {
  return queryRows<TeamMonth>(
    db,
    sql`with s as (select t.id, t.name, t.name as sort from teams t union all select null, null, '~')
      select s.name as "teamName", m.id as "monthId",
        count(a.id) filter (where a.status <> 'swapped')::int as files,
        count(a.id) filter (where a.status = 'completed')::int as done,
        count(a.id) filter (where a.grade = 'outstanding')::int as outstanding,
        count(a.id) filter (where a.grade = 'good')::int as good,
        count(a.id) filter (where a.grade = 'requires_improvement')::int as "requiresImprovement",
        count(a.id) filter (where a.grade = 'inadequate')::int as inadequate,
        count(a.id) filter (where a.put_right_on <= a.put_right_due_on)::int as "onTime",
        count(a.id) filter (where a.put_right_on > a.put_right_due_on)::int as late,
        count(a.id) filter (where a.grade = 'inadequate' and a.put_right_on is null)::int as open
      from s
      left join audit_months m on m.month = ${month} and m.team_id is not distinct from s.id
      left join case_audits a on a.month_id = m.id
      group by s.id, s.name, s.sort, m.id
      order by s.sort`,
  );
}

export interface Theme {
  section: Section;
  requiresImprovement: number;
  inadequate: number;
}

/** How many of the month's audits graded each section requires improvement or inadequate, most first. */
export async function themes(db: DbOrTx, month: string): Promise<Theme[]> {
  return queryRows<Theme>(
    db,
    sql`select s.section,
        count(*) filter (where s.grade = 'requires_improvement')::int as "requiresImprovement",
        count(*) filter (where s.grade = 'inadequate')::int as inadequate
      from case_audit_sections s
      join case_audits a on a.id = s.audit_id
      join audit_months m on m.id = a.month_id
      where m.month = ${month} and s.grade in ('requires_improvement', 'inadequate')
      group by s.section
      order by count(*) desc, s.section`,
  );
}
