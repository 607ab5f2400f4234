/**
 * Case-file audits in the demo: 18 months of each team's monthly sample (up to 10 approved
 * households, none audited twice within 12 months: each household belongs to one month of the
 * year by a hash of its id), most completed and graded good or better, some requiring
 * improvement, a few inadequate and put right (some late); last month's still has files to do and
 * an inadequate audit not yet put right. The county's central sample (20 a month across the
 * county, audited by the service managers or the head) is written the same way from its own share
 * of the households. The current month is left to be picked. Set-based SQL, the same data for a
 * scale every time; made-up words only.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { sections } from '../../src/modules/audits/labels.ts';
import { CENTRAL_SAMPLE, putRightDueOn, TEAM_SAMPLE } from '../../src/modules/audits/settings.ts';

const MONTHS = 18;
const FINDINGS = [
  'Records are up to date and clearly written.',
  'Supervision notes sent late on two occasions.',
  'The child’s views are recorded at each visit.',
  'The safer care plan was not reviewed after a change in the household.',
];

/** Writes the demo's audits, dated back from `today`; returns how many. */
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const lastMonthOf = (today: IsoDate) =>
  sql`to_char(date_trunc('month', ${today}::date) - interval '1 month', 'YYYY-MM')`;

/**
 * Which rotation a household `h` is in: about a quarter of the county's households are audited by
 * the centralised teams (the central sample, about 20 a month at county scale), the rest by their
 * own team; either way once a year, in the month its id hashes to, so never twice within 12 months.
 */
const central = sql`abs(hashtext(h.id::text || 'central')) % 4 = 0`;

/**
 * Audits in each month's sample (`months`): the households of the sample's rotation due that
 * month (up to `size`, in a random order), most completed by `auditor` (SQL over the pick `p`); last month's with some
 * still to do.
 */
async function writeSamples(
  tx: DbOrTx,
  today: IsoDate,
  sample: { months: SQL; households: SQL; size: number; auditor: SQL },
) {
  await tx.execute(sql`insert into case_audits (month_id, household_id, team_id, picked_because, status,
      auditor_id, audited_on, grade, delegated_authority_missing)
    select m.id, p.id, p.team_id, 'random', s.status,
      case when s.status = 'completed' then coalesce(${sample.auditor}, (select id from users where role = 'head_of_fostering' limit 1)) end,
      case when s.status = 'completed' then (m.month || '-01')::date + (p.r % 25)::int end,
      case when s.status <> 'completed' then null when p.r % 20 < 3 then 'outstanding' when p.r % 20 < 14 then 'good'
        when p.r % 20 < 18 then 'requires_improvement' else 'inadequate' end,
      case when s.status = 'completed' then false end
    from audit_months m
    join lateral (
      select h.id, h.team_id, t.area_id, abs(hashtext(h.id::text || m.month))::bigint as r
      from households h join teams t on t.id = h.team_id
      where ${sample.households} and h.status = 'approved'
        and abs(hashtext(h.id::text)) % 12 = split_part(m.month, '-', 2)::int % 12
      order by 4 limit ${sample.size}
    ) p on true
    cross join lateral (select case when m.month = ${lastMonthOf(today)} and p.r % 4 = 0 then 'to_do' else 'completed' end as status) s
    where ${sample.months}`);
}

/** Writes the demo's audits, dated back from `today`; returns how many. */
export async function writeDemoAudits(tx: DbOrTx, today: IsoDate): Promise<number> {
  const monthsBack = sql`generate_series(1, ${MONTHS}) k
    cross join lateral (select (date_trunc('month', ${today}::date) - make_interval(months => k))::date as d) x`;
  await tx.execute(sql`insert into audit_months (month, team_id, picked_on, picked_by)
    select to_char(x.d, 'YYYY-MM'), t.id, x.d,
      (select u.id from users u where u.role = 'team_manager' and u.team_id = t.id order by u.username limit 1)
    from teams t cross join ${monthsBack}`);
  // The central sample across the county, picked by the head of fostering.
  await tx.execute(sql`insert into audit_months (month, team_id, picked_on, picked_by)
    select to_char(x.d, 'YYYY-MM'), null, x.d,
      (select u.id from users u where u.role = 'head_of_fostering' order by u.username limit 1)
    from ${monthsBack}`);
  await writeSamples(tx, today, {
    months: sql`m.team_id is not null`,
    households: sql`h.team_id = m.team_id and not ${central}`,
    size: TEAM_SAMPLE,
    auditor: sql`m.picked_by`,
  });
  // Audited by a service manager of the household's area where there is one, else by the head.
  await writeSamples(tx, today, {
    months: sql`m.team_id is null`,
    households: central,
    size: CENTRAL_SAMPLE,
    auditor: sql`(select u.id from users u where u.role = 'service_manager' and u.area_id = p.area_id
      order by u.username limit 1)`,
  });
  // The sections: the worst carries the audit's grade, the rest good (or outstanding for an outstanding audit).
  await tx.execute(sql`insert into case_audit_sections (audit_id, section, grade, findings, actions)
    select a.id, s.section,
      case when s.n - 1 = abs(hashtext(a.id::text)) % 8 then a.grade when a.grade = 'outstanding' then 'outstanding' else 'good' end,
      (${sql.raw(`array[${FINDINGS.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ')}]`)})[1 + (abs(hashtext(a.id::text || s.section)) % ${FINDINGS.length})],
      case when s.n - 1 = abs(hashtext(a.id::text)) % 8 and a.grade in ('requires_improvement', 'inadequate')
        then 'Put right with the supervising social worker and check at the next supervision.' end
    from case_audits a
    cross join unnest(${sql.raw(`array[${sections.map((s) => `'${s}'`).join(', ')}]`)}::text[]) with ordinality as s(section, n)
    where a.status = 'completed'`);
  // Inadequate audits: due in 5 working days (the bank-holiday calendar), most put right in time, some late.
  const inadequate = await queryRows<{
    id: string;
    audited_on: string;
    r: number;
    recent: boolean;
    ssw: string | null;
  }>(
    tx,
    sql`select a.id, a.audited_on::text as audited_on, abs(hashtext(a.id::text)) % 8 as r,
        m.month = ${lastMonthOf(today)} as recent, h.allocated_ssw_id as ssw
      from case_audits a join audit_months m on m.id = a.month_id join households h on h.id = a.household_id
      where a.grade = 'inadequate'`,
  );
  if (inadequate.length) {
    const values = inadequate.map((a) => {
      const due = putRightDueOn(a.audited_on);
      const done =
        a.recent && a.r < 4 ? null : a.r === 7 ? addDays(due, 3) : a.r === 6 ? addDays(due, 1) : addDays(due, -1);
      const put = done && done > today ? null : done;
      // Confirmed by the auditor the next day; one recent one is still waiting for the auditor.
      const confirmed = put && !(a.recent && a.r === 5) ? minDate(addDays(put, 1), today) : null;
      return sql`(${a.id}::uuid, ${due}::date, ${put}::date, ${confirmed}::date, ${put ? a.ssw : null}::uuid)`;
    });
    await tx.execute(sql`update case_audits a set put_right_due_on = v.due, put_right_on = v.put,
        put_right_notes = case when v.put is not null then 'Actions completed and the file updated.' end,
        put_right_by = v.by, confirmed_on = v.confirmed, confirmed_by = case when v.confirmed is not null then a.auditor_id end
      from (values ${sql.join(values, sql`, `)}) as v(id, due, put, confirmed, by) where a.id = v.id`);
  }
  const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from case_audits`);
  return count?.n ?? 0;
}
