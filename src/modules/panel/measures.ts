/**
 * The panel's measures on the scorecard (Target 10.2 of the business plan: robust recommendations
 * and decisions; every panel paper quality-assured by a team manager). Dates they compare are kept
 * on write (a meeting's papers-due day, a decision's due day), so each is one indexed select.
 */
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import { addYears } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { NMS_28 } from '../payments/labels.ts';
import { quorateSql } from './quorum.ts';

const TARGET_10_2 =
  'Target 10.2: robust recommendations at panel and in decision making; all panel papers quality assured by team managers';
const NMS_14 = 'NMS 14 (the fostering panel and the decision maker)';

/**
 * Agenda items (i) of meetings (m) held in the period, with the household (h) and team (t), joined to
 * their papers (p) as `papers` says: every paper, or (a left join) those still meant for panel.
 */
const itemsOfMeetingsIn = (period: Period, papers: SQL) => sql`panel_items i
  join panel_meetings m on m.id = i.meeting_id
  join households h on h.id = i.household_id
  join teams t on t.id = h.team_id
  ${papers}
  where m.meets_on between ${period.from}::date and ${period.asAt}::date`;

/** Every paper uploaded for an item. */
const everyPaper = sql`join panel_papers p on p.item_id = i.id`;
/**
 * The papers meant for the members: not those a team manager returned for changes (a new paper is
 * uploaded instead). An item left with none gives one row with no paper: its papers are missing.
 * The same rule as the papers' deadline in My work (due.ts).
 */
const papersForMembers = sql`left join panel_papers p on p.item_id = i.id and p.qa_outcome is distinct from 'returned'`;

function paperMeasure(papers: SQL, met: SQL, detail: SQL): Pick<Measure, 'count' | 'records'> {
  return {
    count: (period) => sql`select h.team_id, t.area_id, ${met} as met from ${itemsOfMeetingsIn(period, papers)}`,
    records: (period) => sql`select case when p.id is null then 'panel-item' else 'panel-paper' end as record_type,
        coalesce(p.id, i.id) as record_id,
        coalesce(p.title, 'No paper') || ': ' || h.name || ' (' || h.reference || ')' as label,
        '/panel/meetings/' || m.id as href, h.team_id, t.area_id, ${met} as met, ${detail} as detail, h.restricted,
        m.meets_on::text || ' ' || h.reference as sort_key
      from ${itemsOfMeetingsIn(period, papers)}`,
  };
}

export const papersPublishedOnTime: Measure = {
  id: 'panel.papers-on-time',
  title: 'Panel papers published 5 working days before the meeting',
  definition:
    'Of the papers for the panel meetings held in the month, the percentage published to the members on or before ' +
    'the fifth working day before the meeting. A paper a team manager returned for changes is not counted; an ' +
    'agenda item with no other paper is counted once, as not published (its papers are missing).',
  standard: NMS_14,
  planTarget: TARGET_10_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Published in time',
  missedLabel: 'Late or not published',
  order: 120,
  ...paperMeasure(
    papersForMembers,
    sql`coalesce(p.published_on <= m.papers_due_on, false)`,
    sql`case when p.id is null then 'No paper ready for the members'
      else coalesce('Published on ' || ${dateInWordsSql(sql`p.published_on`)}, 'Not published') end ||
      '; due by ' || ${dateInWordsSql(sql`m.papers_due_on`)}`,
  ),
};

export const papersQualityAssured: Measure = {
  id: 'panel.papers-assured',
  title: 'Panel papers quality-assured by a team manager',
  definition:
    'Of the papers for the panel meetings held in the month, the percentage a team manager quality-assured as ready ' +
    'for panel before the meeting.',
  standard: NMS_14,
  planTarget: TARGET_10_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Quality-assured',
  missedLabel: 'Not quality-assured',
  order: 121,
  ...paperMeasure(
    everyPaper,
    sql`(p.qa_outcome = 'accepted' and p.qa_on <= m.meets_on)`,
    sql`coalesce('Quality-assured on ' || ${dateInWordsSql(sql`p.qa_on`)}, 'Not quality-assured')`,
  ),
};

