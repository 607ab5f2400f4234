/**
 * The deadline of temporary approval, kept by platform/due on the approval: the connected person's
 * full assessment decided (approved as foster carers, or the approval ended) by the last day of the
 * approval (16 weeks, or the extension's last day). An approval extended until an independent
 * review's outcome has no date, so no item. The work of the household's assessor (its supervising
 * social worker while none is named), seen by the managers and the child's social worker too. A
 * change to the household (its approval as foster carers) refreshes its approvals' items.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type DueRule } from '../../platform/due/index.ts';
import { REG_24, REG_25, runsOutSql, undecidedSql } from './labels.ts';
import { approvalPath } from './paths.ts';
import { APPROVAL_RECORD } from './service.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'assessing_social_worker',
  'supervising_social_worker',
  'childrens_social_worker',
];

interface Row {
  id: string;
  household_id: string;
  child_id: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  due_on: IsoDate;
  label: string;
  detail: string;
}

export const connectedPersonsDueRules: DueRule[] = [
  {
    id: 'connected-persons.assessment-decided',
    title: 'Connected person’s assessment decided before temporary approval runs out',
    cites: `${REG_24}; ${REG_25}`,
    countsFrom:
      'the day of the temporary approval, until the connected person is approved as a foster carer or the approval ends',
    period: 'within 16 weeks, or by the last day of an extension (up to 8 weeks more)',
    audience,
    recordType: APPROVAL_RECORD,
    affectedBy: {
      household: (ids) => sql`select ta.id from temporary_approvals ta where ta.household_id in ${ids}`,
    },
    async compute(db, ids) {
      const rows = await queryRows<Row>(
        db,
        sql`select ta.id, ta.household_id, ta.child_id, h.team_id, t.area_id,
            coalesce((select a.assessor_id from recruitment_assessments a where a.household_id = h.id), h.allocated_ssw_id) as owner_id,
            ${runsOutSql()}::text as due_on, h.name || ' (' || h.reference || ')' as label,
            'Temporary approval for ' || c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as detail
          from temporary_approvals ta join households h on h.id = ta.household_id
            join teams t on t.id = h.team_id join children c on c.id = ta.child_id
          where ${recordsIn(sql`ta.id`, ids)} and ${undecidedSql()} and ${runsOutSql()} is not null`,
      );
      return rows.map((r) => ({
        recordId: r.id,
        dueOn: r.due_on,
        teamId: r.team_id,
        areaId: r.area_id,
        ownerUserId: r.owner_id,
        householdId: r.household_id,
        childId: r.child_id,
        label: r.label,
        detail: r.detail,
        href: approvalPath(r.id),
      }));
    },
  },
];
