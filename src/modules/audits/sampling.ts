/**
 * Picking a month's case files to audit, in SQL: the team's 10 (or the county's central 20) at
 * random among approved households, every household with an open allegation, complaint or
 * standard-of-care concern included (unless audited since the matter became known), and no
 * household audited twice within 12 months. "Random" is an md5 of the household and the month:
 * as good as random for the sample, and the same if the pick is ever checked again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { CENTRAL_SAMPLE, NOT_AGAIN_MONTHS, TEAM_SAMPLE } from './settings.ts';

const monthStart = (month: string) => sql`${`${month}-01`}::date`;

/** Audited (not swapped out) in a month starting after `since`: the household `h` is not picked again. */
const auditedSince = (since: SQL) => sql`exists (select 1 from case_audits a join audit_months m on m.id = a.month_id
  where a.household_id = h.id and a.status <> 'swapped' and (m.month || '-01')::date > ${since})`;

/** Audited in the last 12 months, this one included. */
const auditedRecently = (month: string) =>
  auditedSince(sql`(${monthStart(month)} - interval '${sql.raw(String(NOT_AGAIN_MONTHS))} months')::date`);

/** An open allegation, complaint or standard-of-care concern the household has not been audited since. */
const openMatterNotAudited = sql`exists (select 1 from concerns c where c.household_id = h.id
  and c.kind in ('allegation', 'complaint', 'standard_of_care') and c.closed_on is null
  and not exists (select 1 from case_audits a join audit_months m on m.id = a.month_id
    where a.household_id = h.id and a.status <> 'swapped'
      and (m.month || '-01')::date >= date_trunc('month', c.known_on)::date))`;

/** Which households a sample draws from: a team's, or the whole county's. */
const drawnFrom = (teamId: string | null) => (teamId ? sql`h.team_id = ${teamId}` : sql`true`);

/**
 * Picks the month's files for a team (or the central sample, teamId null) once: a second call for
 * the same month and sample changes nothing. Returns the month's id and whether it was picked now.
 */
export async function pickMonth(
  tx: DbOrTx,
  input: { month: string; teamId: string | null; today: string; userId: string | null },
): Promise<{ id: string; picked: boolean }> {
  const [made] = await queryRows<{ id: string }>(
    tx,
    sql`insert into audit_months (month, team_id, picked_on, picked_by)
      values (${input.month}, ${input.teamId}, ${input.today}::date, ${input.userId})
      on conflict do nothing returning id`,
  );
  if (!made) {
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`select id from audit_months where month = ${input.month}
        and ${input.teamId ? sql`team_id = ${input.teamId}` : sql`team_id is null`}`,
    );
    return { id: existing!.id, picked: false };
  }
  const size = input.teamId ? TEAM_SAMPLE : CENTRAL_SAMPLE;
  // The central sample takes no households for their open matters: their team's sample does.
  const mustAudit = input.teamId ? openMatterNotAudited : sql`false`;
  await tx.execute(sql`insert into case_audits (month_id, household_id, team_id, picked_because)
    select ${made.id}, x.id, x.team_id, case when x.must then 'open_matter' else 'random' end
    from (
      select h.id, h.team_id, o.must,
        row_number() over (order by o.must desc, md5(h.id::text || ${input.month})) as n
      from households h cross join lateral (select ${mustAudit} as must) o
      where ${drawnFrom(input.teamId)} and h.status = 'approved'
        and (o.must or not ${auditedRecently(input.month)})
    ) x
    where x.must or x.n <= ${size}`);
  return { id: made.id, picked: true };
}

/**
 * One household to audit in place of a swapped file: at random among the sample's approved
 * households not audited within 12 months (nor already in this month's samples), or null.
 */
export async function pickReplacement(
  tx: DbOrTx,
  input: { month: string; teamId: string | null; salt: string },
): Promise<{ id: string; teamId: string } | null> {
  const [row] = await queryRows<{ id: string; team_id: string }>(
    tx,
    sql`select h.id, h.team_id from households h
      where ${drawnFrom(input.teamId)} and h.status = 'approved'
        and not ${auditedRecently(input.month)}
        and not exists (select 1 from case_audits a join audit_months m on m.id = a.month_id
          where a.household_id = h.id and m.month = ${input.month})
      order by md5(h.id::text || ${input.salt}) limit 1`,
  );
  return row ? { id: row.id, teamId: row.team_id } : null;
}
