/**
 * The figures Hearth counts for a review's half-year from the records, kind by kind: counts only
 * (and, for the agencies' payments, the service's own rates), counted in SQL over the area's
 * records for a review written per area, the whole service's otherwise. No name leaves the
 * database. A completed review keeps the figures it was completed with (tables.ts `figures`).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { ageGroups } from '../reviews/labels.ts';
import { allegationsAndComplaints } from './figures-matters.ts';
import { agencyPayments, carerRetention } from './figures-carers.ts';
import type { KindKey } from './kinds.ts';
import { between, count, inArea, inHalfYear, scopeOf, type Figures, type FigureScope } from './figure-parts.ts';

interface ChildrenRow {
  views: number;
  under_8: number;
  from_8_to_12: number;
  from_13: number;
  by_link: number;
  recorded: number;
  complaints: number;
  compliments: number;
  allegations: number;
  named: number;
  told: number;
}

/** Summary of children's feedback (action 1.1): for the area, what children told the service in the half-year. */
async function childrensFeedback(db: DbOrTx, s: FigureScope): Promise<Figures> {
  const [row] = await queryRows<ChildrenRow>(
    db,
    sql`with views as (
        select rc.source, coalesce(rch.age_group, rl.age_group) as age_group
        from review_contributions rc
        join annual_reviews ar on ar.id = rc.review_id
        join households h on h.id = ar.household_id
        join teams t on t.id = h.team_id
        left join review_children rch on rch.review_id = rc.review_id and rch.child_id = rc.child_id
        left join review_links rl on rl.id = rc.link_id
        where rc.kind = 'child_views' and ${inHalfYear(sql`rc.received_on`, s)} and ${inArea(s)}
      ), matters as (
        select c.id, c.kind, c.raised_by, c.known_on, coalesce(c.outcome_on, c.closed_on) as concluded_on
        from concerns c
        left join households h on h.id = c.household_id
        join teams t on t.id = coalesce(h.team_id, c.team_id)
        where ${inArea(s)}
      )
      select
        (select count(*)::int from views) as views,
        (select count(*)::int from views where age_group = 'under_8') as under_8,
        (select count(*)::int from views where age_group = '8_to_12') as from_8_to_12,
        (select count(*)::int from views where age_group = '13_plus') as from_13,
        (select count(*)::int from views where source = 'link') as by_link,
        (select count(*)::int from views where source <> 'link') as recorded,
        (select count(*)::int from matters m where m.raised_by = 'child' and m.kind = 'complaint' and ${inHalfYear(sql`m.known_on`, s)}) as complaints,
        (select count(*)::int from matters m where m.raised_by = 'child' and m.kind = 'compliment' and ${inHalfYear(sql`m.known_on`, s)}) as compliments,
        (select count(*)::int from matters m where m.raised_by = 'child' and m.kind in ('allegation', 'standard_of_care') and ${inHalfYear(sql`m.known_on`, s)}) as allegations,
        (select count(*)::int from matters m join concern_children cc on cc.concern_id = m.id
          where m.kind <> 'compliment' and ${inHalfYear(sql`m.concluded_on`, s)}) as named,
        (select count(*)::int from matters m join concern_children cc on cc.concern_id = m.id
          where m.kind <> 'compliment' and ${inHalfYear(sql`m.concluded_on`, s)} and cc.outcome_told_on is not null) as told`,
  );
  const r = row!;
  const where = s.areaId ? 'the area’s households' : 'the service’s households';
  return {
    sections: [
      {
        title: 'Children’s views for carers’ annual reviews',
        note: `Views received ${between(s)} for the annual reviews of ${where}, on the form for the child’s age.`,
        columns: ['Views'],
        as: 'count',
        rows: [
          count('Children’s views received', r.views),
          count(`${ageGroups.under_8} form`, r.under_8),
          count(`${ageGroups['8_to_12']} form`, r.from_8_to_12),
          count(`${ageGroups['13_plus']} form`, r.from_13),
          count('Given by the child through their link', r.by_link),
          count('Recorded by a worker', r.recorded),
        ],
      },
      {
        title: 'Raised by children',
        note: `Complaints, compliments, allegations and concerns raised by a child, received ${between(s)}.`,
        columns: ['Raised'],
        as: 'count',
        rows: [
          count('Complaints', r.complaints),
          count('Compliments', r.compliments),
          count('Allegations and concerns about standards of care', r.allegations),
        ],
      },
      {
        title: 'Outcomes given to children',
        note: `The children named in allegations, complaints and concerns concluded ${between(s)}.`,
        columns: ['Children'],
        as: 'count',
        rows: [
          count('Children named', r.named),
          count('Told the outcome', r.told),
          count('Not yet told the outcome', r.named - r.told),
        ],
      },
    ],
  };
}

/** The figures for a review of this kind, half-year and area, counted now. */
export function countFigures(db: DbOrTx, kind: KindKey, periodStart: string, areaId: string | null): Promise<Figures> {
  const s = scopeOf(periodStart, areaId);
  switch (kind) {
    case 'childrens-feedback':
      return childrensFeedback(db, s);
    case 'allegations-complaints':
      return allegationsAndComplaints(db, s);
    case 'carer-retention':
      return carerRetention(db, s);
    case 'agency-payments':
      return agencyPayments(db, s);
  }
}

/** Figures read back from a completed review (jsonb comes back parsed, or as text from some drivers). */
export function storedFigures(value: unknown): Figures | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Figures;
}