const meetingsIn = (period: Period) => sql`panel_meetings m
  where m.meets_on between ${period.from}::date and ${period.asAt}::date`;
const quorate = sql`coalesce(${sql.raw(quorateSql)}, false)`;

export const meetingsQuorate: Measure = {
  id: 'panel.quorate',
  title: 'Panel meetings quorate',
  definition:
    'Of the panel meetings held in the month, the percentage with their quorum: at least five members (advisers not ' +
    'counted), including the chair or the vice-chair, a social worker and an independent member.',
  standard: NMS_14,
  planTarget: TARGET_10_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Quorate',
  missedLabel: 'Not quorate',
  order: 122,
  byTeam: false,
  count: (period) =>
    sql`select null::uuid as team_id, null::uuid as area_id, ${quorate} as met from ${meetingsIn(period)}`,
  records: (period) => sql`select 'panel-meeting' as record_type, m.id as record_id,
      'Panel of ' || ${dateInWordsSql(sql`m.meets_on`)} as label, '/panel/meetings/' || m.id as href,
      null::uuid as team_id, null::uuid as area_id, ${quorate} as met, m.place as detail, false as restricted,
      m.meets_on::text as sort_key
    from ${meetingsIn(period)}`,
};

const decisionsIn = (period: Period) => sql`agency_decisions d
  join households h on h.id = d.household_id
  join teams t on t.id = h.team_id
  where not d.imported and d.due_on is not null
    and d.decided_on between ${period.from}::date and ${period.asAt}::date`;

export const decisionsInTime: Measure = {
  id: 'panel.decisions-in-time',
  title: 'Agency decisions within 7 working days',
  definition:
    'Of the agency decisions made in the month on a panel recommendation, the percentage made within 7 working days ' +
    'of the decision maker receiving the recommendation and the signed minutes. Decisions brought over from the old ' +
    'records are not counted.',
  standard: `${NMS_14}: NMS 14.9`,
  planTarget: TARGET_10_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'In time',
  missedLabel: 'Late',
  order: 123,
  count: (period) => sql`select h.team_id, t.area_id, d.decided_on <= d.due_on as met from ${decisionsIn(period)}`,
  records: (period) => sql`select 'agency-decision' as record_type, d.id as record_id,
      h.name || ' (' || h.reference || '), decided on ' || ${dateInWordsSql(sql`d.decided_on`)} as label,
      '/panel/items/' || d.item_id || '/decision' as href, h.team_id, t.area_id, d.decided_on <= d.due_on as met,
      'Due by ' || ${dateInWordsSql(sql`d.due_on`)} as detail, h.restricted, d.decided_on::text || ' ' || h.reference as sort_key
    from ${decisionsIn(period)}`,
};

/** Decisions (d) made in the period on proposals (i) to pay a household (h, team t) at skills level 2 or 3. */
const skillsDecisionsIn = (period: Period) => sql`agency_decisions d
  join panel_items i on i.id = d.item_id
  join households h on h.id = d.household_id
  join teams t on t.id = h.team_id
  where i.kind = 'skills_level' and d.decided_on between ${period.from}::date and ${period.asAt}::date`;
const levelAgreed = sql`d.outcome = 'skills_level'`;

