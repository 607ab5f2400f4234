/**
 * The panel's deadlines in My work: each agenda item's papers due to the meeting's members (5
 * working days before it, until it has papers and every one meant for the members is published: the
 * papers measure's rule, measures.ts), each recommendation's decision due (7 working days after the
 * recommendation and signed minutes reached the decision maker), and each decision's applicant
 * told (2 working days) and written to (5).
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule } from '../../platform/due/rule.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { decisionDueFor } from './dates.ts';

const NMS_14 =
  'NMS 14 (the fostering panel and the decision maker); Fostering Services (England) Regulations 2011, regulations 26 and 27';

type Row = HouseholdDueRow;

const household = sql`h.name || ' (' || h.reference || ')'`;

async function papersDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select i.id as record_id, h.id as household_id, ${household} as label,
        to_char(m.papers_due_on, 'YYYY-MM-DD') as due_on,
        case when ready.papers = 0 then 'No papers yet for the panel of '
          when ready.unpublished = ready.papers then 'Papers not yet published for the panel of '
          else ready.unpublished || ' of ' || ready.papers || ' papers not yet published for the panel of ' end ||
          ${dateInWordsSql(sql`m.meets_on`)} as detail,
        h.team_id, t.area_id, '/panel/meetings/' || m.id as href
      from panel_items i
      join panel_meetings m on m.id = i.meeting_id
      join households h on h.id = i.household_id
      join teams t on t.id = h.team_id
      cross join lateral (
        select count(*) as papers, count(*) filter (where p.published_on is null) as unpublished
        from panel_papers p where p.item_id = i.id and p.qa_outcome is distinct from 'returned'
      ) ready
      where m.minutes_signed_on is null and (ready.papers = 0 or ready.unpublished > 0)
        and ${recordsIn(sql`i.id`, ids)}`,
  );
  return rows.map(householdDueItem);
}

async function decisionDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row & { received_on: string }>(
    db,
    sql`select i.id as record_id, h.id as household_id, ${household} as label,
        to_char(m.minutes_signed_on, 'YYYY-MM-DD') as received_on, '' as due_on,
        'Panel of ' || ${dateInWordsSql(sql`m.meets_on`)} as detail,
        h.team_id, t.area_id, '/panel/items/' || i.id || '/decision' as href
      from panel_items i
      join panel_meetings m on m.id = i.meeting_id
      join households h on h.id = i.household_id
      join teams t on t.id = h.team_id
      where m.minutes_signed_on is not null and i.recommendation is not null
        and not exists (select 1 from agency_decisions d where d.item_id = i.id)
        and ${recordsIn(sql`i.id`, ids)}`,
  );
  return rows.map((r) => householdDueItem({ ...r, due_on: decisionDueFor(r.received_on) }));
}

async function lettersDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select d.id as record_id, h.id as household_id, ${household} as label,
        to_char(case when d.told_on is null then d.told_due_on else d.letter_due_on end, 'YYYY-MM-DD') as due_on,
        case when d.told_on is null then 'Tell the applicant of the decision' else 'Send the decision letter' end as detail,
        h.team_id, t.area_id, '/panel/items/' || d.item_id || '/decision' as href
      from agency_decisions d
      join households h on h.id = d.household_id
      join teams t on t.id = h.team_id
      where not d.imported and d.item_id is not null and (d.told_on is null or d.letter_sent_on is null)
        and ${recordsIn(sql`d.id`, ids)}`,
  );
  return rows.map(householdDueItem);
}

const panelStaff: readonly Role[] = ['head_of_fostering', 'panel_adviser'];

export const panelDueRules: DueRule[] = [
  {
    id: 'panel.papers-due',
    // 2: due until every paper meant for the members is published, not only the first.
    version: 2,
    title: 'Panel papers due to members',
    cites: `${NMS_14}; local practice: papers published to members 5 working days before the meeting`,
    countsFrom: 'the date of the panel meeting (5 working days before it)',
    period: '5 working days before the meeting',
    audience: [...panelStaff, 'team_manager', 'supervising_social_worker', 'assessing_social_worker'],
    recordType: 'panel-item',
    affectedBy: {
      'panel-meeting': (ids) => sql`select id from panel_items where meeting_id in ${ids}`,
    },
    compute: papersDue,
  },
  {
    id: 'panel.decision-due',
    title: 'Agency decision due',
    cites: `${NMS_14} (NMS 14.9: the decision within 7 working days of receiving the recommendation and final minutes)`,
    countsFrom: 'the day the chair signed the minutes with the recommendation',
    period: 'within 7 working days',
    audience: [...panelStaff, 'decision_maker'],
    recordType: 'panel-item',
    affectedBy: {
      'panel-meeting': (ids) => sql`select id from panel_items where meeting_id in ${ids}`,
      'agency-decision': (ids) => sql`select item_id from agency_decisions where id in ${ids} and item_id is not null`,
    },
    compute: decisionDue,
  },
  {
    id: 'panel.letters-due',
    title: 'Decision told and written to the applicant',
    cites: `${NMS_14}; regulation 27 (notice in writing of the decision)`,
    countsFrom: 'the date of the agency decision',
    period: 'told within 2 working days, in writing within 5',
    audience: [...panelStaff, 'decision_maker'],
    recordType: 'agency-decision',
    compute: lettersDue,
  },
];
