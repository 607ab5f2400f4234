/**
 * The deadlines of case-file audits, kept by platform/due and scoped by the household: a month's
 * files not audited by its last day (the team manager's), an inadequate audit's actions put
 * right within 5 working days (the household's SSW's, seen by their manager), and, once put
 * right, the auditor's confirmation within 5 working days (the auditor's).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { ACCOUNT_RECORD, recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { auditPath } from './paths.ts';
import { AUDIT_POLICY, CONFIRM_WORKING_DAYS, confirmDueOn, PUT_RIGHT_WORKING_DAYS, TARGET_4 } from './settings.ts';

interface Row {
  id: string;
  household_id: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  label: string;
  due_on: string;
  detail: string;
}

/** The items of a rule: `columns` give owner_id, due_on and detail; `dueOn` turns the due_on selected into the due date. */
async function items(
  db: DbOrTx,
  ids: readonly string[] | null,
  columns: SQL,
  where: SQL,
  dueOn: (selected: string) => string = (d) => d,
): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select a.id, a.household_id, h.team_id, t.area_id, ${columns},
        'Case-file audit: ' || h.name || ' (' || h.reference || ')' as label
      from case_audits a
      join audit_months m on m.id = a.month_id
      join households h on h.id = a.household_id
      join teams t on t.id = h.team_id
      where ${where} and ${recordsIn(sql`a.id`, ids)}`,
  );
  return rows.map((r) => ({
    recordId: r.id,
    dueOn: dueOn(r.due_on),
    teamId: r.team_id,
    areaId: r.area_id,
    ownerUserId: r.owner_id,
    householdId: r.household_id,
    childId: null,
    label: r.label,
    detail: r.detail,
    href: auditPath(r.id),
  }));
}

const byHousehold = { household: (ids: SQL) => sql`select id from case_audits where household_id in ${ids}` };

/** A team manager's account changed: the team's files still to audit may now be theirs. */
const byTeamManager = (ids: SQL) => sql`select a.id from case_audits a join audit_months m on m.id = a.month_id
  where a.status = 'to_do' and m.team_id in (select c.team_id from users c where c.id in ${ids} and c.role = 'team_manager')`;

export const auditsDueRules: DueRule[] = [
  {
    id: 'audits.month-done',
    title: 'Case-file audit of the month done',
    cites: `${TARGET_4} (local target)`,
    countsFrom: 'the month the file was picked for, until the audit is completed',
    period: 'by the last day of the month',
    audience: ['head_of_fostering', 'service_manager', 'team_manager'],
    recordType: 'case-audit',
    affectedBy: { ...byHousehold, [ACCOUNT_RECORD]: byTeamManager },
    compute: (db, ids) =>
      items(
        db,
        ids,
        sql`(select u.id from users u where u.role = 'team_manager' and u.team_id = m.team_id
            and u.active order by u.display_name limit 1) as owner_id,
          ((m.month || '-01')::date + interval '1 month' - interval '1 day')::date::text as due_on,
          'Not yet audited (' || case when m.team_id is null then 'central sample, ' else '' end
            || to_char((m.month || '-01')::date, 'FMMonth YYYY') || ')' as detail`,
        sql`a.status = 'to_do'`,
      ),
  },
  {
    id: 'audits.put-right',
    title: 'Inadequate case-file audit put right',
    cites: `${TARGET_4}; NMS 25.2`,
    countsFrom: 'the date of the audit graded inadequate, until the supervising social worker records it put right',
    period: `within ${PUT_RIGHT_WORKING_DAYS} working days`,
    audience: ['head_of_fostering', 'service_manager', 'team_manager', 'supervising_social_worker'],
    recordType: 'case-audit',
    affectedBy: byHousehold,
    compute: (db, ids) =>
      items(
        db,
        ids,
        sql`h.allocated_ssw_id as owner_id, a.put_right_due_on::text as due_on,
          'Graded inadequate: put the actions right' as detail`,
        sql`a.status = 'completed' and a.grade = 'inadequate' and a.put_right_due_on is not null and a.put_right_on is null`,
      ),
  },
  {
    id: 'audits.confirm',
    title: 'Inadequate case-file audit confirmed put right',
    cites: AUDIT_POLICY,
    countsFrom: 'the date the supervising social worker recorded the actions put right, until the auditor confirms it',
    period: `within ${CONFIRM_WORKING_DAYS} working days`,
    audience: ['head_of_fostering', 'service_manager', 'team_manager'],
    recordType: 'case-audit',
    affectedBy: byHousehold,
    compute: (db, ids) =>
      items(
        db,
        ids,
        // The working days are counted with the bank-holiday calendar, in TypeScript, from the date put right.
        sql`a.auditor_id as owner_id, a.put_right_on::text as due_on,
          'Put right on ' || ${dateInWordsSql(sql`a.put_right_on`)} || ': confirm the actions were done' as detail`,
        sql`a.status = 'completed' and a.grade = 'inadequate' and a.put_right_on is not null and a.confirmed_on is null`,
        confirmDueOn,
      ),
  },
];
