/**
 * The deadline of missing from care: an independent return interview offered within 72 hours of
 * the child's return (3 days from the day they came back). One item per episode with the return
 * recorded and no interview offered; scoped by the child (whoever reads the child sees it), in the
 * team of the household the child went missing from; the child's social worker's work, since the
 * placing authority arranges the interview.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { INTERVIEW_WITHIN_DAYS, MISSING_GUIDANCE } from './labels.ts';
import { episodePath } from './paths.ts';
import { EPISODE_RECORD } from './service.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'childrens_social_worker',
  'supervising_social_worker',
];

interface Row {
  record_id: string;
  child_id: string;
  household_id: string;
  label: string;
  due_on: string;
  detail: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  shown_until: string | null;
}

async function returnInterview(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select e.id as record_id, e.child_id, e.household_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label,
        to_char(e.returned_on + ${INTERVIEW_WITHIN_DAYS}::int, 'YYYY-MM-DD') as due_on,
        'Missing from ' || ${dateInWordsSql(sql`e.missing_on`)} || ', came back on ' || ${dateInWordsSql(sql`e.returned_on`)} as detail,
        h.team_id, t.area_id, c.allocated_social_worker_id as owner_id,
        to_char(c.left_care_on, 'YYYY-MM-DD') as shown_until
      from missing_episodes e
      join children c on c.id = e.child_id
      join households h on h.id = e.household_id
      join teams t on t.id = h.team_id
      where e.returned_on is not null and e.interview_offered_on is null and e.interview_not_offered_reason is null
        and ${recordsIn(sql`e.id`, ids)}`,
  );
  return rows.map((row) => ({
    recordId: row.record_id,
    label: row.label,
    detail: row.detail,
    href: episodePath(row.record_id),
    dueOn: row.due_on,
    // No longer the service's to chase once the child has left care.
    shownUntil: row.shown_until,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: null,
    childId: row.child_id,
  }));
}

export const missingDueRules: DueRule[] = [
  {
    id: 'missing.return-interview',
    title: 'Return interview offered after a child went missing',
    cites: MISSING_GUIDANCE,
    countsFrom:
      'the day a child missing from a foster placement came back (until an interview is offered, or recorded as not offered and why, or the child leaves care)',
    period: 'within 72 hours (3 days)',
    audience,
    recordType: EPISODE_RECORD,
    affectedBy: {
      child: (ids) => sql`select e.id from missing_episodes e where e.child_id in ${ids}`,
      household: (ids) => sql`select e.id from missing_episodes e where e.household_id in ${ids}`,
    },
    compute: returnInterview,
  },
];