export const skillsLevelsAgreed: Measure = {
  id: 'panel.skills-levels-agreed',
  title: 'Skills level 2 and 3 proposals agreed',
  definition:
    'Of the agency decisions made in the month on proposals to pay a household at skills level 2 or 3, the ' +
    'percentage that agreed the level proposed. Read by team and area, it shows whether carers and staff bring the ' +
    'evidence for a level the same way across the county. The plan sets no number, so the figure is shown and not ' +
    'rated.',
  standard: `${NMS_28} (payments to foster carers, and the criteria for each fee level); ${NMS_14}`,
  planTarget:
    'Target 6, action 6.2: a review of the payments for skills levels 2 and 3, with a clear process for the evidence and consistent practice across the county',
  unit: 'percentage',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  metLabel: 'Level agreed',
  missedLabel: 'Level not agreed',
  order: 151,
  count: (period) => sql`select h.team_id, t.area_id, ${levelAgreed} as met from ${skillsDecisionsIn(period)}`,
  records: (period) => sql`select 'agency-decision' as record_type, d.id as record_id,
      h.name || ' (' || h.reference || '), decided on ' || ${dateInWordsSql(sql`d.decided_on`)} as label,
      '/panel/items/' || d.item_id || '/decision' as href, h.team_id, t.area_id, ${levelAgreed} as met,
      'Skills level ' || i.skill_level || ' proposed; ' ||
        case when ${levelAgreed} then 'agreed' else 'not agreed' end as detail,
      h.restricted, d.decided_on::text || ' ' || h.reference as sort_key
    from ${skillsDecisionsIn(period)}`,
};

const TARGET_6_2 =
  'Target 6, action 6.2: a review of the payments for skills levels 2 and 3, with a clear process for the evidence and consistent practice across the county';

/** Skills level items (i) of meetings (m) held in the 12 months up to the period's day, with their checklist (e). */
const skillsItemsInYear = (period: Period) => sql`panel_items i
  join panel_meetings m on m.id = i.meeting_id
  join households h on h.id = i.household_id
  join teams t on t.id = h.team_id
  left join panel_skills_evidence e on e.item_id = i.id
  where i.kind = 'skills_level' and m.meets_on > ${addYears(period.asAt, -1)}::date
    and m.meets_on <= ${period.asAt}::date`;
const evidenceComplete = sql`coalesce(e.competencies and e.training and e.supervision and e.annual_review
  and e.childrens_views and e.carers_portfolio and e.checked_on <= m.meets_on, false)`;

export const skillsEvidenceComplete: Measure = {
  id: 'panel.skills-evidence-complete',
  title: 'Skills level proposals presented with all the evidence',
  definition:
    'Of the proposals to pay a household at skills level 2 or 3 on the agenda of panel meetings held in the 12 ' +
    'months up to the end of the month (today, for the current month), the percentage whose evidence checklist ' +
    'was complete by the day of the meeting: the competencies, the training, supervision, the latest annual ' +
    'review, the children’s social workers’ views and the carers’ own portfolio, each confirmed by the worker ' +
    'presenting the household.',
  standard: `${NMS_28} (the criteria for each fee level); ${NMS_14}`,
  planTarget: TARGET_6_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Evidence complete',
  missedLabel: 'Evidence incomplete',
  order: 152,
  count: (period) => sql`select h.team_id, t.area_id, ${evidenceComplete} as met from ${skillsItemsInYear(period)}`,
  records: (period) => sql`select 'panel-item' as record_type, i.id as record_id,
      h.name || ' (' || h.reference || '), panel of ' || ${dateInWordsSql(sql`m.meets_on`)} as label,
      '/panel/meetings/' || m.id as href, h.team_id, t.area_id, ${evidenceComplete} as met,
      case when e.item_id is null then 'No evidence checklist'
        else (e.competencies::int + e.training::int + e.supervision::int + e.annual_review::int
          + e.childrens_views::int + e.carers_portfolio::int)::text || ' of 6 confirmed on '
          || ${dateInWordsSql(sql`e.checked_on`)} end as detail,
      h.restricted, m.meets_on::text || ' ' || h.reference as sort_key
    from ${skillsItemsInYear(period)}`,
};

export const panelMeasures: Measure[] = [
  papersPublishedOnTime,
  papersQualityAssured,
  meetingsQuorate,
  decisionsInTime,
  skillsLevelsAgreed,
  skillsEvidenceComplete,
];
